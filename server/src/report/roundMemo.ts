/**
 * Results remembered by key from one report to the next: what the last report used is kept, the
 * rest is dropped, so memory stays at about two reports' worth however many are made.
 */
export class RoundMemo<V> {
  private previous = new Map<string, V>();
  private current = new Map<string, V>();

  /** Starts a new report: entries the last one did not use are forgotten. */
  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  get(key: string, make: () => V): V {
    let value = this.current.get(key) ?? this.previous.get(key);
    if (value === undefined) value = make();
    this.current.set(key, value);
    return value;
  }
}

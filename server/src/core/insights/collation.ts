/**
 * Sorting as `String.prototype.localeCompare` does, without calling it in every comparison: each
 * distinct string is ranked once, and strings the collation holds equal share a rank, so comparing
 * ranks gives the same sign as comparing the strings. A report over thousands of postmortems sorts
 * their files and dates many times; ranking them once makes those sorts numeric.
 */
export class Collation {
  private static last: Collation | undefined;
  private readonly ranks = new Map<string, number>();

  /**
   * A collation ranking every one of `values`: the last one made when it already does (the next
   * report after a save sorts the same files), else a new one. Ranks among more strings order any
   * subset of them just as well.
   */
  static covering(values: readonly string[]): Collation {
    const last = Collation.last;
    if (last?.ranksAll(values)) return last;
    Collation.last = new Collation(values);
    return Collation.last;
  }

  /** Whether every one of `values` has a rank here. */
  ranksAll(values: readonly string[]): boolean {
    return values.every((value) => this.ranks.has(value));
  }

  constructor(values: Iterable<string>) {
    const distinct = [...new Set(values)].sort((a, b) => a.localeCompare(b));
    let rank = 0;
    distinct.forEach((value, i) => {
      if (i > 0 && distinct[i - 1]!.localeCompare(value) !== 0) rank = i;
      this.ranks.set(value, rank);
    });
  }

  /**
   * `items` sorted by the strings `keys` gives each, in turn, then by `then`: as comparing those
   * strings with localeCompare would sort them, on numbers when every string is ranked.
   */
  sorted<T>(items: readonly T[], keys: (item: T) => string[], then: (a: T, b: T) => number = () => 0): T[] {
    const keyed = items.map((item) => {
      const strings = keys(item);
      return { item, strings, ranks: strings.map((k) => this.ranks.get(k)) };
    });
    const ranked = keyed.every((k) => k.ranks.every((r) => r !== undefined));
    const byKeys = (a: (typeof keyed)[number], b: (typeof keyed)[number]): number => {
      for (let i = 0; i < a.strings.length; i++) {
        const order = ranked ? a.ranks[i]! - b.ranks[i]! : this.compare(a.strings[i]!, b.strings[i]!);
        if (order !== 0) return order;
      }
      return 0;
    };
    return keyed.sort((a, b) => byKeys(a, b) || then(a.item, b.item)).map((k) => k.item);
  }

  /** Negative, zero or positive as `a.localeCompare(b)` is; strings never ranked are compared directly. */
  readonly compare = (a: string, b: string): number => {
    const ra = this.ranks.get(a);
    const rb = this.ranks.get(b);
    return ra !== undefined && rb !== undefined ? ra - rb : a.localeCompare(b);
  };
}

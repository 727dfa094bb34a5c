/**
 * Figures of a group of records, remembered from one report to the next while the group holds the
 * same record objects in the same order: after one postmortem is saved only its own groups (its
 * quarter, its service) are figured again. Records are never changed once made, so the same objects
 * mean the same figures. What the last report did not use is dropped, as RoundMemo does.
 */
export class MembersMemo<V> {
  private previous = new Map<string, { members: readonly object[]; value: V }>();
  private current = new Map<string, { members: readonly object[]; value: V }>();

  /** Starts a new report. */
  nextRound(): void {
    this.previous = this.current;
    this.current = new Map();
  }

  /** The figures of `members` under `key` (which names everything else they depend on). */
  get(key: string, members: readonly object[], make: () => V): V {
    const known = this.current.get(key) ?? this.previous.get(key);
    const value = known && sameMembers(known.members, members) ? known.value : make();
    this.current.set(key, { members, value });
    return value;
  }
}

function sameMembers(a: readonly object[], b: readonly object[]): boolean {
  if (a === b) return true;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

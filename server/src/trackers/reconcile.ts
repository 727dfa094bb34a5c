import { TrackerError, type CreatedTicket, type ExportItem, type FailedItem } from './types';

/**
 * "Reconcile before create". A create that timed out or answered 5xx may still have made the issue,
 * so an adapter asks the tracker which of this incident's issues exist before creating, and again
 * before repeating a create that failed that way. An existing issue whose title equals the item's
 * stands for it: it is written back instead of being created a second time.
 */

/** An issue the tracker already holds for this incident. */
export interface ExistingIssue {
  key: string;
  url: string;
  title: string;
}

/** Every issue the tracker holds for this incident. Throws when the tracker cannot say. */
export type IssueLookup = (signal?: AbortSignal) => Promise<ExistingIssue[]>;

export interface Reconciled {
  /** Items the tracker already has, with their issues. */
  found: CreatedTicket[];
  /** Items still to create. */
  missing: ExportItem[];
  /** All the items, when the lookup failed: creating them blind could duplicate. */
  failed: FailedItem[];
}

export const ALREADY_THERE = 'already in the tracker (made by an earlier run), not created again';

/** Titles as people read them: trimmed, runs of whitespace as one space, case ignored. */
export function titleMatchKey(title: string): string {
  return title.replace(/\s+/g, ' ').trim().toLowerCase();
}

export class Reconciler {
  private readonly taken: Set<string>;

  /**
   * `titleOf` is the title the adapter gives an item when creating it (truncation included);
   * `taken` holds keys other rows of the postmortem already name, which no item may claim.
   */
  constructor(
    private readonly lookup: IssueLookup,
    private readonly titleOf: (item: ExportItem) => string,
    taken: Iterable<string> = [],
  ) {
    this.taken = new Set([...taken].map((key) => key.toLowerCase()));
  }

  /** Records an issue as an item's, so that no other item with the same title is given it. */
  take(key: string): void {
    this.taken.add(key.toLowerCase());
  }

  /** Splits the items into those the tracker already has and those to create. */
  async reconcile(items: ExportItem[], signal?: AbortSignal): Promise<Reconciled> {
    if (items.length === 0) return { found: [], missing: [], failed: [] };
    let issues: ExistingIssue[];
    try {
      issues = await this.lookup(signal);
    } catch (error) {
      if (stopsTheRun(error, signal)) throw error;
      const reason = `could not check for issues created by an earlier run: ${(error as Error).message}`;
      return { found: [], missing: [], failed: items.map((item) => ({ index: item.index, error: reason })) };
    }
    return { ...this.match(items, issues, ALREADY_THERE), failed: [] };
  }

  /**
   * Asked before repeating a create that failed without saying whether it was carried out: true
   * only when the tracker answers and has none of these items, so repeating cannot duplicate.
   */
  async nothingCreated(items: ExportItem[], signal?: AbortSignal): Promise<boolean> {
    try {
      const issues = await this.lookup(signal);
      return items.every((item) => !this.findFree(issues, item));
    } catch (error) {
      if (!(error instanceof TrackerError)) throw error;
      return false;
    }
  }

  /**
   * After a create failed without saying whether it was carried out: items the tracker made anyway
   * are created (and said so), the others failed with the tracker's error. A failed lookup leaves
   * them all failed; the next run checks again before creating.
   */
  async settle(
    items: ExportItem[],
    error: string,
    signal?: AbortSignal,
  ): Promise<{ created: CreatedTicket[]; failed: FailedItem[] }> {
    let issues: ExistingIssue[] = [];
    try {
      issues = await this.lookup(signal);
    } catch (lookupError) {
      // Even a refused credential only leaves these items failed: what was created must still be written back.
      if (!(lookupError instanceof TrackerError)) throw lookupError;
    }
    const { found, missing } = this.match(
      items,
      issues,
      `created although the tracker answered with an error (${error})`,
    );
    return { created: found, failed: missing.map((item) => ({ index: item.index, error })) };
  }

  private match(
    items: ExportItem[],
    issues: ExistingIssue[],
    note: string,
  ): { found: CreatedTicket[]; missing: ExportItem[] } {
    const found: CreatedTicket[] = [];
    const missing: ExportItem[] = [];
    for (const item of items) {
      const issue = this.findFree(issues, item);
      if (!issue) {
        missing.push(item);
        continue;
      }
      this.take(issue.key);
      found.push({ index: item.index, key: issue.key, url: issue.url, note });
    }
    return { found, missing };
  }

  private findFree(issues: ExistingIssue[], item: ExportItem): ExistingIssue | undefined {
    const wanted = titleMatchKey(this.titleOf(item));
    return issues.find((issue) => !this.taken.has(issue.key.toLowerCase()) && titleMatchKey(issue.title) === wanted);
  }
}

/**
 * A refused credential or setting (a TrackerError naming what to fix) and a cancel end the run;
 * other lookup failures are the items'.
 */
function stopsTheRun(error: unknown, signal?: AbortSignal): boolean {
  return signal?.aborted === true || !(error instanceof TrackerError) || error.fix !== undefined;
}

import type { Reconciler } from './reconcile';
import { TrackerError, type CreateResult, type ExportItem } from './types';

/** What creating one item came to: made (perhaps found made after an error), or failed. */
export type ItemOutcome = Pick<CreateResult, 'created' | 'failed'>;

/**
 * Creates items one request at a time, for trackers with no bulk create (GitHub, Linear): items the
 * tracker already has are taken from it first, then each missing one is created by `createOne`.
 * A throw from `createOne` (a cancel, the network, a refused credential, a failure every item would
 * meet) ends the run: before anything was made or failed it propagates; after, the items not yet
 * tried are failed with its message, and what was made is returned so it is still written back.
 */
export async function createOneByOne(
  items: ExportItem[],
  reconciler: Reconciler,
  createOne: (item: ExportItem) => Promise<ItemOutcome>,
  signal?: AbortSignal,
): Promise<CreateResult> {
  const { found, missing, failed: unchecked } = await reconciler.reconcile(items, signal);
  const created = [...found];
  const failed = [...unchecked];
  for (const [position, item] of missing.entries()) {
    try {
      if (signal?.aborted) throw new TrackerError('Cancelled before this item was created.');
      const outcome = await createOne(item);
      created.push(...outcome.created);
      failed.push(...outcome.failed);
    } catch (error) {
      if (created.length === 0 && failed.length === 0) throw error;
      for (const rest of missing.slice(position)) failed.push({ index: rest.index, error: (error as Error).message });
      break;
    }
  }
  return { created, failed };
}

/**
 * An item the tracker did not create. After a server error (5xx) it may have all the same, so the
 * tracker is asked before the item is called failed.
 */
export function notCreated(
  item: ExportItem,
  error: string,
  status: number,
  reconciler: Reconciler,
  signal?: AbortSignal,
): Promise<ItemOutcome> {
  return status >= 500
    ? reconciler.settle([item], error, signal)
    : Promise.resolve({ created: [], failed: [{ index: item.index, error }] });
}

/** The name a tracker's setting goes by in messages: `trackers.<name>.<key>`, or the key alone. */
export const settingName =
  (trackerName: string | undefined) =>
  (key: string): string =>
    trackerName ? `trackers.${trackerName}.${key}` : key;

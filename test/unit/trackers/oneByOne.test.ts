/**
 * What the GitHub and Linear adapters share when they create issues one request at a time: issues
 * made by an earlier run are taken, not made again; a failure before anything was made ends the
 * run with it; after, what was made is kept for the write-back and the rest are failed with its
 * message; a server error asks the tracker whether the item was made all the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createOneByOne, notCreated, settingName, type ItemOutcome } from '../../../server/src/trackers/oneByOne';
import { Reconciler, type ExistingIssue } from '../../../server/src/trackers/reconcile';
import { TrackerError, type ExportItem } from '../../../server/src/trackers/types';

const item = (index: number, action: string): ExportItem => ({ index, action, state: 'open' });
const ITEMS = [item(0, 'Add a canary stage'), item(1, 'Alert on error rate'), item(2, 'Write the runbook')];

/** A tracker that holds `existing` issues and counts how often it was asked for them. */
function tracker(existing: ExistingIssue[] = []) {
  const asked = { count: 0 };
  const reconciler = new Reconciler(
    async () => (asked.count++, existing),
    (i) => i.action,
  );
  return { reconciler, asked };
}

const made = (i: ExportItem): ItemOutcome => ({
  created: [{ index: i.index, key: `K-${i.index}`, url: `https://t.example/${i.index}` }],
  failed: [],
});

describe('creating one item at a time', () => {
  it('creates each missing item once and takes the ones an earlier run made', async () => {
    const { reconciler } = tracker([{ key: 'K-9', url: 'https://t.example/9', title: 'Alert on error rate' }]);
    const tried: number[] = [];
    const result = await createOneByOne(ITEMS, reconciler, async (i) => (tried.push(i.index), made(i)));
    assert.deepEqual(tried, [0, 2]);
    assert.deepEqual(
      result.created.map((c) => [c.index, c.key]),
      [
        [1, 'K-9'],
        [0, 'K-0'],
        [2, 'K-2'],
      ],
    );
    assert.deepEqual(result.failed, []);
  });

  it('ends the run with the first failure when nothing was made yet', async () => {
    const { reconciler } = tracker();
    const refused = new TrackerError('The tracker refused the token.', 'TOKEN');
    await assert.rejects(
      createOneByOne(ITEMS, reconciler, async () => {
        throw refused;
      }),
      (error) => error === refused,
    );
  });

  it('keeps what was made and fails the rest with the reason, once something was made', async () => {
    const { reconciler } = tracker();
    const result = await createOneByOne(ITEMS, reconciler, async (i) => {
      if (i.index === 1) throw new Error('socket hang up');
      return made(i);
    });
    assert.deepEqual(
      result.created.map((c) => c.index),
      [0],
    );
    assert.deepEqual(result.failed, [
      { index: 1, error: 'socket hang up' },
      { index: 2, error: 'socket hang up' },
    ]);
  });

  it('stops before the next item when cancelled', async () => {
    const { reconciler } = tracker();
    const controller = new AbortController();
    const result = await createOneByOne(
      ITEMS,
      reconciler,
      async (i) => (controller.abort(), made(i)),
      controller.signal,
    );
    assert.deepEqual(
      result.created.map((c) => c.index),
      [0],
    );
    assert.deepEqual(
      result.failed.map((f) => [f.index, f.error]),
      [
        [1, 'Cancelled before this item was created.'],
        [2, 'Cancelled before this item was created.'],
      ],
    );
  });
});

describe('an item the tracker did not create', () => {
  it('after a server error, is the issue the tracker made all the same', async () => {
    const { reconciler, asked } = tracker([{ key: 'K-7', url: 'https://t.example/7', title: 'Write the runbook' }]);
    const outcome = await notCreated(ITEMS[2], 'HTTP 502', 502, reconciler);
    assert.equal(asked.count, 1);
    assert.deepEqual(
      outcome.created.map((c) => [c.index, c.key]),
      [[2, 'K-7']],
    );
    assert.match(outcome.created[0].note ?? '', /HTTP 502/);
  });

  it('after a refusal, is failed without asking the tracker', async () => {
    const { reconciler, asked } = tracker([{ key: 'K-7', url: 'https://t.example/7', title: 'Write the runbook' }]);
    const outcome = await notCreated(ITEMS[2], 'Validation failed', 422, reconciler);
    assert.equal(asked.count, 0);
    assert.deepEqual(outcome, { created: [], failed: [{ index: 2, error: 'Validation failed' }] });
  });
});

describe("a tracker setting's name in messages", () => {
  it('is under its tracker when the tracker has a name, else the key alone', () => {
    assert.equal(settingName('gh')('repo'), 'trackers.gh.repo');
    assert.equal(settingName(undefined)('repo'), 'repo');
  });
});

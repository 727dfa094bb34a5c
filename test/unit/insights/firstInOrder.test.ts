/**
 * The report's oldest open items are picked without sorting every item: the pick must be the start
 * of a stable sort, ties in their original order.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { firstInOrder } from '../../../server/src/core/insights/aggregate';

const byKey = (a: { key: number }, b: { key: number }) => a.key - b.key;

describe('firstInOrder', () => {
  it('gives the first items of a stable sort, ties in their original order', () => {
    const items = fc.array(fc.integer({ min: 0, max: 6 }), { maxLength: 60 });
    fc.assert(
      fc.property(items, fc.integer({ min: 0, max: 12 }), (keys, count) => {
        const tagged = keys.map((key, at) => ({ key, at }));
        assert.deepEqual(firstInOrder(tagged, count, byKey), [...tagged].sort(byKey).slice(0, count));
      }),
      { numRuns: 300 },
    );
  });

  it('keeps an earlier item before an equal later one', () => {
    const items = [
      { key: 2, at: 0 },
      { key: 1, at: 1 },
      { key: 1, at: 2 },
      { key: 0, at: 3 },
    ];
    assert.deepEqual(
      firstInOrder(items, 2, byKey).map((i) => i.at),
      [3, 1],
    );
  });
});

/**
 * The report is figured period by period and the parts merged: the memo that keeps a period's
 * figures must notice any replaced record, and merging sorted parts must give the stable sort of all.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { mergeSorted } from '../../../server/src/core/insights/itemFigures';
import { MembersMemo } from '../../../server/src/core/insights/membersMemo';

describe('MembersMemo', () => {
  const a = { name: 'a' };
  const b = { name: 'b' };

  it('reuses figures while the members are the same objects in the same order', () => {
    const memo = new MembersMemo<string>();
    let made = 0;
    const figure = (members: object[]) => memo.get('Q1', members, () => `made ${++made}`);
    memo.nextRound();
    assert.equal(figure([a, b]), 'made 1');
    memo.nextRound();
    assert.equal(figure([a, b]), 'made 1', 'a new array of the same records');
    memo.nextRound();
    assert.equal(figure([a, { ...b }]), 'made 2', 'a record replaced by an equal copy');
    memo.nextRound();
    assert.equal(figure([b, a]), 'made 3', 'the same records in another order');
    memo.nextRound();
    assert.equal(figure([b]), 'made 4', 'one record fewer');
  });

  it('keys figures apart and forgets those a report did not use', () => {
    const memo = new MembersMemo<number>();
    memo.nextRound();
    assert.equal(
      memo.get('Q1', [a], () => 1),
      1,
    );
    assert.equal(
      memo.get('Q2', [a], () => 2),
      2,
    );
    memo.nextRound();
    memo.get('Q1', [a], () => 3);
    memo.nextRound();
    memo.nextRound();
    assert.equal(
      memo.get('Q1', [a], () => 4),
      4,
      'two reports without Q1 dropped it',
    );
  });
});

describe('mergeSorted', () => {
  it('merges the parts of a stable sort into the stable sort of the whole, ties in part order', () => {
    const byKey = (x: { key: number }, y: { key: number }) => x.key - y.key;
    const part = fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 12 });
    fc.assert(
      fc.property(fc.array(part, { maxLength: 6 }), (keys) => {
        const parts = keys.map((list, p) => list.map((key, at) => ({ key, p, at })).sort(byKey));
        assert.deepEqual(mergeSorted(parts, byKey), parts.flat().sort(byKey));
      }),
      { numRuns: 300 },
    );
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mean, median, percentile } from '../../../server/src/core/insights/percentile';

describe('percentile (linear interpolation between closest ranks)', () => {
  it('gives the middle value, or the mean of the two middle values, as the median', () => {
    assert.equal(median([40, 5, 20]), 20);
    assert.equal(median([10, 45, 12, 30]), 21);
  });

  it('interpolates between the ranks around (n - 1) * p / 100', () => {
    assert.equal(percentile([3, 5, 10, 20, 40], 90), 32);
    assert.equal(percentile([1, 2], 25), 1.25);
    assert.equal(percentile([7], 90), 7);
    assert.equal(percentile([1, 2, 3], 0), 1);
    assert.equal(percentile([1, 2, 3], 100), 3);
  });

  it('has nothing to say about no values, and refuses a percentile outside 0..100', () => {
    assert.equal(median([]), undefined);
    assert.equal(mean([]), undefined);
    assert.throws(() => percentile([1], 101), RangeError);
    assert.throws(() => percentile([1], Number.NaN), RangeError);
  });

  it("does not reorder the caller's values", () => {
    const values = [3, 1, 2];
    percentile(values, 50);
    assert.deepEqual(values, [3, 1, 2]);
  });
});

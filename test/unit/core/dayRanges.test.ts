import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addWorkingDays, freshContext, resolveStamp } from '../../../server/src/core/time/resolve';
import { findStamps, leadingStamp, relativeLead } from '../../../server/src/core/time/stamps';

const fresh = freshContext(undefined);

/** The first and last day a line's leading range of days names, as ISO dates. */
function range(line: string): [string, string | undefined] | undefined {
  const stamp = leadingStamp(line);
  if (!stamp) return undefined;
  const read = resolveStamp(stamp, { ...fresh });
  const iso = (t: number | undefined) => (t === undefined ? undefined : new Date(t).toISOString().slice(0, 10));
  return [iso(read.time)!, iso(read.endTime)];
}

describe('ranges of whole days', () => {
  it('reads a range of ISO dates after "Between" as a day with its last day', () =>
    assert.deepEqual(range('Between 2024-05-02 to 2024-05-08 the key was readable'), ['2024-05-02', '2024-05-08']));

  it('joins "between … and …" and lends the last day’s year to the first', () =>
    assert.deepEqual(range('between March 3 and March 9, 2022: backups skipped'), ['2022-03-03', '2022-03-09']));

  it('takes the year before for a first day that would fall after the last', () =>
    assert.deepEqual(range('From 30 December to 2 January 2025 - freeze'), ['2024-12-30', '2025-01-02']));

  it('keeps two dates apart when the second falls before the first', () => {
    const stamps = findStamps('2024-05-08 to 2024-05-02');
    assert.equal(stamps.length, 2);
    assert.equal(stamps[0].date?.until, undefined);
  });

  it('does not join "and" without "between" before the first day', () =>
    assert.equal(findStamps('3 March and 9 March were quiet').length, 2));

  it('reads no other lone date after words as a row', () =>
    assert.equal(leadingStamp('The review is on 2024-05-02'), undefined));
});

describe('working days after the anchor', () => {
  it('reads "[+2 Business Days Later]" as two working days, not minutes', () => {
    const stamp = relativeLead('[+2 Business Days Later] fixes staged');
    assert.deepEqual([stamp?.businessDays, stamp?.relative], [2, undefined]);
  });

  it('keeps "+2 days" an offset in minutes', () => assert.equal(relativeLead('+2 days rollout')?.relative, 2880));

  it('skips the weekend', () => {
    // Thursday 2025-05-29 plus two working days is Monday 2 June.
    assert.deepEqual(addWorkingDays({ year: 2025, month: 5, day: 29 }, 2), { year: 2025, month: 6, day: 2 });
    assert.deepEqual(addWorkingDays({ year: 2025, month: 5, day: 26 }, 1), { year: 2025, month: 5, day: 27 });
  });
});

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { candidatesOf } from '../../../server/src/core/metrics/milestones';
import { durationField, spansIn } from '../../../server/src/core/time/spans';
import { findStamps } from '../../../server/src/core/time/stamps';

const TIMELINE = join(__dirname, '..', '..', 'fixtures', 'timeline');
const iso = (time: number) => new Date(time).toISOString().replace('.000Z', 'Z');

/** The span ends offered as candidates, as "line time" (1-based lines). */
function spanEnds(name: string): string[] {
  const doc = analyzeText(readFileSync(join(TIMELINE, name), 'utf8'), `file:///${name}`);
  return candidatesOf(doc.milestones)
    .filter((c) => c.source === 'prose' && c.text.endsWith('(end)') && !c.text.startsWith('outage window'))
    .map((c) => `${c.line + 1} ${iso(c.time)}`)
    .sort();
}

describe('spans stated from a time', () => {
  const cases: [string, string | undefined, number | undefined][] = [
    ['between 07:30 and 09:30 UTC, followed by slow pages for the next 2 hours', '07:30 and 09:30 UTC', 120],
    ['At 14:10 UTC the API was down for about 40 minutes.', '14:10 UTC', 40],
    ['14:10 rollback started; errors stopped 12 minutes later', '14:10', 12],
    ['a spike lasting 1 hour and 30 minutes from 03:00', undefined, undefined],
    ['drops of 6 minutes beginning from UTC 04:21 and 3 minutes (UTC 04:50)', '04:21', 6],
    ['At 14:10 we scaled to 3 replicas.', undefined, undefined],
    ['14:10 checkout back to normal for 30 minutes, incident resolved', undefined, undefined],
    ['14:10 error rates back to normal for thirty minutes; resolved', undefined, undefined],
    ['14:10 error rates elevated for thirty minutes', '14:10', 30],
    ['14:10 monitoring for another 30 minutes before closing', '14:10', 30],
    ['At 14:10 the deploy ran. It took 5 minutes to build later ones.', undefined, undefined],
  ];
  for (const [text, anchor, minutes] of cases) {
    it(`reads "${text}"`, () => {
      const first = spansIn(text)[0];
      assert.equal(first?.anchor.text.trim(), anchor);
      assert.equal(first?.minutes, minutes);
    });
  }

  it('reads each duration before its own time, in a list of several', () => {
    const text = 'drops of 6 minutes beginning from UTC 04:21, 2 minutes (UTC 04:37) and 3 minutes (UTC 04:50)';
    assert.deepEqual(
      spansIn(text).map((s) => [s.anchor.text.trim(), s.minutes]),
      [
        ['04:21', 6],
        ['04:37', 2],
        ['04:50', 3],
      ],
    );
  });

  it('reads a duration field, and nothing else, as one', () => {
    assert.equal(durationField('Event Duration 30m'), 30);
    assert.equal(durationField('**Duration**: about 1h 15m'), 75);
    assert.equal(durationField('Duration of the review meeting was long'), undefined);
    assert.equal(durationField('The outage duration was 30m, as stated.'), undefined);
  });

  it("offers each span's end as a candidate instant, anchored where the line says", () => {
    // 10:14 + 25 minutes on a timeline row; the summary window's end, 10:20, + 45 minutes.
    assert.deepEqual(spanEnds('span-after-time.md'), ['11 2025-06-03T11:05:00Z', '20 2025-06-03T10:39:00Z']);
  });

  it("offers a status record's start plus its duration as the end", () => {
    assert.deepEqual(spanEnds('status-record-duration.md'), ['5 2024-03-14T10:30:00Z']);
  });

  it('reads the last day of a range of days in one month, and only a forward range', () => {
    const lastDay = (text: string) => findStamps(text)[0]?.date?.lastDay;
    assert.equal(lastDay('7-13th Nov - restored, a few customers a day'), 13);
    assert.equal(lastDay('Nov 7–13, 2023: restores'), 13);
    assert.equal(lastDay('13-7 Nov: restores'), undefined);
    assert.equal(lastDay('28-31 Feb: restores'), undefined);
  });

  it("offers a day range's last day as a candidate, beside its first day as the row's time", () => {
    assert.deepEqual(spanEnds('ordinal-dates.md'), ['24 2023-11-13T00:00:00Z']);
  });
});

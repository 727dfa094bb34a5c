import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { compactLead, couldBeYear, findStamps, isDateLine, leadingStamp } from '../../../server/src/core/time/stamps';
import { freshContext, resolveStamp, type ReadingContext } from '../../../server/src/core/time/resolve';

/** Resolves the leading stamp of a line with a fresh context, as ISO UTC. */
function read(line: string, context: Partial<ReadingContext> = {}): string | undefined {
  const stamp = leadingStamp(line);
  if (!stamp) return undefined;
  const ctx = freshContext(undefined, context);
  const resolved = resolveStamp(stamp, ctx);
  return resolved.time === undefined ? undefined : new Date(resolved.time).toISOString().replace('.000Z', 'Z');
}

const day = { year: 2024, month: 3, day: 5 };

describe('time stamps as people write them', () => {
  const cases: [string, string | undefined, Partial<ReadingContext>?][] = [
    ['2024-03-05 14:51 UTC Alert fires', '2024-03-05T14:51:00Z'],
    ['2024-07-30T02:33:00Z', '2024-07-30T02:33:00Z'],
    ['2024-07-30T02:33:00+02:00 started', '2024-07-30T00:33:00Z'],
    ['**16:58 UTC** - error rate rises', '2024-03-05T16:58:00Z', { date: day }],
    ['30 July 2024, 02:33 IST.', '2024-07-29T21:03:00Z'],
    ['9:37 PM PST rollback', '2024-03-06T05:37:00Z', { date: day }],
    ['23.11.2024 at 23:12 (CET)', '2024-11-23T22:12:00Z'],
    ['11:10 6th Nov 2023 - deploy', '2023-11-06T11:10:00Z'],
    ['24-10-2024 14:05 - thing', '2024-10-24T14:05:00Z'],
    ['03:26pm restarted', '2024-03-05T15:26:00Z', { date: day }],
    ['2:10am SAST', '2024-03-05T00:10:00Z', { date: day }],
    ['**23:15 UTC / 16:15 PDT**: degradation', '2024-03-05T23:15:00Z', { date: day }],
    ['First detected: 2023-01-11 14:22', '2023-01-11T14:22:00Z'],
    ['14:02 (Europe/Berlin) deploy', '2024-03-05T13:02:00Z', { date: day }],
    ['2/20/2008 2:05 pm', '2008-02-20T14:05:00Z'],
    ['version v1.10.12 deployed', undefined],
    ['we waited 2-3 hours', undefined],
    // A date then four digits and a zone: a time on that day, not the year 1924 or 0117.
    ['- Feb 9 1924 UTC: replica reports a mismatch', '2024-02-09T19:24:00Z', { reference: day }],
    ['Feb 8, 0117 UTC: first report', '2024-02-08T01:17:00Z', { reference: day }],
    ['12.39UTC chain halts', '2024-03-05T12:39:00Z', { date: day }],
    ['12.39 UTC chain halts', '2024-03-05T12:39:00Z', { date: day }],
    ['4.05 pm rollback', '2024-03-05T16:05:00Z', { date: day }],
    ['release 11.5 shipped', undefined],
    ['12.39 chain halts', undefined],
    // A year, a month by name, then the day, in any case; and the day first, the year last.
    ['2025-Feb-07 15:06 UTC: patch agreed', '2025-02-07T15:06:00Z'],
    ['2025-DEC-5', '2025-12-05T00:00:00Z'],
    ['07-Feb-2025 09:30 UTC reboot', '2025-02-07T09:30:00Z'],
    ['2025/mar/03 10:00 UTC', '2025-03-03T10:00:00Z'],
  ];
  for (const [line, expected, context] of cases) {
    it(`reads ${JSON.stringify(line)}`, () => assert.equal(read(line, context), expected));
  }

  it('keeps the year of a named-month date that a colon follows, as a day heading has', () => {
    const years = ['6th November 2022:', '**March 9, 2022:** backups skipped'].map((t) => findStamps(t)[0]?.date?.year);
    assert.deepEqual(years, [2022, 2022]);
    assert.ok(isDateLine('**6th November 2022:**'));
    assert.equal(findStamps('May 13:45')[0].date, undefined);
  });

  it('reads no date where a month named between a year and a day cannot hold it', () => {
    assert.equal(findStamps('2025-Feb-30').length, 0);
    assert.equal(findStamps('build 2025-Feb7').length, 0);
  });

  it('keeps a plausible year after a named-month date, even with a zone after it', () => {
    const [stamp] = findStamps('Mar 3 2019 UTC');
    assert.deepEqual([stamp.date?.year, stamp.time], [2019, undefined]);
  });

  it('reads a dotted time leading a row only where a timeline asks for it, and never a version', () => {
    assert.deepEqual(compactLead('12.39 Alert fires')?.time, { hour: 12, minute: 39, second: 0, twelveHour: false });
    assert.equal(compactLead('11.5 release notes'), undefined);
    assert.equal(couldBeYear(compactLead('20.19 Alert fires')!), false);
  });

  it('reads "UTC - 6 March" as a range to another day, and "UTC - 6" alone as an offset', () => {
    const [range] = findStamps('2025-03-05 09:00 UTC - 6 March 2025, 10:30 UTC outage window');
    assert.equal(range.zone?.label, 'UTC');
    assert.deepEqual([range.rangeEnd?.date?.day, range.rangeEnd?.time?.hour], [6, 10]);
    const [numeric] = findStamps('09:00 UTC - 6/3/2025 10:30 UTC');
    assert.equal(numeric.zone?.label, 'UTC');
    assert.equal(findStamps('14:00 UTC - 6 the queue stalls')[0].zone?.label, 'UTC-06:00');
  });

  it("reads a range end in the zone it names, not in the start's", () => {
    const [dated] = findStamps('Window: 10:15 AM BST - April 2 2025, 19:45 PM UTC');
    const read = resolveStamp(dated, freshContext(day));
    assert.equal(new Date(read.time!).toISOString(), '2024-03-05T09:15:00.000Z');
    assert.equal(new Date(read.endTime!).toISOString(), '2025-04-02T19:45:00.000Z');
    const [plain] = findStamps('from 08:00 CET until 15:00 UTC');
    assert.equal(new Date(resolveStamp(plain, freshContext(day)).endTime!).toISOString(), '2024-03-05T15:00:00.000Z');
  });

  it('reads "UTC - 10:00 UTC" as a dash between two times, not an offset of UTC-10', () => {
    const stamps = findStamps('08:00 UTC - 10:00 UTC the queue stalls');
    assert.deepEqual(
      stamps.map((s) => [s.time?.hour, s.zone?.label]),
      [
        [8, 'UTC'],
        [10, 'UTC'],
      ],
    );
  });

  it('reads a time range with its end on the next day', () => {
    const [stamp] = findStamps('23:15-00:30 UTC increasing errors');
    assert.ok(stamp.rangeEnd);
    const resolved = resolveStamp(stamp, freshContext(day));
    assert.equal(new Date(resolved.endTime!).toISOString(), '2024-03-06T00:30:00.000Z');
  });

  it('rolls a bare time past midnight to the next day, and back for newest-first logs', () => {
    const ctx: ReadingContext = {
      date: day,
      reference: day,
      zone: { label: 'UTC', offset: 0 },
      zoneSource: 'sentence',
      lastMinutes: undefined,
      direction: 1,
    };
    resolveStamp(findStamps('23:50 spike')[0], ctx);
    const next = resolveStamp(findStamps('00:10 recovered')[0], ctx);
    assert.equal(next.rolledOver, true);
    assert.equal(new Date(next.time!).toISOString(), '2024-03-06T00:10:00.000Z');
    const back: ReadingContext = { ...ctx, date: day, lastMinutes: undefined, direction: -1 };
    resolveStamp(findStamps('00:10 recovered')[0], back);
    const earlier = resolveStamp(findStamps('23:50 spike')[0], back);
    assert.equal(new Date(earlier.time!).toISOString(), '2024-03-04T23:50:00.000Z');
  });

  it('does not roll over for an entry that is merely out of order', () => {
    const ctx: ReadingContext = {
      date: day,
      reference: day,
      zone: undefined,
      zoneSource: undefined,
      lastMinutes: undefined,
      direction: 1,
    };
    resolveStamp(findStamps('14:00 a')[0], ctx);
    const back = resolveStamp(findStamps('09:00 b')[0], ctx);
    assert.equal(back.rolledOver, false);
  });

  it('reads PST on a June date at its stated offset (UTC-8) and flags the contradiction', () => {
    const resolved = resolveStamp(findStamps('2024-06-12 09:00 PST')[0], {
      date: undefined,
      reference: undefined,
      zone: undefined,
      zoneSource: undefined,
      lastMinutes: undefined,
      direction: 1,
    });
    assert.equal(resolved.contradicts, true);
    assert.equal(new Date(resolved.time!).toISOString(), '2024-06-12T17:00:00.000Z');
  });

  it('tells date lines from entries', () => {
    assert.equal(isDateLine('2024-03-05 (all times UTC)'), true);
    assert.equal(isDateLine('Monday, Nov. 13, 2017'), true);
    assert.equal(isDateLine('2024-03-05 14:00 deploy'), false);
    assert.equal(isDateLine('We shipped on 2024-03-05 after review'), false);
  });

  it('takes the month-first reading of an ambiguous date when it is nearer the document date', () => {
    const ctx: ReadingContext = {
      date: undefined,
      reference: { year: 2024, month: 3, day: 4 },
      zone: undefined,
      zoneSource: undefined,
      lastMinutes: undefined,
      direction: 1,
    };
    const resolved = resolveStamp(findStamps('03/05/2024 10:00 UTC')[0], ctx);
    assert.equal(new Date(resolved.time!).toISOString(), '2024-03-05T10:00:00.000Z');
  });
});

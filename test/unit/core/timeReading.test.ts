import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { candidatesOf } from '../../../server/src/core/metrics/milestones';
import type { PostmortemDocument } from '../../../server/src/core/model';
import { windowField } from '../../../server/src/core/timeline/labelledWindow';
import { freshContext, resolveStamp } from '../../../server/src/core/time/resolve';
import { findStamps } from '../../../server/src/core/time/stamps';

const TIMELINE = join(__dirname, '..', '..', 'fixtures', 'timeline');
const fixture = (name: string): PostmortemDocument =>
  analyzeText(readFileSync(join(TIMELINE, name), 'utf8'), `file:///${name}`);
const iso = (time: number | undefined) =>
  time === undefined ? undefined : new Date(time).toISOString().replace('.000Z', 'Z');
const noContext = () => freshContext(undefined);

/** Candidate instants read from prose windows, as "start/end" ISO pairs in reading order. */
function proseInstants(doc: PostmortemDocument, line: number): string[] {
  return candidatesOf(doc.milestones)
    .filter((c) => c.source === 'prose' && c.line === line - 1)
    .map((c) => `${c.text.endsWith('(end)') ? 'end' : 'start'} ${iso(c.time)}`);
}

describe('windows whose ends give their own date', () => {
  it('read "date, time - date, time" as one range, the end on its own day', () => {
    const [stamp] = findStamps('Date: March 3 2025, 9:30 AM UTC - March 4 2025, 1:15 AM UTC');
    const read = resolveStamp(stamp, noContext());
    assert.equal(iso(read.time), '2025-03-03T09:30:00Z');
    assert.equal(iso(read.endTime), '2025-03-04T01:15:00Z');
  });

  it('drop an end dated before its start rather than invent a window that runs backwards', () => {
    const [stamp] = findStamps('May 14 2025, 10:45 AM UTC - May 14 2025, 1:15 AM UTC');
    assert.equal(resolveStamp(stamp, noContext()).endTime, undefined);
  });

  it('keep an aside in parentheses inside "between … and …"', () => {
    const stamps = findStamps('6th March, 2024 between 10.15UTC (release 4.2.0) and 12.40UTC');
    const window = stamps.find((s) => s.time);
    assert.equal(window?.rangeEnd?.time.hour, 12);
    assert.equal(window?.rangeEnd?.time.minute, 40);
  });

  it('do not join two times that an aside separates without "between" or "from" before them', () => {
    const stamps = findStamps('at 10:00 (PR #4) and 11:00 again');
    assert.equal(stamps.length, 2);
    assert.equal(stamps[0].rangeEnd, undefined);
  });
});

describe('summary fields that state the window', () => {
  it('give the start and end as candidates from a "Date:" list item', () => {
    assert.deepEqual(proseInstants(fixture('window-field.md'), 6), [
      'start 2025-03-03T09:30:00Z',
      'end 2025-03-04T01:15:00Z',
    ]);
  });

  it("take the field's own date for a window written apart from it, once", () => {
    assert.deepEqual(proseInstants(fixture('window-field-aside.md'), 3), [
      'start 2024-03-06T10:15:00Z',
      'end 2024-03-06T12:40:00Z',
    ]);
  });

  it('are only fields that name a date or window', () => {
    assert.equal(windowField('Duration: 09:30 - 11:00 UTC'), undefined);
    assert.ok(windowField('**When**: 09:30 - 11:00 UTC'));
  });
});

describe('times inside one paragraph of prose', () => {
  const doc = fixture('prose-sentence-times.md');

  it('read every time of a sentence opened by "On <date> at <time>", in the zone the first one names', () => {
    assert.deepEqual(
      doc.timeline.entries.map((e) => [iso(e.time), e.zone]),
      [
        ['2025-02-14T22:20:00Z', 'UTC+01:00'],
        ['2025-02-14T22:48:00Z', 'UTC+01:00'],
        ['2025-02-14T22:57:00Z', 'UTC+01:00'],
        ['2025-02-14T23:10:00Z', 'UTC+01:00'],
      ],
    );
  });

  it('read a window in prose on the local day in force where it stands, past midnight', () => {
    assert.deepEqual(proseInstants(doc, 3).slice(0, 2), ['start 2025-02-14T23:10:00Z', 'end 2025-02-14T23:25:00Z']);
  });
});

describe('documents that give only days', () => {
  it('make the day an entry with no time of day, worded by its sentence', () => {
    const [entry] = fixture('date-only-prose.md').timeline.entries;
    assert.equal(iso(entry.time), '2024-06-04T00:00:00Z');
    assert.equal(entry.hasTimeOfDay, false);
    assert.match(entry.text, /archive was down/);
  });

  it('leave dates in prose alone when the document gives times', () => {
    const doc = analyzeText(
      '# Outage\n\nOn June 4, 2024, the site was down.\n\n## Timeline\n\n- 10:00 UTC Alert fires\n- 10:30 UTC Fixed\n',
    );
    assert.deepEqual(
      doc.timeline.entries.map((e) => iso(e.time)),
      ['2024-06-04T10:00:00Z', '2024-06-04T10:30:00Z'],
    );
  });
});

describe('zones that contradict their date', () => {
  it('read EDT in February at the offset it states and say so', () => {
    const doc = fixture('edt-in-february.md');
    assert.equal(iso(doc.timeline.entries[0].time), '2025-02-11T11:38:00Z');
    const finding = doc.problems.find((p) => p.code === 'timeline/zone-contradicts-date');
    assert.match(finding?.message ?? '', /read at its stated offset, UTC-04:00/);
  });
});

describe('status-page frontmatter', () => {
  it('reads `resolvedWhen` as the resolution', () => {
    const resolved = candidatesOf(fixture('status-page-resolved-when.md').milestones).find((c) =>
      c.marked.includes('resolved'),
    );
    assert.equal(iso(resolved?.time), '2024-10-15T07:50:10Z');
  });
});

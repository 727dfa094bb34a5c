import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { TimelineEntry } from '../../../server/src/core/model';
import { correctYearSlips, type OrderedRow } from '../../../server/src/core/timeline/yearSlips';

function row(iso: string, line: number, group = 0, direction: 1 | -1 = 1): OrderedRow {
  const range = { start: { line, character: 0 }, end: { line, character: 10 } };
  const entry: TimelineEntry = {
    text: 'event',
    raw: `${iso} event`,
    range,
    timeRange: undefined,
    time: Date.parse(iso),
    hasTimeOfDay: true,
    confidence: 'exact',
    zone: 'UTC',
    zoneSource: 'entry',
    markers: [],
    markedBy: undefined,
    links: [],
    endTime: undefined,
    dayRollover: false,
    dateUnknown: false,
  };
  return { entry, group, direction };
}

const times = (rows: OrderedRow[]) => rows.map((r) => new Date(r.entry.time!).toISOString().slice(0, 16));

describe('mistyped years in a timeline', () => {
  it('reads a row between two agreeing rows in their year, at a lower confidence, and says so', () => {
    const rows = [row('2024-02-20T09:25Z', 3), row('2023-02-20T09:41Z', 4), row('2024-02-20T09:58Z', 5)];
    const { rows: read, problems } = correctYearSlips(rows);
    assert.deepEqual(times(read), ['2024-02-20T09:25', '2024-02-20T09:41', '2024-02-20T09:58']);
    assert.equal(read[1].entry.confidence, 'approximate');
    assert.deepEqual(
      problems.map((p) => [p.code, p.range.start.line]),
      [['timeline/date-read-as', 4]],
    );
    // The rows given are shared with the next version's reading: they are not changed.
    assert.equal(rows[1].entry.time, Date.parse('2023-02-20T09:41Z'));
  });

  it('corrects newest-first logs and years off by more than one', () => {
    const rows = [row('2024-03-02T10:00Z', 1, 0, -1), row('2021-03-02T09:00Z', 2, 0, -1), row('2024-03-01T23:00Z', 3)];
    assert.deepEqual(times(correctYearSlips(rows).rows)[1], '2024-03-02T09:00');
  });

  it('leaves a row whose month or day also differs, or whose neighbours disagree, as written', () => {
    const otherDay = [row('2024-02-20T09:25Z', 1), row('2023-06-11T09:41Z', 2), row('2024-02-20T09:58Z', 3)];
    const apart = [row('2024-02-20T09:25Z', 1), row('2023-02-20T09:41Z', 2), row('2024-05-20T09:58Z', 3)];
    for (const rows of [otherDay, apart]) assert.equal(correctYearSlips(rows).problems.length, 0);
  });

  it('leaves a first or last row alone, and does not look across groups', () => {
    const edges = [row('2023-02-20T09:00Z', 1), row('2024-02-20T09:25Z', 2), row('2024-02-20T09:58Z', 3)];
    const groups = [row('2024-02-20T09:25Z', 1, 0), row('2023-02-20T09:41Z', 2, 1), row('2024-02-20T09:58Z', 3, 0)];
    for (const rows of [edges, groups]) assert.equal(correctYearSlips(rows).problems.length, 0);
  });
});

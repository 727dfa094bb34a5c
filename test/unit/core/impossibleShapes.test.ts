/**
 * Every shape of date and time the reader knows, written with a value the calendar or the clock lacks, in a
 * bullet, a table cell and a heading (fixtures/impossible/every-shape.md): each line is reported as unreadable
 * with the reason, once, and is read as no instant, nor glued to the entry above it, nor given another finding.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';

const FILE = join(__dirname, '..', '..', 'fixtures', 'impossible', 'every-shape.md');
const TEXT = readFileSync(FILE, 'utf8');

/** 1-based line, what the author wrote there, and the reason the finding must give. */
const CASES: [number, string, RegExp][] = [
  [13, '25:00', /hour 25 is past 23/],
  [14, '24:30', /hour 24 is past 23/],
  [15, '99:99', /hour 99 is past 23/],
  [16, '12:60', /minute 60 is past 59/],
  [17, '23:59:75', /second 75 is past 59/],
  [18, '25:10', /hour 25 is past 23/],
  [19, '24:30', /hour 24 is past 23/],
  [20, '25.10', /hour 25 is past 23/],
  [21, '9:75', /minute 75 is past 59/],
  [22, '22:XX', /placeholder/],
  [23, 'HH:MM', /placeholder/],
  [24, '2025-02-30', /February has 28 days in 2025/],
  [25, '2025-13-01', /no month 13/],
  [26, '30.02.2025', /February has 28 days in 2025/],
  [27, '30/02/2025', /February has 28 days in 2025/],
  [28, '13/13/2025', /no month 13/],
  [29, 'Feb 30', /February has 28 or 29 days/],
  [30, '30 Feb 2025', /February has 28 days in 2025/],
  [31, 'February 31st, 2025', /February has 28 days in 2025/],
  [32, '25:00', /hour 25 is past 23/],
  [33, '24:30', /hour 24 is past 23/],
  [34, '30/02/2025', /February has 28 days in 2025/],
  [40, '24:30', /hour 24 is past 23/],
  [41, '2510', /hour 25 is past 23/],
  [42, '30/02/2025', /February has 28 days in 2025/],
  [45, '25:00', /hour 25 is past 23/],
];

describe('impossible dates and times, in every shape the reader knows', () => {
  const doc = analyzeText(TEXT, 'file:///every-shape.md');
  const lines = TEXT.split('\n');

  for (const [line, written, reason] of CASES) {
    it(`line ${line}: "${lines[line - 1].trim()}"`, () => {
      assert.ok(lines[line - 1].includes(written), `the fixture's line ${line} holds ${written}`);
      const here = doc.problems.filter((p) => p.range.start.line === line - 1);
      assert.deepEqual(
        here.map((p) => p.code),
        ['timeline/unparseable-time'],
      );
      assert.ok(here[0].message.includes(`"${written}"`), here[0].message);
      assert.match(here[0].message, reason);
      const entry = doc.timeline.entries.find((e) => e.range.start.line === line - 1);
      assert.ok(entry, `line ${line} is an entry of its own`);
      assert.equal(entry.time, undefined, `line ${line} is read as no instant`);
    });
  }

  it('reads the good rows around them at their own times, untouched', () => {
    const timed = doc.timeline.entries
      .filter((e) => e.time !== undefined)
      .map((e) => [e.range.start.line + 1, new Date(e.time!).toISOString()]);
    assert.deepEqual(timed, [
      [12, '2025-02-27T21:00:00.000Z'],
      [35, '2025-02-27T22:40:00.000Z'],
      [39, '2025-02-28T09:00:00.000Z'],
      [43, '2025-02-28T11:00:00.000Z'],
    ]);
  });

  it('names no milestone from an unreadable row', () => {
    const unreadable = new Set(CASES.map(([line]) => line - 1));
    for (const [kind, milestone] of Object.entries(doc.milestones)) {
      if (milestone) assert.ok(!unreadable.has(milestone.line), `${kind} taken from line ${milestone.line + 1}`);
    }
  });
});

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { statedWindows } from '../../../server/src/core/metrics/windows';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const iso = (time: number | undefined) => (time === undefined ? undefined : new Date(time).toISOString());

/** The windows a paragraph states, as [start, end] in ISO, read on 4 June 2025 in UTC. */
function windowsOf(text: string): [string | undefined, string | undefined][] {
  const index = new LineIndex(text);
  const lines = index.lines.map((raw, line) => ({ line, column: 0, raw }));
  return statedWindows(lines, index, { year: 2025, month: 6, day: 4 }, undefined).map((w) => [
    iso(w.start),
    iso(w.end),
  ]);
}

describe('stated windows', () => {
  it('reads a window split by a line wrap after its start', () => {
    assert.deepEqual(windowsOf('Search was failing between 09:05 UTC\nand 09:41 UTC, for every query.'), [
      ['2025-06-04T09:05:00.000Z', '2025-06-04T09:41:00.000Z'],
    ]);
  });

  it('reads a window split right after "between"', () => {
    assert.deepEqual(windowsOf('Search was failing for every query between\n09:05 and 09:41 UTC.'), [
      ['2025-06-04T09:05:00.000Z', '2025-06-04T09:41:00.000Z'],
    ]);
  });

  it('reads a window once, on the line that opens it', () => {
    assert.equal(
      windowsOf('Errors rose between 09:05\nand 09:41. Then errors fell between 10:00 and 10:05.').length,
      2,
    );
  });

  it('leaves a window whole on its line to that line, and does not join across a blank line', () => {
    assert.deepEqual(windowsOf('Requests failed between 09:05 and 09:41 UTC+2\n(local time).'), [
      ['2025-06-04T07:05:00.000Z', '2025-06-04T07:41:00.000Z'],
    ]);
    assert.deepEqual(windowsOf('Requests failed between 09:05\n\nand 09:41.'), []);
  });
});

describe('a field that dates the incident', () => {
  const fields = (text: string) => {
    const index = new LineIndex(text);
    const lines = index.lines.map((raw, line) => ({ line, column: 0, raw }));
    return statedWindows(lines, index, { year: 2025, month: 6, day: 4 }, undefined)
      .filter((w) => w.field)
      .map((w) => [iso(w.start), w.line]);
  };

  it('is read as the incident’s time, once, from the first such field', () => {
    const text = '**Date of incident:** Thursday 6 March 2025, 06:40 UTC\n\n* Time: 07:10 UTC\n';
    assert.deepEqual(fields(text), [['2025-03-06T06:40:00.000Z', 0]]);
    assert.deepEqual(fields('## Time: 5:13 UTC'), [['2025-06-04T05:13:00.000Z', 0]]);
  });

  it('needs a time of day and no end: a day alone, a window, or another label is not one', () => {
    assert.deepEqual(fields('Date of incident: 6 March 2025'), []);
    assert.deepEqual(fields('* Date: 6 March 2025, 09:00 UTC - 6 March 2025, 10:30 UTC'), []);
    assert.deepEqual(fields('Published: 6 March 2025, 06:40 UTC'), []);
  });
});

/** The days of onset a text gives, as ISO days, read on 4 June 2025 in UTC. */
function onsetDaysOf(text: string): string[] {
  const index = new LineIndex(text);
  const lines = index.lines.map((raw, line) => ({ line, column: 0, raw }));
  return statedWindows(lines, index, { year: 2025, month: 6, day: 4 }, undefined)
    .filter((w) => w.day)
    .map((w) => iso(w.start)!.slice(0, 10));
}

describe('days of onset told in prose', () => {
  it('reads a day the trouble ran from, as a day', () => {
    assert.deepEqual(onsetDaysOf('The export job has been failing since 12 May, unnoticed.'), ['2025-05-12']);
    assert.deepEqual(onsetDaysOf('The signing key was exposed from on or about 2025-03-02 through'), ['2025-03-02']);
  });

  it('reads a day heading above an untimed row that names trouble', () => {
    assert.deepEqual(onsetDaysOf('May 20, 2025\n- Both relays suffered downtime after a bad restart.'), ['2025-05-20']);
  });

  it('takes no day from a sentence without trouble, nor a heading above a timed row', () => {
    assert.deepEqual(onsetDaysOf('On 12 May the team met to plan the migration.'), []);
    assert.deepEqual(onsetDaysOf('May 20, 2025\n- 09:10 Both relays went down.'), []);
  });
});

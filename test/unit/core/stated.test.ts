import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';

it('recognises durations stated in prose, lists, tables and frontmatter, with what they measure', () => {
  const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'stated-durations.md'), 'utf8');
  const found = analyzeText(text).statedDurations.map((s) => [
    s.range.start.line + 1,
    s.metric,
    s.minutes,
    s.approximate,
  ]);
  assert.deepEqual(found, [
    [4, 'impact', 45, false],
    [5, 'ttr', 90, false],
    [12, 'impact', 66, false],
    [13, 'impact', 108, false],
    [14, 'impact', 52, false],
    [15, 'impact', 60, true],
    [17, 'ttm', 88, false],
    [18, 'ttr', 7, false],
    [19, 'ttd', 9, false],
    [23, 'impact', 225, false],
  ]);
});

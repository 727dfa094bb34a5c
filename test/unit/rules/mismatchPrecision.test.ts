import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { windowMinutesIn } from '../../../server/src/core/metrics/ownWindow';
import mismatch from '../../../server/src/core/rules/metrics/mismatch';
import { runRules } from '../../../server/src/core/rules/run';

/**
 * Stated durations that are not this incident's: a plan for later, a phase measured by its own window. Each fixture
 * marks the lines that must be reported (`<!-- expect: metrics/mismatch -->`); every other line must stay quiet.
 */
const FOLDER = join(__dirname, '..', '..', 'fixtures', 'mismatch');

const reportedLines = (text: string) =>
  runRules(analyzeText(text), defaultConfig(), { rules: [mismatch] }).map((p) => p.range.start.line + 1);
const markedLines = (text: string) =>
  text.split('\n').flatMap((line, i) => (line.includes('expect: metrics/mismatch') ? [i + 1] : []));

describe('metrics/mismatch compares only figures of this incident', () => {
  for (const name of readdirSync(FOLDER).filter((f) => f.endsWith('.md'))) {
    it(`${name}: reports exactly the marked lines`, () => {
      const text = readFileSync(join(FOLDER, name), 'utf8');
      assert.deepEqual(reportedLines(text), markedLines(text));
    });
  }

  it('leaves a planned or hypothetical figure out of the stated durations, but keeps one after "but"', () => {
    const stated = (line: string) => analyzeText(`# Outage\n\n${line}\n`).statedDurations.map((s) => s.minutes);
    assert.deepEqual(stated('The next migration will have about two hours of planned downtime.'), []);
    assert.deepEqual(stated('Without the failover the API would have been down for 3 hours.'), []);
    assert.deepEqual(stated('We planned for a short blip, but the API was down for 40 minutes.'), [40]);
    assert.deepEqual(stated('The scheduled job failed and the API was down for 40 minutes.'), [40]);
  });

  it('measures the window a line states, across midnight and in either spelling', () => {
    assert.equal(windowMinutesIn('Date: Nov 3 2025, 09:00 UTC - Nov 3 2025, 10:30 UTC'), 90);
    assert.equal(windowMinutesIn('Window: 23:15 - 00:30 UTC'), 75);
    assert.equal(windowMinutesIn('degraded from 16:58 to 18:46 UTC'), 108);
    assert.equal(windowMinutesIn('Reported at 16:58 UTC by a customer'), undefined);
  });

  it('compares a phase figure with its window and reports it, with a fix writing the window’s length', () => {
    const text = readFileSync(join(FOLDER, 'phase-windows.md'), 'utf8');
    const [problem] = runRules(analyzeText(text), defaultConfig(), { rules: [mismatch] });
    assert.match(problem.message, /window it stands beside \(line 16\) lasts 2h/);
    assert.equal(problem.fixes?.[0]?.edits[0].newText, '120 minutes');
  });
});

describe('a window elsewhere on the figure’s line', () => {
  const page = (summary: string) =>
    [
      '# API outage',
      '',
      summary,
      '',
      '## Timeline',
      '',
      '- 2025-04-02 14:00 UTC API requests fail [started]',
      '- 2025-04-02 15:00 UTC Requests succeed again [resolved]',
    ].join('\n');
  const messages = (summary: string) =>
    runRules(analyzeText(page(summary)), defaultConfig(), { rules: [mismatch] }).map((p) => p.message);

  it('reads "approximately two hours" as rounded to the hour, but not "two hours" nor a figure far off', () => {
    assert.deepEqual(messages('The API was unavailable for approximately two hours.').length, 1);
    const page90 = (summary: string) => page(summary).replace('15:00 UTC', '15:30 UTC');
    const found = (summary: string) => runRules(analyzeText(page90(summary)), defaultConfig(), { rules: [mismatch] });
    assert.equal(found('The API was unavailable for approximately two hours.').length, 0);
    assert.equal(found('The API was unavailable for two hours.').length, 1);
    assert.equal(found('The API was unavailable for approximately three hours.').length, 1);
  });

  it('measures only a duration of impact against a window field beside it, not a time to resolve', () => {
    const fields = (figure: string) => `- Window: 14:00 - 14:30 UTC\n- ${figure}`;
    assert.match(messages(fields('Duration: 45 minutes'))[0], /window it stands beside \(line 3\) lasts 30m/);
    assert.deepEqual(messages(fields('Time to resolve: 2 hours')).length, 1);
    assert.match(messages(fields('Time to resolve: 2 hours'))[0], /timeline gives/);
  });

  it('quiets a figure that agrees with it, and leaves one that does not to the timeline', () => {
    assert.deepEqual(messages('The API was down for 25 minutes, from 14:00 to 14:25 UTC.'), []);
    const [message] = messages('From 14:00 to 14:30 we investigated; the API was down for 3 hours.');
    assert.match(message, /timeline gives 1h/);
  });
});

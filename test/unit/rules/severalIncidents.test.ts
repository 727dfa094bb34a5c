import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import mismatch from '../../../server/src/core/rules/metrics/mismatch';
import { runRules } from '../../../server/src/core/rules/run';
import rule from '../../../server/src/core/rules/timeline/several-incidents';

/** Two incident reports on one page, newest first; `older` is the day of the second, `marks` the first's rows'. */
function page(older: string, marks: [string, string, string] = ['', '', ''], summary = ''): string {
  return [
    '# Queue incidents',
    '',
    summary,
    '',
    '## Consumers stalled',
    '',
    '### Timeline',
    '',
    '2025-03-10 (all times UTC)',
    '',
    `- 14:02 Consumer lag alert fires for the billing queue${marks[0]}`,
    `- 14:09 On-call engineer picks up the page${marks[1]}`,
    `- 14:40 Stuck consumer group restarted, lag back to zero${marks[2]}`,
    '',
    '## Broker certificate expired',
    '',
    '### Timeline',
    '',
    `${older} (all times UTC)`,
    '',
    '- 06:00 Certificate renewal job removed in a cleanup',
    '- 07:15 Producers fail their TLS handshake with the broker',
  ].join('\n');
}

const findings = (text: string) => rule.check({ doc: analyzeText(text) } as Parameters<typeof rule.check>[0]);

describe('milestones taken from several incidents', () => {
  it('is said when they come from timeline sections months apart', () => {
    const found = findings(page('2024-09-01'));
    assert.equal(found.length, 1);
    assert.match(found[0].message, /sections 190 days apart \(started on line 22, 2024-09-01; .*2025-03-10\)/);
  });

  it('is not said when the sections lie within a month of each other', () =>
    assert.deepEqual(findings(page('2025-03-01')), []));

  it('is not said when the author marked the milestones, which then come from one incident', () =>
    assert.deepEqual(findings(page('2024-09-01', [' [started]', ' [acknowledged]', ' [resolved]'])), []));

  it('silences metrics/mismatch, whose figures would be measured across the incidents', () => {
    const summary = 'Time to detect: 5 minutes';
    const mismatches = (older: string) =>
      runRules(analyzeText(page(older, undefined, summary)), defaultConfig(), { rules: [mismatch] });
    assert.equal(findings(page('2024-09-01', undefined, summary)).length, 1);
    assert.deepEqual(mismatches('2024-09-01'), []);
    // The same page with both incidents in one month is one document's timeline, and its figure is compared.
    assert.equal(mismatches('2025-03-01').length, 1);
  });
});

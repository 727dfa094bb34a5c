/**
 * The blameless rules remember each paragraph's and cell's results on the object the block cache
 * keeps while its text is unchanged. After any edit the findings must be those of a cold analysis,
 * also when only the section around an unchanged paragraph changed what it is.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { runRules } from '../../../server/src/core/rules/run';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'blameless-reuse.md'), 'utf8');
const config = defaultConfig();
const URI = 'file:///postmortems/blameless-reuse.md';

function blameless(doc: ReturnType<typeof analyzeText>) {
  return runRules(doc, config, { today: '2025-06-01' })
    .filter((p) => p.code.startsWith('blameless/'))
    .map((p) => ({ code: p.code, range: p.range, message: p.message }));
}

/** Analyses every version in turn with one analyzer; each must match a cold analysis of its text. */
function assertEditsMatchCold(versions: string[]): void {
  const analyzer = new Analyzer();
  versions.forEach((text, v) => {
    const warm = blameless(analyzer.analyze(URI, v + 1, text));
    assert.deepEqual(warm, blameless(analyzeText(text, URI)), `version ${v + 1}`);
  });
}

describe('blameless results reused across edits', () => {
  it('finds what a cold analysis finds after edits elsewhere, above and below', () => {
    const edited = fixture.replace('two hours earlier.', 'two hours earlier, unseen.');
    const inserted = edited.replace('## Notes\n', '## Notes\n\nA new paragraph blames nobody.\n');
    const rowEdit = inserted.replace('| 04:55 | Swap reverted |', '| 04:55 | Swap reverted by the tool |');
    assertEditsMatchCold([fixture, edited, inserted, rowEdit, fixture]);
  });

  it('reads an unchanged paragraph again when its section changes kind', () => {
    const renamed = fixture.replace('## Notes', '## Action items (follow-ups)');
    const cold = blameless(analyzeText(renamed, URI));
    // Said in an action section, the same words ask people to take more care: the reuse must not hide that.
    const reminder = fixture.split('\n').indexOf('Everyone double-checks the rollout.');
    assert.ok(cold.some((f) => f.range.start.line === reminder));
    assert.ok(!blameless(analyzeText(fixture, URI)).some((f) => f.range.start.line === reminder));
    assertEditsMatchCold([fixture, renamed, fixture]);
  });
});

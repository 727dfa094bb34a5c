/**
 * Sentences written for the blameless rules: the tricky ones a word list would flag must carry
 * nothing, and each blaming one must carry exactly the one finding its marker names.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { RULES } from '../../../server/src/core/rules';
import { runRules } from '../../../server/src/core/rules/run';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'blameless');
const rules = RULES.filter((r) => r.id.startsWith('blameless/'));

function findings(name: string): { text: string; found: string[] } {
  const text = readFileSync(join(FIXTURES, name), 'utf8');
  const found = runRules(analyzeText(text), defaultConfig(), { rules }).map(
    (p) => `${p.range.start.line + 1}:${p.code}`,
  );
  return { text, found };
}

describe('blameless rules on written sentences', () => {
  it('report nothing on blameless sentences that a word list would flag, one of each tricky kind', () => {
    const { text, found } = findings('tricky-ok.md');
    const kinds = new Set([...text.matchAll(/<!-- ([a-z-]+) -->/g)].map((m) => m[1]));
    assert.ok(kinds.size >= 20, `the fixture covers every tricky kind, found ${kinds.size}`);
    assert.deepEqual(found, []);
  });

  it('leave try-harder advice in an action item to actions/vigilance-remedy, once', () => {
    const path = join(__dirname, '..', '..', 'fixtures', 'rules', 'actions', 'vigilance-remedy.md');
    const doc = analyzeText(readFileSync(path, 'utf8'));
    const codes = runRules(doc, defaultConfig()).map((p) => `${p.range.start.line + 1}:${p.code}`);
    assert.ok(doc.actionItems.length >= 2, 'the fixture has action items');
    assert.ok(codes.includes('5:actions/vigilance-remedy'), codes.join(' '));
    assert.deepEqual(
      codes.filter((c) => c.endsWith(':blameless/vigilance-remedy')),
      [],
    );
  });

  for (const [name, least] of [
    ['blaming.md', 8],
    ['who-acts.md', 4],
    ['constructions.md', 5],
  ] as const) {
    it(`report each blaming sentence of ${name} once, in the category its marker names, and nothing else`, () => {
      const { text, found } = findings(name);
      const expected = text.split('\n').flatMap((line, i) => {
        const id = /<!-- expect: ([\w/-]+) -->/.exec(line)?.[1];
        return id ? [`${i + 1}:${id}`] : [];
      });
      assert.ok(expected.length >= least);
      assert.deepEqual(found.sort(), expected.sort());
    });
  }
});

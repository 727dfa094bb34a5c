/**
 * The grammatical reading behind the blameless model: who is the subject of a cue's clause, the
 * passive and its agent, negation, tense, and a person made to act by a condition. And the written
 * fixture whose findings depend on that reading.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { defaultConfig } from '../../../server/src/core/config/config';
import { RULES } from '../../../server/src/core/rules';
import { grammarFeatures, tagWords } from '../../../server/src/core/rules/blameless/grammar';
import { runRules } from '../../../server/src/core/rules/run';

/** The grammatical features of the cue `words` (its first occurrence) in `sentence`. */
function featuresAt(sentence: string, cue: string, kind: string): string[] {
  const start = sentence.indexOf(cue);
  assert.ok(start >= 0, `"${cue}" is in the sentence`);
  return grammarFeatures(tagWords(sentence), kind, start, start + cue.length);
}

describe('blameless grammar', () => {
  it('reads the subject of the clause a cue sits in', () => {
    assert.ok(featuresAt('The on-call engineer forgot to renew the certificate.', 'forgot to', 'failed-to').includes('g:failed-to@human'));
    assert.ok(featuresAt('We missed the second alert.', 'missed', 'slip-verb').includes('g:slip-verb@human'));
    assert.ok(featuresAt('The health check missed the bad response.', 'missed', 'slip-verb').includes('g:slip-verb@thing'));
    assert.ok(featuresAt('The attacker could have used the token.', 'could have used', 'modal-perfect').includes('g:modal-perfect@outsider'));
  });

  it('reads a passive by the one after "by", or by no one, not by what was acted on', () => {
    const byPerson = featuresAt('The expiry flag was overlooked by the reviewer.', 'overlooked', 'slip-verb');
    assert.ok(byPerson.includes('g:slip-verb+passive') && byPerson.includes('g:slip-verb+passive-by@human'), byPerson.join(' '));
    assert.ok(byPerson.includes('g:slip-verb@human'), 'the passive agent is the one who acted');
    const byCompound = featuresAt('The cutover was executed incorrectly by the release manager.', 'incorrectly', 'verdict-adverb');
    assert.ok(byCompound.includes('g:verdict-adverb+passive-by@human'), byCompound.join(' '));
    const byThing = featuresAt('The cache layer was overlooked by the load test.', 'overlooked', 'slip-verb');
    assert.ok(byThing.includes('g:slip-verb+passive-by@thing'), byThing.join(' '));
    const agentless = featuresAt('The script was never tested on staging.', 'never tested', 'not-verified');
    assert.ok(agentless.includes('g:not-verified+passive-by@none'), agentless.join(' '));
  });

  it('reads negation, tense, and a person made to act', () => {
    assert.ok(featuresAt('It was not a mistake on anyone\'s part.', 'mistake', 'mistake').includes('g:mistake+negation-scope'));
    assert.ok(featuresAt('People make mistakes under pressure.', 'mistakes', 'mistake').includes('g:tense@present'));
    assert.ok(featuresAt('The operator made a mistake under pressure.', 'mistake', 'mistake').includes('g:tense@past'));
    assert.ok(featuresAt('Sloppy fixes let the regression through.', 'Sloppy', 'character').includes('g:tense@past'));
    const made = featuresAt('The dashboard made the operator look at the wrong cluster.', 'the wrong cluster', 'wrong-object');
    assert.ok(made.includes('g:person-made-to-act'), made.join(' '));
    const own = featuresAt('The operator looked at the wrong cluster.', 'the wrong cluster', 'wrong-object');
    assert.ok(!own.includes('g:person-made-to-act'), own.join(' '));
  });

  it('gives no words for empty or odd input, and never throws', () => {
    assert.deepEqual(tagWords(''), []);
    // A pasted blob is not prose: it is left untagged rather than slowing the editor down.
    assert.deepEqual(tagWords('a'.repeat(20_000)), []);
    for (const odd of ['🔥🔥🔥', '\u0000\uFEFF', '—'.repeat(500), 'a'.repeat(900)]) {
      const words = tagWords(odd);
      assert.ok(Array.isArray(words));
      assert.deepEqual(grammarFeatures(words, 'mistake', odd.length + 5, odd.length + 9), []);
    }
  });

  it('keeps word offsets on the sentence as written', () => {
    const sentence = 'We didn’t  test it — the on-call engineer’s change.';
    for (const word of tagWords(sentence)) assert.equal(sentence.slice(word.start, word.end), word.text);
  });

  it('reports on the written fixture exactly the findings its markers name', () => {
    const text = readFileSync(join(__dirname, '..', '..', 'fixtures', 'blameless', 'grammar.md'), 'utf8');
    const rules = RULES.filter((r) => r.id.startsWith('blameless/'));
    const found = runRules(analyzeText(text), defaultConfig(), { rules }).map((p) => `${p.range.start.line + 1}:${p.code}`);
    const expected = text.split('\n').flatMap((line, i) => {
      const id = /<!-- expect: ([\w/-]+) -->/.exec(line)?.[1];
      return id ? [`${i + 1}:${id}`] : [];
    });
    assert.ok(expected.length >= 5);
    assert.deepEqual(found.sort(), expected.sort());
  });
});

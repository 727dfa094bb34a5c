/**
 * Who acts when the actor hides behind a phrase: a leading phrase before the main clause, a dash between
 * clauses, a person named after the thing a cause names, a possessive, a participle with its agent after
 * "by", a bracketed aside before "which", a trait after a copula, and the word a sentence opens with
 * (fixture actor-phrases.md).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSentence } from '../../../server/src/core/rules/blameless/features';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'blameless', 'actor-phrases.md');

interface Expectation {
  sentence: string;
  kind: 'agent' | 'has' | 'lacks';
  what: string;
}

const lines: Expectation[] = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .flatMap((line) => {
    const marker = /<!-- (agent|has|lacks): (.+?) -->/.exec(line);
    if (!marker) return [];
    return [
      { sentence: line.replace(/<!--.*-->/, '').trim(), kind: marker[1] as Expectation['kind'], what: marker[2] },
    ];
  });

describe('blameless reading of who acts behind a phrase', () => {
  it('has lines for agents, and features both found and refused', () => {
    for (const kind of ['agent', 'has', 'lacks'])
      assert.ok(
        lines.some((l) => l.kind === kind),
        kind,
      );
  });

  for (const { sentence, kind, what } of lines) {
    const reading = () => readSentence(mask(sentence, true));
    if (kind === 'agent') {
      const [words, agent] = what.split('=');
      it(`reads ${agent} as acting on "${words}" in "${sentence}"`, () => {
        const cue = reading().cues.find((c) => c.words.toLowerCase() === words.toLowerCase());
        assert.ok(cue, `a cue on "${words}"`);
        assert.equal(cue.agent, agent);
      });
    } else {
      it(`${kind === 'has' ? 'finds' : 'does not find'} ${what} in "${sentence}"`, () => {
        const { cues, signals } = reading();
        const features = [...cues.flatMap((c) => c.features), ...signals];
        assert.equal(features.includes(what), kind === 'has', features.join(' '));
      });
    }
  }
});

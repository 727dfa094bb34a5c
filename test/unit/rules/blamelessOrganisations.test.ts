/**
 * Who acts, when the actor is an organisation named by what it is: the blameless reader keeps it
 * apart from a person and from a thing, and reads the word after it as its verb.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSentence } from '../../../server/src/core/rules/blameless/features';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'blameless', 'organisations.md');

function markedLines(): { sentence: string; who: string }[] {
  return readFileSync(FIXTURE, 'utf8')
    .split('\n')
    .flatMap((line) => {
      const who = /<!-- who: ([a-z]+) -->/.exec(line)?.[1];
      return who ? [{ sentence: line.replace(/<!--.*-->/, '').trim(), who }] : [];
    });
}

describe('blameless reading of organisations', () => {
  const lines = markedLines();

  it('has lines for an organisation and for a thing it owns', () => {
    assert.ok(lines.some((l) => l.who === 'org') && lines.some((l) => l.who === 'thing'));
  });

  for (const { sentence, who } of lines) {
    it(`reads the actor of "${sentence}" as ${who}`, () => {
      const { cues } = readSentence(sentence);
      assert.ok(cues.length > 0, 'the sentence has a cue');
      assert.deepEqual([...new Set(cues.map((c) => c.agent))], [who]);
    });
  }

  it('reads the word after an organisation as its verb, not as a participle describing a thing', () => {
    const sentence = lines.find((l) => l.sentence.includes('ignored three'))!.sentence;
    const ignored = readSentence(sentence).cues.find((c) => c.words === 'ignored')!;
    assert.ok(!ignored.features.includes('cue:ignore-verb+attributive'), ignored.features.join(' '));
    assert.ok(ignored.features.includes('cue:ignore-verb@org'));
  });
});

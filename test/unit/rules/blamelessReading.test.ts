/**
 * What the blameless reader finds beyond who acts: a perfect from "must have" with a noun, a thing's
 * state from a person's act, an embedded question, an open condition, what a guard is for, and a
 * timeline row told in the present (fixtures modal-sense.md and framing.md); what is said of the act: a
 * judging adjective or adverb, a state told as an order, an elided or better-course perfect (what-is-said.md).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { featuresOfCue, readSentence } from '../../../server/src/core/rules/blameless/features';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const FIXTURES = ['modal-sense.md', 'framing.md', 'what-is-said.md'].map((name) =>
  join(__dirname, '..', '..', 'fixtures', 'blameless', name),
);

const lines = FIXTURES.flatMap((file) => readFileSync(file, 'utf8').split('\n')).flatMap((line) => {
  const marker = /<!-- (has|lacks): ([\w:@+-]+) -->/.exec(line);
  return marker
    ? [{ sentence: line.replace(/<!--.*-->/, '').trim(), has: marker[1] === 'has', feature: marker[2] }]
    : [];
});

describe('blameless reading of a cue in its sentence', () => {
  it('has lines that expect a feature and lines that refuse it', () => {
    assert.ok(lines.some((l) => l.has) && lines.some((l) => !l.has));
  });

  for (const { sentence, has, feature } of lines) {
    it(`${has ? 'finds' : 'does not find'} ${feature} in "${sentence}"`, () => {
      const reading = readSentence(mask(sentence, true));
      const features = [...reading.cues.flatMap((c) => c.features), ...reading.signals];
      assert.equal(features.includes(feature), has, features.join(' '));
    });
  }
});

describe('blameless reading of the subject a sentence opens with', () => {
  const opens = (sentence: string) => {
    const reading = readSentence(mask(sentence, true));
    const cue = reading.cues.find((c) => c.kind === 'failed-to')!;
    return featuresOfCue(reading, cue).filter((f) => f.startsWith('opens:'));
  };

  it('weighs no opening subject for a cue the sentence opens with', () => {
    assert.deepEqual(opens('Failure to follow the change procedure caused the outage.'), []);
  });

  it('weighs the opening subject for a cue that comes after it', () => {
    assert.deepEqual(opens('The release manager failed to follow the change procedure.'), ['opens:human']);
  });
});

/**
 * What one cue weighs of the rest of its sentence: a party signal read in the cue's own words is dropped, an
 * attack named as an event is apart from an attacker, an order may follow a lead-in (fixture parties.md).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { featuresOfCue, readSentence } from '../../../server/src/core/rules/blameless/features';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'blameless', 'parties.md');

const lines = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .flatMap((line) => {
    const marker = /<!-- cue "([^"]+)" (has|lacks): ([\w:@+-]+) -->/.exec(line);
    return marker
      ? [
          {
            sentence: line.replace(/<!--.*-->/, '').trim(),
            words: marker[1],
            has: marker[2] === 'has',
            feature: marker[3],
          },
        ]
      : [];
  });

describe('blameless features of one cue in its sentence', () => {
  it('has lines that expect a feature and lines that refuse it', () => {
    assert.ok(lines.some((l) => l.has) && lines.some((l) => !l.has));
  });

  for (const { sentence, words, has, feature } of lines) {
    it(`${has ? 'weighs' : 'does not weigh'} ${feature} for "${words}" in "${sentence}"`, () => {
      const reading = readSentence(mask(sentence, true));
      const cue = reading.cues.find((c) => c.words === words);
      assert.ok(cue, `no cue "${words}": ${reading.cues.map((c) => c.words).join(', ')}`);
      const features = featuresOfCue(reading, cue);
      assert.equal(features.includes(feature), has, features.join(' '));
    });
  }
});

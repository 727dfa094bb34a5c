/**
 * What a modal perfect means, beyond who acts: the blameless reader tells a perfect from "must have"
 * with a noun, a thing's state from a person's act, and an embedded question from a verdict.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSentence } from '../../../server/src/core/rules/blameless/features';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'blameless', 'modal-sense.md');

const lines = readFileSync(FIXTURE, 'utf8')
  .split('\n')
  .flatMap((line) => {
    const marker = /<!-- (has|lacks): ([\w:@+-]+) -->/.exec(line);
    return marker
      ? [{ sentence: line.replace(/<!--.*-->/, '').trim(), has: marker[1] === 'has', feature: marker[2] }]
      : [];
  });

describe('blameless reading of modal perfects', () => {
  it('has lines that expect a feature and lines that refuse it', () => {
    assert.ok(lines.some((l) => l.has) && lines.some((l) => !l.has));
  });

  for (const { sentence, has, feature } of lines) {
    it(`${has ? 'finds' : 'does not find'} ${feature} in "${sentence}"`, () => {
      const features = readSentence(mask(sentence, true)).cues.flatMap((c) => c.features);
      assert.equal(features.includes(feature), has, features.join(' '));
    });
  }
});

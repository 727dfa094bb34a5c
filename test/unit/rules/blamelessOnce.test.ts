/** A sentence gets one blameless finding, in its most specific category, however many cues it holds. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from '../../../server/src/core/rules/blameless/detect';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const categories = (sentence: string) =>
  detect(mask(sentence, true), []).map((hit) => `${hit.category}:${hit.words.trim()}`);

describe('one blameless finding per sentence', () => {
  it('reports "human error by the operator" once, as the label', () => {
    assert.deepEqual(categories('Recovery was slow because of human error by the operator.'), [
      'human-error:human error',
    ]);
  });

  it('reports a mistake pinned on a person as the label, not also as the person causing it', () => {
    assert.deepEqual(categories('A mistake by the DBA dropped the table.'), ['human-error:mistake']);
  });

  it('prefers the character word over the act it describes', () => {
    assert.deepEqual(categories('A careless engineer deleted the volume.'), ['character:careless']);
  });
});

/** A phrase that two blameless patterns both match is reported once, not twice on the same words. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detect } from '../../../server/src/core/rules/blameless/detect';
import { mask } from '../../../server/src/core/rules/blameless/prose';

const categories = (sentence: string) => detect(mask(sentence), []).map((hit) => `${hit.category}:${hit.words.trim()}`);

describe('blameless findings on overlapping patterns', () => {
  it('reports "human error by the operator" once, as the label', () => {
    assert.deepEqual(categories('Recovery was slow because of human error by the operator.'), ['human-error:human error']);
  });

  it('still reports a mistake pinned on a person when no label covers it', () => {
    assert.deepEqual(categories('A mistake by the DBA dropped the table.'), ['human-error:mistake by']);
  });
});

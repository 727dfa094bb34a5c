/**
 * Sentence splitting for the blameless rules: a quote holding several sentences stays inside one
 * sentence, so every part of it is still read as someone else's words.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { splitSentences } from '../../../server/src/core/rules/blameless/prose';

const word = fc.constantFrom('the', 'disk', 'filled', 'Someone', 'forgot', 'it', 'We', 'restarted', 'Then', 'queue');
const sentence = fc
  .array(word, { minLength: 2, maxLength: 6 })
  .chain((words) => fc.constantFrom('.', '!', '?').map((end) => `${words.join(' ')}${end}`))
  .map((s) => s[0].toUpperCase() + s.slice(1));
const quoted = fc
  .tuple(fc.array(sentence, { minLength: 1, maxLength: 3 }), fc.constantFrom(['"', '"'], ['“', '”']))
  .map(([inner, [open, close]]) => ({ text: `${open}${inner.join(' ')}${close}`, quoted: true }));
const plain = sentence.map((text) => ({ text, quoted: false }));

describe('blameless sentence splitting', () => {
  it('never ends a sentence inside a quote, and ends one after each unquoted sentence', () => {
    fc.assert(
      fc.property(fc.array(fc.oneof(plain, quoted), { minLength: 1, maxLength: 6 }), (parts) => {
        const text = parts.map((p) => p.text).join(' ');
        const ends = splitSentences(text).map(([, end]) => end);
        let at = 0;
        for (const part of parts) {
          const inside = ends.filter((end) => end > at && end < at + part.text.length);
          if (part.quoted) assert.deepEqual(inside, [], `no end inside ${part.text}`);
          at += part.text.length;
          if (!part.quoted) assert.ok(ends.includes(at), `an end after ${part.text}`);
          at += 1;
        }
      }),
    );
  });

  it('ends a sentence after a closing quote', () => {
    const text = 'The reseller wrote "It broke. Fix it." We replied.';
    assert.deepEqual(
      splitSentences(text).map(([from, to]) => text.slice(from, to).trim()),
      ['The reseller wrote "It broke. Fix it."', 'We replied.'],
    );
  });
});

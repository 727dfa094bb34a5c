/**
 * One-line chunks of plain prose or list markers then prose are read without the Markdown parser;
 * whatever such a line holds, the blocks (and a paragraph's node) must be the parser's own.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blocksOf, markdownTree } from '../../../server/src/core/parse/blockCache';
import { simpleLineBlocks } from '../../../server/src/core/parse/simpleLine';

/** Pieces a line is made of: markers, near-markers, block openers, words and white space. */
const PIECES = [
  ...['- ', '* ', '+ ', '1. ', '12) ', '3.', '-', '*', '0. ', '1234567890. ', '-  ', '-\t'],
  ...['#', '# ', '>', '> ', '<div>', '<!--', '```', '~~~', '---', '***', '|', '| a |', '[ ] ', '[x] ', '[a]: b'],
  ...['a', 'Word', 'x1', 'deploy at 10:42', 'é', '\\', '`code`', '*em*', '&amp;', 'www.e.io', ' ', '  ', '\t'],
];
const anyLine = fc.array(fc.constantFrom(...PIECES), { minLength: 1, maxLength: 12 }).map((parts) => parts.join(''));
/** Markers then words, the shape the short path is for, with any piece at the end to spoil it at times. */
const markedLine = fc
  .tuple(
    fc.array(fc.constantFrom('- ', '* ', '+ ', '1. ', '12) '), { maxLength: 20 }),
    fc.array(fc.constantFrom('a', 'Word', ' ', 'x1', '1', '2.', '3)', '*em*', '|', '#'), {
      minLength: 1,
      maxLength: 6,
    }),
    fc.option(fc.constantFrom(...PIECES)),
  )
  .map(([markers, words, last]) => markers.join('') + words.join('') + (last ?? ''));
const line = fc.oneof(anyLine, markedLine);

describe('one-line chunks read without the parser', () => {
  it('give the blocks the parser gives, for every generated line the short path takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(line, (text) => {
        const simple = simpleLineBlocks(text);
        if (simple === undefined) return;
        taken++;
        assert.deepEqual(simple, blocksOf(markdownTree(text), text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    // The comparison is only worth something if the short path is taken often.
    assert.ok(taken > 300, `short path taken ${taken} times`);
  });

  it('takes prose and nested list items, and leaves every other shape to the parser', () => {
    for (const text of [
      'Plain prose.',
      'a',
      '- item',
      '1. - 2) * + deep item',
      '- 12',
      '1234567890. x',
      '3) 4)x',
      '- '.repeat(16) + 'x y',
    ])
      assert.deepEqual(simpleLineBlocks(text), blocksOf(markdownTree(text), text), text);
    const others = ['- [ ] task', '* * *', '- - -', '-  two spaces', '-\ttab', '# Heading', '> quote', 'trailing ', ''];
    for (const text of [...others, '- <div>', 'é', '1. 2.', '- 3)'])
      assert.equal(simpleLineBlocks(text), undefined, text);
  });
});

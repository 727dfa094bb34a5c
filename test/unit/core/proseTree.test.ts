/**
 * Chunks of prose lines under "> " quote markers are read without the Markdown parser; whatever
 * such a chunk holds, its tree (and so its blocks) must be the parser's own, positions included.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blocksOf, markdownTree, parsedBlocks } from '../../../server/src/core/parse/blockCache';
import { proseTree } from '../../../server/src/core/parse/proseTree';

/** Words, inline markup, and pieces that would make a line something other than prose. */
const WORDS = ['a', 'Word', 'x1', '1', '2.', '3)', '10:42 UTC', 'é', 'www.e.io', 'http://e.io', 'a@b.io'];
const MARKUP = ['*em*', '**', '_', '`code`', '[a](b)', '![i](j)', '<b>', '&amp;', '\\', '|', '~~', '>', '#'];
const SPOILERS = ['', ' ', '  ', '\t', '- ', '1. ', '=', '---', '| --- |', '<div>', '```', '[a]: b', '> '];
const content = fc
  .tuple(
    fc.constantFrom(...WORDS),
    fc.array(fc.constantFrom(...WORDS, ...MARKUP), { maxLength: 5 }),
    fc.constantFrom(' ', ''),
    fc.oneof({ weight: 12, arbitrary: fc.constant('') }, { weight: 1, arbitrary: fc.constantFrom(...SPOILERS) }),
  )
  .map(([first, pieces, glue, spoiler]) => spoiler + [first, ...pieces].join(glue));
/** Quote markers, "> " or ">", sometimes indented or with more space. */
const prefix = fc.oneof(
  { weight: 20, arbitrary: fc.integer({ min: 0, max: 18 }).map((n) => '> '.repeat(n)) },
  { weight: 4, arbitrary: fc.array(fc.constantFrom('>', '> '), { maxLength: 18 }).map((ms) => ms.join('')) },
  { weight: 1, arbitrary: fc.constantFrom(' > ', '>  ', '> \t', '   ') },
);
const chunk = fc
  .array(fc.tuple(prefix, content), { minLength: 1, maxLength: 12 })
  .map((lines) => lines.map(([p, c]) => p + c).join('\n'));

describe('quoted prose read without the parser', () => {
  it('gives the tree the parser gives, for every generated chunk the short path takes', () => {
    let taken = 0;
    fc.assert(
      fc.property(chunk, (text) => {
        const tree = proseTree(text);
        if (tree === undefined) return;
        taken++;
        assert.deepEqual(tree, markdownTree(text), JSON.stringify(text));
      }),
      { numRuns: 3000 },
    );
    // The comparison is only worth something if the short path is taken often.
    assert.ok(taken > 300, `short path taken ${taken} times`);
  });

  it('takes plain paragraphs and quotes stepping in and out, with the blocks the parser gives', () => {
    const cycling = Array.from({ length: 40 }, (_, i) => '> '.repeat(1 + (i % 16)) + 'text').join('\n');
    for (const text of ['One line.', 'Two\nlines', 'Before\n>quoted\n> >deeper\nlazy', cycling]) {
      assert.ok(proseTree(text), text);
      assert.deepEqual(parsedBlocks(text), blocksOf(markdownTree(text), text), text);
    }
  });

  it('leaves every other shape to the parser', () => {
    const others = ['a\n', 'a\n\nb', 'a\n- b', 'a\n1. b', '> 2) b', 'a\n===', 'a | b\n--- | ---', '>  a', ' > a'];
    for (const text of [...others, 'a\n  b', 'trailing \nx', 'a\tb', '> ', '# Heading', 'a\r\nb'])
      assert.equal(proseTree(text), undefined, JSON.stringify(text));
  });
});

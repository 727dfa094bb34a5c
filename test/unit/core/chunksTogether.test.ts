/**
 * Chunks that need the Markdown parser are parsed in one call of it, a separator between them, to
 * pay its set-up once. Whatever the chunks hold, each must read as it reads parsed alone.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { blocksOf, blocksParsedTogether, markdownTree } from '../../../server/src/core/parse/blockCache';

/** Lines of every block kind, and ones that run on past a blank line (open comments, fences). */
const LINES = [
  ...['- item', '1. first', '- [ ] task', '  continued', '    indented code', '> quoted', '> - quoted item'],
  ...['```', '~~~ js', '  ```', '> ```', '- ```', '***', '- - -', '  - nested', '    - deeper', '>', '> > deep'],
  ...['<!-- open comment', 'closed -->', '<!-- whole -->', '<div>', '<pre>', '</pre>'],
  ...['a | b', '--- | ---', '- a | b', '  --- | ---', 'Title', '===', '---', '[x]: /url', '[^1]: note'],
  ...['# Heading', 'Plain words.', '10:42 UTC deploy', ''],
];
const chunk = fc
  .array(fc.constantFrom(...LINES), { minLength: 1, maxLength: 6 })
  .map((lines) => lines.join('\n').trim())
  .filter((text) => text !== '');
const alone = (source: string) => blocksOf(markdownTree(source), source);

describe('chunks parsed together', () => {
  it('read as each reads alone, for any generated chunks', () => {
    fc.assert(
      fc.property(fc.array(chunk, { minLength: 2, maxLength: 6 }), (chunks) => {
        assert.deepEqual(blocksParsedTogether(chunks), chunks.map(alone), JSON.stringify(chunks));
      }),
      { numRuns: 600 },
    );
  });

  it('read a chunk whose HTML reads otherwise before more text as it reads alone', () => {
    const chunks = ['- item\n</pre>', '- item', '<!-- never closed', 'After the comment -->'];
    assert.deepEqual(blocksParsedTogether(chunks), chunks.map(alone));
    assert.deepEqual(
      blocksParsedTogether(chunks).map((blocks) => blocks.map((b) => b.kind)),
      [['list', 'html'], ['list'], ['html'], ['paragraph']],
    );
  });

  it('read a chunk whose fence runs on past the separator as it reads alone', () => {
    const chunks = ['Before.', '```\nnever closed', 'After the fence', '- an item'];
    assert.deepEqual(blocksParsedTogether(chunks), chunks.map(alone));
    assert.deepEqual(
      blocksParsedTogether(chunks).map((blocks) => blocks.map((b) => b.kind)),
      [['paragraph'], ['code'], ['paragraph'], ['list']],
    );
  });
});

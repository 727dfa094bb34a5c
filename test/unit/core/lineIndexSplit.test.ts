import assert from 'node:assert/strict';
import { it } from 'node:test';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

/** Texts with every kind of line ending, at the start, the end, doubled and mixed. */
const TEXTS = [
  '',
  'one line',
  'two\nlines',
  'ends with a newline\n',
  '\n\nleading blank lines',
  'windows\r\nline\r\nendings\r\n',
  'old mac\rline\rendings',
  'mixed\nendings\r\nof\rall\n\r\nkinds\r',
  '| 14:02 | a row |\n| 14:03 | another |\n\n',
];

for (const text of TEXTS) {
  it(`splits ${JSON.stringify(text)} at every line ending, with each line's start`, () => {
    const index = new LineIndex(text);
    assert.deepEqual(index.lines, text.split(/\r\n|\r|\n/));
    assert.equal(index.starts.length, index.lines.length);
    index.lines.forEach((line, i) => {
      const start = index.starts[i]!;
      assert.equal(text.slice(start, start + line.length), line);
      assert.deepEqual(index.positionAt(start), { line: i, character: 0 });
    });
  });
}

it('reads the same lines whichever ending a text uses', () => {
  const unix = '---\ntitle: x\n---\n\n# Heading\n\nText.\n';
  assert.deepEqual(new LineIndex(unix.replace(/\n/g, '\r\n')).lines, new LineIndex(unix).lines);
});

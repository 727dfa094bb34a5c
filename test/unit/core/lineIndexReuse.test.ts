/**
 * A line index built with the version before reuses that version's strings for unchanged lines;
 * whatever the edit, its lines, starts and positions must be those of an index built afresh.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const BEFORE = ['# Title', '', 'First paragraph line.', 'Second line.', '', '| a | b |', '| - | - |', '| 1 | 2 |'].join(
  '\n',
);

function sameAsFresh(before: string, after: string): void {
  const reused = new LineIndex(after, new LineIndex(before));
  const fresh = new LineIndex(after);
  assert.deepEqual(reused.lines, fresh.lines);
  assert.deepEqual(reused.starts, fresh.starts);
  for (let offset = 0; offset <= after.length; offset += 3)
    assert.deepEqual(reused.positionAt(offset), fresh.positionAt(offset));
}

describe('a line index built from the version before', () => {
  it('reads every kind of edit as an index built afresh does', () => {
    const edits = [
      BEFORE.replace('Second line.', 'Second line, edited.'),
      BEFORE.replace('Second line.', 'Second line.\nA new line.\nAnother.'),
      BEFORE.replace('First paragraph line.\n', ''),
      BEFORE.replace('# Title', '# A new title'),
      `${BEFORE}\n| 3 | 4 |`,
      BEFORE.replace('| 1 | 2 |', ''),
      BEFORE.replace(/\n/g, '\r\n'),
      '',
      'one line only',
      BEFORE.replace('Second line.', 'First paragraph line.'),
    ];
    for (const after of edits) sameAsFresh(BEFORE, after);
    for (const after of edits) sameAsFresh(after, BEFORE);
  });

  it('chains over many versions', () => {
    let index = new LineIndex(BEFORE);
    let text = BEFORE;
    for (let version = 1; version <= 20; version++) {
      text = text.replace(/Second line[^\n]*/, `Second line, version ${version}.`);
      index = new LineIndex(text, index);
      assert.deepEqual(index.lines, new LineIndex(text).lines);
    }
  });
});

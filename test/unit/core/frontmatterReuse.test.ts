/**
 * A frontmatter reading depends only on the lines up to the body, so an edit of the body reuses it
 * and an edit of the frontmatter (or of an unclosed one, which looks to the end) reads it again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const head = '---\ntitle: Checkout latency\nstarted: 2025-03-04 14:02 UTC\nseverity: [sev2\n---\n';
const read = (text: string) => readFrontmatter(new LineIndex(text));

describe('frontmatter readings across versions', () => {
  it('reuses the reading when only the body changed, with the same fields, ranges and errors', () => {
    const before = read(`${head}\n# Summary\n\nFirst body.\n`);
    const after = read(`${head}\n# Summary\n\nAn edited body, longer.\n`);
    assert.equal(after, before);
    assert.equal(after.bodyLine, 5);
    assert.equal(after.problems.length, 1, 'the unclosed flow sequence is reported');
  });

  it('reads again when a frontmatter line changed, and gives what a first reading gives', () => {
    const before = read(`${head}\nBody.\n`);
    const edited = head.replace('Checkout latency', 'Checkout latency, EU');
    const after = read(`${edited}\nBody.\n`);
    assert.notEqual(after, before);
    assert.equal(after.frontmatter?.data.title, 'Checkout latency, EU');
    assert.deepEqual(
      after.frontmatter?.fields,
      readFrontmatter(new LineIndex(`${edited}\nOther body.\n`)).frontmatter?.fields,
    );
  });

  it('reads an unclosed frontmatter again on every version', () => {
    const unclosed = '---\ntitle: Never closed\n\nBody.\n';
    const first = read(unclosed);
    assert.equal(first.bodyLine, 0);
    assert.notEqual(read(unclosed + 'More.\n'), first);
    assert.equal(read(unclosed + '---\n').bodyLine, 5, 'a fence added at the end closes it');
  });
});

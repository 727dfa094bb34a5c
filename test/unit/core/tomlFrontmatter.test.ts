import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const read = (lines: string[]) => readFrontmatter(new LineIndex(lines.join('\n')));

describe('TOML frontmatter fenced with +++', () => {
  it('starts the body after the closing fence, with no YAML read and nothing reported', () => {
    const result = read(['+++', 'date = "2024-06-12T09:30:00Z"', '[taxonomies]', '+++', '', '# Outage']);
    assert.deepEqual([result.frontmatter, result.bodyLine, result.problems], [undefined, 4, []]);
  });

  it('is found below a source comment, as YAML frontmatter is', () => {
    assert.equal(read(['<!-- exported -->', '+++', 'title = "x"', '+++', 'Body']).bodyLine, 4);
  });

  it('leaves a fence that is never closed to the body', () => {
    assert.equal(read(['+++', 'title = "x"', '', 'Body']).bodyLine, 0);
  });
});

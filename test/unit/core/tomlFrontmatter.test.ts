import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { readFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const read = (lines: string[], eol = '\n') => readFrontmatter(new LineIndex(lines.join(eol)));

const BLOG_POST = [
  '+++',
  'date = 2024-06-12',
  "title = 'Image uploads failed' # as published",
  'updated = 2024-06-14T09:30:00Z',
  '',
  '[taxonomies]',
  'author = ["Platform Team"]',
  '+++',
  '',
  '# Outage',
];

describe('TOML frontmatter fenced with +++', () => {
  it('reads its keys as the YAML reader would: dates as written, tables as nested values', () => {
    const { frontmatter, bodyLine, problems } = read(BLOG_POST);
    assert.equal(bodyLine, 8);
    assert.deepEqual(problems, []);
    assert.deepEqual(frontmatter?.data, {
      date: '2024-06-12',
      title: 'Image uploads failed',
      updated: '2024-06-14T09:30:00Z',
      taxonomies: { author: ['Platform Team'] },
    });
    assert.equal(frontmatter?.syntax, 'toml');
  });

  it('places each top-level key and its value, the quotes kept and a trailing comment left out', () => {
    for (const eol of ['\n', '\r\n']) {
      const fields = read(BLOG_POST, eol).frontmatter!.fields;
      assert.deepEqual([...fields.keys()], ['date', 'title', 'updated'], `keys with ${JSON.stringify(eol)}`);
      const title = fields.get('title')!;
      assert.deepEqual(title.keyRange, { start: { line: 2, character: 0 }, end: { line: 2, character: 5 } });
      assert.deepEqual(title.valueRange, { start: { line: 2, character: 8 }, end: { line: 2, character: 30 } });
      assert.equal(title.value, 'Image uploads failed');
    }
  });

  it('is found below a source comment, as YAML frontmatter is', () => {
    assert.equal(read(['<!-- exported -->', '+++', 'title = "x"', '+++', 'Body']).frontmatter?.data.title, 'x');
  });

  it('leaves a fence that is never closed to the body', () => {
    assert.equal(read(['+++', 'title = "x"', '', 'Body']).bodyLine, 0);
  });

  it('reports malformed TOML on its line, keeping the keys that read on their own', () => {
    const { frontmatter, problems } = read(['+++', 'date = 2024-06-12', 'title = "Broken', 'status = "draft"', '+++']);
    assert.deepEqual(
      problems.map((p) => [p.code, p.severity, p.range.start.line, p.message.startsWith('Frontmatter TOML: ')]),
      [['frontmatter/yaml-error', 'error', 2, true]],
    );
    assert.deepEqual(frontmatter?.data, { date: '2024-06-12', status: 'draft' });
  });

  it('never throws on junk between the fences', () => {
    for (const junk of ['= =', '[[', 'a = 1\na = 2', '"unclosed = 1', 'x = [1,', '\u0000', '[a]\nb = {']) {
      const result = read(['+++', ...junk.split('\n'), '+++', 'Body']);
      assert.equal(result.bodyLine, junk.split('\n').length + 2, junk);
      assert.ok(result.problems.length > 0, `a problem for ${JSON.stringify(junk)}`);
    }
  });
});

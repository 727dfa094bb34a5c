import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { parse } from 'smol-toml';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { loadConfig } from '../../../server/src/core/config/load';
import { readFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { applyEdits } from '../../../server/src/core/text/edits';
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

describe('fixes on TOML frontmatter write TOML', () => {
  const path = join(__dirname, '..', '..', 'fixtures', 'core', 'toml-fixes.md');
  const text = readFileSync(path, 'utf8');
  const fixed = (code: string) => {
    const problems = checkDocument(analyzeText(text, `file://${path}`), loadConfig(join(path, '..')));
    const problem = problems.find((p) => p.code === code);
    assert.ok(problem?.fixes?.length, `${code} offers a fix`);
    return applyEdits(text, new LineIndex(text), problem.fixes[0].edits);
  };
  const tomlOf = (doc: string) => parse(doc.split('+++')[1]);

  it('adds missing keys as `key = ""` lines above the first table', () => {
    const toml = tomlOf(fixed('frontmatter/missing-key'));
    assert.deepEqual({ ...(toml.extra as object) }, { team: 'Payments' }, 'the table keeps only its own key');
    assert.equal(toml.status, '');
    assert.equal(toml.authors, '');
  });

  it('replaces a value with a quoted TOML string, the comment kept', () => {
    const after = fixed('frontmatter/invalid-value');
    assert.equal(tomlOf(after).severity, 'SEV2');
    assert.match(after, /^severity = "SEV2" {2}# written before/m);
  });
});

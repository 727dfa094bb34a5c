/**
 * The fast reading of simple frontmatter must give what the YAML library gives: the same data (with
 * the same types), the same key and value ranges, the same problems. Checked on frontmatters built
 * from tricky values (numbers, booleans, nulls, quotes, colons, comments, lists, unicode), on every
 * Markdown fixture, and on the shapes it must leave to the library.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { readSimpleMapping, withFullYamlReading } from '../../../server/src/core/frontmatter/simpleMapping';
import { readFrontmatter } from '../../../server/src/core/parse/frontmatter';
import { LineIndex } from '../../../server/src/core/text/lineIndex';

const ROOT = join(__dirname, '..', '..', '..');

/** A reading with its fields as a list, so deep equality compares them in order. */
function reading(text: string) {
  const result = readFrontmatter(new LineIndex(text));
  const fm = result.frontmatter;
  return { ...result, frontmatter: fm && { ...fm, fields: [...fm.fields] } };
}

function assertSameAsLibrary(text: string): void {
  const fast = reading(text);
  const full = withFullYamlReading(() => reading(text));
  assert.deepStrictEqual(fast, full, `different reading of:\n${text}`);
}

const VALUES = [
  'SEV2',
  '7',
  '007',
  '-3',
  '+4',
  '1.50',
  '1e3',
  '0x1F',
  '0o17',
  '.inf',
  '.NaN',
  'true',
  'False',
  'NULL',
  'null',
  '~',
  '2024-03-04',
  '2024-03-04T10:15:00Z',
  '2024-03-04 10:15 UTC',
  'Checkout: slow',
  'a:b',
  'ends with colon:',
  'http://example.test/x?y=1',
  'value # a comment',
  'hash#inside',
  '"quoted, with: colon"',
  "'single # quoted'",
  '"escaped \\" quote"',
  "'it''s'",
  '[checkout, search]',
  '[]',
  '[ one ,two ]',
  '[a, [b]]',
  '[a, b,]',
  '["x", \'y\', 3, true]',
  '[a: b]',
  '{ a: 1 }',
  '- item',
  '&anchor value',
  '*alias',
  '!tag value',
  '|',
  '>-',
  '@user',
  '`tick`',
  'Café crème ☕ 🚀',
  'no\u00a0break\u00a0',
  'trailing   ',
  '(paren) $dollar /slash',
  'with \'quotes\' and "more"',
];
const KEYS = ['title', 'severity', 'x-team-code', 'Started_At', 'true', '123', 'null', 'a b', '__proto__'];

/** Frontmatters of one to three keys, each value from the list, with blank lines and comments between. */
function* frontmatters(): Generator<string> {
  for (const [i, value] of VALUES.entries()) {
    const key = KEYS[i % KEYS.length]!;
    yield `---\n${key}: ${value}\n---\n`;
    yield `---\ntype: postmortem\n${key}: ${value}\n\n# a comment line\ndate: 2024-01-0${(i % 9) + 1}\n---\n# Body\n`;
    yield `---\nservices: [api, ${value}]\nstatus: ${VALUES[(i * 7) % VALUES.length]}\n---\n`;
  }
  for (const [i, value] of VALUES.entries()) {
    const other = VALUES[(i * 11) % VALUES.length]!;
    yield `---\nservices:\n  - ${value}\n  - ${other}\ntitle: t\n---\n`;
    yield `---\ntitle: t\nservices:\n- api\n- ${value}   \n\n# after\n---\n`;
    yield `---\nservices:\n    - ${value}\nowner:\ntags:\n  - ${other}\n---\n`;
  }
  yield '---\nservices:\n  - a\n    - b\n---\n';
  yield '---\nservices:\n  - a\n\n  - b\n---\n';
  yield '---\nservices:\n  - a\n  -  b\n  -\n---\n';
  yield '---\nempty:\n---\n';
  yield '---\nempty:   \nnext: 1\n---\n';
  yield '---\nlist:\n  - - nested\n---\n';
  yield '---\ntitle: a\ntitle: b\n---\n';
  yield '---\ntitle:\n---\n';
  yield '---\ntitle: a\n  continued\n---\n';
  yield '---\nservices:\n  - api\n  - db\n---\n';
  yield '---\r\ntitle: crlf\r\n---\r\n';
  yield '<!-- source -->\n---\ntitle: after a comment\n---\n';
  yield '---\n# only a comment\n---\n';
  yield '---\n---\n';
}

function* fixtureTexts(): Generator<{ file: string; text: string }> {
  const walk = function* (folder: string): Generator<string> {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name);
      if (statSync(path).isDirectory()) yield* walk(path);
      else if (name.endsWith('.md')) yield path;
    }
  };
  for (const folder of ['test/fixtures', 'examples']) {
    for (const file of walk(join(ROOT, folder))) yield { file, text: readFileSync(file, 'utf8') };
  }
}

describe('simple frontmatter', () => {
  it('reads built frontmatters as the YAML library does', () => {
    let count = 0;
    for (const text of frontmatters()) {
      assertSameAsLibrary(text);
      count++;
    }
    assert.ok(count > 300);
  });

  it('reads every fixture as the YAML library does', () => {
    let count = 0;
    for (const { text } of fixtureTexts()) {
      assertSameAsLibrary(text);
      count++;
    }
    assert.ok(count > 100);
  });

  it('takes the common shape itself, with typed values and value ranges', () => {
    const source = 'title: Checkout down\nseverity: 2\nservices: [api, "db"]\nresolved: true\n';
    assert.deepEqual(readSimpleMapping(source), [
      { key: 'title', value: 'Checkout down', keyStart: 0, keyEnd: 5, valueStart: 7, valueEnd: 20 },
      { key: 'severity', value: 2, keyStart: 21, keyEnd: 29, valueStart: 31, valueEnd: 32 },
      { key: 'services', value: ['api', 'db'], keyStart: 33, keyEnd: 41, valueStart: 43, valueEnd: 54 },
      { key: 'resolved', value: true, keyStart: 55, keyEnd: 63, valueStart: 65, valueEnd: 69 },
    ]);
  });

  it('takes block lists and empty values itself', () => {
    assert.deepEqual(readSimpleMapping('services:\n  - api\n  - db\nowner:\n'), [
      { key: 'services', value: ['api', 'db'], keyStart: 0, keyEnd: 8, valueStart: 12, valueEnd: 25 },
      { key: 'owner', value: null, keyStart: 25, keyEnd: 30, valueStart: 31, valueEnd: 31 },
    ]);
  });

  it('leaves other shapes to the library', () => {
    for (const source of [
      'title: a\ntitle: b',
      'services:\n  - api\n    - db',
      'services:\n  - a: b',
      'title: a # note',
      'title: "a \\" b"',
      'title: &x a',
      'title: a\r\n',
      'a: [b, c,]',
      'title: a: b',
    ]) {
      assert.equal(readSimpleMapping(source), undefined, source);
    }
  });

  it('still reports broken YAML through the library', () => {
    const result = readFrontmatter(new LineIndex('---\ntitle: "open\nseverity: SEV1\n---\n'));
    assert.equal(result.problems[0]?.code, 'frontmatter/yaml-error');
  });
});

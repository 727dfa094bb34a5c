/**
 * The preview's Markdown tree (server/src/preview/bodyTree.ts) is built from pieces parsed apart and
 * kept by their text. It must be the tree a parse of the whole body gives, node for node, on the
 * fixtures and on generated documents full of constructs that carry across lines; and an edit must
 * cost the parse of the piece it touched, not of the body.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { analyzeText } from '../../../server/src/core/analyzer';
import { bodyTree, pieceCache } from '../../../server/src/preview/bodyTree';
import { renderBody } from '../../../server/src/preview/markdown';
import { FIXTURES, fixtureText } from './helpers';

const wholeParse = (text: string) => unified().use(remarkParse).use(remarkGfm).parse(text);
/** Plain data: the pieces' trees are copies, compared by value. */
const plain = (value: unknown) => JSON.parse(JSON.stringify(value));
const sameAsWhole = (text: string) =>
  assert.deepEqual(plain(bodyTree(text.split('\n'))), plain(wholeParse(text)), JSON.stringify(text));

/** Lines that open, continue or close blocks across blank lines: lists, quotes, fences, HTML, tables. */
const LINES = [
  ...Array<string>(6).fill(''),
  '# Timeline',
  'The *payment* gateway',
  'rejected **every',
  'request** until 09:47.',
  '- Rolled back',
  '- Paged on-call',
  '  with a note',
  '    indented code',
  '1. First',
  '2) Second',
  '> Quoted',
  '<!--',
  '-->',
  '<!-- prompt -->',
  '<pre>',
  '</pre>',
  '<details>',
  '</details>',
  '```',
  '~~~',
  '| Time | Event |',
  '| --- | --- |',
  '| 09:00 | Alert |',
  'Impact',
  '===',
  '---',
  '  - nested',
  '- [ ] Add an alert',
  '- [x] Renew the certificate',
  'See https://status.example.com',
  '`unclosed',
  'code`',
  '<script>',
  '</script>',
  '\tcode',
  '  # indented heading',
];

function* generated(count: number): Generator<string> {
  let seed = 20250414;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let i = 0; i < count; i++) {
    const length = 3 + Math.floor(next() * 25);
    yield Array.from({ length }, () => LINES[Math.floor(next() * LINES.length)]).join('\n');
  }
}

describe("the preview's Markdown tree", () => {
  it('is the tree of a whole parse for every preview fixture', () => {
    for (const name of readdirSync(FIXTURES).filter((n) => n.endsWith('.md'))) sameAsWhole(fixtureText(name));
  });

  it('is the tree of a whole parse for 1,500 generated documents', () => {
    for (const text of generated(1500)) sameAsWhole(text);
  });

  it('resolves a reference link against a definition in another part of the body', () => {
    const text = 'See the [runbook][rb].\n\n## Follow-up\n\n[rb]: https://runbooks.example.com/tls\n';
    sameAsWhole(text);
    const html = renderBody(analyzeText(text, 'file:///postmortems/references.md'));
    assert.match(html, /<a href="https:\/\/runbooks\.example\.com\/tls"[^>]*>runbook<\/a>/);
  });
});

describe('rendering the preview after an edit', () => {
  const text = readFileSync(join(FIXTURES, 'checkout-outage.md'), 'utf8');
  const edited = text.replace('## Impact', '## Impact\n\nA sentence added while the preview is open.');

  it('parses nothing for a version already rendered, and only the changed piece for the next', () => {
    assert.notEqual(edited, text, 'the fixture has an Impact heading');
    const first = renderBody(analyzeText(text, 'file:///postmortems/checkout-outage.md'));
    const before = pieceCache.parsed;
    assert.equal(renderBody(analyzeText(text, 'file:///postmortems/checkout-outage.md')), first);
    assert.equal(pieceCache.parsed, before, 'a second render of the same text parses again');
    const html = renderBody(analyzeText(edited, 'file:///postmortems/checkout-outage.md'));
    assert.equal(pieceCache.parsed, before + 1, 'an edit to one paragraph parses more than that piece');
    assert.match(html, /<p data-line="\d+">A sentence added while the preview is open\.<\/p>/);
  });
});

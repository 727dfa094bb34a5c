import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar } from 'vscode-textmate';

// The injection is tested against VS Code's own Markdown grammar (as shipped by tm-grammars), so
// "does not break Markdown" is checked against the grammar it is injected into. VS Code always has
// the YAML grammar, and Markdown's frontmatter rule is dropped without it, so it is loaded too.
const ROOT = join(__dirname, '..', '..', '..');
const MARKDOWN = 'text.html.markdown';
const INJECTION = 'hindsight.postmortem.injection';
const readJson = (path: string): IRawGrammar => JSON.parse(readFileSync(path, 'utf8')) as IRawGrammar;

let withInjection: IGrammar;
let plain: IGrammar;

async function loadGrammar(inject: boolean): Promise<IGrammar> {
  const registry = new Registry({
    onigLib: Promise.resolve({
      createOnigScanner: (patterns: string[]) => new oniguruma.OnigScanner(patterns),
      createOnigString: (text: string) => new oniguruma.OnigString(text),
    }),
    loadGrammar: async (scope) => {
      if (scope === MARKDOWN) return readJson(require.resolve('tm-grammars/grammars/markdown.json'));
      if (scope === 'source.yaml') return readJson(require.resolve('tm-grammars/grammars/yaml.json')); // the frontmatter needs it
      if (scope === INJECTION) return readJson(join(ROOT, 'syntaxes', 'postmortem.injection.tmLanguage.json'));
      return null; // other languages embedded in fenced code are not needed
    },
    getInjections: (scope) => (inject && scope === MARKDOWN ? [INJECTION] : undefined),
  });
  const grammar = await registry.loadGrammar(MARKDOWN);
  assert.ok(grammar);
  return grammar;
}

/** Each character of each line with the scopes it is given. */
function tokenize(grammar: IGrammar, text: string): string[][][] {
  let stack = INITIAL;
  return text.split('\n').map((line) => {
    const result = grammar.tokenizeLine(line, stack);
    stack = result.ruleStack;
    const chars: string[][] = [];
    for (const token of result.tokens) for (let i = token.startIndex; i < Math.min(token.endIndex, line.length); i++) chars[i] = token.scopes;
    return chars;
  });
}

const isOurs = (scope: string): boolean => scope.endsWith('.hindsight');

/** The Hindsight scopes given to `part` of the one line of `text` that contains it, checked to cover exactly that part. */
function scopesOf(text: string, part: string, occurrence = 0): string[] {
  const lines = text.split('\n');
  const row = lines.findIndex((l) => l.includes(part));
  assert.ok(row >= 0, `${part} is in the sample`);
  let start = -1;
  for (let n = 0; n <= occurrence; n++) start = lines[row].indexOf(part, start + 1);
  const chars = tokenize(withInjection, text)[row];
  const ours = (i: number): string => (chars[i] ?? []).filter(isOurs).join(' ');
  const inside = new Set(part.split('').map((_, i) => ours(start + i)));
  assert.equal(inside.size, 1, `"${part}" is one token: ${[...inside].join(' | ')}`);
  const [scopes] = [...inside];
  if (scopes) {
    assert.notEqual(ours(start - 1), scopes, `"${part}" starts where its scope starts`);
    assert.notEqual(ours(start + part.length), scopes, `"${part}" ends where its scope ends`);
  }
  return scopes ? scopes.split(' ') : [];
}

before(async () => {
  const wasm = readFileSync(require.resolve('vscode-oniguruma/release/onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  [withInjection, plain] = await Promise.all([loadGrammar(true), loadGrammar(false)]);
});

describe('highlighting grammar', () => {
  const table = ['| Time | Event | Ticket |', '| ---- | ----- | ------ |', '| 2024-03-05 14:51 UTC | Error-rate alert fires [detected] | PAY-123 |'].join('\n');

  it('scopes a timestamp as date, time and zone', () => {
    const line = '2024-03-05 14:51 UTC checkout errors rise';
    assert.deepEqual(scopesOf(line, '2024-03-05'), ['constant.numeric.date.hindsight']);
    assert.deepEqual(scopesOf(line, '14:51'), ['constant.numeric.time.hindsight']);
    assert.deepEqual(scopesOf(line, 'UTC'), ['constant.language.timezone.hindsight']);
    assert.deepEqual(scopesOf(table, '2024-03-05'), ['constant.numeric.date.hindsight'], 'in a table cell');
    assert.deepEqual(scopesOf(table, 'UTC'), ['constant.language.timezone.hindsight']);
  });

  it('scopes other time and zone forms', () => {
    const text = 'At 2024-03-05T14:51:07Z, 2:51 p.m. PDT, 23:15-00:30 CET, 14:51+01:00 and 09:10 Europe/Paris; 5 March 2024; 14:51 UTC+01:00.';
    assert.deepEqual(scopesOf(text, '14:51:07'), ['constant.numeric.time.hindsight']);
    assert.deepEqual(scopesOf(text, 'Z'), ['constant.language.timezone.hindsight']);
    assert.deepEqual(scopesOf(text, '2:51 p.m.'), ['constant.numeric.time.hindsight']);
    assert.deepEqual(scopesOf(text, 'PDT'), ['constant.language.timezone.hindsight']);
    assert.deepEqual(scopesOf(text, '00:30'), ['constant.numeric.time.hindsight']);
    assert.deepEqual(scopesOf(text, '+01:00'), ['constant.language.timezone.hindsight']);
    assert.deepEqual(scopesOf(text, 'Europe/Paris'), ['constant.language.timezone.hindsight']);
    assert.deepEqual(scopesOf(text, '5 March 2024'), ['constant.numeric.date.hindsight']);
    assert.deepEqual(scopesOf(text, 'UTC+01:00'), ['constant.language.timezone.hindsight']);
  });

  it('scopes severities, milestone markers and ticket keys', () => {
    const text = ['# SEV1: checkout outage', '', '- 14:51 OUTAGE BEGINS, tracked in PAY-123 (a Sev-2 before)', '- 15:02 [detected] pager fires'].join('\n');
    assert.deepEqual(scopesOf(text, 'SEV1'), ['keyword.other.severity.hindsight']);
    assert.deepEqual(scopesOf(text, 'Sev-2'), ['keyword.other.severity.hindsight']);
    assert.deepEqual(scopesOf(text, 'OUTAGE BEGINS'), ['keyword.control.milestone.hindsight']);
    assert.deepEqual(scopesOf(text, 'PAY-123'), ['entity.name.tag.ticket.hindsight']);
    assert.deepEqual(scopesOf(text, 'detected'), ['keyword.control.milestone.hindsight']);
    assert.deepEqual(scopesOf(text, '[').sort(), ['keyword.control.milestone.hindsight', 'punctuation.definition.milestone.begin.hindsight']);
    assert.deepEqual(scopesOf(table, 'PAY-123'), ['entity.name.tag.ticket.hindsight']);
    assert.deepEqual(scopesOf(table, 'detected'), ['keyword.control.milestone.hindsight']);
  });

  it('highlights in lists, quotes, headings and at the start of a paragraph', () => {
    const time = ['constant.numeric.time.hindsight'];
    const marker = ['keyword.control.milestone.hindsight'];
    assert.deepEqual(scopesOf('- 14:51 pager fires', '14:51'), time);
    assert.deepEqual(scopesOf('  1. OUTAGE BEGINS', 'OUTAGE BEGINS'), marker);
    assert.deepEqual(scopesOf('> [detected] by a customer', 'detected'), marker);
    assert.deepEqual(scopesOf('## 14:51 UTC', '14:51'), time);
    assert.deepEqual(scopesOf('14:51 first line', '14:51'), time);
    assert.deepEqual(scopesOf('Setext SEV1\n===', 'SEV1'), ['keyword.other.severity.hindsight']);
  });

  it('leaves look-alikes alone', () => {
    const text = 'UTF-8, SHA-256, ISO-8601 and CVE-2024-1234; May 5 at 127.0.0.1:8080; version 1.14:30; us-WEST-2; [x] done.';
    for (const part of ['UTF-8', 'SHA-256', 'ISO-8601', 'CVE-2024-1234', 'May 5', '127.0.0.1:8080', '1.14:30', 'WEST', '[x]']) {
      assert.deepEqual(scopesOf(text, part), [], part);
    }
  });

  it('gives nothing inside fenced code, inline code, indented code, comments or the frontmatter', () => {
    const sample = '2024-03-05 14:51 UTC SEV1 [detected] OUTAGE BEGINS PAY-123';
    const text = [
      '---',
      `title: ${sample}`,
      '---',
      '',
      '```',
      sample,
      '```',
      '',
      '```text',
      sample,
      '```',
      '',
      '~~~yaml',
      sample,
      '~~~',
      '',
      `Inline \`${sample}\` code.`,
      '',
      `<!-- ${sample} -->`,
      '',
      `    ${sample}`,
    ].join('\n');
    const chars = tokenize(withInjection, text);
    text.split('\n').forEach((line, row) => {
      const start = line.indexOf(sample);
      if (start < 0) return;
      for (let i = start; i < start + sample.length; i++) {
        const ours = (chars[row][i] ?? []).filter(isOurs);
        assert.deepEqual(ours, [], `line ${row + 1} "${line}" column ${i}`);
      }
    });
    // …while the same text in a paragraph is highlighted.
    assert.deepEqual(scopesOf(`Text ${sample}`, 'PAY-123'), ['entity.name.tag.ticket.hindsight']);
  });

  it("keeps Markdown's own scopes everywhere", () => {
    const text = [
      '---',
      'severity: SEV1',
      '---',
      '# 14:51 UTC: SEV1 [resolved]',
      '',
      'Setext 2024-03-05',
      '===',
      '',
      '- **14:51 UTC** alert *PAY-123* fires ~~SEV2~~',
      '1. [detected](https://example.com/PAY-123) and [link][detected] and <https://x.test/14:51>',
      '> 2024-03-05 14:51 UTC quoted OUTAGE BEGINS',
      '> [detected] quoted marker',
      '- 14:51 OUTAGE BEGINS',
      '  - 2024-03-05 nested SEV1',
      '2. [mitigated] PAY-9 rolled back',
      '',
      '[detected] at the start of a paragraph, SEV2',
      '14:51 UTC at the start of a paragraph',
      '',
      '[detected]: https://example.com/alert',
      '',
      table,
      '',
      '```js',
      'const t = "14:51 UTC";',
      '```',
      '',
      '<div>SEV1 at 14:51</div>',
      '![graph 14:51](https://example.com/a.png) `14:51` **bold [mitigated]**',
    ].join('\n');
    const a = tokenize(withInjection, text);
    const b = tokenize(plain, text);
    text.split('\n').forEach((line, row) => {
      for (let i = 0; i < line.length; i++) {
        const ours = a[row][i] ?? [];
        // The one deliberate difference: Markdown paints any "[word]" as a shortcut reference link,
        // which it is only when a definition exists; a milestone marker takes that place.
        const marker = ours.includes('keyword.control.milestone.hindsight');
        const expected = (b[row][i] ?? []).filter((s) => !(marker && s.includes('.link.')));
        assert.deepEqual(ours.filter((s) => !isOurs(s)), expected, `line ${row + 1} "${line}" column ${i}`);
      }
    });
    assert.deepEqual(scopesOf(text, '14:51'), ['constant.numeric.time.hindsight'], 'and adds its own, in a heading too');
  });
});

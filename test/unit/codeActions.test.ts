/**
 * The server's code actions (server/src/lsp/codeActions.ts) for the finding under a cursor, in the order and with the
 * kinds an editor relies on: VS Code drops an action whose kind is not what it asked for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { CodeAction, Connection, Diagnostic } from 'vscode-languageserver';
import { CodeActionsProvider, FIX_ALL_KIND } from '../../server/src/lsp/codeActions';
import { toDiagnostic } from '../../server/src/lsp/convert';
import { DocumentStore } from '../../server/src/lsp/documents';

const CURSOR = '{|}';
const URI = 'file:///w/postmortems/search-outage.md';

/** The fixture without its cursor mark, and where the mark was. */
function withCursor(name: string) {
  const marked = readFileSync(join(__dirname, '..', 'fixtures', 'code-actions', name), 'utf8');
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, `${name} has no ${CURSOR}`);
  const before = marked.slice(0, offset).split('\n');
  const cursor = { line: before.length - 1, character: before[before.length - 1].length };
  return { text: marked.replace(CURSOR, ''), cursor };
}

/** A store with the fixture open, as the client's didOpen would leave it, and the findings under the cursor. */
function setUp(name: string) {
  const handlers = new Map<string, (params: unknown) => void>();
  const connection = new Proxy({} as Record<string, unknown>, {
    get: (_target, key: string) =>
      key.startsWith('on')
        ? (handler: (p: unknown) => void) => (handlers.set(key, handler), { dispose() {} })
        : undefined,
  }) as unknown as Connection;
  const store = new DocumentStore(connection);
  store.configure([], false);
  store.documents.listen(connection);
  const { text, cursor } = withCursor(name);
  handlers.get('onDidOpenTextDocument')!({ textDocument: { uri: URI, languageId: 'markdown', version: 1, text } });
  const covers = (d: Diagnostic) =>
    d.range.start.line === cursor.line &&
    d.range.start.character <= cursor.character &&
    cursor.character <= d.range.end.character;
  const diagnostics = store.check(store.documents.get(URI)!).map(toDiagnostic).filter(covers);
  const provider = new CodeActionsProvider(store);
  const range = { start: cursor, end: cursor };
  const ask = (only?: string[]) =>
    provider.actions({ textDocument: { uri: URI }, range, context: { diagnostics, only } });
  return { diagnostics, ask };
}

const isDisable = (a: CodeAction) => a.title.startsWith('Disable ');
const isFixAll = (a: CodeAction) => a.title.startsWith('Fix all ');
const isDocs = (a: CodeAction) => a.command?.command === 'hindsight.openRuleDoc';

describe('code actions on a blame finding', () => {
  it('finds the blame finding under the cursor', () => {
    const { diagnostics } = setUp('blame-cursor.md');
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['blameless/normative'],
    );
  });

  it('gives every action a kind', () => {
    const actions = setUp('blame-cursor.md').ask();
    assert.ok(actions.length >= 5, actions.map((a) => a.title).join(' | '));
    for (const action of actions) assert.ok(action.kind, `"${action.title}" has no kind`);
  });

  it("puts the rule's own fix first and preferred, fix all next, the disables last and never preferred", () => {
    const actions = setUp('blame-cursor.md').ask();
    const titles = actions.map((a) => a.title);
    assert.equal(titles[0], 'Remove "mistakenly"', titles.join(' | '));
    assert.equal(actions[0].isPreferred, true);
    const lastFix = titles.lastIndexOf('Remove "mistakenly"');
    const fixAll = actions.findIndex(isFixAll);
    const docs = actions.findIndex(isDocs);
    const firstDisable = actions.findIndex(isDisable);
    assert.ok(lastFix < fixAll && fixAll < docs && docs < firstDisable, titles.join(' | '));
    assert.ok(actions.slice(firstDisable).every(isDisable), titles.join(' | '));
    assert.equal(actions.filter(isDisable).length, 2);
    assert.ok(actions.filter(isDisable).every((a) => !a.isPreferred));
    assert.equal(actions.filter((a) => a.isPreferred).length, 1);
  });

  it('keeps the documentation when only quick fixes are asked for, as the Problems panel does', () => {
    const actions = setUp('blame-cursor.md').ask(['quickfix']);
    assert.ok(actions.some(isDocs));
    assert.ok(
      actions.every((a) => a.kind === 'quickfix'),
      actions.map((a) => `${a.title}: ${a.kind}`).join(' | '),
    );
  });

  it('answers a request for fix all on save with that action alone', () => {
    const actions = setUp('blame-cursor.md').ask([FIX_ALL_KIND]);
    assert.deepEqual(
      actions.map((a) => a.kind),
      [FIX_ALL_KIND],
    );
  });
});

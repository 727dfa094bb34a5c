import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { DocumentStore } from '../../../server/src/lsp/documents';
import {
  PREVIEW_REQUEST,
  registerPreview,
  type PreviewParams,
  type PreviewResult,
} from '../../../server/src/lsp/preview';
import { csp, fixtureText, NONCE, parse } from './helpers';

/** Just enough of a connection for the document store and one request handler. */
function server() {
  const handlers = new Map<string, (params: never) => unknown>();
  const noop = () => ({ dispose() {} });
  const connection = {
    onRequest: (method: string, handler: (params: never) => unknown) => handlers.set(method, handler),
    onDidOpenTextDocument: (handler: never) => handlers.set('didOpen', handler),
    onDidChangeTextDocument: noop,
    onDidCloseTextDocument: noop,
    onWillSaveTextDocument: noop,
    onWillSaveTextDocumentWaitUntil: noop,
    onDidSaveTextDocument: noop,
  } as unknown as Connection;
  const store = new DocumentStore(connection);
  store.documents.listen(connection);
  registerPreview(connection, store);
  const open = (uri: string, text: string, version: number) =>
    (handlers.get('didOpen') as (e: unknown) => void)({ textDocument: { uri, languageId: 'markdown', version, text } });
  const preview = (params: PreviewParams) =>
    (handlers.get(PREVIEW_REQUEST) as (p: PreviewParams) => PreviewResult | null)(params);
  return { open, preview };
}

describe('preview: the hindsight/preview request', () => {
  const uri = 'untitled:checkout-outage.md';
  const { open, preview } = server();
  open(uri, fixtureText('checkout-outage.md'), 7);

  it('renders the open document at its version, with the given nonce and source', () => {
    const result = preview({ uri, nonce: NONCE, cspSource: 'https://*.vscode-cdn.net' })!;
    assert.equal(result.version, 7);
    const document = parse(result.html);
    assert.deepEqual(csp(document).get('script-src'), [`'nonce-${NONCE}'`]);
    assert.deepEqual(csp(document).get('img-src'), ['https://*.vscode-cdn.net', 'data:']);
    assert.equal(document.querySelector('[data-metric="ttm"] .hs-metric-value')?.textContent, '47m');
  });

  it('refuses a nonce or source that could break out of the policy', () => {
    const result = preview({ uri, nonce: `x' 'unsafe-inline`, cspSource: `'unsafe-inline' https:` })!;
    const policy = csp(parse(result.html));
    const nonce = policy.get('script-src')![0];
    assert.match(nonce, /^'nonce-[A-Za-z0-9+/]{24}'$/);
    assert.deepEqual(policy.get('img-src'), ['data:']);
    assert.doesNotMatch(result.html, /unsafe-inline/);
  });

  it('a standalone page for export; null for a document that is not open', () => {
    assert.equal(parse(preview({ uri, nonce: NONCE, standalone: true })!.html).querySelectorAll('script').length, 0);
    assert.equal(preview({ uri: 'file:///not/open.md', nonce: NONCE }), null);
  });
});

/**
 * The server's `hindsight/summary` and `hindsight/statusPage` handlers (server/src/lsp/), driven
 * through a stand-in connection that records handlers, with documents opened as a client would.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import type { Connection } from 'vscode-languageserver';
import { DocumentStore } from '../../server/src/lsp/documents';
import { registerStatusPage } from '../../server/src/lsp/statusPage';
import { registerSummary } from '../../server/src/lsp/summary';
import type { StatusPageResult, SummaryResult } from '../../server/src/shared/requests';

type Handler = (params: unknown) => unknown;

/** Every `onX(handler)` is recorded; `onRequest(method, handler)` by its method. */
function fakeConnection() {
  const handlers = new Map<string, Handler>();
  const connection = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) =>
      key in target
        ? target[key]
        : key.startsWith('on')
          ? (...args: unknown[]) => (
              handlers.set(typeof args[0] === 'string' ? (args[0] as string) : key, args[args.length - 1] as Handler),
              { dispose() {} }
            )
          : undefined,
    set: (target, key: string, value) => ((target[key] = value), true),
  }) as unknown as Connection;
  return { connection, handlers };
}

function setUp() {
  const { connection, handlers } = fakeConnection();
  const store = new DocumentStore(connection);
  store.configure([], false);
  store.documents.listen(connection);
  registerSummary(connection, store);
  registerStatusPage(connection, store);
  const open = (uri: string, text: string) =>
    handlers.get('onDidOpenTextDocument')!({ textDocument: { uri, languageId: 'markdown', version: 1, text } });
  const request = async <T>(method: string, uri: string) => (await handlers.get(method)!({ uri })) as T;
  return { open, request };
}

const POSTMORTEM = readFileSync(join(__dirname, '..', 'fixtures', 'status-page', 'internal-details.md'), 'utf8');

describe('hindsight/summary', () => {
  it('gives severity and time to resolve of a postmortem', async () => {
    const { open, request } = setUp();
    open(
      'file:///w/incident.md',
      '---\ntype: postmortem\nseverity: SEV1\nstarted: 2025-07-08T14:02:00Z\n' +
        'resolved: 2025-07-08T15:20:00Z\n---\n# Outage\n',
    );
    assert.deepEqual(await request<SummaryResult>('hindsight/summary', 'file:///w/incident.md'), {
      postmortem: true,
      severity: 'SEV1',
      ttrMinutes: 78,
    });
  });

  it('leaves severity and time to resolve out when the postmortem does not give them', async () => {
    const { open, request } = setUp();
    open('file:///w/postmortems/blank.md', '# Blank\n');
    assert.deepEqual(await request<SummaryResult>('hindsight/summary', 'file:///w/postmortems/blank.md'), {
      postmortem: true,
    });
  });

  it('says no for other Markdown and for files that are not open', async () => {
    const { open, request } = setUp();
    open('file:///w/notes.md', '# Notes\n\nseverity: SEV1\n');
    assert.deepEqual(await request<SummaryResult>('hindsight/summary', 'file:///w/notes.md'), { postmortem: false });
    assert.deepEqual(await request<SummaryResult>('hindsight/summary', 'file:///w/closed.md'), { postmortem: false });
  });
});

describe('hindsight/statusPage', () => {
  it('drafts the update of an open postmortem', async () => {
    const { open, request } = setUp();
    open('file:///w/incident.md', POSTMORTEM);
    const { markdown } = await request<StatusPageResult>('hindsight/statusPage', 'file:///w/incident.md');
    assert.match(markdown, /^# Search outage after the failover on a server\n/);
    assert.doesNotMatch(markdown, /priya|okafor|@/i);
  });

  it('refuses other Markdown, saying why', async () => {
    const { open, request } = setUp();
    open('file:///w/notes.md', '# Notes\n');
    await assert.rejects(
      request('hindsight/statusPage', 'file:///w/notes.md'),
      /not treated as a postmortem: its frontmatter has no `type: postmortem`/,
    );
    await assert.rejects(request('hindsight/statusPage', 'file:///w/closed.md'), /not open/);
  });
});

/**
 * The server's `hindsight/importTimeline` handler in-process, over a stand-in connection that records
 * handlers, with the fixture postmortem open as an editor would have it.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Connection } from 'vscode-languageserver';
import { DocumentStore } from '../../../server/src/lsp/documents';
import { registerImportTimeline } from '../../../server/src/lsp/importTimeline';

export const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');
export const POSTMORTEM = join(FIXTURES, 'postmortem.md');
export const POSTMORTEM_URI = pathToFileURL(POSTMORTEM).toString();
export const POSTMORTEM_TEXT = readFileSync(POSTMORTEM, 'utf8');

type Handler = (params: unknown) => unknown;

export function importServer(): { sendRequest: (method: string, params: unknown) => Promise<unknown> } {
  const handlers = new Map<string, Handler>();
  const record =
    (key: string) =>
    (...args: unknown[]) => {
      handlers.set(typeof args[0] === 'string' ? args[0] : key, args[args.length - 1] as Handler);
      return { dispose() {} };
    };
  const connection = new Proxy({} as Record<string, unknown>, {
    get: (target, key: string) => (key in target ? target[key] : key.startsWith('on') ? record(key) : undefined),
  }) as unknown as Connection;
  const store = new DocumentStore(connection);
  store.configure([], false);
  store.documents.listen(connection);
  registerImportTimeline(connection, store);
  const textDocument = { uri: POSTMORTEM_URI, languageId: 'markdown', version: 1, text: POSTMORTEM_TEXT };
  handlers.get('onDidOpenTextDocument')!({ textDocument });
  return { sendRequest: async (method, params) => handlers.get(method)!(params) };
}

/**
 * The language server's tracker requests, served in this process over a real JSON-RPC stream pair,
 * so a test can stand in for the network with its own `fetch` and drive the client commands
 * against the server exactly as VS Code's language client would.
 */
import { PassThrough } from 'node:stream';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
  type CancellationToken,
} from 'vscode-jsonrpc/node';
import { createConnection } from 'vscode-languageserver/node';
import type { TrackerServer } from '../../../../client/src/trackers/trackerServer';
import { DocumentStore } from '../../../../server/src/lsp/documents';
import { registerTrackers } from '../../../../server/src/lsp/trackers';
import type { LspTextEdit } from './fakeTrackerVscode';

interface ApplyEditParams {
  edit: { documentChanges?: { textDocument: { uri: string; version: number }; edits: LspTextEdit[] }[] };
}

export interface EditorSide {
  file: string;
  folder: string;
  text: string;
  /** Applies the server's edits to that version of the document; false when the version moved on. */
  applyEdits(edits: LspTextEdit[], version: number): boolean;
}

export function inProcessServer(fetch: typeof globalThis.fetch, editor: EditorSide) {
  const toServer = new PassThrough();
  const toClient = new PassThrough();
  // Reader and writer rather than streams: a server on streams ends the process when they close.
  const connection = createConnection(new StreamMessageReader(toServer), new StreamMessageWriter(toClient));
  const store = new DocumentStore(connection);
  store.configure([{ uri: pathToFileURL(editor.folder).toString(), name: 'workspace' }], false);
  registerTrackers(connection, store, fetch);
  store.documents.listen(connection);
  connection.listen();

  const client = createMessageConnection(new StreamMessageReader(toClient), new StreamMessageWriter(toServer));
  const uri = pathToFileURL(editor.file).toString();
  /** Every `workspace/applyEdit` the server sent. */
  const applyRequests: ApplyEditParams[] = [];
  client.onRequest('workspace/applyEdit', ({ edit }: ApplyEditParams) => {
    applyRequests.push({ edit });
    const changes = edit.documentChanges ?? [];
    const applied =
      changes.length === 1 &&
      changes[0].textDocument.uri === uri &&
      editor.applyEdits(changes[0].edits, changes[0].textDocument.version);
    return { applied };
  });
  client.onNotification('window/logMessage', () => undefined);
  client.listen();
  void client.sendNotification('textDocument/didOpen', {
    textDocument: { uri, languageId: 'markdown', version: 1, text: editor.text },
  });

  const server: TrackerServer = {
    sendRequest: <R>(method: string, params: unknown, token?: CancellationToken) =>
      client.sendRequest<R>(method, params, token),
  };
  return {
    server,
    applyRequests,
    /** The editor's document changed: tell the server, as the language client does. */
    changed(text: string, version: number) {
      void client.sendNotification('textDocument/didChange', {
        textDocument: { uri, version },
        contentChanges: [{ text }],
      });
    },
    close() {
      client.dispose();
      connection.dispose();
    },
  };
}

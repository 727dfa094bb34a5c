import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createMessageConnection, StreamMessageReader, StreamMessageWriter, type MessageConnection } from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
export const FIXTURES = join(__dirname, '..', 'fixtures', 'protocol');

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: { code: string; range: { start: { line: number } }; severity: number; source: string; message: string }[];
}

/** A minimal LSP client over stdio, as an editor would drive the server. */
export class TestClient {
  readonly process: ChildProcessWithoutNullStreams;
  readonly connection: MessageConnection;
  private readonly waiting = new Map<string, ((p: PublishedDiagnostics) => void)[]>();

  constructor() {
    this.process = spawn(process.execPath, [SERVER, '--stdio']);
    this.connection = createMessageConnection(new StreamMessageReader(this.process.stdout), new StreamMessageWriter(this.process.stdin));
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      const list = this.waiting.get(params.uri) ?? [];
      this.waiting.delete(params.uri);
      list.forEach((resolve) => resolve(params));
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.listen();
  }

  async initialize(pull: boolean): Promise<{ capabilities: Record<string, unknown> }> {
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: pathToFileURL(FIXTURES).toString(),
      workspaceFolders: [{ uri: pathToFileURL(FIXTURES).toString(), name: 'fixtures' }],
      capabilities: pull ? { textDocument: { diagnostic: { dynamicRegistration: false } } } : {},
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextPublish(uri: string): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
  }

  open(name: string, version = 1): { uri: string; text: string } {
    const path = join(FIXTURES, name);
    const uri = pathToFileURL(path).toString();
    const text = readFileSync(path, 'utf8');
    void this.connection.sendNotification('textDocument/didOpen', { textDocument: { uri, languageId: 'markdown', version, text } });
    return { uri, text };
  }

  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', { textDocument: { uri, version }, contentChanges: [{ text }] });
  }

  pull(uri: string): Promise<{ kind: string; items: PublishedDiagnostics['diagnostics'] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  async stop(): Promise<number | null> {
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

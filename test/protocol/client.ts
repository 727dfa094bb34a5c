import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  IPCMessageReader,
  IPCMessageWriter,
  StreamMessageReader,
  StreamMessageWriter,
  type MessageConnection,
} from 'vscode-jsonrpc/node';

export const SERVER = join(__dirname, '..', '..', 'dist', 'server.js');
export const MISSING_SERVER =
  'dist/server.js is missing: run `npm run build` first (these tests drive the bundled server)';

/** Throws at once when the bundle is not built: a server that cannot start would leave every request waiting. */
export function requireBuiltServer(): void {
  if (!existsSync(SERVER)) throw new Error(MISSING_SERVER);
}
export const FIXTURES = join(__dirname, '..', 'fixtures', 'protocol');

export interface Diagnostic {
  code: string;
  range: { start: { line: number; character: number }; end: { line: number; character: number } };
  severity: number;
  source: string;
  message: string;
}

export interface PublishedDiagnostics {
  uri: string;
  version?: number;
  diagnostics: Diagnostic[];
}

export type ConfigurationItem = { scopeUri?: string; section?: string };

export interface ClientOptions {
  /** Announce pull diagnostics (`textDocument.diagnostic`), as VS Code does. */
  pull?: boolean;
  transport?: 'stdio' | 'node-ipc';
  /** Answers `workspace/configuration`; when given, the client announces that it can be asked. */
  configuration?: (items: ConfigurationItem[]) => unknown[] | Promise<unknown[]>;
  /** Called on `workspace/diagnostic/refresh`; when given, the client announces refresh support. */
  onRefresh?: () => void;
  /** The workspace folder (default: the protocol fixtures). */
  folder?: string;
  /** Announce a file watcher the server may register (`workspace.didChangeWatchedFiles`), as VS Code does. */
  watchFiles?: boolean;
  /** Announce `window.workDoneProgress`, so the server may create progress bars. */
  workDoneProgress?: boolean;
}

/** "a.md" → `{ uri, text }` of the fixture file. */
export function fixture(name: string): { uri: string; text: string } {
  const path = join(FIXTURES, name);
  return { uri: pathToFileURL(path).toString(), text: readFileSync(path, 'utf8') };
}

/** `code@line` (one-based), sorted: a compact view of a diagnostic list. */
export const codes = (items: Diagnostic[]) => items.map((d) => `${d.code}@${d.range.start.line + 1}`).sort();

/** A minimal LSP client, driving the bundled server as an editor would. */
export class TestClient {
  readonly process: ChildProcess;
  readonly connection: MessageConnection;
  private readonly waiting = new Map<string, ((p: PublishedDiagnostics) => void)[]>();
  private stopping = false;

  constructor(private readonly options: ClientOptions = {}) {
    requireBuiltServer();
    if (options.transport === 'node-ipc') {
      this.process = spawn(process.execPath, [SERVER, '--node-ipc'], { stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
      this.connection = createMessageConnection(new IPCMessageReader(this.process), new IPCMessageWriter(this.process));
    } else {
      this.process = spawn(process.execPath, [SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
      this.connection = createMessageConnection(
        new StreamMessageReader(this.process.stdout!),
        new StreamMessageWriter(this.process.stdin!),
      );
    }
    this.connection.onNotification('textDocument/publishDiagnostics', (params: PublishedDiagnostics) => {
      const list = this.waiting.get(params.uri) ?? [];
      this.waiting.delete(params.uri);
      list.forEach((resolve) => resolve(params));
    });
    this.connection.onNotification('window/logMessage', () => undefined);
    this.connection.onRequest('client/registerCapability', () => null);
    this.connection.onRequest('window/workDoneProgress/create', () => null);
    const { configuration, onRefresh } = options;
    if (configuration)
      this.connection.onRequest('workspace/configuration', ({ items }: { items: ConfigurationItem[] }) =>
        configuration(items),
      );
    if (onRefresh) this.connection.onRequest('workspace/diagnostic/refresh', () => (onRefresh(), null));
    // A server that dies unasked fails the requests still waiting for it, instead of leaving them hanging.
    this.process.once('exit', () => {
      if (!this.stopping) this.connection.dispose();
    });
    this.connection.listen();
  }

  async initialize(): Promise<{ capabilities: Record<string, unknown> }> {
    const folder = pathToFileURL(this.options.folder ?? FIXTURES).toString();
    const { pull, configuration, onRefresh, watchFiles, workDoneProgress } = this.options;
    const result = await this.connection.sendRequest<{ capabilities: Record<string, unknown> }>('initialize', {
      processId: process.pid,
      rootUri: folder,
      workspaceFolders: [{ uri: folder, name: 'fixtures' }],
      capabilities: {
        textDocument: pull ? { diagnostic: { dynamicRegistration: false } } : {},
        workspace: {
          configuration: !!configuration,
          diagnostics: { refreshSupport: !!onRefresh },
          didChangeWatchedFiles: { dynamicRegistration: !!watchFiles },
        },
        window: { workDoneProgress: !!workDoneProgress },
      },
    });
    await this.connection.sendNotification('initialized', {});
    return result;
  }

  /** Resolves with the next diagnostics published for `uri`. */
  nextPublish(uri: string): Promise<PublishedDiagnostics> {
    return new Promise((resolve) => this.waiting.set(uri, [...(this.waiting.get(uri) ?? []), resolve]));
  }

  /** Opens a fixture file, as the editor does when the user opens it. */
  open(name: string, version = 1): { uri: string; text: string } {
    const { uri, text } = fixture(name);
    void this.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version, text },
    });
    return { uri, text };
  }

  change(uri: string, version: number, text: string): void {
    void this.connection.sendNotification('textDocument/didChange', {
      textDocument: { uri, version },
      contentChanges: [{ text }],
    });
  }

  close(uri: string): void {
    void this.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
  }

  changeConfiguration(settings: unknown): void {
    void this.connection.sendNotification('workspace/didChangeConfiguration', { settings });
  }

  pull(uri: string): Promise<{ kind: string; items: Diagnostic[] }> {
    return this.connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
  }

  classify(uri: string): Promise<{ postmortem: boolean; reason: string }> {
    return this.connection.sendRequest('hindsight/classify', { uri });
  }

  /** `shutdown` then `exit`; resolves with the server's exit code. */
  async stop(): Promise<number | null> {
    this.stopping = true;
    const exited = new Promise<number | null>((resolve) => this.process.once('exit', (code) => resolve(code)));
    await this.connection.sendRequest('shutdown');
    await this.connection.sendNotification('exit');
    const code = await exited;
    this.connection.dispose();
    return code;
  }
}

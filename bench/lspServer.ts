/**
 * The bundled language server over stdio, started and stopped the one way every benchmark does:
 * its node arguments from BENCH_SERVER_NODE_ARGS (for a CPU profile, say), the bundle from
 * BENCH_SERVER_FILE when set (an unminified build, whose profile names its functions), then
 * `initialize` with the folder and the client capabilities the benchmark announces.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import {
  createMessageConnection,
  type MessageConnection,
  StreamMessageReader,
  StreamMessageWriter,
} from 'vscode-jsonrpc/node';

const SERVER = process.env.BENCH_SERVER_FILE ?? join(__dirname, '..', 'dist', 'server.js');

/** A client that pulls diagnostics, as VS Code does. */
export const PULL_DIAGNOSTICS = { textDocument: { diagnostic: {} } };

export interface BenchServer {
  connection: MessageConnection;
  pid: number;
  stop(): Promise<void>;
}

export interface BenchServerOptions {
  /** The workspace folder, when the benchmark has one. */
  root?: string;
  /** What the client announces in `initialize`. */
  capabilities?: object;
}

/** Node arguments for the server process, from BENCH_SERVER_NODE_ARGS (space-separated). */
function nodeArgs(): string[] {
  return process.env.BENCH_SERVER_NODE_ARGS?.split(' ').filter(Boolean) ?? [];
}

export async function startBenchServer(options: BenchServerOptions = {}): Promise<BenchServer> {
  const child = spawn(process.execPath, [...nodeArgs(), SERVER, '--stdio'], { stdio: ['pipe', 'pipe', 'inherit'] });
  const connection = createMessageConnection(
    new StreamMessageReader(child.stdout!),
    new StreamMessageWriter(child.stdin!),
  );
  connection.onNotification(() => undefined);
  connection.onRequest(() => null);
  connection.listen();
  const folder = options.root === undefined ? null : pathToFileURL(options.root).toString();
  await connection.sendRequest('initialize', {
    processId: process.pid,
    rootUri: folder,
    ...(folder && { workspaceFolders: [{ uri: folder, name: 'bench' }] }),
    capabilities: options.capabilities ?? {},
  });
  await connection.sendNotification('initialized', {});
  const stop = async () => {
    await connection.sendRequest('shutdown');
    await connection.sendNotification('exit');
    connection.dispose();
  };
  return { connection, pid: child.pid!, stop };
}

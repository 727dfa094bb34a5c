import type { CancellationToken } from 'vscode';

/** The language server as the tracker commands use it: the language client, or a test's stand-in. */
export interface TrackerServer {
  sendRequest<R>(method: string, params: unknown, token?: CancellationToken): Promise<R>;
}

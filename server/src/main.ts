import { isMainThread } from 'node:worker_threads';

/**
 * The entry of dist/server.js, the one bundle that holds the engine, in one of three modes:
 * - run as a program (`node dist/server.js --stdio`, or forked by the VS Code client): the language server;
 * - started again on a worker thread by the workspace pass: the checker of closed postmortems; by
 *   `hindsight report`: the analyser of a share of the files;
 * - loaded by dist/cli.js, which calls `runCommandLine`: the `hindsight` command line.
 * Each mode loads only what it needs: the imports below are evaluated on demand, never together.
 */
export async function runCommandLine(): Promise<void> {
  (await import('./cli')).runFromCommandLine();
}

/** A worker thread is either a share of `hindsight report` (its data says so) or the workspace checker. */
async function startWorker(): Promise<void> {
  if ((await import('./core/insights/worker')).answerSliceJob()) return;
  await import('./lsp/workspaceWorker');
}

if (!isMainThread) void startWorker();
else if (require.main === module) void import('./server');

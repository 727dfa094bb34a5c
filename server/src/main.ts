import { isMainThread } from 'node:worker_threads';

/**
 * The server bundle's entry, in one of two modes. On the main thread it is the language server; the
 * workspace pass starts this same file again on a worker thread to check closed postmortems there.
 * One bundle for both means one copy of the engine in the package, and each mode loads only what it
 * needs: the imports below are evaluated on demand, never both.
 */
if (isMainThread) void import('./server');
else void import('./lsp/workspaceWorker');

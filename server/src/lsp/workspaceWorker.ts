import { parentPort } from 'node:worker_threads';
import { checkClosedFile, type ClosedFileJob } from './closedFileCheck';

/**
 * The worker thread of the workspace pass: checks closed postmortems one message at a time, so the
 * server's own thread stays free for hovers and edits while a first pass over thousands of files runs.
 */
export type WorkerRequest = ClosedFileJob & { id: number };
export type WorkerReply = { id: number; items: ReturnType<typeof checkClosedFile> } | { id: number; error: string };

parentPort?.on('message', (job: WorkerRequest) => {
  let reply: WorkerReply;
  try {
    reply = { id: job.id, items: checkClosedFile(job) };
  } catch (error) {
    reply = { id: job.id, error: String((error as Error)?.stack ?? error) };
  }
  parentPort!.postMessage(reply);
});

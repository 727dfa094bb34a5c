import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Diagnostic } from 'vscode-languageserver';
import { checkClosedFile, type ClosedFileJob } from './closedFileCheck';
import type { WorkerReply, WorkerRequest } from './workspaceWorker';

/**
 * The server bundle itself (dist/server.js): started on a worker thread it serves checks instead of
 * the protocol. Running from source there is no such file beside this one, and checks run in-process.
 */
export const BUNDLED_WORKER = join(__dirname, 'server.js');

const MAX_LOSSES = 3;

interface Waiting {
  resolve: (items: Diagnostic[]) => void;
  reject: (error: Error) => void;
}

/**
 * Checks closed postmortems for the workspace pass on a worker thread, so one long check never holds
 * up the requests the server answers meanwhile. Without the worker file (running from source) it
 * checks in-process, as before. A worker that dies fails the checks it held; the next check starts
 * another, and after a few deaths in a row the checks run in-process.
 */
export class ClosedFileChecker {
  private worker: Worker | undefined;
  private readonly waiting = new Map<number, Waiting>();
  private ids = 0;
  /** Workers lost since the last answer: a worker that cannot even start is not started forever. */
  private losses = 0;

  constructor(private readonly workerFile: string | undefined = BUNDLED_WORKER) {}

  /** Whether checks run off the server's thread. */
  get threaded(): boolean {
    return !!this.workerFile && this.losses < MAX_LOSSES && existsSync(this.workerFile);
  }

  check(job: ClosedFileJob): Promise<Diagnostic[]> {
    if (!this.threaded) return new Promise((resolve) => resolve(checkClosedFile(job)));
    const worker = this.started();
    const id = ++this.ids;
    // Held open only while checks are waiting: an idle worker must not keep the server alive.
    worker.ref();
    return new Promise((resolve, reject) => {
      this.waiting.set(id, { resolve, reject });
      worker.postMessage({ id, ...job } satisfies WorkerRequest);
    });
  }

  /** Stops the worker; checks still waiting fail. */
  async dispose(): Promise<void> {
    const worker = this.worker;
    this.worker = undefined;
    this.failAll(new Error('The workspace checker was stopped.'));
    await worker?.terminate();
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.workerFile!);
    worker.on('message', (reply: WorkerReply) => this.settle(reply));
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`The workspace checker stopped (exit code ${code}).`)));
    this.worker = worker;
    return worker;
  }

  private settle(reply: WorkerReply): void {
    this.losses = 0;
    const waiting = this.waiting.get(reply.id);
    this.waiting.delete(reply.id);
    if (this.waiting.size === 0) this.worker?.unref();
    if ('error' in reply) waiting?.reject(new Error(reply.error));
    else waiting?.resolve(reply.items);
  }

  private lost(worker: Worker, error: Error): void {
    if (this.worker !== worker) return;
    this.worker = undefined;
    this.losses++;
    this.failAll(error);
  }

  private failAll(error: Error): void {
    for (const waiting of this.waiting.values()) waiting.reject(error);
    this.waiting.clear();
  }
}

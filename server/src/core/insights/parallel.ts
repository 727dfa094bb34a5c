import { existsSync } from 'node:fs';
import { availableParallelism, loadavg } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { Target } from '../files/discover';
import type { Outcome } from './collect';

/** One file's outcome, and whether its analysis read its folder's configuration. */
export interface Analysed {
  outcome: Outcome;
  configured: boolean;
}

/** What a report's worker is started with; it then answers each chunk of targets it is sent. */
export interface ShareSetup {
  role: 'report-share';
  maxBytes: number;
}
export interface ChunkJob {
  targets: Target[];
}
export type ChunkAnswer = { analysed: Analysed[] } | { error: string };

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 200;
const MAX_THREADS = 8;
/**
 * Files handed out at a time: small enough that no thread waits long for the last ones, large enough
 * that messages stay few (a chunk is some tens of milliseconds of analysis).
 */
const CHUNK_FILES = 25;
/** Chunks a worker holds at once: it starts the next while this thread, busy with its own, hands out more. */
const IN_FLIGHT = 2;

/**
 * Threads to share the files among, this one included: HINDSIGHT_REPORT_THREADS when set, else one
 * a core that is idle (by the load average). On cores others keep busy, threads only add the cost of
 * starting (each loads and warms up the analyser: about a third more CPU time in all).
 */
function threadCount(files: number): number {
  const configured = Number.parseInt(process.env.HINDSIGHT_REPORT_THREADS ?? '', 10);
  if (Number.isInteger(configured) && configured >= 1) return Math.min(configured, MAX_THREADS, files);
  const idle = Math.round(availableParallelism() - loadavg()[0]!);
  return files < MIN_FILES ? 1 : Math.max(1, Math.min(idle, MAX_THREADS));
}

/** The chunks still to analyse, taken by whichever thread is free; a failed worker's are given back. */
class ChunkQueue {
  private next = 0;
  private readonly returned: number[] = [];
  readonly results: (Analysed[] | undefined)[];
  private done = 0;
  private wake: (() => void) | undefined;

  constructor(readonly chunks: Target[][]) {
    this.results = new Array(chunks.length);
  }

  take(): number | undefined {
    return this.returned.pop() ?? (this.next < this.chunks.length ? this.next++ : undefined);
  }

  giveBack(chunk: number): void {
    this.returned.push(chunk);
    this.changed();
  }

  finish(chunk: number, analysed: Analysed[]): void {
    this.results[chunk] = analysed;
    this.done++;
    this.changed();
  }

  get complete(): boolean {
    return this.done === this.chunks.length;
  }

  /** Resolves when a chunk is finished or given back. */
  changes(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }

  private changed(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}

/**
 * A worker that takes chunks from the queue until it is empty. When it fails (it cannot start, it
 * throws, or it answers for other files) the chunks it holds go back to the queue and it takes no more.
 */
function startWorker(workerFile: string, maxBytes: number, queue: ChunkQueue): void {
  const setup: ShareSetup = { role: 'report-share', maxBytes };
  const worker = new Worker(workerFile, { workerData: setup });
  const held: number[] = [];
  let ended = false;
  const end = () => {
    ended = true;
    for (const chunk of held.splice(0)) queue.giveBack(chunk);
    void worker.terminate();
  };
  const feed = () => {
    while (!ended && held.length < IN_FLIGHT) {
      const chunk = queue.take();
      if (chunk === undefined) break;
      held.push(chunk);
      const targets = queue.chunks[chunk]!;
      worker.postMessage({ targets } satisfies ChunkJob);
      // The worker has its own copy of the texts; should it fail, this thread reads the files again.
      for (const target of targets) target.text = undefined;
    }
    if (held.length === 0 && !ended) end();
  };
  worker.on('message', (answer: ChunkAnswer) => {
    const chunk = held.shift();
    if (chunk === undefined || 'error' in answer || answer.analysed.length !== queue.chunks[chunk]!.length) {
      if (chunk !== undefined) held.unshift(chunk);
      return end();
    }
    queue.finish(chunk, answer.analysed);
    feed();
  });
  worker.once('error', end);
  worker.once('exit', () => ended || end());
  feed();
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Every target analysed, shared among threads in chunks: workers, each running `workerFile` (which
 * answers with worker.ts), and this thread take the next chunk whenever they are free, so a thread
 * that started late or runs on a busier core simply takes fewer. A worker that fails has its chunks
 * analysed by the others, so the outcome is always the same as analysing in turn, in walk order.
 * Undefined when threads are not worth it or there is no worker to start (running from source); the
 * caller then analyses in turn.
 */
export async function analyseInParallel(
  targets: readonly Target[],
  maxBytes: number,
  analyseHere: (targets: Target[]) => Analysed[],
  workerFile: string,
  chunkFiles = CHUNK_FILES,
): Promise<Analysed[] | undefined> {
  const threads = threadCount(targets.length);
  if (threads < 2 || !existsSync(workerFile)) return undefined;
  const chunks: Target[][] = [];
  for (let i = 0; i < targets.length; i += chunkFiles) chunks.push(targets.slice(i, i + chunkFiles));
  const queue = new ChunkQueue(chunks);
  for (let w = 1; w < threads; w++) startWorker(workerFile, maxBytes, queue);
  while (!queue.complete) {
    const chunk = queue.take();
    if (chunk === undefined) {
      await queue.changes();
      continue;
    }
    queue.finish(chunk, analyseHere(chunks[chunk]!));
    // Between chunks the workers' answers are taken in and they are handed their next chunks.
    await turn();
  }
  return queue.results.flatMap((analysed) => analysed!);
}

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

/** What a worker is given, and what it answers once. */
export interface SliceJob {
  targets: Target[];
  maxBytes: number;
}
export type SliceAnswer = { analysed: Analysed[] } | { error: string };

/** Below this many files, starting threads costs more than it saves. */
const MIN_FILES = 200;
const MAX_THREADS = 8;

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

/** The answer of a worker given `job`; rejected when it fails or exits without one. */
function onWorker(workerFile: string, job: SliceJob): Promise<Analysed[]> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerFile, { workerData: job });
    worker.once('message', (answer: SliceAnswer) => {
      if ('error' in answer) reject(new Error(answer.error));
      else if (answer.analysed.length !== job.targets.length) reject(new Error('a worker answered for other files'));
      else resolve(answer.analysed);
    });
    worker.once('error', reject);
    worker.once('exit', () => reject(new Error('a worker stopped without answering')));
  });
}

/**
 * Every target analysed, shared among threads by turns (file i goes to thread i mod n): this thread
 * takes one share while workers, each running `workerFile` (which answers with worker.ts), take the
 * others. A worker that fails has its share analysed here, so the outcome is always the same as analysing in turn. Undefined when threads are not worth it
 * or there is no worker to start (running from source); the caller then analyses in turn.
 */
export async function analyseInParallel(
  targets: readonly Target[],
  maxBytes: number,
  analyseHere: (targets: Target[]) => Analysed[],
  workerFile: string,
): Promise<Analysed[] | undefined> {
  const threads = threadCount(targets.length);
  if (threads < 2 || !existsSync(workerFile)) return undefined;
  const slices = Array.from({ length: threads }, (_, t) => targets.filter((_, i) => i % threads === t));
  // Each failure is caught at once: a worker may fail while this thread is still busy with its share.
  const working = slices
    .slice(1)
    .map((slice) => onWorker(workerFile, { targets: slice, maxBytes }).catch(() => undefined));
  const answers = [analyseHere(slices[0]!)];
  for (const [w, answer] of working.entries()) answers.push((await answer) ?? analyseHere(slices[w + 1]!));
  return targets.map((_, i) => answers[i % threads]![Math.floor(i / threads)]!);
}

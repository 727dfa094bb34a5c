import { parentPort, workerData } from 'node:worker_threads';
import { analyseSlice } from './collect';
import type { SliceAnswer, SliceJob } from './parallel';

function isSliceJob(data: unknown): data is SliceJob {
  return typeof data === 'object' && data !== null && Array.isArray((data as SliceJob).targets);
}

/**
 * A worker thread of `hindsight report` (the server bundle, started again as a thread): analyses its
 * share of the files and answers once. False when this thread was not started with a share.
 */
export function answerSliceJob(): boolean {
  if (!parentPort || !isSliceJob(workerData)) return false;
  let answer: SliceAnswer;
  try {
    answer = { analysed: analyseSlice(workerData.targets, workerData.maxBytes) };
  } catch (error) {
    answer = { error: String((error as Error)?.stack ?? error) };
  }
  parentPort.postMessage(answer);
  return true;
}

import { parentPort, workerData } from 'node:worker_threads';
import { analyseSlice, Configurations } from './collect';
import type { ChunkAnswer, ChunkJob, ShareSetup } from './parallel';

function isShareSetup(data: unknown): data is ShareSetup {
  return typeof data === 'object' && data !== null && (data as ShareSetup).role === 'report-share';
}

/**
 * A worker thread of `hindsight report` (the server bundle, started again as a thread): answers each
 * chunk of files it is sent, with one reading of each folder's configuration for all of them, until
 * the report ends it. False when this thread was not started as a share of a report.
 */
export function answerSliceJob(): boolean {
  const port = parentPort;
  if (!port || !isShareSetup(workerData)) return false;
  const { maxBytes } = workerData;
  const configs = new Configurations();
  port.on('message', (job: ChunkJob) => {
    let answer: ChunkAnswer;
    try {
      answer = { analysed: analyseSlice(job.targets, maxBytes, configs) };
    } catch (error) {
      answer = { error: String((error as Error)?.stack ?? error) };
    }
    port.postMessage(answer);
  });
  return true;
}

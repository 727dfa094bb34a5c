import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Files checked between two full collections: one costs a few milliseconds, fifty files seconds. */
const FILES_PER_COLLECTION = 50;

/**
 * Keeps a long `hindsight check` near the memory its current file needs. Nothing is held from one
 * file to the next, but V8 lets a heap grow far beyond what is live when a program allocates as fast
 * as the analysis does (about 1 GB over 5,000 postmortems); a full collection now and then keeps
 * the peak close to the live set. Where the collector cannot be reached, this does nothing.
 */
export function memoryKeeper(): () => void {
  let collect: (() => void) | undefined;
  try {
    setFlagsFromString('--expose-gc');
    collect = runInNewContext('gc') as () => void;
  } catch {
    collect = undefined;
  }
  let files = 0;
  return () => {
    if (collect && ++files % FILES_PER_COLLECTION === 0) collect();
  };
}

import { getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

/** Files checked between two looks at the heap: a look costs microseconds. */
const FILES_PER_LOOK = 50;
/**
 * Heap in use past which a full collection is forced. A check of 5,000 postmortems stays near
 * 150 MB without help; a forced collection costs tens of milliseconds, so forcing one every fifty
 * files whatever the heap held cost half the CPU time of such a check.
 */
export const HEAP_CEILING_BYTES = 384 * 1024 * 1024;

export interface MemoryKeeperOptions {
  ceilingBytes?: number;
  /** Forces a full collection; by default V8's own, undefined where it cannot be reached. */
  collect?: () => void;
  heapUsed?: () => number;
}

function collector(): (() => void) | undefined {
  try {
    setFlagsFromString('--expose-gc');
    return runInNewContext('gc') as () => void;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a long `hindsight check` near the memory its current file needs. Nothing is held from one
 * file to the next, but V8 may let a heap grow far beyond what is live when a program allocates as
 * fast as the analysis does; when the heap passes the ceiling, a full collection brings it back to
 * the live set. A live set that itself nears the ceiling raises it, so collections stay rare.
 * Where the collector cannot be reached, this does nothing.
 */
export function memoryKeeper(options: MemoryKeeperOptions = {}): () => void {
  const collect = 'collect' in options ? options.collect : collector();
  const heapUsed = options.heapUsed ?? (() => getHeapStatistics().used_heap_size);
  let ceiling = options.ceilingBytes ?? HEAP_CEILING_BYTES;
  let files = 0;
  return () => {
    if (!collect || ++files % FILES_PER_LOOK !== 0 || heapUsed() < ceiling) return;
    collect();
    ceiling = Math.max(ceiling, 2 * heapUsed());
  };
}

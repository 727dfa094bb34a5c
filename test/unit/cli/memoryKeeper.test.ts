import assert from 'node:assert/strict';
import { it } from 'node:test';
import { memoryKeeper } from '../../../server/src/cli/memory';

const MB = 1024 * 1024;

/** A keeper over a pretend heap: `used` is what the heap holds, a collection brings it to `live`. */
function keeperOver(heap: { used: number; live: number }, ceilingBytes = 100 * MB) {
  let collections = 0;
  const collect = () => {
    collections++;
    heap.used = heap.live;
  };
  const afterFile = memoryKeeper({ ceilingBytes, collect, heapUsed: () => heap.used });
  return { afterFile, collections: () => collections };
}

const checkFiles = (afterFile: () => void, count: number) => {
  for (let i = 0; i < count; i++) afterFile();
};

it('never forces a collection while the heap stays under its ceiling', () => {
  const { afterFile, collections } = keeperOver({ used: 60 * MB, live: 40 * MB });
  checkFiles(afterFile, 5_000);
  assert.equal(collections(), 0);
});

it('collects once the heap passes the ceiling, and not again until it grows back past it', () => {
  const heap = { used: 150 * MB, live: 30 * MB };
  const { afterFile, collections } = keeperOver(heap);
  checkFiles(afterFile, 50);
  assert.equal(collections(), 1);
  assert.equal(heap.used, 30 * MB);
  checkFiles(afterFile, 500);
  assert.equal(collections(), 1);
  heap.used = 120 * MB;
  checkFiles(afterFile, 50);
  assert.equal(collections(), 2);
});

it('raises the ceiling when the live set itself is near it, so collections stay rare', () => {
  const heap = { used: 110 * MB, live: 90 * MB };
  const { afterFile, collections } = keeperOver(heap);
  checkFiles(afterFile, 50);
  assert.equal(collections(), 1);
  // The ceiling is now twice the live set: a heap grown a little past the old ceiling is left alone.
  heap.used = 150 * MB;
  checkFiles(afterFile, 1_000);
  assert.equal(collections(), 1);
});

it('does nothing where no collector can be reached', () => {
  const afterFile = memoryKeeper({ collect: undefined, heapUsed: () => Number.MAX_SAFE_INTEGER });
  assert.doesNotThrow(() => checkFiles(afterFile, 200));
});

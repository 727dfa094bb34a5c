/**
 * Sharing the analysis of many postmortems among threads: the shares come back in walk order, and a
 * worker that fails has its share analysed by the calling thread instead.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverTargets } from '../../../server/src/core/files/discover';
import { analyseSlice } from '../../../server/src/core/insights/collect';
import { analyseInParallel } from '../../../server/src/core/insights/parallel';

const TREE = join(__dirname, '..', '..', 'fixtures', 'insights', 'tree');
const targets = [...discoverTargets([TREE], undefined, TREE)];
const folder = mkdtempSync(join(tmpdir(), 'hindsight-threads-'));
after(() => rmSync(folder, { recursive: true, force: true }));

function withThreads<T>(threads: string, run: () => Promise<T>): Promise<T> {
  const before = process.env.HINDSIGHT_REPORT_THREADS;
  process.env.HINDSIGHT_REPORT_THREADS = threads;
  return run().finally(() => {
    if (before === undefined) delete process.env.HINDSIGHT_REPORT_THREADS;
    else process.env.HINDSIGHT_REPORT_THREADS = before;
  });
}

describe('analysis shared among threads', () => {
  it('analyses a failed worker’s share here, in walk order', async () => {
    const failing = join(folder, 'failing-worker.js');
    writeFileSync(failing, "throw new Error('this worker cannot start');\n");
    const shares: number[] = [];
    const analysed = await withThreads('3', () =>
      analyseInParallel(
        targets,
        1_000_000,
        (slice) => {
          shares.push(slice.length);
          return analyseSlice(slice, 1_000_000);
        },
        failing,
      ),
    );
    assert.equal(shares.length, 3, 'its own share and the two failed workers’ shares');
    assert.deepEqual(
      analysed?.map((a) => ('record' in a.outcome ? a.outcome.record.file : a.outcome.skipped.file)),
      targets.map((t) => t.display),
    );
    assert.deepEqual(analysed, analyseSlice(targets, 1_000_000));
  });

  it('puts the workers’ answers back in walk order beside its own share', async () => {
    const answering = join(folder, 'answering-worker.js');
    writeFileSync(
      answering,
      [
        "const { parentPort, workerData } = require('node:worker_threads');",
        'const analysed = workerData.targets.map((t) => ({',
        "  outcome: { skipped: { file: t.display, reason: 'read by a worker' } },",
        '  configured: false,',
        '}));',
        'parentPort.postMessage({ analysed });',
      ].join('\n'),
    );
    const analysed = await withThreads('2', () =>
      analyseInParallel(targets, 1_000_000, (slice) => analyseSlice(slice, 1_000_000), answering),
    );
    const byWorker = (a: { outcome: object }) =>
      'skipped' in a.outcome && (a.outcome.skipped as { reason: string }).reason === 'read by a worker';
    assert.deepEqual(
      analysed?.map(byWorker),
      targets.map((_, i) => i % 2 === 1),
    );
    assert.deepEqual(analysed?.[2], analyseSlice([targets[2]!], 1_000_000)[0]);
  });

  it('declines when there is no worker to start, or one thread is asked for', async () => {
    const missing = join(folder, 'no-such-worker.js');
    assert.equal(await withThreads('3', () => analyseInParallel(targets, 1, () => [], missing)), undefined);
    assert.equal(await withThreads('1', () => analyseInParallel(targets, 1, () => [], missing)), undefined);
  });
});

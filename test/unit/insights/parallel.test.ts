/**
 * Sharing the analysis of many postmortems among threads, in chunks taken by whichever thread is
 * free: the outcomes come back in walk order, and the chunks of a worker that fails (at start, or
 * after answering some) are analysed by the calling thread instead. Each worker is handed its first
 * chunks as it starts, before this thread takes any, so the first chunks are always a worker's.
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { discoverTargets } from '../../../server/src/core/files/discover';
import { analyseSlice } from '../../../server/src/core/insights/collect';
import { analyseInParallel, type Analysed } from '../../../server/src/core/insights/parallel';

const ROOT = join(__dirname, '..', '..', '..');
const TREE = join(ROOT, 'test', 'fixtures', 'insights', 'tree');
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

/** A worker script that answers each chunk with outcomes it made up, at most `answers` times, then exits. */
function fakeWorker(name: string, answers: number): string {
  const file = join(folder, name);
  writeFileSync(
    file,
    [
      "const { parentPort } = require('node:worker_threads');",
      'let left = ' + String(answers) + ';',
      "parentPort.on('message', ({ targets }) => {",
      '  if (left-- <= 0) process.exit(0);',
      "  const analysed = targets.map((t) => ({ outcome: { skipped: { file: t.display, reason: 'by a worker' } }, configured: false }));",
      '  parentPort.postMessage({ analysed });',
      '});',
    ].join('\n'),
  );
  return file;
}

const byWorker = (a: Analysed) => 'skipped' in a.outcome && a.outcome.skipped.reason === 'by a worker';
const fileOf = (a: Analysed) => ('record' in a.outcome ? a.outcome.record.file : a.outcome.skipped.file);
const hereEach = targets.map((t) => analyseSlice([t], 1_000_000)[0]!);

/** Runs the share with one file a chunk, counting the chunks this thread analysed. */
async function shared(threads: string, workerFile: string) {
  let here = 0;
  const analysed = await withThreads(threads, () =>
    analyseInParallel(
      targets,
      1_000_000,
      (chunk) => {
        here++;
        return analyseSlice(chunk, 1_000_000);
      },
      workerFile,
      1,
    ),
  );
  return { analysed: analysed!, here };
}

describe('analysis shared among threads', () => {
  it('puts the workers’ answers back in walk order beside its own chunks', async () => {
    const { analysed } = await shared('2', fakeWorker('answering.js', 1000));
    assert.deepEqual(
      analysed.map(fileOf),
      targets.map((t) => t.display),
    );
    assert.ok(byWorker(analysed[0]!) && byWorker(analysed[1]!), 'the chunks handed out first');
    for (const [i, a] of analysed.entries()) if (!byWorker(a)) assert.deepEqual(a, hereEach[i]);
  });

  it('analyses here the chunks of a worker that stops after one answer', async () => {
    const { analysed } = await shared('2', fakeWorker('stopping.js', 1));
    assert.ok(byWorker(analysed[0]!));
    assert.deepEqual(analysed.slice(1), hereEach.slice(1));
  });

  it('analyses everything here when no worker can start, in walk order', async () => {
    const failing = join(folder, 'failing-worker.js');
    writeFileSync(failing, "throw new Error('this worker cannot start');\n");
    const { analysed, here } = await shared('3', failing);
    assert.equal(here, targets.length);
    assert.deepEqual(analysed, hereEach);
  });

  it('gives what analysing in turn gives, with the real worker of the bundle', async (t) => {
    const bundle = join(ROOT, 'dist', 'server.js');
    if (!existsSync(bundle)) return t.skip('dist/server.js is not built');
    const { analysed } = await shared('2', bundle);
    assert.deepEqual(analysed, analyseSlice(targets, 1_000_000));
  });

  it('declines when there is no worker to start, or one thread is asked for', async () => {
    const missing = join(folder, 'no-such-worker.js');
    assert.equal(await withThreads('3', () => analyseInParallel(targets, 1, () => [], missing)), undefined);
    assert.equal(await withThreads('1', () => analyseInParallel(targets, 1, () => [], missing)), undefined);
  });
});

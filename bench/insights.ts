/**
 * The insights report at scale: a generated repository of postmortems (BENCH_INSIGHTS_POSTMORTEMS,
 * default 5,000), `hindsight report` cold on one thread and on one thread a core (each a fresh
 * process; wall and CPU time; BENCH_INSIGHTS_REPEATS runs of each, alternating, median with the
 * range), beside `hindsight check` over the same tree, then the language server's
 * `hindsight/insights` request: the first (a walk and every analysis) and the update after one file
 * is saved (median of several saves, each a text never saved before; wall, and the server's CPU).
 * A warm report (`--cache` filled by the run before) is shown apart; it is never the cold figure.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { generateInsightsTree } from './insightsTree';
import { startBenchServer } from './lspServer';
import { median } from './measure';

const DIST = join(__dirname, '..', 'dist');
const COUNT = Number(process.env.BENCH_INSIGHTS_POSTMORTEMS ?? 5000);
const UPDATES = 7;
const REPEATS = Math.max(1, Number(process.env.BENCH_INSIGHTS_REPEATS ?? 3));
/** Threads for the threaded run: one a core, said outright (left to the report, a busy machine gets one). */
const THREADS = Math.min(availableParallelism(), 8);
const COLD_LIMIT_MS = 5000;
const UPDATE_LIMIT_MS = 100;

/** Wall time and CPU time (user + system) of one CLI run; CPU time is what a busy machine does not inflate. */
function cliRun(args: string[], env: NodeJS.ProcessEnv = {}): { wallMs: number; cpuMs: number } {
  const usageFile = join(tmpdir(), `hindsight-usage-${randomUUID()}.json`);
  const start = performance.now();
  const result = spawnSync(
    process.execPath,
    ['--require', join(__dirname, 'usage.cjs'), join(DIST, 'cli.js'), ...args],
    {
      env: { ...process.env, ...env, HINDSIGHT_BENCH_USAGE: usageFile },
      stdio: 'ignore',
    },
  );
  const wallMs = performance.now() - start;
  if (result.error) throw result.error;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { userMs: number; systemMs: number };
  rmSync(usageFile, { force: true });
  return { wallMs, cpuMs: usage.userMs + usage.systemMs };
}

/**
 * CPU time a process has run, all its threads together, in milliseconds (Linux's per-thread
 * schedstat, in nanoseconds); undefined where the system does not keep it.
 */
function processCpuMs(pid: number): number | undefined {
  const tasks = `/proc/${pid}/task`;
  if (!existsSync(tasks)) return undefined;
  let nanoseconds = 0;
  for (const task of readdirSync(tasks)) {
    try {
      nanoseconds += Number(readFileSync(`${tasks}/${task}/schedstat`, 'utf8').split(' ')[0]);
    } catch {
      // A thread that ended between the listing and the read.
    }
  }
  return nanoseconds / 1e6;
}

/**
 * The i-th save of a postmortem: its severity changed, or on every other save an action item's
 * state, and a sentence no save wrote before, so no text repeats and nothing can be served from a
 * cache of earlier texts.
 */
function savedText(original: string, i: number): string {
  const edited =
    i % 2 === 0
      ? original.replace(/^severity: \w+$/m, `severity: SEV${(i % 4) + 1}`)
      : original.replace(/\| (Done|Open|In progress|Won't do) \|/, i % 4 === 1 ? '| Done |' : '| Open |');
  return edited.replace('## Summary\n', `## Summary\n\nEdited for the ${i + 1}th time.\n`);
}

export async function serverTimes(root: string, file: string) {
  const server = await startBenchServer({ root });
  const { connection } = server;
  const folder = pathToFileURL(root).toString();
  const nonce = 'YmVuY2hiZW5jaGJlbmNoYmVuY2g=';
  const ask = async (changed?: string[]) => {
    const start = performance.now();
    const result = await connection.sendRequest<{ postmortems: number } | null>('hindsight/insights', {
      folder,
      nonce,
      changed,
    });
    if (!result) throw new Error('no insights');
    return performance.now() - start;
  };
  const first = await ask();
  const original = readFileSync(file, 'utf8');
  const updates: number[] = [];
  const updateCpu: number[] = [];
  for (let i = 0; i < UPDATES; i++) {
    writeFileSync(file, savedText(original, i));
    const cpuBefore = processCpuMs(server.pid);
    updates.push(await ask([pathToFileURL(file).toString()]));
    const cpuAfter = processCpuMs(server.pid);
    if (cpuBefore !== undefined && cpuAfter !== undefined) updateCpu.push(cpuAfter - cpuBefore);
  }
  writeFileSync(file, original);
  await server.stop();
  return { first, update: median(updates), updateCpu: updateCpu.length > 0 ? median(updateCpu) : undefined };
}

interface Run {
  wallMs: number;
  cpuMs: number;
}

/** Medians of repeated runs, each with its range, so a run slowed by a neighbour shows as one. */
function medianRun(runs: readonly Run[]): Run & { wallRange: string; cpuRange: string } {
  const range = (values: number[]) =>
    runs.length < 2 ? '' : `${Math.round(Math.min(...values))}-${Math.round(Math.max(...values))}`;
  const walls = runs.map((r) => r.wallMs);
  const cpus = runs.map((r) => r.cpuMs);
  return { wallMs: median(walls), cpuMs: median(cpus), wallRange: range(walls), cpuRange: range(cpus) };
}

/** Cold reports on one thread and on THREADS threads, alternating so both meet the same neighbours. */
function coldReports(reportArgs: string[]) {
  const oneThread: Run[] = [];
  const threads: Run[] = [];
  for (let i = 0; i < REPEATS; i++) {
    oneThread.push(cliRun(reportArgs, { HINDSIGHT_REPORT_THREADS: '1' }));
    threads.push(cliRun(reportArgs, { HINDSIGHT_REPORT_THREADS: String(THREADS) }));
  }
  return { report: medianRun(oneThread), threaded: medianRun(threads) };
}

const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(' ');

export async function insightsBench(printTable: (table: string[][], leftAligned?: number[]) => void): Promise<void> {
  const root = mkdtempSync(join(tmpdir(), 'hindsight-insights-bench-'));
  try {
    const files = generateInsightsTree(root, COUNT);
    const reportArgs = ['report', root, '--format', 'html', '-o', join(root, 'insights.html')];
    const loadBefore = load();
    const { report, threaded } = coldReports(reportArgs);
    // A cache of analysed postmortems, filled by one run and read by the next (warm): never the cold figure.
    const cacheArgs = [...reportArgs, '--cache', join(root, 'records-cache.json')];
    const filling = cliRun(cacheArgs, { HINDSIGHT_REPORT_THREADS: '1' });
    const warm = cliRun(cacheArgs, { HINDSIGHT_REPORT_THREADS: '1' });
    const check = cliRun(['check', root]);
    const server = await serverTimes(root, files[Math.floor(files.length / 2)]!);
    const ms = (n: number) => `${Math.round(n).toLocaleString('en')} ms`;
    const spread = (median: number, range: string) => (range ? `${ms(median)} (${range})` : ms(median));
    console.log(
      `\nInsights over ${COUNT.toLocaleString('en')} generated postmortems (fresh processes; CPU is user + system;` +
        ` cold runs: median of ${REPEATS} (range), alternating; load average ${loadBefore} before, ${load()} after):`,
    );
    printTable(
      [
        ['measure', 'wall', 'CPU', 'target', ''],
        [
          'hindsight report (HTML), cold, one thread',
          spread(report.wallMs, report.wallRange),
          spread(report.cpuMs, report.cpuRange),
          `≤ ${ms(COLD_LIMIT_MS)} CPU`,
          report.cpuMs <= COLD_LIMIT_MS ? 'met' : 'MISSED',
        ],
        [
          `hindsight report (HTML), cold, ${THREADS} threads`,
          spread(threaded.wallMs, threaded.wallRange),
          spread(threaded.cpuMs, threaded.cpuRange),
          '',
          '',
        ],
        ['hindsight report --cache, cold, filling it', ms(filling.wallMs), ms(filling.cpuMs), '', ''],
        ['hindsight report --cache, warm, nothing changed', ms(warm.wallMs), ms(warm.cpuMs), '', ''],
        ['hindsight check, same tree', ms(check.wallMs), ms(check.cpuMs), '', ''],
        ['server hindsight/insights, first', ms(server.first), '', '', ''],
        [
          'server update after one save (median)',
          ms(server.update),
          server.updateCpu === undefined ? '' : ms(server.updateCpu),
          `< ${ms(UPDATE_LIMIT_MS)}`,
          server.update < UPDATE_LIMIT_MS ? 'met' : 'MISSED',
        ],
      ],
      [0],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}

if (require.main === module) {
  void insightsBench((table, left = []) => {
    const widths = table[0]!.map((_, c) => Math.max(...table.map((row) => row[c]!.length)));
    for (const row of table)
      console.log(
        row
          .map((cell, c) => (left.includes(c) ? cell.padEnd(widths[c]!) : cell.padStart(widths[c]!)))
          .join('  ')
          .trimEnd(),
      );
  });
}

/**
 * Workspace diagnostics as VS Code drives them: a folder of generated postmortems, a client that
 * pulls `workspace/diagnostic` as vscode-languageclient 11 does (again 2 s after each answer, with
 * the result ids it holds), a hover every 50 ms during the first pass, then the server's CPU time
 * while nothing changes. Beside it, `hindsight check` over the same tree.
 *
 * BENCH_WORKSPACE_POSTMORTEMS (default 1000) and BENCH_IDLE_SECONDS (default 60) change the plan.
 */
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { ProgressType, type MessageConnection } from 'vscode-jsonrpc/node';
import { generatePostmortem } from './generate';
import { type BenchServer, startBenchServer } from './lspServer';

const DIST = join(__dirname, '..', 'dist');
const PULL_DELAY_MS = 2000;
const HOVER_EVERY_MS = 50;

interface Report {
  uri: string;
  kind: 'full' | 'unchanged';
  resultId?: string;
}

/** `count` postmortems of 100 to 400 lines under `<root>/postmortems`, each its own text. */
export function generateWorkspace(root: string, count: number): string[] {
  mkdirSync(join(root, 'postmortems'), { recursive: true });
  const files: string[] = [];
  for (let i = 0; i < count; i++) {
    const path = join(root, 'postmortems', `incident-${String(i).padStart(5, '0')}.md`);
    writeFileSync(path, generatePostmortem(100 + ((i * 37) % 300), i + 1).text);
    files.push(path);
  }
  return files;
}

/** CPU time (user + system) of a process so far, from /proc; undefined where there is none. */
function cpuMs(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / 100; // utime, stime in ticks of 1/100 s
  } catch {
    return undefined;
  }
}

/** Runs the CLI over the tree once: wall time, CPU time and peak memory. */
export function checkUsage(root: string, cli = join(DIST, 'cli.js')) {
  const usageFile = join(root, '..', `usage-${randomUUID()}.json`);
  const start = performance.now();
  spawnSync(process.execPath, ['--require', join(__dirname, 'usage.cjs'), cli, 'check', root], {
    env: { ...process.env, HINDSIGHT_BENCH_USAGE: usageFile },
    stdio: 'ignore',
  });
  const wallMs = performance.now() - start;
  const usage = JSON.parse(readFileSync(usageFile, 'utf8')) as { maxRssKb: number; userMs: number; systemMs: number };
  rmSync(usageFile, { force: true });
  return { wallMs, cpuMs: usage.userMs + usage.systemMs, peakMb: usage.maxRssKb / 1024 };
}

/** What VS Code announces: pull diagnostics, refresh, a file watcher, progress. */
const VSCODE_CAPABILITIES = {
  textDocument: { diagnostic: { dynamicRegistration: false } },
  workspace: { diagnostics: { refreshSupport: true }, didChangeWatchedFiles: { dynamicRegistration: true } },
  window: { workDoneProgress: true },
};

/** One pull as vscode-languageclient 11 sends it, keeping the result ids of every report. */
async function pull(connection: MessageConnection, held: Map<string, string>): Promise<Report[]> {
  const partialResultToken = randomUUID();
  const reports: Report[] = [];
  const partial = new ProgressType<{ items: Report[] }>();
  const listening = connection.onProgress(partial, partialResultToken, ({ items }) => void reports.push(...items));
  const previousResultIds = [...held].map(([uri, value]) => ({ uri, value }));
  const response = await connection.sendRequest<{ items: Report[] }>('workspace/diagnostic', {
    previousResultIds,
    partialResultToken,
  });
  listening.dispose();
  reports.push(...response.items);
  for (const report of reports) if (report.resultId) held.set(report.uri, report.resultId);
  return reports;
}

/**
 * Hovers a timeline row of `uri` every 50 ms until `until` settles. Resolves with the longest wait,
 * and the most server CPU time spent during one wait: on a busy machine the wall time also counts
 * the time the server was not scheduled, while the CPU time is what it did before answering.
 */
async function hoverWaits(server: BenchServer, uri: string, line: number, until: Promise<unknown>) {
  let done = false;
  void until.then(() => (done = true));
  let wall = 0;
  let cpu = 0;
  while (!done) {
    const start = performance.now();
    const cpuStart = cpuMs(server.pid);
    await server.connection.sendRequest('textDocument/hover', {
      textDocument: { uri },
      position: { line, character: 3 },
    });
    wall = Math.max(wall, performance.now() - start);
    cpu = Math.max(cpu, (cpuMs(server.pid) ?? 0) - (cpuStart ?? 0));
    await new Promise((resolve) => setTimeout(resolve, HOVER_EVERY_MS));
  }
  return { wall, cpu };
}

export async function workspaceBench(): Promise<void> {
  const count = Number(process.env.BENCH_WORKSPACE_POSTMORTEMS ?? 1000);
  const idleSeconds = Number(process.env.BENCH_IDLE_SECONDS ?? 60);
  const base = mkdtempSync(join(tmpdir(), 'hindsight-bench-'));
  const root = join(base, 'workspace');
  try {
    const files = generateWorkspace(root, count);
    const server = await startBenchServer({ root, capabilities: VSCODE_CAPABILITIES });
    const opened = generatePostmortem(100, 1);
    const uri = pathToFileURL(files[0]).toString();
    await server.connection.sendNotification('textDocument/didOpen', {
      textDocument: { uri, languageId: 'markdown', version: 1, text: opened.text },
    });
    // One hover first: analysing the opened document is its own cost, not a wait behind the scan.
    const position = { line: opened.tableLine, character: 3 };
    await server.connection.sendRequest('textDocument/hover', { textDocument: { uri }, position });
    const held = new Map<string, string>();
    const start = performance.now();
    const firstPass = pull(server.connection, held);
    const longestHover = await hoverWaits(server, uri, opened.tableLine, firstPass);
    const reports = await firstPass;
    const firstPassMs = performance.now() - start;

    // Idle: the client pulls again 2 s after each answer, and nothing changes.
    const cpuBefore = cpuMs(server.pid);
    const idleEnd = performance.now() + idleSeconds * 1000;
    let idlePulls = 0;
    let unchanged = 0;
    while (performance.now() + PULL_DELAY_MS < idleEnd) {
      await new Promise((resolve) => setTimeout(resolve, PULL_DELAY_MS));
      const answer = await pull(server.connection, held);
      idlePulls++;
      unchanged += answer.filter((r) => r.kind === 'unchanged').length;
    }
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, idleEnd - performance.now())));
    const cpuAfter = cpuMs(server.pid);
    await server.stop();
    const check = checkUsage(root);

    const idleShare =
      cpuBefore === undefined || cpuAfter === undefined ? undefined : (cpuAfter - cpuBefore) / (idleSeconds * 1000);
    const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
    console.log(
      `\nWorkspace diagnostics, ${count.toLocaleString('en')} postmortems, pulled as vscode-languageclient 11 pulls:`,
    );
    const rows = [
      ['first pass (all reports streamed)', s(firstPassMs), `${reports.length} reports`, '', ''],
      [
        'longest hover wait during it',
        `${longestHover.wall.toFixed(0)} ms`,
        `server CPU during one wait: at most ${longestHover.cpu.toFixed(0)} ms`,
        '< 100 ms',
        longestHover.wall < 100 ? 'met' : 'MISSED',
      ],
      [
        `server CPU over ${idleSeconds} s idle`,
        idleShare === undefined ? 'n/a (no /proc)' : `${(idleShare * 100).toFixed(2)} % of a core`,
        `${idlePulls} pulls, ${unchanged} unchanged reports`,
        '< 1 %',
        idleShare === undefined ? '' : idleShare < 0.01 ? 'met' : 'MISSED',
      ],
      [
        'hindsight check, same tree',
        s(check.wallMs),
        `CPU ${s(check.cpuMs)}, peak ${check.peakMb.toFixed(0)} MB`,
        '',
        '',
      ],
    ];
    const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
    for (const row of rows)
      console.log(
        row
          .map((cell, c) => cell.padEnd(widths[c]))
          .join('  ')
          .trimEnd(),
      );
  } finally {
    rmSync(base, { recursive: true, force: true });
  }
}

if (require.main === module) void workspaceBench();

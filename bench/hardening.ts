/**
 * The hardening figures: the worst hostile family's time per KB as documents grow, heap after many
 * edits, and edit → diagnostics on unique text beside markdownlint relinting that text.
 * Every timed run gets a text no earlier run has seen, so no cache answers for it.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { lint } from 'markdownlint/sync';
import { editLine, generatePostmortem } from './generate';
import { median } from './measure';
import { FAMILIES } from './pathological';
import { PULL_DIAGNOSTICS, startBenchServer } from './lspServer';

const BENCH = __dirname;
const TSX = ['--import', 'tsx'];

export interface FamilyTime {
  family: string;
  bytes: number;
  /** CPU milliseconds, or undefined when the run was cut off after `timeoutMs`. */
  ms: number | undefined;
}

/** One family at one size in a child process, cut off after `timeoutMs`. */
function familyTime(family: string, bytes: number, variant: number, timeoutMs: number): FamilyTime {
  const run = spawnSync(
    process.execPath,
    [...TSX, join(BENCH, 'pathologicalOne.ts'), family, String(bytes), String(variant)],
    { encoding: 'utf8', timeout: timeoutMs },
  );
  const ms = Number.parseFloat(run.stdout);
  return { family, bytes, ms: run.status === 0 && Number.isFinite(ms) ? ms : undefined };
}

/**
 * Every family at 10 KB and 100 KB; at 1 MB the `atLargest` worst of 100 KB (the others are
 * cheaper by then). Returns the worst family per size.
 */
export function worstFamilies(sizes = [10_240, 102_400, 1_048_576], atLargest = 4, timeoutMs = 60_000): FamilyTime[] {
  let variant = 1_000;
  const worst: FamilyTime[] = [];
  let candidates = Object.keys(FAMILIES);
  for (const [i, bytes] of sizes.entries()) {
    const times = candidates.map((family) => familyTime(family, bytes, variant++, timeoutMs));
    const slowest = (t: FamilyTime) => t.ms ?? Number.POSITIVE_INFINITY;
    times.sort((a, b) => slowest(b) - slowest(a));
    worst.push(times[0]);
    if (i === sizes.length - 2) candidates = times.slice(0, atLargest).map((t) => t.family);
  }
  return worst;
}

export interface HeapAfterEdits {
  edits: number;
  first: number;
  last: number;
  growth: number;
  seconds: number;
}

/** Heap after the first and the last of `edits` edits of a 10,000-line document (bench/memory.ts). */
export function heapAfterEdits(edits: number): HeapAfterEdits | string {
  const run = spawnSync(process.execPath, ['--expose-gc', ...TSX, join(BENCH, 'memory.ts'), String(edits)], {
    encoding: 'utf8',
  });
  if (run.status !== 0) return run.stderr.trim().split('\n').slice(-3).join(' ');
  return JSON.parse(run.stdout) as HeapAfterEdits;
}

export interface EditVsLint {
  lines: number;
  edit: number;
  markdownlint: number;
}

/**
 * Through the language server over stdio: each run opens a newly generated document (its own
 * seed), then times one-line edits to diagnostics; markdownlint relints each edited text.
 */
export async function uniqueEditVsMarkdownlint(
  plan: { lines: number; documents: number; edits: number }[],
): Promise<EditVsLint[]> {
  const server = await startBenchServer({ capabilities: PULL_DIAGNOSTICS });
  const { connection } = server;
  const results: EditVsLint[] = [];
  let seed = 5_000;
  for (const { lines, documents, edits } of plan) {
    const editTimes: number[] = [];
    const lintTimes: number[] = [];
    for (let d = 0; d < documents; d++) {
      const { text, proseLine, tableLine } = generatePostmortem(lines, seed++);
      const source = text.split('\n');
      const uri = `file:///bench/postmortems/unique-${lines}-${d}.md`;
      await connection.sendNotification('textDocument/didOpen', {
        textDocument: { uri, languageId: 'markdown', version: 1, text },
      });
      await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
      for (let version = 2; version < edits + 2; version++) {
        const line = version % 2 ? tableLine : proseLine;
        const before = source[line];
        source[line] = editLine(before, version);
        const range = { start: { line, character: 0 }, end: { line, character: before.length } };
        const start = performance.now();
        await connection.sendNotification('textDocument/didChange', {
          textDocument: { uri, version },
          contentChanges: [{ range, text: source[line] }],
        });
        await connection.sendRequest('textDocument/diagnostic', { textDocument: { uri } });
        editTimes.push(performance.now() - start);
        const edited = source.join('\n');
        const lintStart = performance.now();
        lint({ strings: { bench: edited } });
        lintTimes.push(performance.now() - lintStart);
      }
      await connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    }
    results.push({ lines, edit: median(editTimes), markdownlint: median(lintTimes) });
  }
  await server.stop();
  return results;
}

/** Runs all three and prints them; `BENCH_EDITS` sets the number of edits for the heap figure. */
export async function printHardening(printTable: (table: string[][], leftAligned?: number[]) => void): Promise<void> {
  const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
  console.log('\nHostile input (bench/pathological.ts), CPU time of analysis and every rule, worst family per size:');
  printTable(
    [
      ['size', 'worst family', 'time', 'per KB'],
      ...worstFamilies().map((w) => [
        w.bytes >= 1_048_576 ? '1 MB' : `${Math.round(w.bytes / 1024)} KB`,
        w.family,
        w.ms === undefined ? 'cut off' : ms(w.ms),
        w.ms === undefined ? '—' : ms(w.ms / (w.bytes / 1024)),
      ]),
    ],
    [1],
  );

  const edits = Number(process.env.BENCH_EDITS ?? 1000);
  const heap = heapAfterEdits(edits);
  console.log(`\nHeap after edits of one 10,000-line document (analysis and every rule, forced collection):`);
  if (typeof heap === 'string') console.log(`  not measured: ${heap}`);
  else
    printTable([
      ['after 1 edit', `after ${heap.edits.toLocaleString('en')} edits`, 'growth', 'target', ''],
      [
        `${heap.first.toFixed(1)} MB`,
        `${heap.last.toFixed(1)} MB`,
        `${(heap.growth * 100).toFixed(1)} %`,
        '≤ 10 %',
        heap.growth <= 0.1 ? 'met' : 'MISSED',
      ],
    ]);

  const rows = await uniqueEditVsMarkdownlint([
    { lines: 1_000, documents: 5, edits: 6 },
    { lines: 10_000, documents: 3, edits: 4 },
    { lines: 50_000, documents: 2, edits: 2 },
  ]);
  console.log(
    '\nEdit → diagnostics on unique text (a new document per run), beside markdownlint relinting the same text:',
  );
  printTable([
    ['lines', 'edit → diagnostics', 'markdownlint', 'markdownlint / edit'],
    ...rows.map((r) => [
      r.lines.toLocaleString('en'),
      ms(r.edit),
      ms(r.markdownlint),
      `${(r.markdownlint / r.edit).toFixed(1)}×`,
    ]),
  ]);
}

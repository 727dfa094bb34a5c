/**
 * npm run bench: how long Hindsight takes to analyse postmortems of 100, 1,000 and 10,000 lines,
 * beside a bare remark parse and markdownlint on the same text in the same process.
 * Figures are medians; nothing here fails on a missed target: it prints.
 */
import { lint } from 'markdownlint/sync';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Analyzer } from '../server/src/core/analyzer';
import { generatePostmortem } from './generate';

const SIZES = [100, 1_000, 10_000];
const remark = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

function median(samples: number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

function time(runs: number, fn: (run: number) => void): number {
  fn(-1); // warm-up
  const samples: number[] = [];
  for (let run = 0; run < runs; run++) {
    const start = performance.now();
    fn(run);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Median time to re-analyse after changing one line, each edit a new text and version. */
function editTime(text: string, line: number, runs: number): number {
  const analyzer = new Analyzer();
  const lines = text.split('\n');
  analyzer.analyze('bench:edit', 0, text);
  let version = 0;
  return time(runs, (run) => {
    lines[line] = lines[line].replace(/( \[edit \d+\])?$/, ` [edit ${run + 2}]`);
    analyzer.analyze('bench:edit', ++version, lines.join('\n'));
  });
}

interface Row {
  lines: number;
  bytes: number;
  full: number;
  editProse: number;
  editRow: number;
  bare: number;
  markdownlint: number;
}

const rows: Row[] = [];
for (const size of SIZES) {
  const { text, proseLine, tableLine } = generatePostmortem(size);
  const runs = size >= 10_000 ? 7 : size >= 1_000 ? 15 : 40;
  rows.push({
    lines: size,
    bytes: Buffer.byteLength(text),
    full: time(runs, () => new Analyzer().analyze('bench:full', 1, text)),
    editProse: editTime(text, proseLine, runs * 2),
    editRow: editTime(text, tableLine, runs * 2),
    bare: time(runs, () => remark.parse(text)),
    markdownlint: time(runs, () => lint({ strings: { bench: text } })),
  });
}

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}×`;
const table = [
  ['lines', 'KB', 'full analysis', 'MB/s', 'edit (prose)', 'edit (row)', 'remark parse', 'markdownlint', 'full/remark', 'full/markdownlint', 'edit/full'],
  ...rows.map((r) => [
    String(r.lines),
    (r.bytes / 1024).toFixed(0),
    ms(r.full),
    (r.bytes / 1048576 / (r.full / 1000)).toFixed(1),
    ms(r.editProse),
    ms(r.editRow),
    ms(r.bare),
    ms(r.markdownlint),
    ratio(r.full, r.bare),
    ratio(r.full, r.markdownlint),
    ratio(Math.max(r.editProse, r.editRow), r.full),
  ]),
];
const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
for (const row of table) console.log(row.map((cell, c) => cell.padStart(widths[c])).join('  '));

const at = (lines: number) => rows.find((r) => r.lines === lines)!;
const exponent = (pick: (r: Row) => number) => Math.log10(pick(at(10_000)) / pick(at(1_000)));
const edit = (r: Row) => Math.max(r.editProse, r.editRow);
const targets: [string, number, number, string][] = [
  ['edit at 1,000 lines', edit(at(1_000)), 20, 'ms'],
  ['edit at 10,000 lines', edit(at(10_000)), 100, 'ms'],
  ['full analysis / remark parse (worst size)', Math.max(...rows.map((r) => r.full / r.bare)), 1.3, '×'],
  ['scaling exponent 1k→10k, full analysis', exponent((r) => r.full), 1.1, ''],
  ['scaling exponent 1k→10k, edit', exponent(edit), 1.1, ''],
];
console.log('\ntarget                                         measured    limit');
for (const [name, value, limit, unit] of targets) {
  console.log(`${name.padEnd(45)} ${(value.toFixed(2) + unit).padStart(10)} ${('≤ ' + limit + unit).padStart(8)}  ${value <= limit ? 'met' : 'MISSED'}`);
}

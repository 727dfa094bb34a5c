/**
 * npm run bench: how long Hindsight takes to analyse generated postmortems of 100, 1,000 and
 * 10,000 lines, beside a bare remark parse and markdownlint on the same text in the same process.
 * Figures are medians after warm-up. Missed targets are printed, never turned into a failure.
 */
import { cpus } from 'node:os';
import { generatePostmortem } from './generate';
import { bareParse, editAnalysis, fullAnalysis, markdownlint } from './measure';

/** Repetitions per size: fewer for 10,000 lines, where remark and markdownlint take seconds. */
const PLAN = [
  { lines: 100, full: 30, edit: 40, others: 20 },
  { lines: 1_000, full: 15, edit: 30, others: 10 },
  { lines: 10_000, full: 7, edit: 15, others: 5 },
];

interface Row {
  lines: number;
  bytes: number;
  full: number;
  editProse: number;
  editRow: number;
  remark: number;
  markdownlint: number;
}

console.log(
  `Hindsight benchmark: Node ${process.version}, ${cpus().length} CPUs (${cpus()[0]?.model.trim() ?? 'unknown'})`,
);
console.log(
  'Medians after warm-up. "full" analyses a new document each run (no memo of an earlier run helps); "edit" is\n' +
    're-analysis after changing one line near the middle, each time to a new text.\n',
);

// Warm every code path once on a mid-sized document before anything is timed.
const warm = generatePostmortem(1_000);
fullAnalysis([0, 1, 2, 3].map((i) => generatePostmortem(1_000, 100 + i).text));
editAnalysis(warm.text, warm.proseLine, 3);
editAnalysis(warm.text, warm.tableLine, 3);
bareParse(warm.text, 2);
markdownlint(warm.text, 2);

const rows: Row[] = PLAN.map((plan) => {
  const { text, proseLine, tableLine } = generatePostmortem(plan.lines);
  // A new document for every timed full analysis (and one to warm up): no run is served by another's memos.
  const unique = Array.from({ length: plan.full + 1 }, (_, i) => generatePostmortem(plan.lines, 1_000 + i).text);
  return {
    lines: plan.lines,
    bytes: Buffer.byteLength(text),
    full: fullAnalysis(unique),
    editProse: editAnalysis(text, proseLine, plan.edit),
    editRow: editAnalysis(text, tableLine, plan.edit),
    remark: bareParse(text, plan.others),
    markdownlint: markdownlint(text, plan.others),
  };
});

const ms = (n: number) => `${n.toFixed(n < 10 ? 2 : 1)} ms`;
const times = (n: number) => `${n.toFixed(2)}×`;
const edit = (r: Row) => Math.max(r.editProse, r.editRow);

printTable([
  [
    'lines',
    'size',
    'full analysis',
    'full MB/s',
    'edit: prose',
    'edit: table row',
    'remark parse',
    'markdownlint',
    'full/remark',
    'full/markdownlint',
    'edit/full',
  ],
  ...rows.map((r) => [
    r.lines.toLocaleString('en'),
    `${(r.bytes / 1024).toFixed(0)} KB`,
    ms(r.full),
    (r.bytes / 1048576 / (r.full / 1000)).toFixed(1),
    ms(r.editProse),
    ms(r.editRow),
    ms(r.remark),
    ms(r.markdownlint),
    times(r.full / r.remark),
    times(r.full / r.markdownlint),
    times(edit(r) / r.full),
  ]),
]);

const size = (lines: number) => rows.find((r) => r.lines === lines)!;
const exponent = (measure: (r: Row) => number) => Math.log10(measure(size(10_000)) / measure(size(1_000)));
const targets: [string, string, string, boolean][] = [
  ['edit at 1,000 lines (slower of prose and row)', ms(edit(size(1_000))), '≤ 20 ms', edit(size(1_000)) <= 20],
  ['edit at 10,000 lines (slower of prose and row)', ms(edit(size(10_000))), '≤ 100 ms', edit(size(10_000)) <= 100],
  ...rows.map((r): [string, string, string, boolean] => [
    `full analysis / remark parse, ${r.lines.toLocaleString('en')} lines`,
    times(r.full / r.remark),
    '≤ 1.30×',
    r.full / r.remark <= 1.3,
  ]),
  [
    'scaling exponent log10(t10k/t1k), full analysis',
    exponent((r) => r.full).toFixed(2),
    '≤ 1.10',
    exponent((r) => r.full) <= 1.1,
  ],
  ['scaling exponent log10(t10k/t1k), edit', exponent(edit).toFixed(2), '≤ 1.10', exponent(edit) <= 1.1],
];
console.log();
printTable(
  [
    ['target', 'measured', 'limit', ''],
    ...targets.map(([name, value, limit, met]) => [name, value, limit, met ? 'met' : 'MISSED']),
  ],
  [0],
);

/** Right-aligned columns, except those listed as left-aligned. */
function printTable(table: string[][], leftAligned: number[] = []): void {
  const widths = table[0].map((_, c) => Math.max(...table.map((row) => row[c].length)));
  for (const row of table) {
    console.log(
      row
        .map((cell, c) => (leftAligned.includes(c) ? cell.padEnd(widths[c]) : cell.padStart(widths[c])))
        .join('  ')
        .trimEnd(),
    );
  }
}

// ---------------------------------------------------------------- the full rule set, as an editor sees it

void (async () => {
  const { editToDiagnostics } = await import('./server');
  const { blamelessThroughput, prose } = await import('./blameless');
  const server = await editToDiagnostics([1_000, 10_000], 30);
  console.log('\nEdit → diagnostics through the language server over stdio (every rule, median):');
  printTable([
    ['lines', 'edit → diagnostics', 'findings', 'target', ''],
    ...server.map((r) => {
      const limit = r.lines === 1_000 ? 20 : 100;
      return [
        r.lines.toLocaleString('en'),
        ms(r.ms),
        String(r.findings),
        `≤ ${limit} ms`,
        r.ms <= limit ? 'met' : 'MISSED',
      ];
    }),
  ]);
  const text = prose(400);
  const blame = blamelessThroughput(text, 7);
  const mbs = (t: number) => (blame.bytes / 1048576 / (t / 1000)).toFixed(2);
  console.log(`\nBlameless rules on ${(blame.bytes / 1024).toFixed(0)} KB of prose, beside alex on the same text:`);
  printTable(
    [
      ['tool', 'time', 'MB/s', 'ratio'],
      ['hindsight blameless/*', ms(blame.hindsight), mbs(blame.hindsight), times(blame.hindsight / blame.alex)],
      ['alex', ms(blame.alex), mbs(blame.alex), '1.00×'],
    ],
    [0],
  );
  await (await import('./hardening')).printHardening(printTable);
  await (await import('./workspace')).workspaceBench();
  await (await import('./insights')).insightsBench(printTable);
})();

/**
 * How the timeline reader does on a labelled folder of postmortems: how many entries it found,
 * how many have a time, how many were reported unreadable, and, for every labelled milestone that
 * names its line, whether an entry on that line was read as the labelled instant (within 2 minutes).
 * Development only; nothing is fitted, so the figures are plain counts.
 * `--without-file-dates` reads each document as if its file name held no date ("x-2024-03-05-y.md" as
 * "x-undated-y.md"), as a postmortem pasted from elsewhere is met: only the text then dates its rows.
 *   node --import tsx scripts/eval-times.ts [LABELS.jsonl] [--show] [--entries FILE-SUBSTRING] [--without-file-dates]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../server/src/core/analyzer';
import { undatedName } from './lib/milestone-corpus';

const args = process.argv.slice(2);
const corpusLabels = join(__dirname, '..', '..', 'shared', 'corpus', 'milestones.jsonl');
const labels = args.find((a) => a.endsWith('.jsonl')) ?? corpusLabels;
const show = args.includes('--show');
const dump = args.includes('--entries') ? args[args.indexOf('--entries') + 1] : undefined;
const withoutFileDates = args.includes('--without-file-dates');
/** The document's address, with any date in its file name taken out when asked. */
const uriOf = (path: string) =>
  pathToFileURL(withoutFileDates ? join(dirname(path), undatedName(basename(path))) : path).toString();
if (!existsSync(labels)) {
  console.log(`No labels at ${basename(labels)}; nothing to measure.`);
  process.exit(0);
}

interface Label {
  file: string;
  milestones: Record<string, string | null>;
  line?: Record<string, number | null>;
}

const TOLERANCE = 2 * 60_000;
const totals = { docs: 0, entries: 0, timed: 0, dayOnly: 0, dateUnknown: 0, unreadable: 0 };
const lines = { labelled: 0, right: 0, entries: 0 };
for (const row of readFileSync(labels, 'utf8').split('\n').filter(Boolean)) {
  const label = JSON.parse(row) as Label;
  const path = join(dirname(labels), label.file);
  if (!existsSync(path)) continue;
  const doc = analyzeText(readFileSync(path, 'utf8'), uriOf(path));
  const entries = doc.timeline.entries;
  totals.docs++;
  totals.entries += entries.length;
  totals.timed += entries.filter((e) => e.time !== undefined && e.hasTimeOfDay).length;
  totals.dayOnly += entries.filter((e) => e.time !== undefined && !e.hasTimeOfDay).length;
  totals.dateUnknown += entries.filter((e) => e.dateUnknown).length;
  totals.unreadable += doc.problems.filter((p) => p.code === 'timeline/unparseable-time').length;
  if (dump && label.file.includes(dump)) {
    for (const e of entries) {
      const time = e.time === undefined ? '-'.padEnd(24) : new Date(e.time).toISOString();
      const flags = `${e.hasTimeOfDay ? ' ' : 'D'}${e.dateUnknown ? '?' : ' '}`;
      console.log(`${String(e.range.start.line + 1).padStart(4)} ${time} ${flags} ${e.raw.slice(0, 90)}`);
    }
    for (const p of doc.problems.filter((p) => p.code.startsWith('timeline/'))) {
      console.log(`  ${p.range.start.line + 1} ${p.code}: ${p.message}`);
    }
  }
  // A labelled line is 1-based in the labels file.
  for (const [kind, line] of Object.entries(label.line ?? {})) {
    const expected = label.milestones[kind];
    if (line === null || line === undefined || !expected || !/T\d/.test(expected)) continue;
    lines.labelled++;
    const onLine = entries.filter((e) => e.range.start.line === line - 1 && e.time !== undefined);
    if (entries.some((e) => e.range.start.line === line - 1)) lines.entries++;
    const near = (time: number | undefined) => time !== undefined && Math.abs(time - Date.parse(expected)) <= TOLERANCE;
    const right = onLine.some((e) => near(e.time) || near(e.endTime));
    if (right) lines.right++;
    else if (show) {
      const found = onLine.map((e) => new Date(e.time!).toISOString()).join(', ') || 'no timed entry';
      console.log(`${label.file}:${line} ${kind}: expected ${expected}, read ${found}`);
    }
  }
}
console.log(
  `documents ${totals.docs}; timeline entries ${totals.entries}: with a time of day ${totals.timed}, a day only ${totals.dayOnly}, ` +
    `date unknown ${totals.dateUnknown}; reported unreadable ${totals.unreadable}`,
);
console.log(
  `labelled milestone lines read as the labelled instant (±2 min): ${lines.right}/${lines.labelled} ` +
    `(${lines.entries} of those lines are timeline entries; the rest are frontmatter, summary or key-event lines)`,
);

/**
 * How often the engine finds each milestone where a careful reader did, on a labelled set:
 * a JSON-lines file of {file, milestones: {started, detected, …: ISO | null}}, with `file`
 * relative to the labels file. Development only.
 *   node --import tsx scripts/eval-milestones.ts LABELS.jsonl [--show] [--tolerance MINUTES]
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { analyzeText } from '../server/src/core/analyzer';
import type { MilestoneKind } from '../server/src/core/model';

const args = process.argv.slice(2);
const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
const show = args.includes('--show');
const tolerance = Number(args[args.indexOf('--tolerance') + 1]) || 1;
if (!file || !existsSync(file)) {
  console.log('Give a labels file (JSON lines); nothing to measure.');
  process.exit(0);
}
const kinds: MilestoneKind[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];
const score = Object.fromEntries(kinds.map((k) => [k, { right: 0, wrong: 0, missed: 0, invented: 0 }]));
for (const line of readFileSync(file, 'utf8').split('\n').filter(Boolean)) {
  const label = JSON.parse(line) as { file: string; milestones: Record<string, string | null> };
  const doc = analyzeText(readFileSync(join(dirname(file), label.file), 'utf8'));
  for (const kind of kinds) {
    if (!(kind in label.milestones)) continue;
    const expected = label.milestones[kind] ? Date.parse(label.milestones[kind]!) : null;
    const found = doc.milestones[kind]?.time ?? null;
    const s = score[kind];
    let verdict: string;
    if (expected === null && found === null) verdict = 'right';
    else if (expected === null) verdict = 'invented';
    else if (found === null) verdict = 'missed';
    else verdict = Math.abs(found - expected) <= tolerance * 60_000 ? 'right' : 'wrong';
    s[verdict as keyof typeof s]++;
    if (show && verdict !== 'right') console.log(`${verdict.padEnd(8)} ${kind.padEnd(12)} ${label.file}: expected ${label.milestones[kind]}, found ${found === null ? null : new Date(found).toISOString()} (${doc.milestones[kind]?.evidence ?? ''})`);
  }
}
for (const kind of kinds) {
  const s = score[kind];
  const total = s.right + s.wrong + s.missed + s.invented;
  console.log(`${kind.padEnd(12)} ${s.right}/${total} right (wrong ${s.wrong}, missed ${s.missed}, invented ${s.invented})`);
}

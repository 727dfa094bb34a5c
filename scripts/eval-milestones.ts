/**
 * How often the milestone engine finds each milestone where a careful reader did, on a labelled
 * corpus (JSON lines of {file, milestones, confidence}, `file` relative to the labels file).
 * Prints right / wrong / missed / invented per kind, overall, by the label's confidence and by the
 * engine's own, time to resolve, and 5-fold cross-validated figures for the fitted weights (fit on
 * four fifths of the documents, measure on the fifth). Development only: without the corpus it says
 * so and exits cleanly.
 * `--by-organisation` keeps each organisation's documents in one fold, so no fold is measured on a house style
 * its weights were fitted on.
 * `--unreached` lists every label no candidate reaches, with the labelled line and the nearest candidates,
 * and stops there.
 * `--without-file-dates` reads each document as if its file name held no date (the corpus names all carry one).
 *   node --import tsx scripts/eval-milestones.ts [LABELS.jsonl] [--show] [--unreached] [--tolerance MINUTES]
 *     [--without FEATURE,…] [--by-organisation] [--without-file-dates] [--with-blameless]
 */
import { existsSync, readFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { ORDERED_KINDS, type MilestoneWeights, type OrderedKind } from '../server/src/core/metrics/choose';
import { milestonesFrom } from '../server/src/core/metrics/milestones';
import type { Milestones } from '../server/src/core/model';
import {
  FIXTURE_FOLDERS,
  folds,
  foldsByOrganisation,
  labelledTtr,
  loadCorpus,
  loadFixtures,
  matchesLabel,
  verdict,
  type LabelledDocument,
  type Verdict,
} from './lib/milestone-corpus';
import { DEFAULT_FIT, fitWeights } from './lib/milestone-fit';

const args = process.argv.slice(2);
const takesValue = ['--tolerance', '--without'];
const file =
  args.find((a, i) => !a.startsWith('--') && !takesValue.includes(args[i - 1])) ??
  join(__dirname, '..', '..', 'shared', 'corpus', 'milestones.jsonl');
const show = args.includes('--show');
const tolerance = args.includes('--tolerance') ? Number(args[args.indexOf('--tolerance') + 1]) : 2;
if (!existsSync(file)) {
  console.log(`No labelled corpus at ${file}: nothing to measure.`);
  process.exit(0);
}
const withBlameless = args.includes('--with-blameless');
const without = args.includes('--without') ? args[args.indexOf('--without') + 1].split(',') : [];

type Tally = Record<Verdict, number>;
const tally = (): Tally => ({ right: 0, wrong: 0, missed: 0, invented: 0 });

interface Scores {
  byKind: Record<OrderedKind, Tally>;
  byLabelConfidence: Record<string, Tally>;
  byEngineConfidence: Record<string, Tally>;
  ttr: { right: number; of: number };
}

function measure(results: { doc: LabelledDocument; found: Milestones }[]): Scores {
  const scores: Scores = {
    byKind: Object.fromEntries(ORDERED_KINDS.map((k) => [k, tally()])) as Scores['byKind'],
    byLabelConfidence: {},
    byEngineConfidence: {},
    ttr: { right: 0, of: 0 },
  };
  for (const { doc, found } of results) {
    for (const kind of ORDERED_KINDS) {
      const milestone = found[kind];
      const v = verdict(milestone?.time, doc.labels[kind] ?? null, tolerance);
      scores.byKind[kind][v]++;
      (scores.byLabelConfidence[doc.confidence] ??= tally())[v]++;
      (scores.byEngineConfidence[milestone?.confidence ?? 'absent'] ??= tally())[v]++;
      if (show && v !== 'right')
        console.log(
          `${v.padEnd(8)} ${kind.padEnd(12)} ${doc.file}: expected ${doc.labels[kind]}, found ${milestone ? `${new Date(milestone.time).toISOString()} line ${milestone.line + 1} (${milestone.confidence}: ${milestone.features.join(', ') || milestone.evidence})` : null}`,
        );
    }
    const expected = labelledTtr(doc.labels);
    if (expected === undefined) continue;
    scores.ttr.of++;
    const { started, resolved } = found;
    const minutes = started && resolved ? (resolved.time - started.time) / 60_000 : undefined;
    if (minutes !== undefined && Math.abs(minutes - expected) <= tolerance) scores.ttr.right++;
    else if (show) console.log(`ttr-miss ${doc.file}: expected ${expected} min, found ${minutes ?? null}`);
  }
  return scores;
}

const pct = (right: number, of: number) => `${right}/${of} (${of ? Math.round((100 * right) / of) : 0} %)`;
function line(name: string, t: Tally): string {
  const of = t.right + t.wrong + t.missed + t.invented;
  return `  ${name.padEnd(13)} right ${pct(t.right, of).padEnd(13)} wrong ${t.wrong}, missed ${t.missed}, invented ${t.invented}`;
}
function print(title: string, s: Scores, detail: boolean): void {
  console.log(`${title}`);
  for (const kind of ORDERED_KINDS) console.log(line(kind, s.byKind[kind]));
  console.log(`  TTR within ${tolerance} min: ${pct(s.ttr.right, s.ttr.of)} of documents whose labels give both ends`);
  if (!detail) return;
  console.log('  by the label’s confidence (all kinds):');
  for (const [name, t] of Object.entries(s.byLabelConfidence).sort()) console.log(`  ${line(name, t)}`);
  console.log('  by the engine’s confidence (all kinds):');
  for (const [name, t] of Object.entries(s.byEngineConfidence).sort()) console.log(`  ${line(name, t)}`);
}

const started = Date.now();
const docs = loadCorpus(file, args.includes('--without-file-dates'));
console.log(`${docs.length} labelled documents, tolerance ${tolerance} minutes.\n`);
print(
  'Shipped weights (fitted on all of these documents: in-sample, optimistic)',
  measure(docs.map((doc) => ({ doc, found: doc.milestones }))),
  true,
);

const reachable = ORDERED_KINDS.map((kind) => {
  const labelled = docs.filter((d) => !!d.labels[kind]);
  const reached = labelled.filter((d) => d.candidates.some((c) => matchesLabel(c.time, d.labels[kind]!, tolerance)));
  return `${kind} ${reached.length}/${labelled.length}`;
});
console.log(`\nLabels some candidate reaches (the ceiling the time parser sets): ${reachable.join(', ')}`);
// Listing what no candidate reaches is a parser question: the fitted figures below are not needed for it.
if (args.includes('--unreached')) {
  listUnreached();
  process.exit(0);
}

/** Each label no candidate reaches, beside the line it was labelled from and the two nearest candidates. */
function listUnreached(): void {
  const rows = readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { line?: Record<string, number | null> });
  docs.forEach((doc, i) => {
    const text = readFileSync(join(dirname(file), doc.file), 'utf8').split('\n');
    for (const kind of ORDERED_KINDS) {
      const label = doc.labels[kind];
      if (!label || doc.candidates.some((c) => matchesLabel(c.time, label, tolerance))) continue;
      const labelled = rows[i].line?.[kind];
      const target = Date.parse(label.startsWith('T') ? `1970-01-01${label}` : label);
      const nearest = [...doc.candidates]
        .sort((a, b) => Math.abs(a.time - target) - Math.abs(b.time - target))
        .slice(0, 2);
      console.log(
        `unreached ${kind.padEnd(12)} ${doc.file}: ${label} (line ${labelled ?? '?'}: ${labelled ? text[labelled - 1].trim().slice(0, 110) : ''})`,
      );
      for (const c of nearest)
        console.log(`    nearest ${new Date(c.time).toISOString()} line ${c.line + 1}: ${c.text.slice(0, 80)}`);
    }
  });
}

// The project's own fixtures are always in the training set; figures are measured on the corpus only.
const fixtures = FIXTURE_FOLDERS.flatMap(loadFixtures);
const byOrganisation = args.includes('--by-organisation');
const split = byOrganisation ? foldsByOrganisation(docs) : folds(docs);
const heldOut = split.flatMap((test, i) => {
  const training = [...split.filter((_, j) => j !== i).flat(), ...fixtures];
  const weights: MilestoneWeights = fitWeights(training, { ...DEFAULT_FIT, without });
  return test.map((doc) => ({ doc, found: milestonesFrom(doc.candidates, weights) }));
});
console.log('');
const foldTitle = byOrganisation
  ? '5-fold cross-validated by organisation (each organisation’s documents measured on weights fitted without them)'
  : '5-fold cross-validated (fit on four fifths of the documents, measured on the fifth)';
print(foldTitle, measure(heldOut), true);
console.log(`\n(${((Date.now() - started) / 1000).toFixed(1)} s)`);

// `npm run eval` measures the blameless rules too, on both sentence sets beside the milestone labels.
if (withBlameless) {
  for (const set of ['blame-dev.jsonl', 'blame-dev2.jsonl']) {
    console.log(`\nBlameless rules on ${set}:`);
    execFileSync(
      process.execPath,
      ['--import', 'tsx', join(__dirname, 'eval-blameless.ts'), join(dirname(file), set)],
      { stdio: 'inherit' },
    );
  }
  // The other half of the aim: how many findings a carefully written postmortem gets (list them with --show).
  console.log('\nBlameless findings per corpus postmortem:');
  const docsArgs = ['--docs', join(dirname(file), 'docs'), ...(args.includes('--show') ? ['--show'] : [])];
  execFileSync(process.execPath, ['--import', 'tsx', join(__dirname, 'eval-blameless.ts'), ...docsArgs], {
    stdio: 'inherit',
  });
}

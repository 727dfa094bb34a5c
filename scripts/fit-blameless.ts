/**
 * Fits the blameless model on every labelled blame set in a folder and writes its weights
 * (server/src/core/rules/blameless/model.json). Before writing, prints 5-fold cross-validated
 * precision and recall (folds grouped by source document) for a few thresholds and penalties.
 *   node --import tsx scripts/fit-blameless.ts [DIR] [--threshold T] [--l2 X] [--kind-scale K] [--unprior-scale U]
 *     [--dry-run]
 * The project's fixtures (test/fixtures/blameless, test/fixtures/rules/blameless) are in every fit, never measured.
 * Without labelled sets it says so and leaves the weights alone.
 */
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { detect } from '../server/src/core/rules/blameless/detect';
import { mask } from '../server/src/core/rules/blameless/prose';
import {
  DEFAULT_FIT,
  FIXTURE_WEIGHT,
  fit,
  foldOf,
  loadFixtureRows,
  loadRows,
  type FitOptions,
  type Row,
} from './blameless-data';

const args = process.argv.slice(2);
const option = (name: string) => (args.includes(name) ? Number(args[args.indexOf(name) + 1]) : undefined);
const dir =
  args.find((a, i) => !a.startsWith('--') && !args[i - 1]?.startsWith('--')) ?? join('..', 'shared', 'corpus');
const OUT = join(__dirname, '..', 'server', 'src', 'core', 'rules', 'blameless', 'model.json');
const FOLDS = 5;

/** The project's fixtures: in every fold's training data and in the shipped fit, never measured. */
const fixtures = loadFixtureRows();

function crossValidate(rows: readonly Row[], options: FitOptions): { precision: number; recall: number } {
  let tp = 0,
    fp = 0,
    fn = 0;
  for (let k = 0; k < FOLDS; k++) {
    const model = fit([...rows.filter((r) => foldOf(r, FOLDS) !== k), ...fixtures], options);
    for (const row of rows.filter((r) => foldOf(r, FOLDS) === k && r.label !== 'UNSURE')) {
      const flagged = detect(mask(row.text, true), [], model).length > 0;
      if (flagged && row.label === 'BLAME') tp++;
      else if (flagged) fp++;
      else if (row.label === 'BLAME') fn++;
    }
  }
  return { precision: tp / Math.max(1, tp + fp), recall: tp / Math.max(1, tp + fn) };
}

const files = existsSync(dir) ? readdirSync(dir).filter((n) => /^blame-.*\.jsonl$/.test(n)) : [];
if (files.length === 0) {
  console.log(`No labelled blame sets (blame-*.jsonl) in ${dir}: the weights are left as they are.`);
  process.exit(0);
}
const rows = files.flatMap((n) => loadRows(join(dir, n)));
const chosen: FitOptions = {
  ...DEFAULT_FIT,
  threshold: option('--threshold') ?? DEFAULT_FIT.threshold,
  l2: option('--l2') ?? DEFAULT_FIT.l2,
  kindScale: option('--kind-scale') ?? DEFAULT_FIT.kindScale,
  unpriorScale: option('--unprior-scale') ?? DEFAULT_FIT.unpriorScale,
};
console.log(
  `${rows.length} sentences from ${files.join(', ')}, and ${fixtures.length / FIXTURE_WEIGHT} fixture sentences ` +
    `(weight ${FIXTURE_WEIGHT}, always trained on); ${FOLDS}-fold cross-validated, grouped by source:`,
);
for (const l2 of [chosen.l2 / 3, chosen.l2, chosen.l2 * 3]) {
  for (const threshold of [0.5, 0.65, 0.8]) {
    const { precision, recall } = crossValidate(rows, { ...chosen, l2, threshold });
    console.log(
      `  l2 ${l2.toFixed(3)} threshold ${threshold}: precision ${precision.toFixed(3)}, recall ${recall.toFixed(3)}`,
    );
  }
}
const model = fit([...rows, ...fixtures], chosen);
if (args.includes('--dry-run')) process.exit(0);
writeFileSync(OUT, JSON.stringify(model, null, 1) + '\n');
console.log(
  `wrote ${Object.keys(model.weights).length} weights (l2 ${chosen.l2}, kind scale ${chosen.kindScale}, ` +
    `unprior scale ${chosen.unpriorScale}, threshold ${chosen.threshold})`,
);

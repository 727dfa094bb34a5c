/**
 * Fits the milestone weights on a labelled corpus and writes them to the engine's data file.
 * Development only: without the corpus it says so and exits cleanly.
 *   node --import tsx scripts/fit-milestones.ts [LABELS.jsonl]
 */
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURE_FOLDERS, loadCorpus, loadFixtures } from './lib/milestone-corpus';
import { fitWeights } from './lib/milestone-fit';

const file =
  process.argv.slice(2).find((a) => !a.startsWith('--')) ??
  join(__dirname, '..', '..', 'shared', 'corpus', 'milestones.jsonl');
if (!existsSync(file)) {
  console.log(`No labelled corpus at ${file}: nothing to fit.`);
  process.exit(0);
}
const weights = fitWeights([...loadCorpus(file), ...FIXTURE_FOLDERS.flatMap(loadFixtures)]);
const target = join(__dirname, '..', 'server', 'src', 'core', 'metrics', 'milestone-weights.json');
const sorted = Object.fromEntries(
  Object.entries(weights.kinds).map(([kind, w]) => [
    kind,
    Object.fromEntries(Object.entries(w).sort(([, a], [, b]) => b - a)),
  ]),
);
writeFileSync(
  target,
  `${JSON.stringify({ highConfidence: weights.highConfidence, unsureFrom: weights.unsureFrom, kinds: sorted }, null, 2)}\n`,
);
console.log(`Wrote ${target.split(/[\\/]/).slice(-2).join('/')}`);

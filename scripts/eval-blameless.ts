/**
 * How well the blameless rules judge sentences, on a labelled set kept outside the repository
 * (JSON lines of {text, label: BLAME | OK | UNSURE, category, source}); UNSURE rows are not scored.
 *   node --import tsx scripts/eval-blameless.ts FILE.jsonl [--show] [--show-foreign]   in-sample and 5-fold
 *   cross-validated; --show lists the cross-validated errors, --show-foreign those of the model fitted elsewhere
 *   node --import tsx scripts/eval-blameless.ts --docs DIR [--show]   findings per postmortem in DIR
 * Cross-validation folds group sentences by source document; each fold's model is fitted on the
 * other folds plus every other blame-*.jsonl beside FILE (minus the fold's documents). A third
 * figure fits on the other sets alone and measures on FILE: sentences of unseen organisations. Every fit also
 * trains on the project's own blameless fixtures, as the shipped one does; they are never measured.
 * Without the file or folder it says so and exits cleanly.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { analyzeText } from '../server/src/core/analyzer';
import { defaultConfig } from '../server/src/core/config/config';
import { detect, type Hit } from '../server/src/core/rules/blameless/detect';
import { MODEL, type BlameModel } from '../server/src/core/rules/blameless/model';
import { mask } from '../server/src/core/rules/blameless/prose';
import { RULES } from '../server/src/core/rules';
import { runRules } from '../server/src/core/rules/run';
import { DEFAULT_FIT, fit, foldOf, loadFixtureRows, loadRows, type Row } from './blameless-data';

const args = process.argv.slice(2);
const show = args.includes('--show');
const docsAt = args.indexOf('--docs');
const FOLDS = 5;

interface Scored {
  row: Row;
  hit: Hit | undefined;
}

function score(rows: readonly Row[], modelFor: (row: Row) => BlameModel): Scored[] {
  return rows
    .filter((r) => r.label !== 'UNSURE')
    .map((row) => ({ row, hit: detect(mask(row.text, true), [], modelFor(row))[0] }));
}

const ratio = (a: number, b: number) => (b === 0 ? '  - ' : (a / b).toFixed(2));

function report(title: string, scored: readonly Scored[]): void {
  const tp = scored.filter((s) => s.hit && s.row.label === 'BLAME').length;
  const fp = scored.filter((s) => s.hit && s.row.label !== 'BLAME').length;
  const fn = scored.filter((s) => !s.hit && s.row.label === 'BLAME').length;
  const p = tp / Math.max(1, tp + fp);
  const r = tp / Math.max(1, tp + fn);
  const f1 = (2 * p * r) / Math.max(1e-9, p + r);
  console.log(
    `${title}: precision ${p.toFixed(2)}, recall ${r.toFixed(2)}, F1 ${f1.toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}, sentences ${scored.length})`,
  );
  const labelled = [...new Set(scored.filter((s) => s.row.label === 'BLAME').map((s) => s.row.category))].sort();
  const recalls = labelled.map((c) => {
    const rows = scored.filter((s) => s.row.label === 'BLAME' && s.row.category === c);
    return `${c} ${ratio(rows.filter((s) => s.hit).length, rows.length)} of ${rows.length}`;
  });
  console.log(`  recall by labelled category: ${recalls.join('; ')}`);
  const found = [...new Set(scored.flatMap((s) => (s.hit ? [s.hit.category] : [])))].sort();
  const precisions = found.map((c) => {
    const hits = scored.filter((s) => s.hit?.category === c);
    return `${c} ${ratio(hits.filter((s) => s.row.label === 'BLAME').length, hits.length)} of ${hits.length}`;
  });
  console.log(`  precision by reported category: ${precisions.join('; ')}`);
  const tricky = [...new Set(scored.filter((s) => s.row.label === 'OK').map((s) => s.row.category))].sort();
  const alarms = tricky
    .map((c) => ({ c, rows: scored.filter((s) => s.row.label === 'OK' && s.row.category === c) }))
    .filter(({ rows }) => rows.some((s) => s.hit))
    .map(({ c, rows }) => `${c} ${rows.filter((s) => s.hit).length}/${rows.length}`);
  console.log(`  false alarms by OK category: ${alarms.join('; ') || 'none'}`);
}

function others(file: string): Row[] {
  const dir = dirname(file);
  return readdirSync(dir)
    .filter((n) => /^blame-.*\.jsonl$/.test(n) && n !== basename(file))
    .flatMap((n) => loadRows(join(dir, n)));
}

/** The project's fixtures, read once when first fitted on: in every fit, as in the shipped one, never measured. */
let fixtureRows: Row[] | undefined;
const fixtures = () => (fixtureRows ??= loadFixtureRows());

function evaluateFile(file: string): void {
  const rows = loadRows(file);
  const inSample = score(rows, () => MODEL);
  report(`${basename(file)} in-sample (shipped model, fitted on every set)`, inSample);
  const extra = others(file);
  const models = Array.from({ length: FOLDS }, (_, k) => {
    const testSources = new Set(rows.filter((r) => foldOf(r, FOLDS) === k).map((r) => r.source));
    const train = [
      ...rows.filter((r) => foldOf(r, FOLDS) !== k),
      ...extra.filter((r) => !testSources.has(r.source)),
      ...fixtures(),
    ];
    return fit(train, { ...DEFAULT_FIT, threshold: MODEL.threshold });
  });
  const crossValidated = score(rows, (row) => models[foldOf(row, FOLDS)]);
  report(`${basename(file)} ${FOLDS}-fold cross-validated (grouped by source)`, crossValidated);
  // The hardest test: a model that never saw this set, fitted on the other sets alone.
  const outside = extra.filter((r) => !rows.some((own) => own.source === r.source));
  let foreignScored: Scored[] = [];
  if (outside.length > 0) {
    const foreign = fit([...outside, ...fixtures()], { ...DEFAULT_FIT, threshold: MODEL.threshold });
    foreignScored = score(rows, () => foreign);
    report(`${basename(file)} fitted on the other sets only`, foreignScored);
  }
  if (show) showErrors('cross-validated', crossValidated);
  if (args.includes('--show-foreign')) showErrors('fitted on the other sets only', foreignScored);
}

function showErrors(title: string, scored: readonly Scored[]): void {
  console.log(`Errors, ${title}:`);
  for (const { row, hit } of scored) {
    if (Boolean(hit) === (row.label === 'BLAME')) continue;
    const what = hit ? `FALSE ALARM ${hit.category}:"${hit.words}" ${hit.probability.toFixed(2)}` : 'MISSED';
    console.log(`${what} [${row.category}] ${row.text.slice(0, 170)}`);
  }
}

function evaluateDocs(dir: string): void {
  const rules = RULES.filter((r) => r.id.startsWith('blameless/'));
  const config = defaultConfig();
  const files = readdirSync(dir)
    .filter((n) => n.endsWith('.md'))
    .sort();
  let total = 0;
  for (const name of files) {
    const text = readFileSync(join(dir, name), 'utf8');
    const problems = runRules(analyzeText(text), config, { rules });
    total += problems.length;
    console.log(`${String(problems.length).padStart(3)}  ${name}`);
    if (show) for (const p of problems) console.log(`       ${p.range.start.line + 1}: ${p.code}: ${p.message}`);
  }
  console.log(`${total} blameless findings in ${files.length} documents`);
}

if (docsAt >= 0) {
  const dir = args[docsAt + 1];
  if (!dir || !existsSync(dir)) console.log(`No folder of postmortems${dir ? ` at ${dir}` : ''}: nothing to count.`);
  else evaluateDocs(dir);
} else {
  const file = args.find((a) => !a.startsWith('--'));
  if (!file || !existsSync(file))
    console.log(`Give a labelled set (JSON lines)${file ? `; there is none at ${file}` : ''}: nothing to measure.`);
  else evaluateFile(file);
}

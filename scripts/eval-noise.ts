/**
 * How much Hindsight says about postmortems as their authors wrote them: findings per document by
 * rule and severity, and the average number of warnings on documents that declare no template.
 * Development only: reads the shared corpus beside the project and skips cleanly without it.
 * `--strict` measures the `hindsight:strict` preset instead of the default profile.
 *   node --import tsx scripts/eval-noise.ts [FOLDER] [--show] [--rule PREFIX] [--strict]
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzeText } from '../server/src/core/analyzer';
import { checkDocument } from '../server/src/core/check';
import { applyConfig, defaultConfig } from '../server/src/core/config/config';
import { PRESETS } from '../server/src/core/config/presets';
import type { Problem } from '../server/src/core/model';

const args = process.argv.slice(2);
const folder =
  args.find((a, i) => !a.startsWith('--') && args[i - 1] !== '--rule') ??
  join(__dirname, '..', '..', 'shared', 'corpus', 'docs');
const show = args.includes('--show');
const profile = args.includes('--strict') ? 'hindsight:strict' : 'hindsight:recommended';
const config = applyConfig(defaultConfig(), PRESETS[profile], profile);
const onlyRule = args.includes('--rule') ? args[args.indexOf('--rule') + 1] : undefined;
if (!existsSync(folder)) {
  console.log(`No corpus at ${folder}: nothing to measure.`);
  process.exit(0);
}

/** Judgement families, measured by their own evaluations; counted apart from the bookkeeping rules. */
const SEPARATE = ['blameless/', 'timeline/', 'metrics/'];
const TODAY = '2026-01-01';

interface Result {
  file: string;
  declaresTemplate: boolean;
  problems: Problem[];
}

const files = readdirSync(folder)
  .filter((f) => f.endsWith('.md'))
  .sort();
const results: Result[] = files.map((file) => {
  const doc = analyzeText(readFileSync(join(folder, file), 'utf8'), `file:///corpus/${file}`);
  const problems = checkDocument(doc, { config, error: undefined }, { today: TODAY });
  return { file, declaresTemplate: doc.frontmatter?.data.template !== undefined, problems };
});

const separate = (p: Problem) => SEPARATE.some((prefix) => p.code.startsWith(prefix));
const byRule = new Map<string, Record<string, number>>();
for (const { problems } of results) {
  for (const p of problems) {
    const counts = byRule.get(p.code) ?? {};
    counts[p.severity] = (counts[p.severity] ?? 0) + 1;
    byRule.set(p.code, counts);
  }
}

console.log(`${results.length} documents, profile ${profile}\n`);
console.log('rule                              error warning    info    hint');
for (const [code, counts] of [...byRule].sort(([a], [b]) => a.localeCompare(b))) {
  const cells = ['error', 'warning', 'info', 'hint'].map((s) => String(counts[s] ?? 0).padStart(7));
  console.log(`${code.padEnd(32)}${cells.join(' ')}${separate({ code } as Problem) ? '  (judgement)' : ''}`);
}

const warnings = (r: Result, keep: (p: Problem) => boolean) =>
  r.problems.filter((p) => (p.severity === 'warning' || p.severity === 'error') && keep(p)).length;
const untemplated = results.filter((r) => !r.declaresTemplate);
const average = (keep: (p: Problem) => boolean) =>
  (untemplated.reduce((n, r) => n + warnings(r, keep), 0) / Math.max(1, untemplated.length)).toFixed(2);
console.log(`\nDocuments without a template: ${untemplated.length}`);
console.log(`  warnings and errors per document, all rules: ${average(() => true)}`);
console.log(`  of which bookkeeping (not ${SEPARATE.join(', ')}): ${average((p) => !separate(p))}`);
console.log(`  of which judgement: ${average(separate)}`);

/** "actions/incomplete w3, sections/missing h1": each rule's findings by the first letter of their severity. */
function breakdown(problems: Problem[]): string {
  const counts = new Map<string, number>();
  for (const p of problems)
    counts.set(`${p.code} ${p.severity[0]}`, (counts.get(`${p.code} ${p.severity[0]}`) ?? 0) + 1);
  return [...counts].map(([key, n]) => `${key}${n}`).join(', ');
}

console.log('\nper document (bookkeeping / judgement), then bookkeeping by rule (e error, w warning, i info, h hint):');
for (const r of results) {
  const mine = r.problems.filter((p) => !separate(p));
  const counts = `${String(mine.length).padStart(3)} / ${String(r.problems.length - mine.length).padStart(3)}`;
  console.log(`  ${counts}  ${r.file}${mine.length > 0 ? `  [${breakdown(mine)}]` : ''}`);
}

if (show) {
  for (const r of results) {
    const listed = r.problems.filter((p) => !onlyRule || p.code.startsWith(onlyRule));
    if (listed.length === 0) continue;
    console.log(`\n## ${r.file}`);
    for (const p of listed)
      console.log(`  ${String(p.range.start.line + 1).padStart(4)} ${p.severity.padEnd(7)} ${p.code}: ${p.message}`);
  }
}

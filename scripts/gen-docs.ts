/**
 * Writes every generated file (see docsOutputs.ts: rule pages, presets, the configuration schema and
 * page, the README's tables, package.json's settings). With --check it writes nothing and fails
 * when any is stale.
 *   node --import tsx scripts/gen-docs.ts [--check]
 */
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { expectedOutputs, orphanedRulePages, staleOutputs } from './docsOutputs';

// A test points the check at a scratch copy; anyone else checks the project itself.
const ROOT = process.env.HINDSIGHT_GENERATED_ROOT ?? join(__dirname, '..');

if (process.argv.includes('--check')) {
  const stale = staleOutputs(ROOT);
  if (stale.length > 0) {
    console.error(`Generated files are stale; run \`npm run docs\`:\n${stale.map((p) => `  ${p}`).join('\n')}`);
    process.exit(1);
  }
  console.log(`Generated files are up to date (${expectedOutputs(ROOT).size}).`);
} else {
  const expected = expectedOutputs(ROOT);
  for (const path of orphanedRulePages(ROOT, expected)) rmSync(join(ROOT, path));
  for (const [path, text] of expected) {
    mkdirSync(dirname(join(ROOT, path)), { recursive: true });
    writeFileSync(join(ROOT, path), text);
  }
  console.log(`Wrote ${expected.size} generated files.`);
}

/**
 * Precision and recall of the blameless rules on a labelled sentence set (JSON lines of
 * {text, label: BLAME | OK | UNSURE}), kept outside the repository. Development only: without a
 * set it says so and exits cleanly.
 *   node --import tsx scripts/eval-blameless.ts FILE.jsonl [--show]
 */
import { existsSync, readFileSync } from 'node:fs';
import { detect } from '../server/src/core/rules/blameless/detect';
import { mask } from '../server/src/core/rules/blameless/prose';

const file = process.argv.slice(2).find((a) => !a.startsWith('--'));
const show = process.argv.includes('--show');
if (!file || !existsSync(file)) {
  console.log(`Give a labelled set (JSON lines)${file ? `; there is none at ${file}` : ''}: nothing to measure.`);
  process.exit(0);
}
const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { text: string; label: string; category: string });
let tp = 0, fp = 0, fn = 0, tn = 0;
for (const row of rows) {
  if (row.label === 'UNSURE') continue;
  const hits = detect(mask(row.text), []);
  const flagged = hits.length > 0;
  const blame = row.label === 'BLAME';
  if (flagged && blame) tp++;
  else if (flagged) fp++;
  else if (blame) fn++;
  else tn++;
  if (show && flagged !== blame) console.log(`${flagged ? 'FALSE ALARM' : 'MISSED     '} [${row.category}] ${hits.map((h) => `${h.category}:"${h.words}"`).join(' ')} | ${row.text.slice(0, 160)}`);
}
const precision = tp / Math.max(1, tp + fp);
const recall = tp / Math.max(1, tp + fn);
console.log(`sentences ${tp + fp + fn + tn}: precision ${precision.toFixed(2)}, recall ${recall.toFixed(2)}, F1 ${((2 * precision * recall) / Math.max(1e-9, precision + recall)).toFixed(2)} (tp ${tp}, fp ${fp}, fn ${fn}, tn ${tn})`);

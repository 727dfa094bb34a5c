/**
 * Why the blameless model judges a sentence as it does: every cue, who it read as acting, its features
 * with their weights, and the probability.
 *   node --import tsx scripts/explain-blameless.ts "The engineer forgot to renew the certificate."
 *   node --import tsx scripts/explain-blameless.ts --fit SET.jsonl "…"   with a model fitted on SET alone
 */
import { featuresOfCue, readSentence } from '../server/src/core/rules/blameless/features';
import { MODEL, probability, weightOf } from '../server/src/core/rules/blameless/model';
import { mask } from '../server/src/core/rules/blameless/prose';
import { DEFAULT_FIT, fit, loadRows } from './blameless-data';

const args = process.argv.slice(2);
const fitAt = args.indexOf('--fit');
const model = fitAt >= 0 ? fit(loadRows(args[fitAt + 1]), { ...DEFAULT_FIT, threshold: MODEL.threshold }) : MODEL;
const sentences = fitAt >= 0 ? args.filter((_, i) => i !== fitAt && i !== fitAt + 1) : args;

for (const sentence of sentences) {
  const reading = readSentence(mask(sentence, true));
  console.log(`${sentence}\n  signals: ${reading.signals.join(' ')}`);
  if (reading.cues.length === 0) console.log('  no cue');
  for (const cue of reading.cues) {
    const features = featuresOfCue(reading, cue);
    const p = probability(model, features);
    const weighed = features.map((f) => `${f}=${weightOf(model, f)}`).join(' ');
    console.log(`  "${cue.words}" (${cue.kind}, agent ${cue.agent}) p=${p.toFixed(2)}: ${weighed}`);
  }
}

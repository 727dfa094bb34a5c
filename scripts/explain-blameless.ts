/**
 * Why the blameless model judges a sentence as it does: every cue, who it read as acting, its features
 * with their weights, and the probability.
 *   node --import tsx scripts/explain-blameless.ts "The engineer forgot to renew the certificate."
 */
import { featuresOfCue, readSentence } from '../server/src/core/rules/blameless/features';
import { MODEL, probability, weightOf } from '../server/src/core/rules/blameless/model';
import { mask } from '../server/src/core/rules/blameless/prose';

for (const sentence of process.argv.slice(2)) {
  const reading = readSentence(mask(sentence, true));
  console.log(`${sentence}\n  signals: ${reading.signals.join(' ')}`);
  if (reading.cues.length === 0) console.log('  no cue');
  for (const cue of reading.cues) {
    const features = featuresOfCue(reading, cue);
    const p = probability(MODEL, features);
    const weighed = features.map((f) => `${f}=${weightOf(MODEL, f)}`).join(' ');
    console.log(`  "${cue.words}" (${cue.kind}, agent ${cue.agent}) p=${p.toFixed(2)}: ${weighed}`);
  }
}

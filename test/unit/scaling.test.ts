import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import { generatePostmortem } from '../../bench/generate';

/** Best of a few runs: the least disturbed measure of the engine itself. */
function fastest(text: string, runs = 3): number {
  let best = Infinity;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    new Analyzer().analyze('scaling', i, text);
    best = Math.min(best, performance.now() - start);
  }
  return best;
}

// Not a speed test (the benchmark reports speed): a guard against work that grows faster than the text.
it('full analysis grows about linearly from 1,000 to 10,000 lines', () => {
  fastest(generatePostmortem(1_000).text); // warm-up
  const small = fastest(generatePostmortem(1_000).text);
  const large = fastest(generatePostmortem(10_000).text);
  const exponent = Math.log10(large / small);
  assert.ok(exponent < 1.3, `scaling exponent ${exponent.toFixed(2)} (1k: ${small.toFixed(1)} ms, 10k: ${large.toFixed(1)} ms)`);
});

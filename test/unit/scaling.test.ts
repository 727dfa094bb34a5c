import assert from 'node:assert/strict';
import { it } from 'node:test';
import { Analyzer } from '../../server/src/core/analyzer';
import type { PostmortemDocument } from '../../server/src/core/model';
import { generatePostmortem } from '../../bench/generate';

/** The fastest of a few full analyses, each by a fresh Analyzer: the least disturbed measure of the engine. */
function fastest(text: string, runs = 3): { ms: number; doc: PostmortemDocument } {
  let ms = Infinity;
  let doc: PostmortemDocument | undefined;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    doc = new Analyzer().analyze('scaling.md', 1, text);
    ms = Math.min(ms, performance.now() - start);
  }
  return { ms, doc: doc! };
}

// Not a speed test (npm run bench reports speed): a guard against work that grows faster than the text,
// such as a rule that rescans the document for every timeline row.
it('full analysis grows about linearly from 1,000 to 10,000 lines', () => {
  const small = generatePostmortem(1_000);
  const large = generatePostmortem(10_000);
  assert.equal(small.text.split('\n').length - 1, 1_000);
  assert.equal(large.text.split('\n').length - 1, 10_000);

  fastest(small.text, 2); // warm-up
  const a = fastest(small.text);
  const b = fastest(large.text);
  // Both documents were read in full, so the times compare like with like.
  assert.equal(a.doc.timeline.entries.length, small.timelineRows);
  assert.equal(b.doc.timeline.entries.length, large.timelineRows);
  assert.equal(b.doc.actionItems.length, large.actionRows);

  const exponent = Math.log10(b.ms / a.ms);
  assert.ok(
    exponent <= 1.3,
    `scaling exponent ${exponent.toFixed(2)} (1,000 lines: ${a.ms.toFixed(1)} ms, 10,000 lines: ${b.ms.toFixed(1)} ms)`,
  );
});

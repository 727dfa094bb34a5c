/**
 * The blameless rules read each block's section kinds by binary search over the headings and a walk
 * up to the outermost; whatever the heading depths, that must be every section covering the line.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { analyzeText } from '../../../server/src/core/analyzer';
import { sectionAt } from '../../../server/src/core/rules/blameless/prose';

const HEADINGS = ['Summary', 'Timeline', 'Action items', 'Lessons learned', 'Notes', 'Root cause'];

/** A document of headings at any depth, each followed by a paragraph or nothing. */
const document = fc
  .array(fc.tuple(fc.integer({ min: 1, max: 6 }), fc.constantFrom(...HEADINGS), fc.boolean()), { maxLength: 30 })
  .map((parts) =>
    parts.map(([depth, name, prose], i) => `${'#'.repeat(depth)} ${name}\n\n${prose ? `Line ${i}.\n\n` : ''}`).join(''),
  );

describe('section kinds of a line, for the blameless rules', () => {
  it('are the kinds of every section covering the line, outermost first', () => {
    fc.assert(
      fc.property(document, (text) => {
        const doc = analyzeText(`Opening line.\n\n${text}`);
        for (let line = 0; line < doc.lines.lineCount; line++) {
          const covering = doc.sections.filter((s) => line > s.headingRange.start.line && line <= s.range.end.line);
          const kinds = [...new Set(covering.flatMap((s) => s.kinds))];
          assert.deepEqual(sectionAt(doc, line), { kinds, timeline: kinds.includes('timeline') }, `line ${line}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

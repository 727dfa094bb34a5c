/**
 * The language server reads an edited version's lines, frontmatter and block split ahead of
 * analysing it (in slices that yield), and the analysis reuses that reading instead of making its
 * own. Whatever the edits, the findings must be those of a cold analysis of the same text.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import type { PostmortemDocument } from '../../../server/src/core/model';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'mixed-formats.md'), 'utf8');
const lines = fixture.split('\n');
const loaded = { config: defaultConfig(), error: undefined };
const URI = 'file:///prepared.md';

/** Findings and what the providers read, without object identity. */
function reading(doc: PostmortemDocument) {
  return {
    findings: checkDocument(doc, loaded, { today: '2025-06-01' }),
    blocks: doc.blocks.map((b) => [b.kind, b.line, b.endLine]),
    timeline: doc.timeline.entries.map((e) => [e.range, e.time, e.text]),
    milestones: doc.milestones,
    frontmatter: doc.frontmatter?.data,
  };
}

const edit = fc.record({
  at: fc.nat({ max: lines.length }),
  remove: fc.nat({ max: 3 }),
  insert: fc.array(fc.oneof(fc.constantFrom(...lines, '> quoted', '---', ''), fc.string({ maxLength: 30 })), {
    maxLength: 3,
  }),
});

describe('an edit read ahead by the server', () => {
  it('gives the findings of a cold analysis, after any sequence of edits', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(edit, { minLength: 1, maxLength: 5 }), async (edits) => {
        const analyzer = new Analyzer();
        let current = [...lines];
        analyzer.analyze(URI, 0, current.join('\n'));
        for (const [version, e] of edits.entries()) {
          current = [...current.slice(0, e.at), ...e.insert, ...current.slice(e.at + e.remove)];
          const text = current.join('\n');
          assert.equal(await analyzer.prepare(URI, text, () => true), true);
          const edited = analyzer.analyze(URI, version + 1, text);
          assert.deepEqual(reading(edited), reading(analyzeText(text, URI)));
        }
      }),
      { numRuns: 60 },
    );
  });

  it('reads the version analysed, not the one read ahead, when they differ', async () => {
    const analyzer = new Analyzer();
    analyzer.analyze(URI, 0, fixture);
    const abandoned = fixture.replace('## Timeline', '## Timeline\n\n> a quoted line\n');
    await analyzer.prepare(URI, abandoned, () => true);
    const text = fixture + '\nOne more line.\n';
    assert.deepEqual(reading(analyzer.analyze(URI, 1, text)), reading(analyzeText(text, URI)));
  });
});

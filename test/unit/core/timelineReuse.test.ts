import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import type { PostmortemDocument } from '../../../server/src/core/model';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'prose-and-timeline.md'), 'utf8');
const lines = fixture.split('\n');
const URI = 'file:///reuse.md';
const lineOf = (start: string) => lines.findIndex((l) => l.startsWith(start));

function replaced(at: number, text: string): string {
  return lines.map((l, i) => (i === at ? text : l)).join('\n');
}

/** Everything derived from the text, without the parse tree and the version. */
function derived(doc: PostmortemDocument) {
  const { sections, timeline, milestones, metrics, statedDurations, actionItems, problems, frontmatter } = doc;
  return { sections, timeline, milestones, metrics, statedDurations, actionItems, problems, frontmatter };
}

describe('timeline reuse across edits', () => {
  it('keeps the same timeline, sections and milestones when prose outside the timeline changes', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(URI, 1, fixture);
    const at = lineOf('Readers saw results');
    const text = replaced(at, `${lines[at]} Updated 2.`);
    const second = analyzer.analyze(URI, 2, text);
    assert.equal(second.timeline, first.timeline);
    assert.equal(second.sections, first.sections);
    assert.equal(second.milestones, first.milestones);
    assert.deepEqual(derived(second), derived(analyzeText(text, URI)));
  });

  it('reads the timeline again when a row changes, and only that entry differs', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(URI, 1, fixture);
    const at = lineOf('| 13:20 |');
    const text = replaced(at, '| 13:25 | On-call engineer acknowledges the page |');
    const second = analyzer.analyze(URI, 2, text);
    assert.notEqual(second.timeline, first.timeline);
    const changed = second.timeline.entries.flatMap((entry, i) => {
      try {
        assert.deepEqual(entry, first.timeline.entries[i]);
        return [];
      } catch {
        return [i];
      }
    });
    assert.deepEqual(changed, [3]);
    assert.equal(second.timeline.entries[3].text, 'On-call engineer acknowledges the page');
    assert.equal(new Date(second.milestones.acknowledged!.time).toISOString(), '2025-06-12T13:25:00.000Z');
  });

  it('reads the timeline again when a time is written in prose outside it', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(URI, 1, fixture);
    const at = lineOf('Detected:');
    const text = replaced(at, 'Detected: 2025-06-12 12:50 UTC');
    const second = analyzer.analyze(URI, 2, text);
    assert.notEqual(second.timeline, first.timeline);
    assert.equal(new Date(second.milestones.detected!.time).toISOString(), '2025-06-12T12:50:00.000Z');
  });

  it('equals a fresh analysis after any sequence of one-line replacements', () => {
    const replacement = (line: string) =>
      fc.oneof(
        fc.constant(`${line} More words here.`),
        fc.constant(`${line} It began at 12:34 UTC.`),
        fc.constantFrom(...lines, '', '# New heading', '---', '===', '```', '> quoted', '- a list item', '| a | b |'),
        fc.constantFrom('Resolved: 2025-06-12 15:30 UTC', '[ref]: https://example.com'),
        fc.constantFrom('14:00 Deploy starts', 'timezone: CET', 'All times in CET.'),
        fc.string({ maxLength: 20 }),
      );
    // Past the frontmatter: its lines are settings, covered by the other tests.
    const edit = fc
      .integer({ min: 4, max: lines.length - 1 })
      .chain((at) => fc.tuple(fc.constant(at), replacement(lines[at])));
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 8 }), (edits) => {
        const analyzer = new Analyzer();
        const current = [...lines];
        analyzer.analyze(URI, 0, fixture);
        edits.forEach(([at, text], version) => {
          current[at] = text;
          const now = current.join('\n');
          assert.deepEqual(derived(analyzer.analyze(URI, version + 1, now)), derived(analyzeText(now, URI)));
        });
      }),
      { numRuns: 60 },
    );
  });
});

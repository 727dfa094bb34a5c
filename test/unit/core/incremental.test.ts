import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import type { PostmortemDocument } from '../../../server/src/core/model';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'mixed-formats.md'), 'utf8');
const lines = fixture.split('\n');

/** What a consumer reads from a document, without object identity. */
function view(doc: PostmortemDocument) {
  return {
    sections: doc.sections.map((s) => [s.heading, s.depth, s.kinds, s.empty, s.range, s.bodyRange]),
    timeline: doc.timeline.entries.map((e) => [e.range, e.time, e.text, e.zone, e.markers]),
    milestones: doc.milestones,
    metrics: doc.metrics,
    stated: doc.statedDurations,
    actions: doc.actionItems.map((a) => [a.action.text, a.owner?.text, a.dueDate, a.state, a.ticket?.text, a.range]),
    problems: doc.problems,
  };
}

describe('incremental analysis', () => {
  it('reads the fixture as a person would', () => {
    const doc = analyzeText(fixture);
    assert.deepEqual(
      doc.sections.map((s) => s.kinds.join('+')),
      ['', 'summary', 'impact', 'timeline', '', 'contributing-factors', 'action-items', 'lessons-learned'],
    );
    assert.equal(
      doc.sections.find((s) => s.kinds.includes('lessons-learned'))?.empty,
      true,
      'a section holding only a comment is empty',
    );
    assert.equal(doc.milestones.started?.source, 'column');
    assert.equal(new Date(doc.milestones.detected!.time).toISOString(), '2024-03-05T14:21:00.000Z');
    assert.equal(doc.metrics.ttr.minutes, 65);
    const replay = doc.timeline.entries.find((e) => e.text.startsWith('Replay job finished'));
    assert.equal(
      new Date(replay!.time!).toISOString(),
      '2024-03-07T00:20:00.000Z',
      'midnight rollover under a date line',
    );
    assert.deepEqual(
      doc.actionItems.map((a) => [a.owner?.text ?? null, a.dueDate ?? null, a.state]),
      [
        ['@dana', '2024-04-01', 'open'],
        ['', '2024-03-20', 'done'],
        ['@lee', null, 'in-progress'],
        ['lee', '2024-04-15', 'open'],
        [null, null, 'done'],
      ],
    );
    assert.deepEqual(
      doc.statedDurations.map((s) => [s.metric, s.minutes]),
      [
        ['impact', 38],
        ['ttr', 65],
      ],
    );
  });

  it('gives the same result after any sequence of edits as a fresh parse', () => {
    const edit = fc.record({
      at: fc.nat({ max: lines.length }),
      remove: fc.nat({ max: 3 }),
      insert: fc.array(fc.oneof(fc.constantFrom(...lines), fc.string({ maxLength: 30 })), { maxLength: 3 }),
    });
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 6 }), (edits) => {
        const analyzer = new Analyzer();
        let current = [...lines];
        analyzer.analyze('file:///a.md', 0, current.join('\n'));
        edits.forEach((e, version) => {
          current = [...current.slice(0, e.at), ...e.insert, ...current.slice(e.at + e.remove)];
          const text = current.join('\n');
          const incremental = analyzer.analyze('file:///a.md', version + 1, text);
          assert.deepEqual(view(incremental), view(analyzeText(text, 'file:///a.md')));
        });
      }),
      { numRuns: 150 },
    );
  });

  it('keeps one parse per version', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze('file:///b.md', 1, fixture);
    assert.equal(analyzer.analyze('file:///b.md', 1, fixture), first);
    assert.notEqual(analyzer.analyze('file:///b.md', 2, fixture + '\nmore'), first);
  });
});

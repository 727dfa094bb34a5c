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

  it('resumes at an edited row: the entries before and after it are the ones already read', () => {
    const analyzer = new Analyzer();
    const first = analyzer.analyze(URI, 1, fixture);
    const at = lineOf('| 13:05 |');
    const second = analyzer.analyze(
      URI,
      2,
      replaced(at, '| 13:05 | Support reports stale results from three customers |'),
    );
    const kept = second.timeline.entries.map((entry, i) => entry === first.timeline.entries[i]);
    assert.deepEqual(kept, [true, true, false, true, true, true]);
  });

  it('reads the rows after an edited one again when the edit moves the day they fall on', () => {
    const analyzer = new Analyzer();
    analyzer.analyze(URI, 1, fixture);
    // The first row dated the day before: the rows after it, which give no date, fall on that day too.
    const text = replaced(lineOf('| 11:40 |'), '| 2025-06-11 11:40 | Schema migration applied to the index mapping |');
    const second = analyzer.analyze(URI, 2, text);
    assert.equal(new Date(second.timeline.entries[2].time!).toISOString(), '2025-06-11T13:05:00.000Z');
    assert.deepEqual(derived(second), derived(analyzeText(text, URI)));
  });

  it('reports on a date line at its new length when only its trailing space changed', () => {
    const before = [
      '# Queue backlog',
      '',
      '## Timeline',
      '',
      'Mar 12',
      '',
      '- 14:02 Queue stops draining',
      '- 14:31 Drained',
      '',
    ];
    const analyzer = new Analyzer();
    analyzer.analyze(URI, 1, before.join('\n'));
    const after = before.map((l, i) => (i === 4 ? 'Mar 12\t' : l)).join('\n');
    assert.deepEqual(derived(analyzer.analyze(URI, 2, after)), derived(analyzeText(after, URI)));
  });

  it('equals a fresh analysis after any sequence of edits inside timeline rows', () => {
    const documents = [
      'core/prose-and-timeline.md',
      'timeline/midnight.md',
      'timeline/multi-day.md',
      'timeline/newest-first-log.md',
      'timeline/relative-offsets.md',
    ].map((name) => readFileSync(join(__dirname, '..', '..', 'fixtures', name), 'utf8').split('\n'));
    const rowText = fc.constantFrom(
      'Alert fires for the queue',
      'On-call acknowledges',
      'Rolled back; errors stop (mitigated)',
      'Resolved, all clear',
      'Deploy starts [started]',
      'Customers report errors',
      'note with no verb',
    );
    const stamp = fc.oneof(
      fc
        .tuple(fc.integer({ min: 0, max: 23 }), fc.integer({ min: 0, max: 59 }))
        .map(([h, m]) => `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}`),
      // Times about twelve hours apart decide whether the clock passed midnight: the state an edit must carry.
      fc.constantFrom('00:05', '11:59', '12:00', '23:59', '12:00 CET', '2025-06-13 02:00', '9:15pm', '+20 minutes'),
      fc.constantFrom('25:00', '22:XX', '1405', 'Feb 30', ''),
    );
    const rowEdit = fc.tuple(fc.nat(), fc.nat(), stamp, rowText);
    fc.assert(
      fc.property(
        fc.nat({ max: documents.length - 1 }),
        fc.array(rowEdit, { minLength: 1, maxLength: 6 }),
        (which, edits) => {
          const original = documents[which];
          // Lines that are rows of the timeline: table rows and list items that hold a digit.
          const rows = original.flatMap((line, i) => (/^\s*(?:\|\s*[^-\s|]|[-*] ).*\d/.test(line) ? [i] : []));
          const analyzer = new Analyzer();
          const current = [...original];
          analyzer.analyze(URI, 0, original.join('\n'));
          edits.forEach(([row, keepText, written, words], version) => {
            const at = rows[row % rows.length];
            const table = current[at].trimStart().startsWith('|');
            current[at] = table
              ? `| ${written} | ${keepText % 2 ? words : (current[at].split('|')[2] ?? words)} |`
              : `- ${written} ${words}`;
            const now = current.join('\n');
            assert.deepEqual(derived(analyzer.analyze(URI, version + 1, now)), derived(analyzeText(now, URI)));
          });
        },
      ),
      { numRuns: 80 },
    );
  });
});

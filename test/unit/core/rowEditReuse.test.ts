import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Analyzer, analyzeText } from '../../../server/src/core/analyzer';
import type { PostmortemDocument } from '../../../server/src/core/model';
import { BlockCache } from '../../../server/src/core/parse/blockCache';
import { buildSections } from '../../../server/src/core/parse/sections';
import { LineIndex } from '../../../server/src/core/text/lineIndex';
import { buildTimeline, type TimelineResult } from '../../../server/src/core/timeline/build';
import { editedRows, type TimelineSource } from '../../../server/src/core/timeline/reuse';

const fixture = readFileSync(join(__dirname, '..', '..', 'fixtures', 'core', 'row-edits.md'), 'utf8');
const lines = fixture.split('\n');
const URI = 'file:///row-edits.md';
const lineOf = (start: string) => {
  const at = lines.findIndex((l) => l.startsWith(start));
  assert.ok(at >= 0, start);
  return at;
};

/** One-line edits of each kind the timeline's reuse must tell apart. */
const EDITS: [string, number, string][] = [
  ['prose', lineOf('Invoices went out'), 'Invoices went out late for customers in three regions.'],
  ['one row', lineOf('| 23:50 |'), '| 23:55 | Consumers restart in a loop after a memory limit change |'],
  ['a row that gives a day', lineOf('| 00:20 |'), '| 2025-09-05 00:20 | Memory limit restored |'],
  ['a row read back as before', lineOf('| 00:20 |'), lines[lineOf('| 00:20 |')]],
  ['a heading above the timeline', lineOf('## Summary'), '## Summary (times in CET)'],
  ['another row', lineOf('| 21:40 |'), '| 21:44 | On-call acknowledges the page |'],
  ['the date line', lineOf('2025-09-03'), '2025-09-04'],
  ['a row after the date line moved', lineOf('| 01:05 |'), '| 01:15 | Queue drained; incident resolved |'],
  ['the frontmatter date', lineOf('date:'), 'date: 2025-09-01'],
  ['the frontmatter zone', lineOf('timezone:'), 'timezone: Europe/Berlin'],
  ['a row under the new zone', lineOf('| 21:25 |'), '| 21:20 | Alert fires for invoice queue depth |'],
];

/** Every field derived from the text, each compared on its own so a failure names it. */
function assertSameAnalysis(incremental: PostmortemDocument, fresh: PostmortemDocument, edit: string): void {
  const fields = ['sections', 'timeline', 'milestones', 'metrics', 'statedDurations', 'actionItems', 'problems'];
  for (const field of [...fields, 'frontmatter'] as const) {
    const key = field as keyof PostmortemDocument;
    assert.deepEqual(incremental[key], fresh[key], `${field} after an edit of ${edit}`);
  }
}

describe('re-reading only the edited timeline rows', () => {
  it('gives what a fresh analysis gives, after each kind of edit in turn', () => {
    const analyzer = new Analyzer();
    const current = [...lines];
    analyzer.analyze(URI, 0, fixture);
    EDITS.forEach(([edit, at, text], version) => {
      current[at] = text;
      const now = current.join('\n');
      assertSameAnalysis(analyzer.analyze(URI, version + 1, now), analyzeText(now, URI), edit);
    });
  });

  it('gives what a fresh analysis gives, after each edit alone followed by a row edit', () => {
    const row = lineOf('| 21:10 |');
    for (const [edit, at, text] of EDITS) {
      const analyzer = new Analyzer();
      analyzer.analyze(URI, 0, fixture);
      const current = [...lines];
      current[at] = text;
      analyzer.analyze(URI, 1, current.join('\n'));
      current[row] = at === row ? current[row] : '| 21:05 | Consumer pool scaled down by the nightly schedule |';
      const now = current.join('\n');
      assertSameAnalysis(analyzer.analyze(URI, 2, now), analyzeText(now, URI), `${edit}, then a row`);
    }
  });

  it('keeps every candidate but the edited row’s, and finds the rows an edit changed', () => {
    const cache = new BlockCache();
    const read = (text: string, previous?: { source: TimelineSource; result: TimelineResult }) => {
      const index = new LineIndex(text, previous && new LineIndex(previous.source.lines.join('\n')));
      const blocks = cache.blocks(index.lines, lineOf('# Billing'));
      const sections = buildSections(blocks, index);
      const source = { lines: index.lines, blocks, sections, settings: '', fromSections: true };
      const rows = previous && editedRows(previous.source, source);
      const base = { blocks, sections, index, reference: undefined, frontmatterZone: undefined };
      const result = buildTimeline({
        ...base,
        documentZone: undefined,
        previous: previous?.result.memo,
        editedRows: rows,
      });
      return { source, result, rows };
    };
    const first = read(fixture);
    const at = lineOf('| 23:50 |');
    const second = read(lines.map((l, i) => (i === at ? '| 23:52 | Consumers restart again |' : l)).join('\n'), first);
    assert.deepEqual(
      second.rows?.map((r) => r.row.line),
      [at],
    );
    const before = first.result.memo!.candidates;
    const after = second.result.memo!.candidates;
    assert.equal(after.length, before.length);
    const renewed = after.flatMap((c, i) => (c === before[i] ? [] : [c.line]));
    assert.deepEqual(renewed, [at]);
    assert.equal(second.result.timeline.entries[3].text, 'Consumers restart again');

    const prose = lineOf('Invoices went out');
    const edited = lines.map((l, i) => (i === prose ? 'Invoices went out late.' : l)).join('\n');
    assert.equal(read(edited, first).rows, undefined, 'a prose line is no row');
  });
});

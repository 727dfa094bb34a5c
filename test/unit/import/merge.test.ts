/**
 * Merging imported rows into a postmortem: time order with the rows already there, the timeline's
 * zone, a Source column with the evidence, one marked milestone per kind, nothing added twice, and
 * nothing the checker then complains about.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { applyEdit, planMerge } from '../../../server/src/core/import/merge';
import { planImport } from '../../../server/src/core/import/plan';
import type { ImportedRow } from '../../../server/src/core/import/types';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'import');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const at = (iso: string) => Date.parse(iso);

const PAGE: ImportedRow = {
  instant: at('2024-03-05T14:04:00Z'),
  text: 'Triggered: search errors',
  actor: 'search-api',
  link: 'https://acme.pagerduty.com/incidents/Q1',
  sourceId: 'pagerduty:R1',
  milestone: 'detected',
};
const ACK: ImportedRow = {
  ...PAGE,
  instant: at('2024-03-05T14:07:00Z'),
  text: 'Acknowledged',
  sourceId: 'pagerduty:R2',
  milestone: 'acknowledged',
};
const CHAT: ImportedRow = {
  instant: at('2024-03-05T14:20:00Z'),
  text: 'Rolling back now',
  actor: 'Chidi',
  sourceId: 'slack:C1/1709648400.000600',
};
const RESOLVE: ImportedRow = {
  ...PAGE,
  instant: at('2024-03-05T14:44:00Z'),
  text: 'Resolved',
  sourceId: 'pagerduty:R3',
  milestone: 'resolved',
};

function merged(text: string, rows: ImportedRow[]): string {
  const plan = planMerge(text, rows);
  assert.ok(plan.edit, 'an edit was planned');
  return applyEdit(text, plan.edit);
}

function timelineLines(text: string): string[] {
  return text.split('\n').filter((line) => /^\| (?:\d{4}-\d{2}-\d{2} )?\d{2}:\d{2}/.test(line));
}

/** Problems as "code: message", so a test can say which are new. */
function problems(text: string): string[] {
  const doc = analyzeText(text, 'file:///pm.md');
  return checkDocument(doc, { config: defaultConfig(), error: undefined }).map((p) => `${p.code}: ${p.message}`);
}

describe('planMerge', () => {
  it('interleaves the rows with the existing ones by time and adds a Source column to every row', () => {
    const out = merged(read('postmortem.md'), [RESOLVE, CHAT, PAGE]);
    const rows = timelineLines(out);
    assert.deepEqual(
      rows.map((r) => r.split('|')[1].trim()),
      ['14:00', '2024-03-05 14:04', '2024-03-05 14:20', '14:30', '2024-03-05 14:44', '14:45'],
    );
    assert.match(out, /^\| Time \(UTC\) \| Event \| Source \|$/m);
    assert.match(out, /^\| --- \| --- \| --- \| --- \|$/m);
    assert.match(out, /^\| 14:00 \| Index settings change applied to the search cluster \| \|$/m);
    assert.ok(
      rows.every((r) => r.split(/(?<!\\)\|/).length === 5),
      'every row has three cells',
    );
  });

  it('links each row to its evidence, with the source id as the link title', () => {
    const out = merged(read('postmortem.md'), [PAGE, CHAT]);
    assert.match(out, /\| \[PagerDuty\]\(https:\/\/acme\.pagerduty\.com\/incidents\/Q1 "pagerduty:R1"\) \|/);
    assert.match(out, /\| `slack:C1\/1709648400\.000600` \|/, 'no link known: the id alone');
    const doc = analyzeText(out);
    const page = doc.timeline.entries.find((e) => e.text.includes('Triggered'));
    assert.deepEqual(page?.links, ['https://acme.pagerduty.com/incidents/Q1']);
  });

  it('adds nothing the second time the same rows are imported', () => {
    const once = merged(read('postmortem.md'), [PAGE, CHAT]);
    const again = planMerge(once, [PAGE, CHAT, ACK]);
    assert.equal(again.duplicates, 2);
    assert.deepEqual(
      again.added.map((a) => a.row.sourceId),
      ['pagerduty:R2'],
    );
    const twice = applyEdit(once, again.edit!);
    assert.equal(twice.split('pagerduty:R1').length - 1, 1);
    assert.equal(planMerge(twice, [PAGE, CHAT, ACK]).edit, undefined);
  });

  it('adds a row given twice in one import once', () => {
    const plan = planMerge(read('postmortem.md'), [PAGE, { ...PAGE }]);
    assert.equal(plan.added.length, 1);
    assert.equal(plan.duplicates, 1);
  });

  it("keeps a CRLF document's line endings", () => {
    const text = read('postmortem.md').replace(/\n/g, '\r\n');
    const out = merged(text, [PAGE]);
    assert.doesNotMatch(out, /[^\r]\n/);
    assert.match(
      out,
      /\| 2024-03-05 14:04 \| search-api: Triggered: search errors \[detected\] \| \[PagerDuty\].*\|\r\n\| 14:30 /,
    );
  });

  it('marks the page, acknowledgement and resolve so the milestone engine takes them as marked', () => {
    const out = merged(read('postmortem.md'), [PAGE, ACK, CHAT, RESOLVE]);
    const doc = analyzeText(out);
    assert.equal(doc.milestones.detected?.confidence, 'marked');
    assert.equal(doc.milestones.detected?.time, PAGE.instant);
    assert.equal(doc.milestones.acknowledged?.time, ACK.instant);
    assert.equal(doc.milestones.resolved?.time, RESOLVE.instant);
    assert.equal(doc.milestones.resolved?.confidence, 'marked');
  });

  it('marks only the first page of several, and leaves a milestone the author marked alone', () => {
    const second = { ...PAGE, instant: at('2024-03-05T14:06:00Z'), sourceId: 'pagerduty:R9' };
    const plan = planMerge(read('merge/zoned-with-columns.md'), [second, PAGE, { ...RESOLVE, milestone: 'mitigated' }]);
    const lines = plan.added.map((a) => a.line);
    assert.equal(lines.filter((l) => l.includes('| detected |')).length, 1);
    assert.match(lines[0], /\| detected \|/);
    assert.ok(!lines.some((l) => l.includes('mitigated')), 'the author already marked mitigated');
  });

  it("writes times in the timeline's zone and fills the Who, Milestone and Evidence columns", () => {
    const out = merged(read('merge/zoned-with-columns.md'), [PAGE]);
    assert.match(out, /^\| 2024-03-05 15:04 \| search-api \| Triggered: search errors \| detected \| \[PagerDuty\]/m);
    assert.doesNotMatch(out, /\| Source \|/, 'the Evidence column is the source column');
    const doc = analyzeText(out);
    assert.equal(doc.timeline.entries.find((e) => e.text.includes('Triggered'))?.time, PAGE.instant);
  });

  it('names UTC on each time when nothing in the postmortem gives a zone', () => {
    const out = merged(read('merge/unzoned.md'), [PAGE]);
    assert.match(out, /^\| 2024-03-05 14:04 UTC \| search-api: Triggered: search errors \[detected\] \|/m);
  });

  it('places rows by time of day among entries whose day the postmortem never gives', () => {
    const out = merged(read('merge/dateless.md'), [RESOLVE, PAGE]);
    assert.deepEqual(
      timelineLines(out).map((r) => r.split('|')[1].trim()),
      ['14:00', '2024-03-05 14:04', '14:30', '2024-03-05 14:44'],
    );
  });

  it('keeps a newest-first log newest first', () => {
    const out = merged(read('merge/newest-first.md'), [PAGE, RESOLVE]);
    assert.deepEqual(
      timelineLines(out).map((r) => r.split('|')[1].trim().slice(-5)),
      ['14:50', '14:44', '14:10', '14:04', '14:00'],
    );
  });

  it('adds items to a timeline written as a list, in time order', () => {
    const text = read('merge/list-timeline.md');
    const plan = planMerge(text, [PAGE, RESOLVE]);
    assert.equal(plan.newTable, false);
    const out = applyEdit(text, plan.edit!);
    const items = out.split('\n').filter((l) => l.startsWith('- '));
    assert.deepEqual(
      items.map((l) => l.slice(2, 18)),
      ['13:50 Storage no', '2024-03-05 14:04', '14:40 Upload lat', '2024-03-05 14:44'],
    );
    assert.match(items[1], / search-api: Triggered: search errors \[detected\] — \[PagerDuty\]\(/);
    assert.equal(analyzeText(out).timeline.entries.length, 4);
  });

  it('starts a table under the timeline heading when it has no timed rows', () => {
    const text = read('merge/list-timeline.md').replace(/^- .*\n/gm, '');
    const plan = planMerge(text, [PAGE]);
    assert.equal(plan.newTable, true);
    const out = applyEdit(text, plan.edit!);
    assert.match(out, /All times UTC\.\n\n\| Time \(UTC\) \| Who \| Event \| Source \|\n/);
    assert.ok(out.indexOf('| Time (UTC)') < out.indexOf('## Follow-up'));
  });

  it('adds a Timeline section when the postmortem has none', () => {
    const out = merged(read('merge/no-timeline.md'), [PAGE, CHAT]);
    assert.match(
      out,
      /\n## Timeline\n\n\| Time \(UTC\) \| Who \| Event \| Source \|\n\| --- \| --- \| --- \| --- \|\n\| 2024-03-05 14:04 \|/,
    );
    const doc = analyzeText(out);
    assert.equal(doc.timeline.entries.length, 2);
    assert.deepEqual(
      doc.timeline.entries.map((e) => e.time),
      [PAGE.instant, CHAT.instant],
    );
  });

  it('escapes pipes, folds line breaks and softens words that would read as milestone markers', () => {
    const odd: ImportedRow = { ...CHAT, text: 'a | b\nRESOLVED now (fixed), the outage ended', sourceId: 'slack:C1/2' };
    const [added] = planMerge(read('postmortem.md'), [odd]).added;
    assert.match(added.line, /a \\\| b Resolved now – fixed –, the outage \u200bended/);
    const doc = analyzeText(merged(read('postmortem.md'), [odd]));
    assert.deepEqual(doc.timeline.entries.find((e) => e.text.includes('a | b'))?.markers, []);
  });

  it('leaves no new problem in any fixture after a merge', () => {
    for (const name of [
      'postmortem.md',
      'merge/zoned-with-columns.md',
      'merge/newest-first.md',
      'merge/list-timeline.md',
      'merge/no-timeline.md',
      'merge/unzoned.md',
    ]) {
      const text = read(name);
      const before = problems(text);
      const after = problems(merged(text, [PAGE, ACK, CHAT, RESOLVE]));
      const added = after.filter((p) => !before.includes(p));
      assert.deepEqual(added, [], name);
    }
  });
});

describe('planImport', () => {
  it('redacts emails and tokens in the imported text and counts them', () => {
    const rows: ImportedRow[] = [
      { ...CHAT, text: 'mail ops@example.com or use xoxb-1234567890-abcdefghij', actor: 'bot@example.com' },
    ];
    const plan = planImport(read('postmortem.md'), { rows, notes: [] });
    assert.equal(plan.redacted, 3);
    assert.match(plan.added[0].line, /\[email\]: mail \[email\] or use \[redacted\]/);
    assert.doesNotMatch(plan.added[0].line, /example\.com|xoxb/);
  });
});

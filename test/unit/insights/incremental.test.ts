/**
 * Reports made again after a save reuse what did not change (the cached analyses, the sort order of
 * files, the HTML of unchanged sections and charts); a report built that way must equal one built
 * from scratch over the same files.
 */
import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildReport, type ReportOptions } from '../../../server/src/core/insights/aggregate';
import { Collation } from '../../../server/src/core/insights/collation';
import { collectIncidents, IncidentCache, type Collected } from '../../../server/src/core/insights/collect';
import { ReportMemory } from '../../../server/src/core/insights/reportMemory';
import { reportBlocks, reportMarkdownHtml, wholeMarkdownHtml } from '../../../server/src/report/markdownHtml';
import { reportHtml } from '../../../server/src/report/reportHtml';
import { reportMarkdown } from '../../../server/src/report/reportMarkdown';

const FIXTURE = join(__dirname, '..', '..', 'fixtures', 'insights', 'incremental');
const OPTIONS: ReportOptions = {
  today: '2025-04-20',
  groupBy: 'service',
  minConfidence: 'high',
  staleAfterDays: 10,
  dueWithinDays: 7,
};

type Outputs = ReturnType<typeof outputs>;

/** The outputs of one report; with `memory`, built from what the reports before it remembered. */
function outputs(collected: Collected, memory?: ReportMemory) {
  const inputs = { slos: { checkout: { objective: 99.9, windowDays: 30 } } };
  const report = buildReport(collected.incidents, collected.skipped, OPTIONS, inputs, memory);
  return { json: JSON.stringify(report), markdown: reportMarkdown(report), html: reportHtml(report) };
}

/**
 * Runs `edit` on a copy of the fixture folder whose reports are cached and remembered, handing it a
 * report after a save (`update`), the report before any edit and the postmortem to change; the copy
 * is removed afterwards. The cold reports the tests compare with are made without that memory.
 */
function inCachedCopy(
  edit: (update: (file: string) => Outputs, before: Outputs, file: string, folder: string) => void,
): void {
  const folder = mkdtempSync(join(tmpdir(), 'hindsight-incremental-'));
  try {
    cpSync(FIXTURE, folder, { recursive: true });
    const cache = new IncidentCache([folder], { base: folder });
    const memory = new ReportMemory();
    const update = (file: string) => outputs(cache.update([file]), memory);
    edit(update, outputs(cache.refresh(), memory), join(folder, 'postmortems', '2025-02-14-login-latency.md'), folder);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

describe('a report built after an edit', () => {
  it('equals the report built cold over the edited folder', () => {
    inCachedCopy((update, before, file, folder) => {
      const edited = readFileSync(file, 'utf8')
        .replace('severity: SEV3', 'severity: SEV1')
        .replace('| @lee | 2025-03-01 | Open |', '| @lee | 2025-03-01 | Done |')
        .replace('## Action items', '- Queue depth was not watched during the rotation.\n\n## Action items');
      writeFileSync(file, edited);
      const incremental = update(file);
      const cold = outputs(collectIncidents([folder], { base: folder }));
      assert.notEqual(incremental.json, before.json, 'the edit changes the report');
      assert.equal(incremental.json, cold.json);
      assert.equal(incremental.markdown, cold.markdown);
      assert.equal(incremental.html, cold.html);
      assert.match(incremental.markdown, /SEV1/);
    });
  });
});

describe('reports built after saves that keep or change what recurs', () => {
  it('equal the cold report both when the groups can be reused and when they cannot', () => {
    inCachedCopy((update, before, file, folder) => {
      const original = readFileSync(file, 'utf8');
      const saves = [
        // Nothing that recurring groups read: the severity alone.
        original.replace('severity: SEV3', 'severity: SEV2'),
        // Then the title a group lists, and a service that now recurs with another postmortem's.
        original
          .replace('title: Slow logins during a certificate rotation', 'title: Slow logins after a rotation')
          .replace('services: [auth]', 'services: [auth, checkout]'),
      ];
      for (const text of saves) {
        writeFileSync(file, text);
        const incremental = update(file);
        const cold = outputs(collectIncidents([folder], { base: folder }));
        assert.notEqual(incremental.json, before.json, 'the save changes the report');
        assert.equal(incremental.json, cold.json);
        assert.equal(incremental.html, cold.html);
      }
      assert.match(update(file).json, /Slow logins after a rotation/);
    });
  });
});

describe('reports built after saves that move a postmortem between quarters or change its items', () => {
  it('equal the cold report after each save, in the quarter left and the quarter joined', () => {
    inCachedCopy((update, before, file, folder) => {
      const original = readFileSync(file, 'utf8');
      const saves = [
        // From 2025-Q1 to 2025-Q2: both quarters' figures change, the others stay.
        original.replace('date: 2025-02-14', 'date: 2025-04-02').replace(/2025-02-14 /g, '2025-04-02 '),
        // Back again, with an item now done and another due tomorrow: the reminders and the owners change.
        original.replace('| @lee | 2025-03-01 | Open |', '| @lee | 2025-04-21 | Open |'),
        original,
      ];
      const seen = new Set<string>();
      for (const text of saves) {
        writeFileSync(file, text);
        const incremental = update(file);
        const cold = outputs(collectIncidents([folder], { base: folder }));
        assert.equal(incremental.json, cold.json);
        assert.equal(incremental.html, cold.html);
        seen.add(incremental.json);
      }
      assert.equal(seen.size, 3, 'each save changes the report');
      assert.ok(seen.has(before.json), 'the original text gives the first report again');
    });
  });
});

describe('the report HTML, block by block', () => {
  const markdown = reportMarkdown(buildReport(collectIncidents([FIXTURE], { base: FIXTURE }).incidents, [], OPTIONS));

  it('is the HTML of the whole Markdown converted at once', () => {
    assert.ok((reportBlocks(markdown)?.length ?? 0) > 10, 'the report is split into blocks');
    assert.equal(reportMarkdownHtml(markdown), wholeMarkdownHtml(markdown));
    assert.equal(reportMarkdownHtml(markdown), wholeMarkdownHtml(markdown), 'and again, from remembered blocks');
  });

  it('keeps together what a blank line does not end: loose lists, lazy lines, indented code', () => {
    const cases = [
      '- one\n\n- two\n\nText after.\n',
      '- one\nlazy line\n\n- two\n',
      '1. first\n\n2. second\n\n| a |\n| --- |\n| 1 |\n',
      'Text.\n\n    code\n\nMore text.\n',
      '- item\n\n  more of the item\n\n> quoted\n\n> again\n\n## Heading\n\nLast.\n',
    ];
    for (const text of cases) {
      const blocks = reportBlocks(text);
      assert.ok(blocks, text);
      assert.equal(blocks.join('\n'), text, 'the blocks are the text, split at blank lines');
      assert.equal(reportMarkdownHtml(text), wholeMarkdownHtml(text), text);
    }
    assert.equal(reportBlocks(cases[0]!)!.length, 2, 'the loose list stays whole, the paragraph after it is apart');
  });

  it('converts whole a report where a definition could reach across sections', () => {
    const withDefinition = `${markdown}\n- [ref]: https://example.com\n\n## More\n\nSee [the note][ref].\n`;
    assert.equal(reportBlocks(withDefinition), undefined);
    assert.equal(reportMarkdownHtml(withDefinition), wholeMarkdownHtml(withDefinition));
    assert.match(reportMarkdownHtml(withDefinition), /href="https:\/\/example.com"/);
  });
});

describe('the collation that sorts report rows', () => {
  it('orders as localeCompare does, equal strings included', () => {
    const values = [
      'b.md',
      'B.md',
      'a-b.md',
      'a_b.md',
      'a.b.md',
      'é.md',
      'e.md',
      '2025-10-01',
      '2025-9-01',
      'Z',
      'b.md',
    ];
    const collation = new Collation(values);
    const signs = (compare: (a: string, b: string) => number) =>
      values.flatMap((a) => values.map((b) => Math.sign(compare(a, b))));
    assert.deepEqual(
      signs(collation.compare),
      signs((a, b) => a.localeCompare(b)),
    );
    assert.equal(collation.compare('not ranked', 'b.md'), 'not ranked'.localeCompare('b.md'));
  });

  it('sorts by several keys as localeCompare would, ranked or not', () => {
    const rows = [
      { day: '2025-02-01', file: 'b.md', line: 2 },
      { day: '2025-01-01', file: 'B.md', line: 1 },
      { day: '2025-02-01', file: 'a_b.md', line: 9 },
      { day: '2025-02-01', file: 'b.md', line: 1 },
      { day: '2025-01-01', file: 'a-b.md', line: 3 },
    ];
    const expected = [...rows].sort(
      (a, b) => a.day.localeCompare(b.day) || a.file.localeCompare(b.file) || a.line - b.line,
    );
    const byLine = (a: (typeof rows)[number], b: (typeof rows)[number]) => a.line - b.line;
    const ranked = new Collation(rows.flatMap((r) => [r.day, r.file]));
    assert.deepEqual(
      ranked.sorted(rows, (r) => [r.day, r.file], byLine),
      expected,
    );
    const unranked = new Collation(['2025-01-01']);
    assert.deepEqual(
      unranked.sorted(rows, (r) => [r.day, r.file], byLine),
      expected,
    );
  });

  it('is reused while it ranks every value, and made anew when one is new', () => {
    const first = Collation.covering(['a.md', 'b.md', 'c.md']);
    assert.equal(Collation.covering(['c.md', 'a.md']), first);
    assert.notEqual(Collation.covering(['a.md', 'd.md']), first);
  });
});

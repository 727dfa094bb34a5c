/** Ticket keys and states written back into real postmortems: the exact text that results. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { checkDocument } from '../../../server/src/core/check';
import { defaultConfig } from '../../../server/src/core/config/config';
import { applyEdits } from '../../../server/src/core/text/edits';
import { planExport } from '../../../server/src/trackers/plan';
import { escapeCell, splitRow } from '../../../server/src/trackers/tableColumn';
import type { TicketState } from '../../../server/src/trackers/types';
import { statusEdits, ticketEdits } from '../../../server/src/trackers/writeBack';

const FIXTURES = join(__dirname, '..', '..', 'fixtures', 'trackers', 'jira');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');

/** Creates PAY-100, PAY-101… for the items the plan would export, and returns the document with them written back. */
function exported(text: string): string {
  const doc = analyzeText(text);
  const created = planExport(doc, { file: 'pm.md' }).toCreate.map((item, n) => ({
    index: item.index,
    key: `PAY-${100 + n}`,
    url: `https://acme.atlassian.net/browse/PAY-${100 + n}`,
  }));
  return applyEdits(text, doc.lines, ticketEdits(doc, created));
}

function refreshed(text: string, states: [string, TicketState][]): string {
  const doc = analyzeText(text);
  return applyEdits(text, doc.lines, statusEdits(doc, new Map(states)));
}

describe('ticket write-back', () => {
  for (const name of ['postmortem-no-ticket', 'postmortem-ticket-column', 'postmortem-checkbox', 'postmortem-crlf']) {
    it(`${name}: writes each new key where the item is`, () => {
      assert.equal(exported(read(`${name}.md`)), read(`${name}.exported.md`));
    });
  }

  it('adds a Ticket column to an aligned table, padded, with the escaped pipe kept (no-ticket)', () => {
    const lines = read('postmortem-no-ticket.exported.md').split('\n');
    const table = lines.filter((l) => l.startsWith('|'));
    assert.equal(new Set(table.map((l) => l.length)).size, 1, 'every row the same width');
    assert.ok(table[3].includes('Alert on checkout error rate \\| by region'));
    assert.deepEqual(
      table.map((l) => splitRow(l).cells.length),
      [6, 6, 6, 6, 6],
    );
  });

  it('keeps CRLF endings and a compact delimiter row', () => {
    const out = read('postmortem-crlf.exported.md');
    assert.equal(out.split('\r\n').length, read('postmortem-crlf.md').split('\r\n').length);
    assert.doesNotMatch(out.replace(/\r\n/g, ''), /\n/);
    assert.ok(out.includes('|---|---|---|---|---|\r\n'));
  });

  it('fills an existing padded Ticket column, widening it and keeping alignment colons', () => {
    assert.equal(
      exported(read('postmortem-aligned-ticket.md')),
      [
        '# Cache stampede',
        '',
        '## Action items',
        '',
        '| Action                         | Owner | Status | Ticket                                               |',
        '| :----------------------------- | ----- | :----: | ---------------------------------------------------- |',
        '| Add jitter to cache expiry     | ana   | Open   | [PAY-100](https://acme.atlassian.net/browse/PAY-100) |',
        '| Split `a \\| b` keys by tenant  | bob   | Done   | PAY-3                                                |',
        '| Load-test the cold-cache path  | carol | Open   | [PAY-101](https://acme.atlassian.net/browse/PAY-101) |',
        '',
      ].join('\n'),
    );
  });

  it('exports nothing twice: the written document plans no creation', () => {
    for (const name of [
      'postmortem-no-ticket',
      'postmortem-ticket-column',
      'postmortem-checkbox',
      'postmortem-crlf',
      'postmortem-aligned-ticket',
    ]) {
      const plan = planExport(analyzeText(exported(read(`${name}.md`))), { file: 'pm.md' });
      assert.deepEqual(plan.toCreate, [], name);
    }
  });

  it('escapes pipes in cell values', () => {
    assert.equal(escapeCell('a | b \\| c'), 'a \\| b \\| c');
    assert.deepEqual(splitRow('| a \\| b | c |').cells.length, 2);
  });
});

describe('status write-back', () => {
  it("updates the Status column in the document's own words, and only where the state changed", () => {
    const text = read('postmortem-no-ticket.exported.md');
    const out = refreshed(text, [
      ['PAY-100', 'in-progress'],
      ['PAY-101', 'in-progress'],
      ['PAY-102', 'open'],
    ]);
    const rows = out.split('\n').filter((l) => l.startsWith('| ') && l.includes('PAY-'));
    assert.deepEqual(
      rows.map((r) => {
        const cell = splitRow(r).cells[4];
        return r.slice(cell.from, cell.to).trim();
      }),
      ['In progress', 'In progress', 'Open'],
    );
    assert.equal(
      new Set(
        out
          .split('\n')
          .filter((l) => l.startsWith('|'))
          .map((l) => l.length),
      ).size,
      1,
      'still aligned',
    );
  });

  it('ticks and unticks checkboxes', () => {
    const out = refreshed(read('postmortem-checkbox.exported.md'), [
      ['PAY-100', 'done'],
      ['PAY-101', 'in-progress'],
      ['PAY-12', 'open'],
    ]);
    assert.equal(
      out
        .split('\n')
        .filter((l) => /^\s*- \[/.test(l))
        .join('\n'),
      [
        '- [x] Cap the retry queue at 10k messages (owner: @dan, due 2025-04-02) ' +
          '[PAY-100](https://acme.atlassian.net/browse/PAY-100)',
        '- [ ] Add a dashboard for queue depth, per consumer group,',
        '- [ ] Write the incident summary PAY-12',
      ].join('\n'),
    );
  });

  it('adds a Status column where the table has none, keeping CRLF', () => {
    const text =
      '## Action items\r\n\r\n| Action | Ticket |\r\n| --- | --- |\r\n| Fix DNS | PAY-1 |\r\n| Fix TLS | PAY-2 |\r\n';
    assert.equal(
      refreshed(text, [['PAY-1', 'done']]),
      '## Action items\r\n\r\n| Action | Ticket | Status |\r\n| --- | --- | --- |\r\n' +
        '| Fix DNS | PAY-1 | Done |\r\n| Fix TLS | PAY-2 |  |\r\n',
    );
  });

  it('feeds actions/overdue: a ticket done in the tracker is no longer overdue', () => {
    const text = read('postmortem-ticket-column.md');
    const overdue = (t: string) =>
      checkDocument(analyzeText(t), { config: defaultConfig(), error: undefined }, { today: '2025-06-01' }).filter(
        (p) => p.code === 'actions/overdue',
      ).length;
    assert.equal(overdue(text), 3);
    assert.equal(overdue(refreshed(text, [['PAY-7', 'done']])), 2);
  });
});

/**
 * The Markdown (and so HTML) report stays readable, and fast to render, on a large repository: long
 * lists are cut with a count of what was left out, while the JSON keeps every entry.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildReport } from '../../../server/src/core/insights/aggregate';
import { collectIncidents } from '../../../server/src/core/insights/collect';
import type { IncidentRecord } from '../../../server/src/core/insights/model';
import { SHOWN_PER_LIST, SHOWN_ROWS, reportMarkdown } from '../../../server/src/report/reportMarkdown';

const ROOT = join(__dirname, '..', '..', '..');
const { incidents } = collectIncidents(['test/fixtures/insights/tree'], { base: ROOT });
const draft = incidents.find((i) => i.status === 'draft' && i.file.endsWith('web-login.md'))!;

/** 40 copies of the web-login draft: 40 stale drafts, a recurring service of 40 postmortems. */
const copies: IncidentRecord[] = Array.from({ length: 40 }, (_, n) => ({ ...draft, file: `pm/copy-${n}.md` }));
const report = buildReport(copies, [], {
  today: '2025-07-01',
  groupBy: 'severity',
  minConfidence: 'high',
  staleAfterDays: 10,
  dueWithinDays: 7,
});

describe('a long report', () => {
  it('keeps every entry in the figures', () => {
    assert.equal(report.stale.length, 40);
    assert.equal(report.recurring.services[0]!.postmortems.length, 40);
  });

  it('shows the first rows of the stale table and the first postmortems of a group, and says how many more', () => {
    const markdown = reportMarkdown(report);
    const staleRows = markdown.split('\n').filter((line) => /^\| 50 \| draft \|/.test(line));
    assert.equal(staleRows.length, SHOWN_ROWS);
    assert.match(markdown, new RegExp(`… and ${40 - SHOWN_ROWS} more \\(all in \`--format json\`\\)`));
    const web = markdown.split('\n').find((line) => line.startsWith('- **web**: 40 postmortems'))!;
    assert.equal(web.match(/\]\(pm\/copy-/g)?.length, SHOWN_PER_LIST);
    assert.match(web, new RegExp(`… and ${40 - SHOWN_PER_LIST} more`));
  });
});

/**
 * The report's figures over test/fixtures/insights/tree, against the values worked out by hand in
 * test/fixtures/insights/NOTES.md.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { buildReport, type DurationStats, type ReportOptions } from '../../../server/src/core/insights/aggregate';
import { collectIncidents } from '../../../server/src/core/insights/collect';

const ROOT = join(__dirname, '..', '..', '..');
const TREE = 'test/fixtures/insights/tree';
const collected = collectIncidents([TREE], { base: ROOT });
const OPTIONS: ReportOptions = {
  today: '2025-07-01',
  groupBy: 'service',
  minConfidence: 'high',
  staleAfterDays: 10,
  dueWithinDays: 7,
};
const report = (options: Partial<ReportOptions> = {}) =>
  buildReport(collected.incidents, collected.skipped, { ...OPTIONS, ...options });
const name = (file: string) => file.split('/').pop();
const stats = (s: DurationStats) => ({ median: s.median, p90: s.p90, count: s.count });

describe('insights over a fixture tree', () => {
  it('reports unreadable and undated files as skipped and carries on', () => {
    assert.equal(collected.incidents.length, 6);
    assert.deepEqual(
      collected.skipped.map((s) => name(s.file)),
      ['2025-06-01-broken-frontmatter.md', 'undated-postmortem.md'],
    );
    assert.match(collected.skipped[0]!.reason, /frontmatter unreadable/);
    assert.match(collected.skipped[1]!.reason, /no incident date/);
  });

  it('counts incidents per quarter by severity and service', () => {
    const r = report();
    assert.deepEqual(
      r.incidents.map((p) => [p.period, p.total]),
      [
        ['2025-Q1', 3],
        ['2025-Q2', 3],
      ],
    );
    assert.deepEqual(r.incidents[0]!.bySeverity, { SEV1: 1, SEV2: 2 });
    assert.deepEqual(r.incidents[0]!.byService, { api: 2, db: 2 });
  });

  it('gives medians and 90th percentiles of high-confidence durations, counting what it left out', () => {
    const r = report();
    const all = r.durations.overall;
    assert.deepEqual(stats(all.ttd), { median: 10, p90: 32, count: 5 });
    assert.deepEqual(stats(all.tta), { median: 21, p90: 40.5, count: 4 });
    assert.deepEqual(stats(all.ttm), { median: 50, p90: 102, count: 4 });
    assert.deepEqual(stats(all.ttr), { median: 90, p90: 192, count: 5 });
    assert.deepEqual(r.durations.leftOut.ttd, { belowConfidence: 1, missing: 0 });
    assert.deepEqual(r.durations.leftOut.tta, { belowConfidence: 1, missing: 1 });
    const q2 = r.durations.byPeriod.find((p) => p.period === '2025-Q2')!.metrics.ttd;
    assert.deepEqual([q2.median, q2.p90], [21.5, 36.3]);
    const api = r.durations.byGroup.find((g) => g.group === 'api')!.metrics.ttd;
    assert.deepEqual([api.median, api.p90], [20, 36]);
    assert.equal(r.durations.byGroup.find((g) => g.group === 'db')!.metrics.ttd.median, 15);
  });

  it('counts low-confidence milestones when asked to', () => {
    const r = report({ minConfidence: 'low', groupBy: 'quarter' });
    const ttd = r.durations.byGroup.flatMap((g) => [g.metrics.ttd]);
    assert.deepEqual(
      ttd.map((s) => s.count),
      [3, 3],
    );
    const all = r.durations.overall;
    assert.deepEqual([all.ttd.median, all.ttd.p90, all.ttd.count], [15, 35, 6]);
    assert.equal(r.durations.leftOut.ttd.belowConfidence, 0);
  });

  it('follows action items through: completion, overdue, ages and owners', () => {
    const items = report().actionItems;
    assert.deepEqual([items.total, items.done, items.open, items.overdue, items.untracked], [8, 4, 4, 2, 1]);
    assert.equal(items.completionRate, 0.5);
    assert.equal(items.medianOpenAgeDays, 97.5);
    assert.deepEqual(
      items.byPeriod.map((p) => [p.period, p.total, p.done]),
      [
        ['2025-Q1', 5, 3],
        ['2025-Q2', 3, 1],
      ],
    );
    const owners = Object.fromEntries(
      items.byOwner.map((o) => [o.owner, [o.total, o.done, o.overdue, o.completionRate]]),
    );
    assert.deepEqual(owners, { '@ana': [4, 3, 0, 0.75], '@ben': [3, 1, 2, 1 / 3], '@cy': [1, 0, 0, 0] });
    const oldest = items.oldestOpen[0]!;
    assert.deepEqual([name(oldest.file), oldest.line, oldest.ageDays], ['2025-01-10-api-errors.md', 32, 172]);
  });

  it('lists drafts and reviews past the age given, oldest first', () => {
    assert.deepEqual(
      report().stale.map((s) => [name(s.file), s.status, s.ageDays]),
      [
        ['2025-04-05-api-outage.md', 'in-review', 87],
        ['2025-05-12-web-login.md', 'draft', 50],
      ],
    );
    assert.equal(report({ staleAfterDays: 60 }).stale.length, 1);
  });

  it('lists items due soon or overdue by owner', () => {
    const due = report().dueSoon;
    assert.equal(due.overdue, 2);
    const byOwner = due.byOwner.map((o) => [o.owner, o.items.map((i) => i.daysLeft)]);
    assert.deepEqual(byOwner, [
      ['@ana', [4]],
      ['@ben', [-122, -30]],
    ]);
    assert.deepEqual(report({ today: '2025-02-15' }).dueSoon.byOwner, []);
  });

  it('keeps only incidents within --since and --until', () => {
    const r = report({ since: '2025-02-20', until: '2025-04-05' });
    assert.equal(r.postmortems, 3);
    assert.deepEqual(
      r.incidents.map((p) => [p.period, p.total]),
      [
        ['2025-Q1', 2],
        ['2025-Q2', 1],
      ],
    );
  });
});

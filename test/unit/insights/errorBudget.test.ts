/**
 * Error budgets over test/fixtures/insights/tree and its `.hindsight.json`, against the burn worked
 * out by hand in test/fixtures/insights/NOTES.md; and the objectives' configuration on its own.
 */
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import Ajv from 'ajv';
import { readFileSync } from 'node:fs';
import { validateSlos } from '../../../server/src/core/config/slos';
import { collectIncidents } from '../../../server/src/core/insights/collect';
import { errorBudgets, impactWindow } from '../../../server/src/core/insights/errorBudget';
import type { IncidentRecord } from '../../../server/src/core/insights/model';

const ROOT = join(__dirname, '..', '..', '..');
const collected = collectIncidents(['test/fixtures/insights/tree'], { base: ROOT });
const slug = (file: string) =>
  file
    .split('/')
    .pop()!
    .replace(/^\d{4}-\d{2}-\d{2}-|\.md$/g, '');
const budgets = (today: string, thresholdPercent?: number) =>
  errorBudgets(collected.incidents, collected.slos, { today, minConfidence: 'high', thresholdPercent });

describe('error budgets', () => {
  it('reads the objectives from the tree configuration', () => {
    assert.deepEqual(collected.slos, {
      api: { objective: 99.5, windowDays: 30 },
      db: { objective: 99.9, windowDays: 28 },
    });
  });

  it('gives each incident its burn against the SLO budget and the four-week policy budget', () => {
    const { policy, services } = budgets('2025-04-20');
    assert.deepEqual(policy, { windowDays: 28, thresholdPercent: 20 });
    const rows = services.flatMap((s) =>
      s.incidents.map((i) => [
        s.service,
        slug(i.file),
        i.minutes,
        i.window,
        i.percentOfBudget,
        i.percentOfPolicyBudget,
        i.crossesPolicy,
      ]),
    );
    assert.deepEqual(rows, [
      ['api', 'api-errors', 40, 'ttm', 18.52, 19.84, false],
      ['api', 'db-failover', 60, 'ttm', 27.78, 29.76, true],
      ['api', 'api-outage', 120, 'ttm', 55.56, 59.52, true],
      ['db', 'db-failover', 60, 'ttm', 148.81, 148.81, true],
      ['db', 'db-disk', 30, 'ttm', 74.4, 74.4, true],
    ]);
  });

  it('sums the burn inside the window that ends on the report day', () => {
    const [api, db] = budgets('2025-04-20').services;
    assert.deepEqual([api!.budgetMinutes, api!.burnedInWindowMinutes, api!.burnedInWindowPercent], [216, 120, 55.56]);
    assert.deepEqual([db!.budgetMinutes, db!.burnedInWindowMinutes, db!.burnedInWindowPercent], [40.32, 0, 0]);
  });

  it('applies the threshold asked for', () => {
    const api = budgets('2025-04-20', 25).services[0]!;
    assert.deepEqual(
      api.incidents.map((i) => i.crossesPolicy),
      [false, true, true],
    );
  });

  it('prefers the impact milestones, then mitigation, then resolution, at the confidence asked', () => {
    const base = collected.incidents[0]!;
    const withDurations = (durations: IncidentRecord['durations']): IncidentRecord => ({ ...base, durations });
    const impact = withDurations([
      { metric: 'impact', minutes: 25, confidence: 'marked' },
      { metric: 'ttm', minutes: 40, confidence: 'marked' },
    ]);
    assert.deepEqual(impactWindow(impact, 'high'), { minutes: 25, window: 'impact' });
    const vague = withDurations([
      { metric: 'impact', minutes: 25, confidence: 'low' },
      { metric: 'ttr', minutes: 90, confidence: 'high' },
    ]);
    assert.deepEqual(impactWindow(vague, 'high'), { minutes: 90, window: 'ttr' });
    assert.deepEqual(impactWindow(vague, 'low'), { minutes: 25, window: 'impact' });
    assert.equal(impactWindow(withDurations([]), 'low'), undefined);
  });
});

describe('objectives in the configuration', () => {
  it('defaults the window to 30 days and reads weeks', () => {
    assert.deepEqual(validateSlos({ a: { objective: 99 }, b: { objective: 99.99, window: '2w' } }), {
      a: { objective: 99, windowDays: 30 },
      b: { objective: 99.99, windowDays: 14 },
    });
  });

  it('refuses an objective that is not a percentage or a window that is not a span', () => {
    assert.throws(() => validateSlos({ api: { objective: 100 } }), /slos\.api\.objective must be a percentage/);
    assert.throws(() => validateSlos({ api: { objective: '99.9' } }), /slos\.api\.objective/);
    assert.throws(
      () => validateSlos({ api: { objective: 99.9, window: 'monthly' } }),
      /slos\.api\.window must be days/,
    );
    assert.throws(() => validateSlos([]), /"slos" must map service names/);
  });

  it('a configuration with a bad objective is named, and its folder still reported without a budget', () => {
    const bad = collectIncidents(['test/fixtures/insights/bad-slo'], { base: ROOT });
    assert.equal(bad.incidents.length, 1);
    assert.deepEqual(bad.slos, {});
    assert.equal(bad.configErrors.length, 1);
    assert.match(bad.configErrors[0]!.message, /slos\.api\.objective must be a percentage/);
  });

  it('is described by the JSON Schema', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'schemas', 'hindsight.schema.json'), 'utf8'));
    const validate = new Ajv({ allErrors: true, strictTuples: false }).compile(schema);
    assert.ok(validate({ slos: { checkout: { objective: 99.9, window: '30d' } } }), JSON.stringify(validate.errors));
    assert.equal(validate({ slos: { checkout: { objective: 101 } } }), false);
    assert.equal(validate({ slos: { checkout: { window: '30d' } } }), false);
    assert.equal(validate({ slos: { checkout: { objective: 99.9, window: 'monthly' } } }), false);
  });
});

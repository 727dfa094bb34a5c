import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeMetrics } from '../../../server/src/core/metrics/durations';
import type { Milestone, MilestoneKind, Milestones } from '../../../server/src/core/model';

const at = (kind: MilestoneKind, iso: string, dayOnly = false): Milestone => ({
  kind,
  time: Date.parse(iso),
  source: 'wording',
  line: 0,
  range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
  evidence: kind,
  confidence: 'high',
  features: [],
  ...(dayOnly ? { dayOnly: true } : {}),
});

function milestones(started: Milestone | undefined): Milestones {
  return {
    started,
    detected: at('detected', '2025-03-20T10:00:00Z'),
    acknowledged: undefined,
    mitigated: undefined,
    resolved: at('resolved', '2025-03-20T12:30:00Z'),
    impactStart: undefined,
    impactEnd: undefined,
  };
}

describe('durations from a start given as a day', () => {
  it('counts from a timed start', () => {
    const metrics = computeMetrics(milestones(at('started', '2025-03-20T09:30:00Z')));
    assert.equal(metrics.ttr.minutes, 180);
    assert.equal(metrics.ttr.definition.from, 'started');
  });

  it("never counts from a day's midnight: it measures from the first timed milestone, and says so", () => {
    const metrics = computeMetrics(milestones(at('started', '2025-03-02T00:00:00Z', true)));
    assert.equal(metrics.ttr.minutes, 150);
    assert.equal(metrics.ttr.definition.from, 'detected');
    assert.equal(metrics.ttd.minutes, undefined);
  });
});

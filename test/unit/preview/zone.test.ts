/**
 * The drawn timeline is on the document's clock (server/src/preview/timeline-svg.ts, zoneClock.ts): the times its
 * authors wrote, the zone named on the axis, UTC in the tooltips.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { documentClock, wallLabel } from '../../../server/src/preview/zoneClock';
import { parse, render } from './helpers';

const text = (e: Element | null | undefined) => e?.textContent?.trim();
const svgOf = (name: string) => parse(render(name)).querySelector('svg.hs-timeline-svg')!;

describe("preview: the timeline in the document's zone", () => {
  it('names the zone on the axis as the authors wrote it', () => {
    const svg = svgOf('cest-rollout.md');
    assert.equal(text(svg.querySelector('.hs-axis-zone')), 'times in CEST');
    assert.equal(svg.getAttribute('aria-label'), 'Timeline, times in CEST');
  });

  it('labels milestones and ticks with the written times, and gives UTC in the tooltip', () => {
    const svg = svgOf('cest-rollout.md');
    assert.equal(text(svg.querySelector('[data-kind="detected"] .hs-milestone-label')), 'detected 11:17');
    assert.match(
      text(svg.querySelector('[data-kind="detected"] title'))!,
      /^detected: 2025-06-11 11:17 CEST \(2025-06-11 09:17 UTC\)/,
    );
    const ticks = [...svg.querySelectorAll('.hs-tick-label')].map(text);
    assert.ok(ticks.includes('11:30') && ticks.includes('12:00'), ticks.join(' '));
  });

  it('puts ticks on round times of a half-hour zone', () => {
    const svg = svgOf('ist-failover.md');
    assert.equal(text(svg.querySelector('.hs-axis-zone')), 'times in IST');
    const ticks = [...svg.querySelectorAll('.hs-tick-label')].map(text);
    assert.ok(ticks.length >= 2 && ticks.every((t) => /:(00|30)$/.test(t!)), ticks.join(' '));
    assert.equal(text(svg.querySelector('[data-kind="started"] .hs-milestone-label')), 'started 14:05');
  });

  it('stays in UTC for a UTC document', () => {
    const svg = svgOf('checkout-outage.md');
    assert.equal(text(svg.querySelector('.hs-axis-zone')), 'times in UTC');
    assert.match(text(svg.querySelector('[data-kind="detected"] title'))!, /^detected: 2025-04-14 09:06 UTC,/);
  });

  it("follows a region's daylight saving time", () => {
    const body =
      '## Timeline\n\nAll times Europe/Berlin.\n\n- 2025-01-10 10:00 deploy [started]\n- 2025-01-10 10:20 [resolved]\n';
    const clock = documentClock(analyzeText(`---\ntype: postmortem\n---\n\n${body}`, 'file:///w/postmortems/a.md'));
    assert.equal(clock.name, 'Europe/Berlin');
    assert.equal(wallLabel(Date.UTC(2025, 0, 10, 9, 0), clock), '2025-01-10 10:00');
    assert.equal(wallLabel(Date.UTC(2025, 6, 10, 9, 0), clock), '2025-07-10 11:00');
  });
});

import type { Rule } from '../rule';

const ORDER = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];

const rule: Rule = {
  id: 'frontmatter/milestone-order',
  level: 'warning',
  description:
    'Frontmatter milestone timestamps are not in order (started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved; ' +
    'impact start ≤ impact end).',
  rationale:
    'A detection before the start, or a resolution before the mitigation, ' +
    'gives negative or impossible durations and is nearly always a typo in a date or a zone.',
  example: {
    flagged: 'detected: 2025-03-04T14:11:00Z\nstarted: 2025-03-04T14:20:00Z',
    better: 'started: 2025-03-04T14:02:00Z\ndetected: 2025-03-04T14:11:00Z',
  },
  check: ({ doc }) => {
    const given = doc.frontmatter
      ? ORDER.map((key) => ({ key, milestone: doc.milestones[key as 'started'] })).filter(
          (m) => m.milestone?.source === 'frontmatter',
        )
      : [];
    const findings = [];
    for (let i = 1; i < given.length; i++) {
      const before = given.slice(0, i).find((b) => b.milestone!.time > given[i].milestone!.time);
      if (before)
        findings.push({
          range: given[i].milestone!.range,
          message: `\`${given[i].key}\` is earlier than \`${before.key}\`; check the date and zone of both.`,
        });
    }
    const start = doc.milestones.impactStart;
    const end = doc.milestones.impactEnd;
    if (start?.source === 'frontmatter' && end?.source === 'frontmatter' && end.time < start.time)
      findings.push({
        range: end.range,
        message: '`impact_end` is earlier than `impact_start`; check the date and zone of both.',
      });
    return findings;
  },
};
export default rule;

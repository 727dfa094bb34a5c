import type { Rule } from '../rule';
import { documentAnchor, frontmatterString } from '../util';

const rule: Rule = {
  id: 'actions/required-type',
  level: 'warning',
  description:
    'A severe incident has no action item of a required type ' +
    '(by default SEV0 and SEV1 need one that prevents recurrence).',
  rationale:
    'Mitigation items stop the bleeding; only "prevent" items stop the next one. ' +
    'For the most severe incidents at least one action item must be of the types the configuration requires ' +
    '(a Type column with mitigate, prevent, process…).',
  example: {
    flagged: '| Restart the workers | @ops | 2025-07-01 | done | | mitigate |',
    better: '| Cap the scale-down job to its own pool | @ops | 2025-07-15 | open | | prevent |',
  },
  check: ({ doc, config }) => {
    const severity = frontmatterString(doc, 'severity')?.toUpperCase();
    const required = severity ? (config.severityRequirements[severity]?.actionTypes ?? []) : [];
    if (required.length === 0 || doc.actionItems.length === 0) return [];
    const types = new Set(doc.actionItems.map((i) => i.type?.text.toLowerCase().trim()).filter(Boolean));
    const missing = required.filter((t) => !types.has(t.toLowerCase()));
    if (missing.length === 0) return [];
    const section = doc.sections.find((s) => s.kinds.includes('action-items'));
    return [
      {
        range: section?.headingRange ?? documentAnchor(doc),
        message:
          `A ${severity} postmortem needs at least one action item of type ` +
          `${missing.map((t) => `"${t}"`).join(' and ')} (a Type column on the action-items table).`,
      },
    ];
  },
};
export default rule;

import type { Rule } from '../rule';

const rule: Rule = {
  id: 'actions/missing-owner',
  level: 'warning',
  description: 'An action item has no owner.',
  rationale: 'An action item without an owner is an action item nobody does. Name one person or team who will see it through.',
  example: { flagged: '| Add zone-file validation | | 2025-07-01 | open |', better: '| Add zone-file validation | @marc | 2025-07-01 | open |' },
  check: ({ doc }) =>
    doc.actionItems.filter((item) => !item.owner?.text).map((item) => ({ range: item.owner?.range ?? item.action.range, message: `"${item.action.text.slice(0, 60)}" has no owner: name the person or team who will see it through.` })),
};
export default rule;

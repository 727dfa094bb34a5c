import type { Rule } from '../rule';

const rule: Rule = {
  id: 'actions/missing-due-date',
  level: 'warning',
  description: 'An open action item has no due date.',
  rationale: 'Without a date an action item drifts behind newer work. A due date makes it possible to follow up at 30, 60 and 90 days and to see what is overdue.',
  example: { flagged: '| Add zone-file validation | @marc | | open |', better: '| Add zone-file validation | @marc | 2025-07-01 | open |' },
  check: ({ doc }) =>
    doc.actionItems
      .filter((item) => item.state !== 'done' && !item.due?.text)
      .map((item) => ({ range: item.due?.range ?? item.action.range, message: `"${item.action.text.slice(0, 60)}" has no due date: add one (YYYY-MM-DD) so it can be followed up.` })),
};
export default rule;

import type { Rule } from '../rule';

const rule: Rule = {
  id: 'actions/missing-status',
  level: 'warning',
  description: 'An action item has no status.',
  rationale: 'A status (open, in progress, done) tells readers which follow-ups are still owed, and lets overdue items be found. A checkbox counts as a status.',
  example: { flagged: '| Alert on SERVFAIL rate | @ops | 2025-07-15 | |', better: '| Alert on SERVFAIL rate | @ops | 2025-07-15 | open |' },
  fixable: true,
  check: ({ doc }) =>
    doc.actionItems
      .filter((item) => item.origin !== 'checkbox' && !item.status?.text)
      .map((item) => ({
        range: item.status?.range ?? item.action.range,
        message: `"${item.action.text.slice(0, 60)}" has no status: write open, in progress or done.`,
        fixes: item.status && item.status.range.start.character === item.status.range.end.character ? [{ title: 'Set the status to "open"', edits: [{ range: item.status.range, newText: 'open' }] }] : [],
      })),
};
export default rule;

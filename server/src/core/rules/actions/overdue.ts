import type { Rule } from '../rule';
import { quoteItem } from './quote';

const rule: Rule = {
  id: 'actions/overdue',
  level: 'warning',
  description: 'An action item that is not done is past its due date.',
  rationale:
    'Overdue follow-ups are how the same incident happens twice. ' +
    'The check compares the due date with today; refresh statuses from the tracker first if they live there.',
  example: {
    flagged: '| Add canary stage | @dana | 2024-04-01 | open |  (today: 2024-05-01)',
    better: '| Add canary stage | @dana | 2024-06-01 | in progress |',
  },
  check: ({ doc, today }) =>
    doc.actionItems
      .filter((item) => item.state !== 'done' && item.dueDate !== undefined && item.dueDate < today)
      .map((item) => ({
        range: item.due?.range ?? item.action.range,
        message:
          `${quoteItem(item.action.text)} was due on ${item.dueDate} and is ` +
          `${item.status?.text ? `still "${item.status.text}"` : 'not marked done'}.`,
      })),
};
export default rule;

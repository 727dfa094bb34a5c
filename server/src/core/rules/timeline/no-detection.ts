import type { Rule } from '../rule';
import { missingMilestone } from './missing-milestone';

const rule: Rule = {
  id: 'timeline/no-detection',
  level: 'warning',
  description: 'The timeline does not say when the problem was detected.',
  rationale:
    'Time to detect is the first thing to improve after most incidents, and it cannot be measured without a ' +
    'detection time. Mark the entry where the problem was first noticed (an alert, a report), for ' +
    'example with `[detected]`, or add `detected:` to the frontmatter. When no row is marked but one ' +
    'comes close in its wording, the finding is an information on that row instead of a warning, and the ' +
    'quick fix on that row, "Mark as detected" settles it.',
  example: { flagged: '- 14:51 Checkout latency rises', better: '- 14:51 Alert fires for checkout latency [detected]' },
  check: ({ doc }) =>
    missingMilestone(
      doc,
      'detected',
      'No entry says when the problem was detected: mark it (for example "[detected]") or add `detected:` to ' +
        'the frontmatter, so time to detect can be measured.',
    ),
};
export default rule;

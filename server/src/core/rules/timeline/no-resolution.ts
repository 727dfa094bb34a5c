import type { Rule } from '../rule';
import { missingMilestone } from './missing-milestone';

const rule: Rule = {
  id: 'timeline/no-resolution',
  level: 'warning',
  description: 'The timeline does not say when the incident was resolved.',
  rationale:
    'Without a resolution time there is no time to resolve, and readers cannot tell whether the timeline is ' +
    'complete. Mark the entry where service was fully back (for example `[resolved]`), or add ' +
    '`resolved:` to the frontmatter. When no row is marked but one comes close in its wording, the ' +
    'finding is an information on that row instead of a warning, and the quick fix on that row, "Mark as ' +
    'resolved" settles it.',
  example: {
    flagged: '- 15:20 Verified all regions',
    better: '- 15:20 All regions healthy, incident resolved [resolved]',
  },
  check: ({ doc }) =>
    missingMilestone(
      doc,
      'resolved',
      'No entry says when the incident was resolved: mark it (for example "[resolved]") or add `resolved:` ' +
        'to the frontmatter, so time to resolve can be measured.',
    ),
};
export default rule;

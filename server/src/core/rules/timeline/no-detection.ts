import type { Rule } from '../rule';
import { documentAnchor } from '../util';

const rule: Rule = {
  id: 'timeline/no-detection',
  level: 'warning',
  description: 'The timeline does not say when the problem was detected.',
  rationale:
    'Time to detect is the first thing to improve after most incidents, and it cannot be measured without a detection time. Mark the entry where the problem was first noticed (an alert, a report), for example with `[detected]`, or add `detected:` to the frontmatter.',
  example: { flagged: '- 14:51 Checkout latency rises', better: '- 14:51 Alert fires for checkout latency [detected]' },
  check: ({ doc }) => {
    const timed = doc.timeline.entries.filter((e) => e.time !== undefined && e.hasTimeOfDay);
    if (timed.length < 2 || doc.milestones.detected) return [];
    const section = doc.timeline.sections[0];
    return [{ range: section?.headingRange ?? timed[0].range ?? documentAnchor(doc), message: 'No entry says when the problem was detected: mark it (for example "[detected]") or add `detected:` to the frontmatter, so time to detect can be measured.' }];
  },
};
export default rule;

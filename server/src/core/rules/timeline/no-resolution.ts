import type { Rule } from '../rule';
import { documentAnchor } from '../util';

const rule: Rule = {
  id: 'timeline/no-resolution',
  level: 'warning',
  description: 'The timeline does not say when the incident was resolved.',
  rationale:
    'Without a resolution time there is no time to resolve, and readers cannot tell whether the timeline is complete. Mark the entry where service was fully back (for example `[resolved]`), or add `resolved:` to the frontmatter.',
  example: { flagged: '- 15:20 Verified all regions', better: '- 15:20 All regions healthy, incident resolved [resolved]' },
  check: ({ doc }) => {
    const timed = doc.timeline.entries.filter((e) => e.time !== undefined && e.hasTimeOfDay);
    if (timed.length < 2 || doc.milestones.resolved) return [];
    const section = doc.timeline.sections[0];
    return [{ range: section?.headingRange ?? timed[timed.length - 1].range ?? documentAnchor(doc), message: 'No entry says when the incident was resolved: mark it (for example "[resolved]") or add `resolved:` to the frontmatter, so time to resolve can be measured.' }];
  },
};
export default rule;

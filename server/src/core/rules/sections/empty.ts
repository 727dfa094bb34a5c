import type { Rule } from '../rule';
import { frontmatterString } from '../util';
import { requirementsFor, sectionFor } from './template';

const rule: Rule = {
  id: 'sections/empty',
  level: 'warning',
  description: 'A required section has a heading but nothing under it (a template prompt in a comment does not count).',
  rationale:
    'An empty heading looks complete in an outline and in review, which is worse than a missing one. Required sections are checked always; once a postmortem is in review or published, every empty section is reported.',
  example: { flagged: '## Where we got lucky\n\n<!-- What went our way? -->', better: '## Where we got lucky\n\nThe change went out at low traffic.' },
  check: (ctx) => {
    const { doc } = ctx;
    const required = new Set(requirementsFor(ctx).map((r) => sectionFor(doc, r)).filter(Boolean));
    const status = frontmatterString(doc, 'status')?.toLowerCase();
    const all = status === 'in-review' || status === 'published';
    return doc.sections
      .filter((s) => s.empty && s.depth > 1 && (required.has(s) || all))
      .map((s) => ({ range: s.headingRange, message: `"${s.heading}" is empty: write it, or remove the heading if the template does not need it.` }));
  },
};
export default rule;

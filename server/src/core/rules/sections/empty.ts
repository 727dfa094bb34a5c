import type { Rule } from '../rule';
import { frontmatterString } from '../util';
import { requirementsFor, sectionFor } from './template';

const REVIEWED = new Set(['in-review', 'published']);

const rule: Rule = {
  id: 'sections/empty',
  level: 'warning',
  description: 'A required section has a heading but nothing under it (a template prompt in a comment does not count).',
  rationale:
    'An empty heading looks complete in an outline and in review, which is worse than a missing one. ' +
    'Required sections are checked always; once a postmortem is in review or published, ' +
    'every empty section is reported. ' +
    'In a draft (status draft, or no status yet) an empty section is work still to do, ' +
    'so it is a hint until the document goes to review; ' +
    "`hindsight:strict` reports it at the rule's level in drafts too.",
  example: {
    flagged: '## Where we got lucky\n\n<!-- What went our way? -->',
    better: '## Where we got lucky\n\nThe change went out at low traffic.',
  },
  options: {
    hintInDrafts: {
      type: 'boolean',
      default: true,
      description: 'In a draft (status draft or none), report empty sections as hints.',
    },
  },
  check: (ctx) => {
    const { doc } = ctx;
    const required = new Set(
      requirementsFor(ctx)
        .map((r) => sectionFor(doc, r))
        .filter(Boolean),
    );
    const status = frontmatterString(doc, 'status')?.toLowerCase();
    const reviewed = status !== undefined && REVIEWED.has(status);
    const draft = status === undefined || status === '' || status === 'draft';
    return doc.sections
      .filter((s) => s.empty && s.depth > 1 && (required.has(s) || reviewed))
      .map((s) => ({
        range: s.headingRange,
        message: `"${s.heading}" is empty: write it, or remove the heading if the template does not need it.`,
        atMost: draft && ctx.options.hintInDrafts === true ? 'hint' : undefined,
      }));
  },
};
export default rule;

import type { Rule } from '../rule';
import { documentAnchor, frontmatterString } from '../util';
import { insertSection, requirementsFor, sectionFor, templateName } from './template';

const rule: Rule = {
  id: 'sections/missing',
  level: 'warning',
  description: "A section the postmortem's template (and severity) requires is missing.",
  rationale:
    'Skipped sections are where postmortems go wrong: no detection section, no one asks why detection took 40 minutes; no "where we got lucky", no one notices the near miss. The template is chosen with `template:` in the frontmatter (default: incident); severe incidents can require more (configurable). Headings are matched by meaning, so "Root cause & contributing factors" or "Follow-ups" count. The quick fix inserts the section where the template puts it.',
  example: { flagged: '## Timeline\n## Action items', better: '## Timeline\n## Detection\n<!-- How and when did we find out? -->\n## Action items' },
  fixable: true,
  check: (ctx) => {
    const { doc } = ctx;
    if (doc.sections.length === 0 && doc.lines.lineCount <= 1) return [];
    const requirements = requirementsFor(ctx);
    const template = templateName(ctx);
    const severity = frontmatterString(doc, 'severity');
    const anchor = documentAnchor(doc);
    return requirements
      .filter((r) => !sectionFor(doc, r))
      .map((r) => {
        const fromSeverity = !ctx.config.templates[template]?.sections.includes(r);
        return {
          range: anchor,
          message: `The ${template} template${fromSeverity && severity ? ` for ${severity.toUpperCase()}` : ''} expects a section "${r.heading}"${r.prompt ? `: ${r.prompt}` : '.'}`,
          fixes: [{ title: `Add the "${r.heading}" section`, edits: [insertSection(doc, requirements, r)] }],
        };
      });
  },
};
export default rule;

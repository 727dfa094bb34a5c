import type { RuleContext } from '../rule';
import type { Finding, Rule } from '../rule';
import { documentAnchor, frontmatterString } from '../util';
import { closestTemplate, essentialMet, essentialsFor, headingLike, isNarrative, type Essential } from './essentials';
import { insertSection, requirementsFor, sectionFor, templateName } from './template';

/** A document that names its template is held to all of it, one finding a missing section. */
function fromDeclaredTemplate(ctx: RuleContext): Finding[] {
  const { doc } = ctx;
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
        message:
          `The ${template} template${fromSeverity && severity ? ` for ${severity.toUpperCase()}` : ''} ` +
          `expects a section "${r.heading}"${r.prompt ? `: ${r.prompt}` : '.'}`,
        fixes: [{ title: `Add the "${r.heading}" section`, edits: [insertSection(doc, requirements, r)] }],
      };
    });
}

/** A document that never chose a template: only the essentials its closest template asks for, in one finding. */
function fromEssentials(ctx: RuleContext): Finding[] {
  const { doc } = ctx;
  const template = closestTemplate(ctx);
  const headings = headingLike(doc);
  const missing = essentialsFor(ctx, template).filter((e) => !essentialMet(doc, e, headings));
  if (missing.length === 0) return [];
  // Placed where the template it resembles puts them: the summary before the timeline, actions last.
  const order = ctx.config.templates[template]?.sections ?? [];
  const placed = (e: Essential) => order.find((r) => r.kinds.some((k) => e.kinds.includes(k))) ?? e.requirement;
  const requirements = [...order, ...missing.map(placed).filter((r) => !order.includes(r))];
  const names = missing.map((e) => e.name);
  const listed = names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
  const them = missing.length === 1 ? 'it' : 'them';
  return [
    {
      range: documentAnchor(doc),
      message:
        `This postmortem has no section for ${listed}; readers look for ${them} first. ` +
        '(Add `template:` to the frontmatter to check it against a whole template.)',
      // A narrative tells its story without section headings; the essentials may be there in prose.
      atMost: isNarrative(doc, headings) ? ('hint' as const) : undefined,
      fixes: missing.map((e) => ({
        title: `Add the "${placed(e).heading}" section`,
        edits: [insertSection(doc, requirements, placed(e))],
      })),
    },
  ];
}

const rule: Rule = {
  id: 'sections/missing',
  level: 'warning',
  description:
    "A section the postmortem's template (and severity) requires is missing; " +
    'without a declared template, only the essentials.',
  rationale:
    'Skipped sections are where postmortems go wrong: no timeline, no one asks why detection took 40 minutes; ' +
    'no contributing factors, the same failure returns. ' +
    'A postmortem that names its template (`template:` in the frontmatter) is held to every section of it, ' +
    'and severe incidents can require more (configurable). ' +
    'One that names none is held to the essentials any reader looks for ' +
    '(what happened or its impact, a timeline, the contributing factors or root cause, and action items), ' +
    'as far as the template it most resembles asks for them, in one finding ' +
    '(a hint, not a warning, on a narrative or notice that names no known section, where they may be in the prose); ' +
    '`hindsight:strict` holds it to the whole default template instead. ' +
    'Headings are matched by meaning, so "Root cause & contributing factors" or "Follow-ups" count. ' +
    'The quick fix inserts the section where the template puts it.',
  example: {
    flagged: '## Timeline\n## Action items',
    better: '## Summary\n## Timeline\n## Contributing factors\n## Action items',
  },
  options: {
    undeclaredTemplate: {
      type: 'string',
      default: 'essentials',
      description:
        'For a document that names no template: "essentials" ' +
        '(one finding listing the missing essentials) or "full" (every section of the default template).',
    },
  },
  fixable: true,
  check: (ctx) => {
    const { doc } = ctx;
    if (doc.sections.length === 0 && doc.lines.lineCount <= 1) return [];
    const declared = frontmatterString(doc, 'template')?.toLowerCase();
    if ((declared && ctx.config.templates[declared]) || ctx.options.undeclaredTemplate === 'full')
      return fromDeclaredTemplate(ctx);
    return fromEssentials(ctx);
  },
};
export default rule;

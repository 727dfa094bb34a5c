import type { Rule } from '../rule';
import { documentAnchor } from '../util';
import { adoptedFrontmatter } from './adopted';
import { newKeyLine, newKeyLineNumber } from '../../frontmatter/writing';

const rule: Rule = {
  id: 'frontmatter/missing-key',
  level: 'warning',
  description: 'A required frontmatter key is missing (by default title, date, severity, status and authors).',
  rationale:
    'The frontmatter is what indexes, dashboards and the exporters read: ' +
    'a postmortem without a severity or status cannot be found, counted or followed up. ' +
    'A draft may leave a required key blank; once in review or published, a blank counts as missing. ' +
    'A document whose frontmatter was not written for Hindsight (no `type: postmortem` or `template:`) ' +
    'is told so as a hint, unless `hindsight:strict` is in force. ' +
    'The required keys are configurable.',
  example: {
    flagged: '---\ntype: postmortem\ntitle: DNS outage\n---',
    better:
      '---\ntype: postmortem\ntitle: DNS outage\ndate: 2025-06-18\nseverity: SEV1\nstatus: draft\nauthors: [marc]\n---',
  },
  options: {
    hintUnlessAdopted: {
      type: 'boolean',
      default: true,
      description:
        'Report as a hint on a document whose frontmatter was not written for Hindsight ' +
        '(no `type: postmortem` or `template:`).',
    },
  },
  fixable: true,
  check: ({ doc, config, options }) => {
    const fm = doc.frontmatter;
    if (doc.problems.some((p) => p.code === 'frontmatter/yaml-error')) return [];
    // A draft may leave a key blank; once in review or published, a blank counts as missing.
    const status = String(fm?.data.status ?? '').toLowerCase();
    const strict = status === 'in-review' || status === 'published';
    const missing = config.frontmatter.required.filter((key) => {
      const aliases = key === 'authors' ? ['authors', 'author', 'owner', 'owners'] : [key];
      const present = aliases.filter((k) => fm?.fields.has(k));
      if (present.length === 0) return true;
      const value = fm?.data[present[0]];
      return (
        strict &&
        (value === undefined || value === null || value === '' || (Array.isArray(value) && value.length === 0))
      );
    });
    if (missing.length === 0) return [];
    // A page written before Hindsight (or by a site generator) is told once, quietly.
    const adopted = adoptedFrontmatter(doc);
    const insertAt = fm ? { line: newKeyLineNumber(fm, doc.lines.lines), character: 0 } : { line: 0, character: 0 };
    const lines = missing
      .filter((k) => !fm?.fields.has(k))
      .map((k) => newKeyLine(fm, k))
      .join('');
    const newText = fm ? lines : `---\ntype: postmortem\n${lines}---\n\n`;
    return [
      {
        // At the last key, just above where the missing ones would go.
        range: fm ? doc.lines.lineRange(Math.max(fm.range.start.line, fm.range.end.line - 1)) : documentAnchor(doc),
        message:
          `The frontmatter ${fm ? 'lacks' : 'is missing, and with it'} ` +
          `${missing.map((k) => `\`${k}\``).join(', ')}.`,
        atMost: options.hintUnlessAdopted === true && !adopted ? 'hint' : undefined,
        fixes: lines
          ? [
              {
                title: `Add ${missing.join(', ')} to the frontmatter`,
                edits: [{ range: { start: insertAt, end: insertAt }, newText }],
              },
            ]
          : [],
      },
    ];
  },
};
export default rule;

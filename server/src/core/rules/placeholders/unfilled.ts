import type { Rule } from '../rule';
import { frontmatterString, inCode } from '../util';

const PLACEHOLDER =
  /\b(?:TODO|TBD|TBC|FIXME|XXX)\b|\{\{[^}\n]*\}\}|<(?![!/])(?!(?:a|img|br|hr|div|span|p|details|summary|sup|sub|kbd|code|pre|b|i|u|em|strong|table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|font|center|section|figure|figcaption|video|audio|source|iframe|picture)\b)(?=[^>\n]*\s)[a-z][^<>\n]{1,60}>|<(?:your|insert|add|name|date|service|owner|team|ticket|link|url|time)[^<>\n]*>/gi;

const rule: Rule = {
  id: 'placeholders/unfilled',
  level: 'warning',
  description: 'A placeholder (TODO, TBD, <…>, {{…}}) is left in a postmortem that is in review or published.',
  rationale:
    'A draft may be full of TODOs; a postmortem sent for review or published should not be. Only documents whose status is in-review or published are checked.',
  options: {
    statuses: {
      type: 'string[]',
      default: ['in-review', 'published'],
      description: 'Statuses in which placeholders are reported.',
    },
  },
  example: {
    flagged: 'status: published\n…\nCustomer impact: TBD',
    better: 'status: published\n…\nCustomer impact: 1,900 delayed orders',
  },
  check: ({ doc, options }) => {
    const status = frontmatterString(doc, 'status')?.toLowerCase();
    if (!status || !(options.statuses as string[]).includes(status)) return [];
    const bodyStart = doc.frontmatter ? doc.frontmatter.range.end.line + 1 : 0;
    const findings = [];
    for (let line = bodyStart; line < doc.lines.lineCount; line++) {
      const text = doc.lines.lines[line];
      if (!text || inCode(doc, line)) continue;
      const masked = text.replace(/`[^`]*`|<!--.*?-->|<https?:[^>]*>/g, (m) => ' '.repeat(m.length));
      for (const match of masked.matchAll(PLACEHOLDER)) {
        findings.push({
          range: doc.lines.lineRange(line, match.index!, match.index! + match[0].length),
          message: `"${match[0]}" is a placeholder left in a ${status} postmortem: fill it in or remove it.`,
        });
      }
    }
    return findings;
  },
};
export default rule;

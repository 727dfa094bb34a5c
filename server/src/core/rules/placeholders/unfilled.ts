import type { Rule } from '../rule';
import { frontmatterString, inCode } from '../util';

/**
 * `TODO` and its kin, `{{…}}` and `<…>` with a space inside. Every scan from an opener is bounded
 * (a `{{…}}` of 200 characters, a `<…>` of 61, its space looked for only there), so a line of
 * thousands of unclosed `{{` or `<` is read in one pass instead of one pass to the end per opener.
 */
const MARKERS = String.raw`\b(?:TODO|TBD|TBC|FIXME|XXX)\b`;
const MUSTACHE = String.raw`\{\{[^}\n]{0,200}\}\}`;
/** Tags a postmortem may hold on purpose: a `<…>` that opens one of them is markup, not a placeholder. */
const HTML_TAGS = [
  'a|img|br|hr|div|span|p|details|summary|sup|sub|kbd|code|pre|b|i|u|em|strong',
  'table|thead|tbody|tr|td|th|ul|ol|li|h[1-6]|font|center|section',
  'figure|figcaption|video|audio|source|iframe|picture',
].join('|');
const ANGLED_WORDS = String.raw`<(?![!/])(?!(?:${HTML_TAGS})\b)(?=[^<>\n]{0,60}\s)[a-z][^<>\n]{1,60}>`;
const ANGLED_PROMPT = String.raw`<(?:your|insert|add|name|date|service|owner|team|ticket|link|url|time)[^<>\n]*>`;
const PLACEHOLDER = new RegExp([MARKERS, MUSTACHE, ANGLED_WORDS, ANGLED_PROMPT].join('|'), 'gi');

/** Code spans, comments and `<http…>` autolinks: no placeholder is looked for inside them. */
const CODE_COMMENT_OR_AUTOLINK = /`[^`]*`|<!--.*?(?:-->|$)|<https?:[^>]*(?:>|$)/g;
const CODE_OR_AUTOLINK = /`[^`]*`|<https?:[^>]*(?:>|$)/g;
const CODE = /`[^`]*`/g;

/**
 * The line with code spans, comments and autolinks blanked by spaces. One left open takes the rest
 * of the line in one match: nothing after it can close one of its kind (an autolink, nor a comment,
 * needs a later `>`), so the rest is blanked without them instead of being rescanned per opener.
 */
function blankNonProse(text: string, pattern = CODE_COMMENT_OR_AUTOLINK): string {
  return text.replace(pattern, (match) => {
    if (match.startsWith('<!--') && !match.endsWith('-->'))
      return '<!--' + blankNonProse(match.slice(4), CODE_OR_AUTOLINK);
    if (match.startsWith('<h') && !match.endsWith('>')) return '<' + blankNonProse(match.slice(1), CODE);
    return ' '.repeat(match.length);
  });
}

const rule: Rule = {
  id: 'placeholders/unfilled',
  level: 'warning',
  description: 'A placeholder (TODO, TBD, <…>, {{…}}) is left in a postmortem that is in review or published.',
  rationale:
    'A draft may be full of TODOs; a postmortem sent for review or published should not be. ' +
    'Only documents whose status is in-review or published are checked.',
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
      const masked = blankNonProse(text);
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

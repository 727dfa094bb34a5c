import { RULE_ALIASES } from '../config/config';
import type { PostmortemDocument, Problem } from '../model';

/**
 * Inline suppressions, as HTML comments that do not show in rendered Markdown:
 * `<!-- hindsight-disable [rules] -->` … `<!-- hindsight-enable [rules] -->`,
 * `<!-- hindsight-disable-next-line [rules] -->`, `<!-- hindsight-disable-line [rules] -->`
 * and `<!-- hindsight-disable-file [rules] -->`. No rule named means every rule.
 */
const DIRECTIVE = /<!--\s*hindsight-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]*?)-->/g;
const ALL = '*';

interface Span {
  rules: Set<string>;
  from: number;
  to: number;
}

function ruleList(text: string): Set<string> {
  const names = text.split(/[\s,]+/).map((n) => n.trim()).filter(Boolean);
  return new Set(names.length > 0 ? names : [ALL]);
}

function matches(rules: Set<string>, code: string): boolean {
  if (rules.has(ALL) || rules.has(code)) return true;
  // A rule's former ids (`actions/missing-owner` for `actions/incomplete`) still silence it.
  if (Object.entries(RULE_ALIASES).some(([alias, { rule }]) => rule === code && rules.has(alias))) return true;
  // `blameless` or `blameless/*` covers every rule of the family.
  const family = code.split('/')[0];
  return rules.has(family) || rules.has(`${family}/*`);
}

export function suppressionSpans(doc: PostmortemDocument): Span[] {
  const spans: Span[] = [];
  const open: { rules: Set<string>; from: number }[] = [];
  const code = doc.blocks.filter((b) => b.kind === 'code');
  doc.lines.lines.forEach((line, index) => {
    if (!line.includes('hindsight-') || code.some((b) => index >= b.line && index <= b.endLine)) return;
    for (const match of line.matchAll(DIRECTIVE)) {
      const rules = ruleList(match[2]);
      switch (match[1]) {
        case 'disable-next-line':
          spans.push({ rules, from: index + 1, to: index + 1 });
          break;
        case 'disable-line':
          spans.push({ rules, from: index, to: index });
          break;
        case 'disable-file':
          spans.push({ rules, from: 0, to: Infinity });
          break;
        case 'disable':
          open.push({ rules, from: index });
          break;
        case 'enable':
          for (let i = open.length - 1; i >= 0; i--) {
            const span = open[i];
            const closing = rules.has(ALL) ? span.rules : new Set([...span.rules].filter((r) => rules.has(r)));
            if (closing.size === 0) continue;
            spans.push({ rules: closing, from: span.from, to: index });
            const left = new Set([...span.rules].filter((r) => !closing.has(r)));
            if (left.size > 0) span.rules = left;
            else open.splice(i, 1);
          }
          break;
      }
    }
  });
  for (const span of open) spans.push({ ...span, to: Infinity });
  return spans;
}

export function applySuppressions(problems: Problem[], doc: PostmortemDocument): Problem[] {
  const spans = suppressionSpans(doc);
  if (spans.length === 0) return problems;
  return problems.filter((p) => !spans.some((s) => p.range.start.line >= s.from && p.range.start.line <= s.to && matches(s.rules, p.code)));
}

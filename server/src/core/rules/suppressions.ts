import { RULE_ALIASES } from '../config/config';
import type { PostmortemDocument, Problem } from '../model';
import { didYouMean, isSuppressibleName } from './ruleNames';

/**
 * Inline suppressions, as HTML comments that do not show in rendered Markdown:
 * `<!-- hindsight-disable [rules] -->` … `<!-- hindsight-enable [rules] -->`,
 * `<!-- hindsight-disable-next-line [rules] -->`, `<!-- hindsight-disable-line [rules] -->`
 * and `<!-- hindsight-disable-file [rules] -->`. No rule named means every rule.
 */
// The rule list is bounded so that a long line of unclosed comments is read in linear time.
const DIRECTIVE = /<!--\s*hindsight-(disable-next-line|disable-line|disable-file|disable|enable)\b([^>]{0,400}?)-->/dg;
const NAME = /[^\s,]+/g;
/** `-- why`, as ESLint allows: the reason for a suppression, not a rule name. */
const REASON = /(?:^|\s)--(?:\s[\s\S]*)?$/;

/** The rule names of a directive, without its reason. */
const namesOf = (text: string) => text.replace(REASON, '');
const ALL = '*';

interface Span {
  rules: Set<string>;
  from: number;
  to: number;
}

function ruleList(text: string): Set<string> {
  const names = namesOf(text)
    .split(/[\s,]+/)
    .map((n) => n.trim())
    .filter(Boolean);
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

interface Directive {
  match: RegExpMatchArray;
  index: number;
}

/** Each document's comments are read once, though both the spans and the name check need them. */
const readDirectives = new WeakMap<PostmortemDocument, Directive[]>();

/** Every suppression comment outside code blocks, with its line. */
function directives(doc: PostmortemDocument): Directive[] {
  let found = readDirectives.get(doc);
  if (found) return found;
  found = [];
  const code = doc.blocks.filter((b) => b.kind === 'code');
  for (const [index, line] of doc.lines.lines.entries()) {
    if (!line.includes('hindsight-') || code.some((b) => index >= b.line && index <= b.endLine)) continue;
    for (const match of line.matchAll(DIRECTIVE)) found.push({ match, index });
  }
  readDirectives.set(doc, found);
  return found;
}

/** Names in suppression comments that are neither a rule nor a family: they suppress nothing. */
export function unknownSuppressedNames(doc: PostmortemDocument): Problem[] {
  const problems: Problem[] = [];
  for (const { match, index } of directives(doc)) {
    const namesStart = match.indices![2][0];
    for (const name of namesOf(match[2]).matchAll(NAME)) {
      if (isSuppressibleName(name[0])) continue;
      const start = namesStart + name.index!;
      problems.push({
        code: 'suppressions/unknown-rule',
        severity: 'warning',
        message:
          `"${name[0]}" is not a Hindsight rule or family, so this comment does not suppress it` +
          (didYouMean(name[0], { families: true }) || '.'),
        range: { start: { line: index, character: start }, end: { line: index, character: start + name[0].length } },
      });
    }
  }
  return problems;
}

export function suppressionSpans(doc: PostmortemDocument): Span[] {
  const spans: Span[] = [];
  const open: { rules: Set<string>; from: number }[] = [];
  for (const { match, index } of directives(doc)) {
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
  for (const span of open) spans.push({ ...span, to: Infinity });
  return spans;
}

/** The findings left once suppression comments apply, and a warning for each name they misspell. */
export function applySuppressions(problems: Problem[], doc: PostmortemDocument): Problem[] {
  const spans = suppressionSpans(doc);
  const unknown = unknownSuppressedNames(doc);
  if (spans.length === 0 && unknown.length === 0) return problems;
  return unknown.concat(unsuppressed(problems, spans));
}

function unsuppressed(problems: Problem[], spans: Span[]): Problem[] {
  return problems.filter(
    (p) => !spans.some((s) => p.range.start.line >= s.from && p.range.start.line <= s.to && matches(s.rules, p.code)),
  );
}

import type { PostmortemDocument } from '../../model';
import { rangeWithin } from '../../text/ranges';
import type { Finding, Rule, RuleLevel } from '../rule';
import { detect, type BlameCategory } from './detect';
import { scanProse } from './prose';

const perDocument = new WeakMap<PostmortemDocument, Map<BlameCategory, Finding[]>>();

/** Every blameless finding of a document, computed once per version and shared by the eight rules. */
function findings(doc: PostmortemDocument, messages: Record<BlameCategory, (words: string) => string>): Map<BlameCategory, Finding[]> {
  let byCategory = perDocument.get(doc);
  if (byCategory) return byCategory;
  byCategory = new Map();
  const hits = scanProse(doc, 'blameless', (sentence, section) => detect(sentence, section).map((hit) => ({ start: hit.start, end: hit.end, value: hit })));
  const actionCells = doc.actionItems.map((item) => item.action.range);
  for (const { range, value: hit } of hits) {
    // In an action item, actions/vigilance-remedy says it, with advice for an action item: once is enough.
    if (hit.category === 'vigilance-remedy' && actionCells.some((cell) => rangeWithin(range, cell))) continue;
    const words = hit.words.trim();
    const finding: Finding = { range, message: messages[hit.category](words) };
    if (hit.removable && range.start.line === range.end.line) {
      // Delete the word and the space after it ("simply restarted" → "restarted").
      const line = doc.lines.lines[range.end.line];
      const end = line[range.end.character] === ' ' ? range.end.character + 1 : range.end.character;
      finding.fixes = [{ title: `Remove "${words}"`, edits: [{ range: { start: range.start, end: { line: range.end.line, character: end } }, newText: '' }] }];
    }
    const list = byCategory.get(hit.category) ?? [];
    if (!list.some((f) => f.range.start.line === range.start.line && f.range.start.character === range.start.character)) list.push(finding);
    byCategory.set(hit.category, list);
  }
  perDocument.set(doc, byCategory);
  return byCategory;
}

export const MESSAGES: Record<BlameCategory, (words: string) => string> = {
  'human-error': (w) => `"${w}" is a label, not an explanation: say what made the action possible or easy (the missing check, the confusing tool, the time pressure).`,
  counterfactual: (w) => `"${w}" judges people by what was learned afterwards: describe what was known and done at the time, and what made the other path hard to see.`,
  'person-as-cause': (w) => `"${w}" makes a person the cause: make the change or the mechanism the subject ("the deploy applied…") and ask what let it happen.`,
  normative: (w) => `"${w}" passes a verdict with hindsight: say what was believed at the time and why, and what later showed otherwise.`,
  character: (w) => `"${w}" describes a person, not the conditions: describe the fatigue, time pressure or tooling that shaped what happened.`,
  'vigilance-remedy': (w) => `"${w}" asks people to try harder, which does not last: propose a change to the system instead (a guard, a check, an automation).`,
  hindsight: (w) => `"${w}" makes the right action look obvious, which it was not at the time: drop it, or say what was visible then.`,
  'single-root-cause': () => 'A single human root cause ends the analysis too early: list the contributing factors and the conditions that made the action possible.',
};

export function blamelessRule(category: BlameCategory, level: RuleLevel, description: string, rationale: string, example: Rule['example'], fixable = false): Rule {
  return {
    id: `blameless/${category}`,
    level,
    description,
    rationale,
    example,
    fixable,
    check: ({ doc }) => findings(doc, MESSAGES).get(category) ?? [],
  };
}

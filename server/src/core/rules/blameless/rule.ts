import type { PostmortemDocument, Range } from '../../model';
import { rangeWithin } from '../../text/ranges';
import type { Finding, Fix, Rule, RuleLevel } from '../rule';
import { detect, type BlameCategory, type Hit } from './detect';
import { scanProse } from './prose';
import type { Agent } from './subject';

const perDocument = new WeakMap<PostmortemDocument, Map<BlameCategory, Finding[]>>();

/** Whose act a finding is about, for the message: "the team's", "a person's". */
const WHOSE: Record<Agent, string> = {
  we: "your team's",
  person: "a person's",
  name: "a named person's or organisation's",
  org: "an organisation's",
  activity: "people's",
  audience: "someone's",
  attacker: "someone's",
  thing: "someone's",
  none: "someone's",
};

export const MESSAGES: Record<BlameCategory, (words: string, whose: string) => string> = {
  'human-error': (w, whose) =>
    `Labels ${whose} act as an error ("${w}"): a label is not an explanation. ` +
    'Name what made the slip possible or easy: the missing check, the confusing tool, the time pressure.',
  counterfactual: (w, whose) =>
    `Judges ${whose} past action by what was learned afterwards ("${w}"): ` +
    'describe what was known and done at the time, and what made the other path hard to see.',
  'person-as-cause': (w, whose) =>
    `Makes ${whose} act the cause ("${w}"): make the change or the mechanism the subject ` +
    '("the deploy applied…") and ask what let the action through.',
  normative: (w, whose) =>
    `Passes a verdict on ${whose} decision ("${w}"): say what was believed at the time and why, ` +
    'and what later showed otherwise.',
  character: (w, whose) =>
    `Describes ${whose} character ("${w}"), not the conditions: ` +
    'describe the fatigue, time pressure or tooling that shaped what happened.',
  'vigilance-remedy': (w) =>
    `Asks people to try harder ("${w}"), which does not last: ` +
    'propose a change to the system instead (a guard, a check, an automation).',
  sanction: (w, whose) =>
    `Reports a sanction on ${whose} act ("${w}"): punishment teaches people to hide what they did. ` +
    'Say what changes in the system so the same act cannot do the same harm.',
  hindsight: (w, whose) =>
    `"${w}" makes ${whose} right move look obvious, which it was not at the time: drop it, or say what was visible then.`,
  'single-root-cause': () =>
    'A single human root cause ends the analysis too early: ' +
    'list the contributing factors and the conditions that made the action possible.',
};

/** The line's end of a word, with the space after it, so that deleting leaves no double space. */
function withTrailingSpace(doc: PostmortemDocument, range: Range): Range {
  const line = doc.lines.lines[range.end.line];
  const end = line[range.end.character] === ' ' ? range.end.character + 1 : range.end.character;
  return { start: range.start, end: { line: range.end.line, character: end } };
}

/** Mechanical rewrites: drop a minimising word; turn an error label into a prompt to name the guard. */
function fixesFor(doc: PostmortemDocument, range: Range, hit: Hit): Fix[] | undefined {
  if (range.start.line !== range.end.line) return undefined;
  const words = hit.words.trim();
  if (hit.removable)
    return [{ title: `Remove "${words}"`, edits: [{ range: withTrailingSpace(doc, range), newText: '' }] }];
  if (hit.category === 'human-error' && /\berror$/i.test(words)) {
    const title = `Replace "${words}" with a prompt to name the missing guard`;
    return [
      {
        title,
        edits: [{ range, newText: 'a missing guard (name it: which check or prompt would have caught this?)' }],
      },
    ];
  }
  return undefined;
}

/** The action cells by each line they cover: a large document has thousands, and a hit needs only its line's. */
function cellsByLine(doc: PostmortemDocument): Map<number, Range[]> {
  const byLine = new Map<number, Range[]>();
  for (const { action } of doc.actionItems) {
    for (let line = action.range.start.line; line <= action.range.end.line; line++) {
      const list = byLine.get(line) ?? [];
      list.push(action.range);
      byLine.set(line, list);
    }
  }
  return byLine;
}

/** Every blameless finding of a document, computed once per version and shared by the rules. */
function findings(doc: PostmortemDocument): Map<BlameCategory, Finding[]> {
  let byCategory = perDocument.get(doc);
  if (byCategory) return byCategory;
  byCategory = new Map();
  const hits = scanProse(doc, 'blameless', (sentence, section) =>
    detect(sentence, section).map((hit) => ({ start: hit.start, end: hit.end, value: hit })),
  );
  const actionCells = cellsByLine(doc);
  for (const { range, value: hit } of hits) {
    // In an action item, actions/vigilance-remedy says it, with advice for an action item: once is enough.
    const cells = hit.category === 'vigilance-remedy' ? actionCells.get(range.start.line) : undefined;
    if (cells?.some((cell) => rangeWithin(range, cell))) continue;
    const finding: Finding = { range, message: MESSAGES[hit.category](hit.words.trim(), WHOSE[hit.agent]) };
    const fixes = fixesFor(doc, range, hit);
    if (fixes) finding.fixes = fixes;
    const list = byCategory.get(hit.category) ?? [];
    list.push(finding);
    byCategory.set(hit.category, list);
  }
  perDocument.set(doc, byCategory);
  return byCategory;
}

export function blamelessRule(
  category: BlameCategory,
  level: RuleLevel,
  description: string,
  rationale: string,
  example: Rule['example'],
  fixable = false,
): Rule {
  return {
    id: `blameless/${category}`,
    level,
    description,
    rationale,
    example,
    fixable,
    check: ({ doc }) => findings(doc).get(category) ?? [],
  };
}

import type { SectionKind } from '../../model';
import { memoize } from '../../text/memo';
import * as L from './lexicon';
import { namesPerson, opensWithPerson, subjectBefore } from './subject';

export type BlameCategory = 'human-error' | 'counterfactual' | 'person-as-cause' | 'normative' | 'character' | 'vigilance-remedy' | 'hindsight' | 'single-root-cause';

export interface Hit {
  category: BlameCategory;
  start: number;
  end: number;
  /** The words that triggered it, as written. */
  words: string;
  /** Whether deleting `words` is a reasonable mechanical rewrite. */
  removable: boolean;
}

function all(pattern: RegExp, text: string): RegExpExecArray[] {
  const global = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : pattern.flags + 'g');
  return [...text.matchAll(global)];
}

const hit = (category: BlameCategory, m: RegExpExecArray, removable = false): Hit => ({ category, start: m.index!, end: m.index! + m[0].length, words: m[0], removable });

const isPerson = (before: string) => subjectBefore(before) === 'person';

function detectSentence(text: string): Hit[] {
  const hits: Hit[] = [];
  const rejects = L.REJECTS_BLAME.test(text);
  const attack = L.ATTACKER.test(text);

  if (!rejects) {
    for (const m of all(L.HUMAN_ERROR, text)) {
      if (L.PERSON_GATED_ERROR.test(m[0]) && !isPerson(text.slice(0, m.index!))) continue;
      hits.push(hit('human-error', m));
    }
    for (const m of all(L.ERROR_BY, text)) {
      if (namesPerson(text.slice(m.index! + m[0].length, m.index! + m[0].length + 40))) hits.push(hit('human-error', m));
    }
    for (const m of all(L.MADE_MISTAKE, text)) if (isPerson(text.slice(0, m.index!))) hits.push(hit('human-error', m));
  }

  for (const m of all(L.COUNTERFACTUAL_IF, text)) {
    if (!L.EMBEDDED_QUESTION.test(text.slice(Math.max(0, m.index! - 20), m.index!))) hits.push(hit('counterfactual', m));
  }
  for (const m of all(L.COUNTERFACTUAL, text)) {
    if (L.COUNTERFACTUAL_OUTCOME.test(text.slice(m.index!, m.index! + 60))) continue;
    if (isPerson(text.slice(0, m.index!))) hits.push(hit('counterfactual', m));
  }

  if (!rejects && !attack) {
    for (const verb of all(L.ACTION_VERBS, text)) {
      const after = text.slice(verb.index! + verb[0].length);
      // Passive ("were deleted, resulting in…") names no agent.
      if (/\b(?:was|were|been|being|is|are|got)\s+(?:\w+ly\s+)?$/i.test(text.slice(0, verb.index!))) continue;
      if (isPerson(text.slice(0, verb.index!)) && L.CAUSAL.test(after)) {
        hits.push(hit('person-as-cause', verb));
        break;
      }
    }
    for (const m of all(L.PERSON_CAUSE_DIRECT, text)) {
      const subject = subjectBefore(text.slice(0, m.index!));
      if (subject === 'person' || (/^fault\s+of/i.test(m[0]) && namesPerson(text.slice(m.index! + m[0].length)))) hits.push(hit('person-as-cause', m));
    }
    for (const m of all(/\bcaused\s+by\s+(?:the\s+)?/i, text)) {
      const agent = text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
      // "caused by human error" is the label, reported as such, not a person.
      if (namesPerson(agent) && !L.HUMAN_ERROR.test(agent)) hits.push(hit('person-as-cause', m));
    }
  }

  for (const m of all(L.NORMATIVE_ADVERB, text)) {
    const subject = subjectBefore(text.slice(0, m.index!));
    const byMistake = /^by\s/i.test(m[0]) && opensWithPerson(text);
    if (subject === 'person' || subject === 'activity' || byMistake) hits.push(hit('normative', m, /^\w+ly$/i.test(m[0])));
  }
  for (const m of all(L.NORMATIVE_VERDICT, text)) hits.push(hit('normative', m));
  for (const m of all(L.NORMATIVE_PERSON_ACT, text)) if (isPerson(text.slice(0, m.index!))) hits.push(hit('normative', m));

  for (const m of all(L.CHARACTER, text)) {
    const around = text.slice(Math.max(0, m.index! - 10), m.index! + m[0].length + 25);
    if (!L.CHARACTER_EXCEPTIONS.test(around)) hits.push(hit('character', m));
  }

  for (const m of all(L.HINDSIGHT_PHRASES, text)) hits.push(hit('hindsight', m));
  for (const m of all(L.HINDSIGHT_WORDS, text)) {
    if (L.HINDSIGHT_EXCEPTIONS.test(text.slice(m.index!, m.index! + 40))) continue;
    const next = text.slice(m.index! + m[0].length, m.index! + m[0].length + 40);
    if (isPerson(text.slice(0, m.index!)) && L.HINDSIGHT_ABILITY.test(next.split(/[,.;]/)[0])) hits.push(hit('hindsight', m, true));
  }

  const rootCause = L.ROOT_CAUSE.exec(text);
  if (rootCause && !rejects) {
    const rest = text.slice(rootCause.index + rootCause[0].length);
    const verb = L.ACTION_VERBS.exec(rest);
    if (L.HUMAN_ERROR.test(rest) || (verb && verb.index < 60 && isPerson(rest.slice(0, verb.index))) || namesPerson(rest.slice(0, 30))) {
      hits.push({ category: 'single-root-cause', start: rootCause.index, end: rootCause.index + rootCause[0].length, words: rootCause[0].trim(), removable: false });
    }
  }
  return distinct(hits);
}

/** Two patterns of one category on overlapping words ("human error by the operator") are one finding: the first. */
function distinct(hits: Hit[]): Hit[] {
  return hits.filter((hit, i) => !hits.slice(0, i).some((h) => h.category === hit.category && h.start < hit.end && h.end > hit.start));
}

const cachedDetect = memoize(detectSentence, 50_000);

const REMEDY_SECTIONS: SectionKind[] = ['lessons-learned', 'action-items', 'what-could-be-improved', 'post-project-tasks'];

/** The blame a sentence carries, by category. Vigilance remedies depend on the section, so are read here. */
export function detect(text: string, section: readonly SectionKind[]): Hit[] {
  const hits = [...cachedDetect(text)];
  for (const m of all(L.VIGILANCE, text)) {
    const weak = L.VIGILANCE_WEAK.test(m[0]);
    const imperative = /(?:^|[,;:])[\s\-*•\d.)]*$/.test(text.slice(0, m.index!));
    const asRemedy = section.some((k) => REMEDY_SECTIONS.includes(k)) || L.REMEDY_CONTEXT.test(text) || imperative;
    if (!weak || asRemedy) hits.push(hit('vigilance-remedy', m));
  }
  return hits;
}

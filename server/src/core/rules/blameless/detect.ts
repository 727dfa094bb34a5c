import type { SectionKind } from '../../model';
import { flat } from '../../text/flat';
import { CONSEQUENCE, RECOVERY, type CueKind } from './cues';
import { featuresOfCue, readSentence, type Cue } from './features';
import { MODEL, probability, type BlameModel } from './model';
import type { Agent } from './subject';

export type BlameCategory =
  | 'human-error'
  | 'counterfactual'
  | 'person-as-cause'
  | 'normative'
  | 'character'
  | 'vigilance-remedy'
  | 'sanction'
  | 'hindsight'
  | 'single-root-cause';

export interface Hit {
  category: BlameCategory;
  start: number;
  end: number;
  /** The words that triggered it, as written. */
  words: string;
  /** Who the sentence says acted, as the model read it. */
  agent: Agent;
  /** Whether deleting `words` is a reasonable mechanical rewrite. */
  removable: boolean;
  probability: number;
}

const CATEGORY_OF: Record<CueKind, BlameCategory> = {
  'modal-perfect': 'counterfactual',
  'if-had': 'counterfactual',
  'failed-to': 'counterfactual',
  'slip-verb': 'counterfactual',
  'ignore-verb': 'normative',
  'not-verified': 'counterfactual',
  'mis-verb': 'human-error',
  'error-label': 'human-error',
  mistake: 'human-error',
  'verdict-adverb': 'normative',
  'wrong-object': 'normative',
  'faulty-object': 'person-as-cause',
  omission: 'counterfactual',
  verdict: 'normative',
  'judged-act': 'normative',
  character: 'character',
  sanction: 'sanction',
  vigilance: 'vigilance-remedy',
  'act-verb': 'person-as-cause',
  'damage-verb': 'person-as-cause',
  'caused-by': 'person-as-cause',
  'blame-verb': 'person-as-cause',
  minimiser: 'hindsight',
  'root-cause': 'single-root-cause',
};

/** A cue's category; care said to be missing ("without being thorough") describes the person, not a remedy. */
export function categoryOf(cue: Cue): BlameCategory {
  if (cue.features.includes('cue:vigilance+lacking')) return 'character';
  // "Don't deploy when you're tired" asks for effort; it describes no one's character.
  if (cue.features.includes('cue:character+advice')) return 'vigilance-remedy';
  return CATEGORY_OF[cue.kind];
}

/** Most specific first: a sentence with several kinds of blame is reported under the first. */
const SPECIFICITY: BlameCategory[] = [
  'sanction',
  'character',
  'human-error',
  'vigilance-remedy',
  'single-root-cause',
  'normative',
  'counterfactual',
  'person-as-cause',
  'hindsight',
];

/** Sections whose sentences look forward: advice there is read as advice, and only try-harder advice is blame. */
const FORWARD_SECTIONS: SectionKind[] = [
  'action-items',
  'post-project-tasks',
  'lessons-learned',
  'what-could-be-improved',
];

/** Whether a sentence in these sections is read as looking forward (the fit reads its fixtures the same way). */
export const looksForward = (section: readonly SectionKind[]) => section.some((k) => FORWARD_SECTIONS.includes(k));

/**
 * The blame a sentence carries: at most one hit, for the cue the model finds most blaming (its own
 * features and the sentence's signals), when that cue's probability passes the model's threshold.
 */
export function detect(text: string, section: readonly SectionKind[], model: BlameModel = MODEL): Hit[] {
  const reading = readSentence(text, looksForward(section));
  if (reading.cues.length === 0) return [];
  const scored = reading.cues.map((cue) => ({ cue, p: probability(model, featuresOfCue(reading, cue)) }));
  const passing = scored.filter((s) => s.p >= model.threshold);
  if (passing.length === 0) return [];
  // One finding a sentence, in its most specific category ("a careless engineer deleted" is character).
  // An act tied to its consequence in the same clause ("dropped the wrong table, causing the outage") makes
  // the person the cause: that claim is more specific than the verdict on the choice.
  const causes = (cue: Cue) => {
    const rest = text.slice(cue.end).split(/[.;]/)[0];
    return categoryOf(cue) === 'person-as-cause' && CONSEQUENCE.test(rest) && !RECOVERY.test(rest);
  };
  const rank = (s: { cue: Cue }) =>
    causes(s.cue) ? SPECIFICITY.indexOf('normative') - 0.5 : SPECIFICITY.indexOf(categoryOf(s.cue));
  const { cue, p } = passing.reduce((best, s) =>
    rank(s) < rank(best) || (rank(s) === rank(best) && s.p > best.p) ? s : best,
  );
  const category = categoryOf(cue);
  // Dropping a minimiser or a verdict adverb leaves the plain fact: "(mistakenly) concluded".
  const removable =
    /^(?:just|simply|obviously|clearly|easily|\w+ly)$/i.test(cue.words) &&
    (category === 'hindsight' || cue.kind === 'verdict-adverb');
  const hit: Hit = {
    category,
    start: cue.start,
    end: cue.end,
    words: flat(cue.words),
    agent: cue.agent,
    removable,
    probability: p,
  };
  return [hit];
}

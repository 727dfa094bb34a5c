/**
 * A grammatical reading of a sentence that already carries a cue: part-of-speech tags and
 * negation scope from wink-nlp's small English model, read into named features the blame
 * model weighs (who is the subject of the cue's clause, passive voice and its agent, negation,
 * an imperative opening). Regular expressions find the cues; this reads the grammar around them.
 */
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';
import { agentOfToken, type Agent } from './subject';

export interface Word {
  text: string;
  lower: string;
  lemma: string;
  pos: string;
  negated: boolean;
  start: number;
  end: number;
}

type Tagger = (text: string) => Word[];
let tagger: Tagger | undefined;

/** Loads the model on the first sentence that needs it (about a tenth of a second, once). */
function taggerOnce(): Tagger {
  if (tagger) return tagger;
  const nlp = winkNLP(model, ['pos', 'negation']);
  const its = nlp.its;
  tagger = (text) => {
    const tokens = nlp.readDoc(text).tokens();
    const values = tokens.out(its.value) as string[];
    const tags = tokens.out(its.pos) as string[];
    const negations = tokens.out(its.negationFlag) as unknown as boolean[];
    // The package's types ask for the model's add-ons here, which the model passes itself at run time.
    const lemmas = tokens.out(its.lemma as unknown as typeof its.value) as string[];
    const words: Word[] = [];
    let cursor = 0;
    values.forEach((value, i) => {
      const found = text.indexOf(value, cursor);
      const start = found < 0 ? cursor : found;
      cursor = found < 0 ? cursor : found + value.length;
      words.push({ text: value, lower: value.toLowerCase(), lemma: lemmas[i].toLowerCase(), pos: tags[i], negated: Boolean(negations[i]), start, end: start + value.length });
    });
    return words;
  };
  return tagger;
}

/**
 * Past this length a "sentence" is a pasted blob, not prose, and the tagger's time on one long
 * token grows faster than its length: such text is left untagged.
 */
const MAX_TAGGED = 1000;

/** The words of a sentence with their tags; a sentence the tagger cannot read gives none. */
export function tagWords(text: string): Word[] {
  if (text.length > MAX_TAGGED) return [];
  try {
    return taggerOnce()(text);
  } catch {
    return [];
  }
}

const NOMINAL = new Set(['NOUN', 'PROPN', 'PRON']);
const CLAUSE_EDGE = /^(?:[,;:()"“”—–-]|because|so|but|and|or|while|when|after|before|although|though|if|since|whereas)$/i;
const RELATIVE = /^(?:which|that|who|whom|whose)$/i;
const BE = /^(?:is|are|was|were|be|been|being|get|got|gets|getting|went|go|goes|gone|remained|stayed)$/i;
const NOT_SUBJECTS = /^(?:it|this|that|these|those|which|what|there|here|its)$/i;
const FIRST_PERSON = /^(?:we|i|us|me)$/i;

/** What kind of actor a nominal word names: we, a person, a name, an outsider or a thing. */
function actorOf(word: Word): Agent {
  if (NOT_SUBJECTS.test(word.lower)) return 'thing';
  if (FIRST_PERSON.test(word.lower)) return 'we';
  if (/^(?:someone|somebody|he|she|they|him|her|them|nobody|no-one|everyone|anyone)$/i.test(word.lower)) return 'person';
  const agent = agentOfToken(word.text, false);
  // A word the tagger reads as a proper noun is a name unless the lexicon knows it as a system.
  if (word.pos === 'PROPN' && agent === 'thing' && /^[A-Z][a-z]+$/.test(word.text)) return 'name';
  return agent;
}

/** Whether a nominal is the object of a preposition ("a developer at AWS"): walk back over its phrase. */
function afterPreposition(words: readonly Word[], i: number): boolean {
  for (let j = i - 1; j >= 0; j--) {
    if (words[j].pos === 'ADP') return !/^(?:than)$/i.test(words[j].lower);
    if (!/^(?:DET|ADJ|NOUN|PROPN|NUM|PART)$/.test(words[j].pos)) return false;
  }
  return false;
}

/** The head of the noun phrase ending at i: the last nominal before a verb, read back over compounds. */
function subjectBefore(words: readonly Word[], index: number): { agent: Agent; relative: boolean } | undefined {
  let candidate: Agent | undefined;
  for (let i = index - 1; i >= 0; i--) {
    const word = words[i];
    if (RELATIVE.test(word.lower) && (word.pos === 'PRON' || word.pos === 'DET' || word.pos === 'SCONJ')) {
      // "the engineer who ran", "a change, which took down": the antecedent acts.
      const antecedent = words.slice(0, i).reverse().find((w) => NOMINAL.has(w.pos) && w.pos !== 'PRON');
      return { agent: candidate ?? (antecedent ? actorOf(antecedent) : 'none'), relative: true };
    }
    if (CLAUSE_EDGE.test(word.text) && (word.pos === 'PUNCT' || word.pos === 'CCONJ' || word.pos === 'SCONJ')) break;
    if (!NOMINAL.has(word.pos) || afterPreposition(words, i)) {
      // The subject's phrase is over once a verb sits before a nominal already found.
      if (candidate && word.pos === 'VERB') break;
      continue;
    }
    const agent = actorOf(word);
    // "the on-call engineer's change": the possessor owns the act as much as the head noun does.
    if (agent === 'we' || agent === 'person') return { agent, relative: false };
    candidate = candidate ?? agent;
    if (words[i - 1]?.pos !== 'NOUN' && words[i - 1]?.pos !== 'PROPN' && words[i - 1]?.pos !== 'ADJ' && words[i - 1]?.pos !== 'DET') {
      if (candidate !== 'thing' || !/^(?:DET|ADJ)$/.test(words[i - 1]?.pos ?? '')) break;
    }
  }
  return candidate ? { agent: candidate, relative: false } : undefined;
}

/** The actor after "by" in a passive, within a few words. */
function byAgent(words: readonly Word[], from: number): Agent | undefined {
  for (let i = from; i < Math.min(words.length, from + 4); i++) {
    if (words[i].lower !== 'by') continue;
    // "by the release manager": every noun of the phrase counts, and a person among them wins.
    const phrase = words.slice(i + 1, i + 7);
    const start = phrase.findIndex((w) => NOMINAL.has(w.pos));
    if (start < 0) return undefined;
    const end = phrase.findIndex((w, k) => k > start && !NOMINAL.has(w.pos));
    const nouns = phrase.slice(start, end < 0 ? undefined : end);
    const actors = nouns.map(actorOf);
    return actors.find((a) => a === 'we' || a === 'person') ?? actors[actors.length - 1];
  }
  return undefined;
}

function group(agent: Agent): string {
  if (agent === 'we' || agent === 'person') return 'human';
  if (agent === 'audience' || agent === 'attacker') return 'outsider';
  return agent === 'name' ? 'name' : agent === 'none' ? 'none' : 'thing';
}

/** The sentence's main subject: the first nominal before its first verb, skipping fronted phrases. */
function mainSubject(words: readonly Word[]): Agent {
  const firstVerb = words.findIndex((w) => w.pos === 'VERB' || (w.pos === 'AUX' && !/^(?:to)$/.test(w.lower)));
  if (firstVerb <= 0) return 'none';
  return subjectBefore(words, firstVerb)?.agent ?? 'none';
}

/** Cues that judge an act, which only a past act deserves; remedies and sanctions have their own time. */
const PAST_ACT_CUES: ReadonlySet<string> = new Set(['failed-to', 'slip-verb', 'ignore-verb', 'mis-verb', 'not-verified',
  'error-label', 'mistake', 'verdict-adverb', 'wrong-object', 'act-verb', 'damage-verb', 'character', 'verdict']);

const PAST_AUX = /^(?:was|were|did|had|didn['’]t|wasn['’]t|weren['’]t|hadn['’]t)$/i;
/** Verbs whose past is their base form ("let the regression through"): in a narrative, read as past. */
const SAME_IN_PAST = /^(?:let|put|set|cut|hit|shut|quit|spread|split|upset|cast|broadcast|forecast|hurt|cost)$/;
const PRESENT_BE = /^(?:is|are|am|be|being|['’]s|['’]re)$/i;
const FUTURE_AUX = /^(?:will|won['’]t|['’]ll|shall)$/i;

/**
 * The sentence's tense: blame judges a past act, while "people make mistakes" or "we will add a
 * check" speak of what is usual or what comes next.
 */
function tense(words: readonly Word[]): string {
  const verbs = words.filter((w) => w.pos === 'VERB' || w.pos === 'AUX');
  // A participle after a present "be" ("should not be fired", "is deployed") is not a past act.
  const finitePast = (w: Word) => {
    if (w.pos !== 'VERB' || /(?:s|ing)$/.test(w.lower)) return false;
    if (w.lower === w.lemma && !SAME_IN_PAST.test(w.lower)) return false;
    const before = words.slice(0, words.indexOf(w)).reverse().find((v) => v.pos !== 'ADV' && v.pos !== 'PART');
    return !before || !PRESENT_BE.test(before.lower);
  };
  if (verbs.some((w) => PAST_AUX.test(w.lower) || finitePast(w))) return 'past';
  if (verbs.some((w) => FUTURE_AUX.test(w.lower))) return 'future';
  return verbs.length > 0 ? 'present' : 'verbless';
}

function lastInCueOf(words: readonly Word[], inCue: readonly Word[], first: number): number {
  return words.indexOf(inCue[inCue.length - 1] ?? words[first]);
}

/** An adverb beside a passive participle: "was wrongly estimated", "was executed incorrectly". */
function besideParticiple(words: readonly Word[], first: number, last: number): boolean {
  const passiveAt = (i: number) => {
    if (words[i]?.pos !== 'VERB') return false;
    let k = i - 1;
    while (k >= 0 && (words[k].pos === 'ADV' || words[k].pos === 'PART')) k--;
    return k >= 0 && BE.test(words[k].lower);
  };
  return passiveAt(last + 1) || passiveAt(first - 1);
}

const CAUSATIVE = /^(?:make|let|force|lead|cause|prompt|leave|push|drive|trick|mislead)$/;

/**
 * "the dashboard made the operator look in the wrong place": a person made to act by a condition
 * is the object of the sentence's cause, not the one judged.
 */
function madeToAct(words: readonly Word[], before: number): boolean {
  for (let c = 0; c < before; c++) {
    if (words[c].pos !== 'VERB' || !CAUSATIVE.test(words[c].lemma)) continue;
    let k = c + 1;
    while (k < before && /^(?:DET|ADJ)$/.test(words[k].pos)) k++;
    if (k < before && NOMINAL.has(words[k].pos) && group(actorOf(words[k])) === 'human' && words[k + 1]?.pos === 'VERB') return true;
  }
  return false;
}

/** Whole-sentence grammatical signals: the kind of the main subject. */
export function grammarSignals(words: readonly Word[]): string[] {
  if (words.length === 0) return [];
  return [`g:main@${group(mainSubject(words))}`];
}

/** The grammatical features of one cue: its clause's subject, voice, passive agent and negation. */
export function grammarFeatures(words: readonly Word[], kind: string, start: number, end: number): string[] {
  const first = words.findIndex((w) => w.end > start);
  if (first < 0) return [];
  const inCue = words.filter((w) => w.start < end && w.end > start);
  const features: string[] = [];
  const subject = subjectBefore(words, first);
  // Voice: a form of "be" (or "went", "got") before the cue's verb, over adverbs and "not".
  let j = first - 1;
  while (j >= 0 && (words[j].pos === 'ADV' || words[j].pos === 'PART')) j--;
  const lastInCue = lastInCueOf(words, inCue, first);
  const beforeBe = (j >= 0 && BE.test(words[j].lower) && inCue.some((w) => w.pos === 'VERB' || w.pos === 'ADJ'))
    || (inCue.every((w) => w.pos === 'ADV') && besideParticiple(words, first, lastInCue));
  // "should have been reviewed": the cue holds its own auxiliary.
  const withinBe = inCue.some((w, k) => /^(?:be|been)$/i.test(w.lower) && inCue[k + 1]?.pos === 'VERB');
  if (beforeBe || withinBe) {
    // In a passive the subject is what was acted on: the one who acted follows "by", or goes unsaid.
    const by = byAgent(words, lastInCue + 1);
    features.push(`g:${kind}@${group(by ?? 'none')}`, `g:${kind}+passive`, `g:${kind}+passive-by@${group(by ?? 'none')}`);
  } else {
    features.push(`g:${kind}@${group(subject?.agent ?? 'none')}`);
  }
  if (subject?.relative) features.push(`g:${kind}+relative`);
  if (inCue.some((w) => w.negated)) features.push(`g:${kind}+negation-scope`);
  if (madeToAct(words, first)) features.push('g:person-made-to-act');
  if (PAST_ACT_CUES.has(kind)) features.push(`g:tense@${tense(words)}`);
  return features;
}

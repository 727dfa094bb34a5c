import {
  ACT_ON_OBJECT,
  CONSEQUENCE,
  CUES,
  DUTY,
  DUTY_PARTICIPLE,
  DUTY_VERB,
  HUMAN_ACTS,
  MODAL_ADVERB,
  OUTCOME_VERBS,
  RECOVERY,
  SIGNALS,
  type CueKind,
} from './cues';
import { HUMAN_ACTIVITY, IRREGULAR_PAST, ROLES } from './lexicon';
import { QUOTED } from './prose';
import { agentAfter, agentBefore, GERUND_SUBJECT, namesPerson, openingAgent, type Agent } from './subject';

/** One cue in a sentence, with who acts on it and the named features the model weighs. */
export interface Cue {
  kind: CueKind;
  start: number;
  end: number;
  words: string;
  agent: Agent;
  features: string[];
}

export interface SentenceReading {
  cues: Cue[];
  /** Whole-sentence signals: mood, place, and framings that change what a cue means. */
  signals: string[];
  /** Where each signal naming a party (a customer, an attacker, "you") found its words. */
  partySpans: Map<string, [number, number][]>;
  text: string;
}

/**
 * Signals that name a party besides the one the cue judges. Read from the cue's own words ("user error",
 * "know all your…") they name no one else, so they say nothing of the cue.
 */
const PARTY_SIGNALS: { name: string; pattern: RegExp }[] = SIGNALS.filter((s) =>
  ['audience', 'attacker', 'generic-you'].includes(s.name),
).map((s) => ({ name: `sig:${s.name}`, pattern: new RegExp(s.pattern.source, 'gi') }));

/** The spans of each party signal's own word: the last word of each match ("Through user" gives "user"). */
function partySpansOf(text: string, signals: readonly string[]): Map<string, [number, number][]> {
  const spans = new Map<string, [number, number][]>();
  for (const { name, pattern } of PARTY_SIGNALS) {
    if (!signals.includes(name)) continue;
    spans.set(
      name,
      [...text.matchAll(pattern)].map((m) => {
        const end = m.index! + m[0].length;
        return [end - (/[\w'’-]+$/.exec(m[0])?.[0].length ?? m[0].length), end];
      }),
    );
  }
  return spans;
}

const HUMAN: ReadonlySet<Agent> = new Set(['we', 'person', 'name']);
/** How far around a cue its subject and modifiers are read: a clause, not a page. */
const WINDOW = 200;
/** Past this many cues a "sentence" is not prose (a pasted log, a run-on table): the rest are not read. */
const MAX_CUES = 40;

/**
 * What may follow the person a phrase names: its end, a possessive, a verb, a clause or a preposition;
 * not "having" a thing, which is a state ("teams having incorrect addresses"), unlike "having deleted".
 */
const AFTER_HEAD = new RegExp(
  String.raw`^(?:[,;:.)]|['’]s\b|(?!having\s+(?!\w+(?:ed|en)\b))\w+(?:ing|ed|ly)\b` +
    String.raw`|(?:who|that|which|and|or|in|at|on|of|from|with|during|while|when|to|for)\b)`,
  'i',
);

/**
 * A person at the head of what follows: "caused by the on-call engineer", "due to someone", "when an
 * AT&T Mobility employee added…". The role must end its phrase: "due to the lead time" names no one.
 */
function personAhead(after: string): boolean {
  const tokens = [...after.slice(0, 80).matchAll(/[@\w'’&.-]+/g)].slice(0, 6);
  for (const [i, match] of tokens.entries()) {
    const token = match[0].replace(/['’]s$|[.]+$/i, '');
    const lower = token.toLowerCase();
    // "his script", "her change": a person's possessive names the one whose act it was.
    if (token.startsWith('@') || /^(?:someone|somebody|me|us|him|her|his)$/.test(lower)) return true;
    // "my change", "Dana's change": a possessive heading the phrase names whose act it was, as "his" does;
    // further on it names an owner ("a fault inside our network").
    if (i === 0 && (/^(?:my|our)$/.test(lower) || namesOwner(match[0]))) return true;
    // "the on-call engineer": a role before another role is a modifier; the phrase ends at the last one.
    const next = tokens[i + 1]?.[0].replace(/['’]s$|[.]+$/i, '').toLowerCase();
    if (ROLES.test(lower) && !(next && ROLES.test(next))) {
      return AFTER_HEAD.test(after.slice(match.index! + token.length).trimStart() || '.');
    }
    if (i > 0 && /^(?:by|to|with|for|from|in|on|at|of|which|that|after|before|during)$/i.test(token)) return false;
  }
  return false;
}

/** "Dana's", not "Tuesday's" nor "Redis's": a capitalised possessive that is no system and no day. */
function namesOwner(token: string): boolean {
  const owner = /^([A-Z][a-z]+)['’]s$/.exec(token)?.[1];
  return owner !== undefined && namesPerson(owner);
}

/**
 * The thing a cause names was done by a person: "the outcome of an oversight by one operator", "due to a
 * change pushed by the on-call engineer". Within its own clause, and "by" must follow the thing's phrase.
 */
function doneByPerson(after: string): boolean {
  const by = /^[^,;.()]{0,60}?\s(?:by)\s+([^,;.]{1,60})/i.exec(sameClause(after.slice(0, 140)));
  return by !== null && personAhead(by[1]);
}

/** The agent of a passive that follows a noun phrase: "(the wrong host) was rebooted by the operator". */
function passiveDoer(after: string): Agent {
  // The phrase may run a word or two past the cue: "(a wrong routing) table was loaded by".
  const passive =
    /^\s+(?:[\w-]+\s+){0,2}?(?:was|were|had\s+been|has\s+been|got)\s+(?:\w+ly\s+|first\s+|later\s+)?[a-z]+\b/i.exec(
      after,
    );
  return passive ? agentAfter(after.slice(passive[0].length)) : 'none';
}

/** Whom blame is laid on: the verb's object ("blamed one employee") or, past the thing, "on" someone. */
function blamedPerson(after: string): boolean {
  const clause = sameClause(after.slice(0, 120));
  const onWhom = /^[^,]{0,60}?\b(?:on|onto)\s+(.+)$/is.exec(clause)?.[1];
  return personAhead(clause) || (onWhom !== undefined && personAhead(onWhom));
}

const VERB_CUES: ReadonlySet<CueKind> = new Set(['slip-verb', 'ignore-verb', 'mis-verb', 'damage-verb', 'act-verb']);
const ATTRIBUTIVE_BEFORE =
  /\b(?:a|an|the|more|many|most|some|few|several|no|any|of|with|its|their|our|this|these|those|for|in|on)\s+$/i;
const PASSIVE_BEFORE =
  /\b(?:was|were|be|been|being|is|are|got|get|gets)\s+(?:(?:\w+ly|all|both|also|then|still|first|later|again)\s+)?$/i;
const PASSIVE_PARTICIPLE_BEFORE = /\b(?:was|were|be|been|being|is|are)\s+[a-z]+(?:ed|en|wn)\s+$/i;
const MODAL_BEFORE = /\b(?:should|would|could|must|might|may|can|won['’]t|\w+n['’]t)\s+(?:\w+\s+){0,2}$/i;
/** A modal after a gerund: "Firing the operator won't help". */
const MODAL_AHEAD = new RegExp(
  String.raw`^[^.;,]{0,40}?\b(?:won['’]t|will|would|wouldn['’]t|does\s*n['’]?o?t|doesn['’]t|is|isn['’]t)\b`,
  'i',
);
/** An open condition around the cue, one that is no "if … had" counterfactual: "if someone deploys…". */
const OPEN_CONDITION_BEFORE = /\b(?:if|unless|in\s+case|whenever)\b(?![^,;.]*\bhad\b)[^,;.]*$/i;
/** What a guard keeps from happening; "tested it against", "ran the script against production" act on a target. */
const GUARDED_BEFORE = new RegExp(
  String.raw`(?:(?<!\b(?:test\w*|check\w*|run|ran|runs|validat\w*|compar\w*|verif\w*)\s(?:[\w'’-]+\s){0,3})` +
    String.raw`\bagainst` +
    String.raw`|\b(?:prevents?|preventing|avoid|avoids|avoiding))\b[^,;.]{0,60}$`,
  'i',
);
const NEGATION_BEFORE = /(?:\bnot|\bnever|n['’]t|\bno)\s+(?:\w+\s+){0,2}$/i;

/** A capitalised name is as often a product as a person: it keeps its own group, weighed from the data. */
function agentGroup(agent: Agent): string {
  return agent === 'we' || agent === 'person' ? 'human' : agent;
}

const MENTIONS_PERSON =
  /(?:^|[^\w@])(?:we|i|he|she|us|me|him|someone|somebody|@\w+)\b|\b(?:engineers?|developers?|operators?|admins?|administrators?|employees?|staff|on-?call\w*|sysadmins?|technicians?|contractors?|reviewers?|authors?|team|person|personnel|interns?|managers?|dba|supervisors?)\b/i;

/** "US East", "IT": capitals are acronyms, so they do not read as "us" or "it". */
function withoutAcronyms(text: string): string {
  return text.replace(/\b[A-Z]{2,}\b/g, '');
}

/** Words that follow a verb but never a participle used as an adjective ("misconfigured the cache"). */
const AFTER_VERB = new RegExp(
  String.raw`^\s+(?:the|a|an|this|that|these|those|it|its|them|him|her|their|our|my|your|his|to|by|on|in|at` +
    String.raw`|for|from|with|of|and|or|but|up|down|out|off|back|into|over|as|all|some|any|every|one|two|\w+ly)\b`,
  'i',
);

/**
 * "uncovered misconfigured infrastructure", "due to misconfigured cache settings": a participle
 * between a non-subject and a noun describes a thing's state; after a person ("we misconfigured
 * production") it is still that person's act.
 */
function modifiesNoun(before: string, after: string): boolean {
  if (!/^\s+[a-z][\w-]*/.test(after) || AFTER_VERB.test(after)) return false;
  const previous = /([@\w'’-]+)\s+$/.exec(before)?.[1];
  if (!previous) return false;
  const agent = agentBefore(previous);
  // "the firm ignored dozens of warnings": after an organisation, as after a person, it is a verb.
  return agent !== 'we' && agent !== 'person' && agent !== 'name' && agent !== 'org';
}

/** What a look found nothing of: "(did not see) any errors", "anything unusual", "a spike". */
const ABSENT_SIGNAL =
  /^\s+(?:any|anything|a\s+single|much|signs?|evidence|errors?|alerts?|warnings?|problems?|issues?|spikes?)\b/i;

/**
 * What follows a cue up to the end of its clause: a consequence in the next clause is another act's, unless
 * that clause points back at the act ("…, and this made the queue stall", as "…, which caused").
 */
const CLAUSE_END = new RegExp(
  String.raw`[.;]|,\s*(?:and|but|so)\b` +
    String.raw`(?!\s+(?:this|that)\s+(?:then\s+|in\s+turn\s+)?(?:caus|led|lead|result|trigger))` +
    String.raw`|\b(?:and|but)\s+(?:we|i|they)\b`,
  'i',
);

function sameClause(after: string): string {
  return after.split(CLAUSE_END)[0];
}

const PASSIVE_KINDS: ReadonlySet<CueKind> = new Set([
  'modal-perfect',
  'omission',
  'not-verified',
  'slip-verb',
  'ignore-verb',
]);

/**
 * The participle of a cue told in the passive, with what follows it: "weren't followed", "should have been
 * checked", "was overlooked", "was wrongly estimated", "was executed incorrectly". Undefined when not passive.
 */
function passiveParticiple(kind: CueKind, words: string, before: string, after: string): [string, string] | undefined {
  const last = /([a-z][\w-]*)\s*$/i.exec(words)?.[1] ?? '';
  if (kind === 'verdict-adverb') {
    if (PASSIVE_PARTICIPLE_BEFORE.test(before)) return [/(\w+)\s+$/.exec(before)![1], after];
    const next = PASSIVE_BEFORE.test(before) ? /^\s+(\w+)(.*)$/s.exec(after) : null;
    return next ? [next[1], next[2]] : undefined;
  }
  if (!PASSIVE_KINDS.has(kind)) return undefined;
  if (kind === 'modal-perfect' && ELIDED_BEEN.test(words + after.slice(0, 3))) {
    const earlier = [...before.matchAll(/\b(?:was|were|been)\s+(?:\w+ly\s+)?([a-z]+(?:ed|en))\b/gi)].pop();
    return earlier ? [earlier[1], ''] : undefined;
  }
  // Told in the past: "tasks are forgotten" states a risk, not a lapse.
  const passive =
    PAST_PASSIVE_BEFORE.test(before) ||
    (kind === 'modal-perfect' && /\bbeen\s+\S+$/i.test(words)) ||
    (kind === 'omission' && /^(?:was|were|ha[sdv])/i.test(words));
  return passive ? [last, after] : undefined;
}

/** "was merged when it should not have been": the participle is the earlier one, left out after "been". */
const ELIDED_BEEN = /\bbeen\s*(?:[.;,)!?]|$)/i;

const PAST_PASSIVE_BEFORE = /\b(?:was|were|been|got)\s+(?:(?:\w+ly|all|both|also|then|still)\s+)?$/i;
/** "had not been exercised in months", "wasn't picked up for 9 hours": a stretch of time describes a gap. */
const OVER_TIME = new RegExp(
  String.raw`^[^.;,]{0,40}?\b(?:in|for)\s+(?:some|a\s+long|a\s+while|ages|years|months|weeks|a\s+year` +
    String.raw`|(?:(?:nearly|almost|over|about|around|more\s+than|several)\s+)?` +
    String.raw`(?:\d+|an?|two|three)\s+(?:hours?|min\w*|days?))\b`,
  'i',
);

/** Whether a passive names a person's task: "was not taken seriously", "the flag was overlooked". */
function dutyPassive(participle: [string, string] | undefined): boolean {
  if (!participle) return false;
  const [verb, rest] = participle;
  return DUTY_PARTICIPLE.test(verb) || (/^taken$/i.test(verb) && /^\s+(?:seriously|into\s+account)\b/i.test(rest));
}

/** The sentence's own forward-looking words, whatever its section: "must", "will", "going forward". */
const FORWARD = SIGNALS.find((s) => s.name === 'forward')!.pattern;

const BUT_INSTEAD = /^[^.;]*?\b(?:but|yet|however|instead|except)\b/i;

/** "People make mistakes", "developers will make mistakes": a mistake made in the present or future is a rule. */
const GENERIC_MAKE = new RegExp(
  String.raw`\b(?:(?:make|makes|making|will\s+make|can\s+make|could\s+make)\s+(?:(?:a|the\s+same|such|more)\s+)?` +
    // "any of us might have made that same slip": the same slip said of everyone is no verdict on one.
    String.raw`|(?:could|would|might)\s+(?:\w+\s+)?have\s+made\s+(?:the\s+same|a\s+similar|that\s+same)\s+)$`,
  'i',
);

/** Oversight as supervision: graded ("insufficient oversight") or set beside controls and processes. */
const SUPERVISION_BEFORE = new RegExp(
  String.raw`\b(?:(?:insufficient|inadequate|adequate|proper|more|less|little|no|internal|regulatory|management` +
    String.raw`|executive|better|stronger|weak|lack\s+of)\s+|(?:processes|controls|governance|procedures|policies)` +
    String.raw`\s+(?:and|or)\s+)$`,
  'i',
);
const CONTROLS_AFTER =
  /^\s+(?:and|or)\s+(?:\w+\s+)?(?:controls|processes|governance|procedures|policies)\b|^\s+(?:of|over)\b/i;

const FLAW_IN_THING = new RegExp(
  String.raw`^\s+in\s+(?:(?:the|a|an|our|this|that|its|their)\s+)?(?:[\w-]+\s+){0,2}?(?:logic|code|config\w*|script` +
    String.raw`|query|file|template|migration|schema|settings?|rules?|function|module|library|formula|calculation` +
    String.raw`|docs?|documentation|spreadsheet|manifest|runbook|commit|patch|release|values?|parser|check)\b`,
  'i',
);

/** Acts that find or fix something: done by accident they are luck, not a slip ("found the leak by accident"). */
const FORTUNATE_ACT = new RegExp(
  String.raw`\b(?:found|discovered|noticed|spotted|uncovered|stumbled|learned|learnt|worked\s+around|fixed|solved` +
    String.raw`|resolved|caught|avoided)\b`,
  'i',
);

/** The occasion a label is tied to: "(human error) during the migration", "(a typo) made while pasting". */
const LABEL_OCCASION = /^\s+(?:made\s+)?(?:during|while|whilst|when|following|in\s+the\s+course\s+of)\b/i;

/** Cues that pass a verdict on an act, unlike those that tell the act ("deleted", "caused by"). */
const JUDGING: ReadonlySet<CueKind> = new Set([
  'modal-perfect',
  'if-had',
  'failed-to',
  'slip-verb',
  'not-verified',
  'omission',
  'ignore-verb',
  'mis-verb',
  'error-label',
  'mistake',
  'verdict-adverb',
  'wrong-object',
  'verdict',
  'judged-act',
  'character',
]);

/** A single person's determiner before a trait, with a degree adverb: "the (clearly) …", "a …", "our …". */
const ONE_BEFORE = /\b(?:a|an|the|this|that|our|my|his|her|their|one)\s+(?:\w+ly\s+)?$/i;

const TRAIT_NOUN = /^(?:\s*[—–]\s*[^—–.;]{1,30}[—–]\s*|\s+(?:and\s+)?(?:[\w-]+\s+)?)([\w-]+)/;

/** The trait's noun after it, past an aside between dashes or one more adjective: "— and rash — worker". */
function traitOfOne(before: string, after: string): boolean {
  if (!ONE_BEFORE.test(before)) return false;
  const noun = TRAIT_NOUN.exec(after)?.[1] ?? '';
  const plain = /^(?:\s*[—–][^—–.;]{1,30}[—–])?\s+([\w-]+)/.exec(after)?.[1] ?? '';
  return [noun, plain].some((word) => ROLES.test(word) && !/s$/i.test(word));
}

/** Conditions people are in, rather than traits they have. */
const STATE_WORD = /^(?:tired|exhausted|weary|sleepy|fatigued|distracted|half-asleep)$/i;

/** Verdict adverbs that judge a mind; "incorrectly", "erroneously" are also said of systems. */
const MIND_ADVERB =
  /^(?:mistakenly|wrongly|carelessly|hastily|hurriedly|recklessly|foolishly|stupidly|naively|blindly)$/i;

/** The verb an accident adverb qualifies: the few words after it, or its own clause before it. */
function actQualified(before: string, after: string): string {
  const clause = before.split(/[.;,:]|\b(?:and|but|while|when|so|then)\b/i).pop() ?? '';
  return `${clause} ${/^\s*(?:\S+\s+){0,1}\S*/.exec(after)?.[0] ?? ''}`;
}

function cueFeatures(
  kind: CueKind,
  text: string,
  start: number,
  end: number,
  agent: Agent,
  signals: string[],
): string[] {
  const words = text.slice(start, end).toLowerCase();
  const after = text.slice(end, end + WINDOW);
  const before = text.slice(Math.max(0, start - WINDOW), start);
  const group = agentGroup(agent);
  const f = [`cue:${kind}`, `cue:${kind}@${agent}`, `cue:${kind}@${group}`];
  if (MENTIONS_PERSON.test(withoutAcronyms(text))) f.push(`cue:${kind}+mentions-person`);
  // "was wrongly estimated", and for an adverb after its verb "was executed incorrectly".
  const passive = PASSIVE_BEFORE.test(before) || (kind === 'verdict-adverb' && PASSIVE_PARTICIPLE_BEFORE.test(before));
  if (passive) f.push(`cue:${kind}+passive`);
  // "accidentally", "inadvertently" deny intent; "wrongly", "hastily" grade the choice.
  if (kind === 'verdict-adverb' && /^(?:accident|inadvertent|unintentional|by\s+accident)/i.test(words)) {
    f.push('cue:verdict-adverb+accident');
    if (FORTUNATE_ACT.test(actQualified(before, after))) f.push('cue:verdict-adverb+fortunate');
  }
  // "wrongly assuming", "hastily pushed": only a mind errs or hurries, whatever the sentence's subject.
  if (kind === 'verdict-adverb' && MIND_ADVERB.test(words)) f.push('cue:verdict-adverb+mind');
  if (NEGATION_BEFORE.test(before)) f.push(`cue:${kind}+negated`);
  // "if you slip up, that is fine", "should another error occur": a case imagined, not an act reported.
  if (kind !== 'if-had' && OPEN_CONDITION_BEFORE.test(before.slice(-80))) f.push('cue:open-condition');
  // "no guard against running it as the wrong user", "to prevent this mistake": what a guard is for, not an act.
  // A try-harder remedy is itself what it asks to avoid, and "human error" stays a label whatever guards it.
  // "Don't deploy when you're tired": a state to stay out of, told as an order, asks people to try harder.
  const stateAdvice = kind === 'character' && STATE_WORD.test(words) && signals.includes('sig:imperative');
  if (stateAdvice) f.push('cue:character+advice');
  const guardable = kind !== 'vigilance' && kind !== 'error-label' && !stateAdvice;
  if (guardable && GUARDED_BEFORE.test(before.slice(-80))) f.push('cue:guarded-against');
  // A task told in the passive with no one named still judges whoever had it; a thing's state does not.
  if (agent === 'none' && !OVER_TIME.test(after) && dutyPassive(passiveParticiple(kind, words, before, after))) {
    f.push('passive:duty');
  }
  // "a misconfigured cache", "more missed slots": a participle used as an adjective describes a state.
  // "the misconfiguration pushed by a contractor": a noun for the act, whose doer is named, is that person's act.
  // Only with the doer named after it: "the team found a misconfiguration" is no act of the team's.
  const actNoun = /ions?$/i.test(words);
  const actOfPerson = actNoun && HUMAN.has(agentAfter(after.slice(0, 50)));
  const attributive = !actOfPerson && (ATTRIBUTIVE_BEFORE.test(before) || actNoun || modifiesNoun(before, after));
  if (VERB_CUES.has(kind) && attributive) {
    f.push(`cue:${kind}+attributive`);
  }
  if (kind === 'vigilance' && signals.includes('sig:forward')) f.push('cue:vigilance+forward');
  if (kind === 'vigilance' && signals.includes('sig:imperative')) f.push('cue:vigilance+imperative');
  // "The on-call engineer double-checked the config": care that was taken, told as what happened.
  // Not "staff must be trained and reminded": a passive, or a sentence whose own words look forward, asks for it.
  const toldAsDone = !PASSIVE_BEFORE.test(before) && !/^(?:be|being|get)\s+trained/i.test(words) && !FORWARD.test(text);
  if (kind === 'vigilance' && /(?:ed|ded)$/i.test(words) && toldAsDone) f.push('cue:vigilance+past');
  // "skimmed the diff without much care": care said to be missing is a verdict on the person, not advice.
  if (kind === 'vigilance' && /^(?:be|being|been)\s/i.test(words) && /\b(?:without|not|never)\s+$/i.test(before)) {
    f.push('cue:vigilance+lacking');
  }
  // "we would just have to restart it" weighs a plan; "we just had to restart it" judges what was done.
  if (
    kind === 'minimiser' &&
    !/\b(?:would|will|can|may|might|['’]ll|['’]d)\s*$/i.test(before) &&
    /^\s+(?:had\s+to|needed\s+to|have\s+to|has\s+to|could|should|forgot|missed|ignored|did\s*n['’]?o?t|failed)/i.test(
      after,
    )
  ) {
    f.push(`cue:minimiser+act@${agentGroup(agent)}`);
  }
  if (kind === 'mistake' && /\b(?:was|is|were|be)\s+(?:\w+\s+)?(?:a|an|our|my)\s+(?:\w+\s+)?$/i.test(before))
    f.push('cue:mistake+verdict');
  if (
    kind === 'if-had' &&
    /\b(?:see|ask\w*|check\w*|know|knew|wonder\w*|whether|find\s+out|confirm\w*)\s+if\b/i.test(
      text.slice(Math.max(0, end - WINDOW), end),
    )
  ) {
    f.push('cue:if-had+embedded-question');
  }
  // "if you had a saved cart": "had" before a noun is what someone had, no act they failed to take.
  if (kind === 'if-had' && /^if\b/i.test(words) && ownsRatherThanActs(after)) f.push('cue:if-had+possession');
  // "Nobody should be fired for this", "Firing the engineer won't help": a sanction weighed, not one reported.
  if (kind === 'sanction' && (MODAL_BEFORE.test(before) || (/ing\b/i.test(words) && MODAL_AHEAD.test(after)))) {
    f.push('cue:sanction+hypothetical');
  }
  // "failed to follow the runbook", "failure to ask": a person's duty, whoever the sentence names.
  if (kind === 'failed-to' && DUTY_VERB.test(after.slice(0, 40))) f.push('cue:failed-to+duty');
  // "did not follow the procedure" leaves a duty undone; "did not fire" is a system's.
  if (kind === 'omission' && DUTY.test(words.split(/\s+/).pop() ?? '')) f.push(`cue:omission+duty@${group}`);
  // "added the faulty webhook", "by picking the wrong option": the flawed thing is the object of someone's act.
  if ((kind === 'wrong-object' || kind === 'faulty-object') && ACT_ON_OBJECT.test(before.slice(-40))) {
    f.push(`object:acted-on@${group}`);
  }
  // "deleted the stuck pods", "the worker process was killed by us": a unit the platform replaces is what
  // responders remove to recover; a table, a file or a bucket is lost with the act.
  if (kind === 'damage-verb' && (RUNTIME_OBJECT.test(sameClause(after)) || RUNTIME_SUBJECT.test(before))) {
    f.push('object:runtime-unit');
  }
  // "A faulty rule set was originally written by a contractor": the flawed thing, subject of a passive whose
  // agent is named after "by".
  const doer = kind === 'wrong-object' || kind === 'faulty-object' ? passiveDoer(after) : 'none';
  if (doer !== 'none') f.push(`object:acted-on@${agentGroup(doer)}`);
  if ((kind === 'mistake' || kind === 'error-label') && /s$/i.test(words)) f.push(`cue:${kind}+plural`);
  // "a human error during the failover", "a slip made while typing": a label tied to its occasion tells of one
  // act, even in a headline's present tense; "human error is inevitable" names none.
  if ((kind === 'mistake' || kind === 'error-label') && LABEL_OCCASION.test(after)) f.push('cue:label+occasion');
  // A timeline row is mostly response work; one that judges a responder's act ("@sam does not update the
  // runbook", "we should have drained it first") is a verdict told in the timeline.
  // Fatigue in a row ("everyone is tired") is a condition, not a verdict.
  const condition = kind === 'character' && STATE_WORD.test(words);
  if (signals.includes('sig:timeline') && JUDGING.has(kind) && HUMAN.has(agent) && !condition) {
    f.push('timeline:judges@human');
  }
  // "insufficient oversight and controls": oversight as supervision, something an organisation has or lacks.
  if (
    kind === 'mistake' &&
    /^oversight$/i.test(words) &&
    (SUPERVISION_BEFORE.test(before) || CONTROLS_AFTER.test(after))
  ) {
    f.push('cue:mistake+supervision');
  }
  if (kind === 'mistake' && GENERIC_MAKE.test(before)) f.push('cue:mistake+generic');
  // "a mistake in the upgrade logic", "a typo in the config file": a flaw in a thing, not a verdict on someone.
  if ((kind === 'mistake' || kind === 'error-label') && FLAW_IN_THING.test(after)) f.push('cue:mistake+in-thing');
  // "we often forget to rotate the keys", "jobs fail to start": a habit or a rule, not a past lapse.
  if (kind === 'failed-to' && /^(?:forget|fail|neglect|omit)\s/i.test(words)) f.push('cue:failed-to+present');
  // The guide's traits judge a person; fatigue and distraction said of people are conditions, which it asks
  // authors to describe.
  // "the whole bridge was exhausted" describes a condition; "a weary sysadmin wiped…" still pins the act on a trait.
  const predicative =
    /\b(?:is|was|were|are|been|being|be|felt|feel|feels|got|get|getting|seemed|looked)\s+(?:\w+\s+)?$/i;
  if (kind === 'character' && STATE_WORD.test(words) && predicative.test(before) && !stateAdvice) {
    f.push('cue:character+state');
  }
  // "the clearly incompetent — and careless — admin": a trait pinned on one person is a verdict in any tense;
  // "careless engineers cause outages" states a rule.
  if (kind === 'character' && !STATE_WORD.test(words) && traitOfOne(before, after)) f.push('cue:character+of-one');
  // "we did not see any errors": the absence of a signal, what was known at the time, not a lapse.
  if (kind === 'not-verified' && /\b(?:see|saw|notice|noticed|find|found)$/i.test(words) && ABSENT_SIGNAL.test(after)) {
    f.push('cue:not-verified+absent-signal');
  }
  if (kind === 'modal-perfect') {
    const modal = /^\w+/.exec(words)![0].replace(/n?['’]?t?ve$|n['’]t$/, '');
    const verbs = words.split(/\s+/);
    const verb = verbs[verbs.length - 1];
    f.push(`modal:${modal}`, `modal:${modal}@${agentGroup(agent)}`);
    if (/\bbeen\b/.test(words)) f.push('modal:been');
    if (HUMAN_ACTS.test(verb.split('-').pop()!) && HUMAN.has(agent)) f.push('modal:human-act@human');
    // "should have caught" is an obligation; "would have caught" a predicted outcome.
    const obligation = modal === 'should' || modal === 'must';
    // "it would have been a good idea to test…": the better course names an act someone did not take;
    // its "been" is no outcome.
    const betterCourse = namesBetterCourse(text, start);
    if (betterCourse) f.push('modal:better-course');
    if (OUTCOME_VERBS.test(verb) && !obligation && !betterCourse) f.push('modal:outcome-verb');
    else if (obligation && /\bbeen\b/.test(words) && HUMAN_ACTS.test(verb.split('-').pop()!))
      f.push('modal:been-human-act');
    if (/\bnot|n['’]t|never\b/.test(words)) f.push('modal:negated');
    // "could have waited, but pursued…": the other path set beside the one taken, and why.
    if (BUT_INSTEAD.test(after)) f.push('modal:but');
    // "we could have rolled back, but it would not have helped": the other path weighed and found no better.
    const otherPath = NO_DIFFERENCE.exec(sameSentence(after))?.[0];
    if (otherPath && NEGATED_OUTCOME.test(otherPath)) f.push('modal:no-difference');
    if (/have$/i.test(words)) f.push('modal:elided');
    f.push(...modalSense(words, before, agent));
  }
  // "we started receiving errors": an act verb before a gerund or an infinitive is aspect, not a deed.
  const aspectual = /^\s+(?:to\s+\w+|\w+ing)\b/i.test(after);
  const consequence = sameClause(after.slice(0, 120));
  if (kind === 'act-verb' && !aspectual && CONSEQUENCE.test(consequence) && !RECOVERY.test(consequence)) {
    f.push(`cue:act-verb+consequence@${agentGroup(agent)}`);
  }
  // "The root cause was an engineer…": a person as the complement of the root cause.
  const complement = /^\s*(?:was|is|were|:)\s*(.*)$/is.exec(after)?.[1];
  if (
    kind === 'root-cause' &&
    complement &&
    (personAhead(complement) || /^(?:human|operator)\s+error/i.test(complement))
  ) {
    f.push('cue:root-cause+person');
  }
  if (kind === 'caused-by') {
    f.push(`cue:caused-by+${personAhead(after) || doneByPerson(after) ? 'person' : 'thing'}`);
  }
  if (kind === 'blame-verb' && blamedPerson(after)) f.push('cue:blame-verb+person');
  return [...new Set(f)];
}

const RUNTIME_UNIT = String.raw`(?:pods?|containers?|process(?:es)?|instances?|workers?|sessions?|connections?|threads?|vms?)`;
const RUNTIME_OBJECT = new RegExp(String.raw`^\s+(?!by\b)(?:[\w-]+\s+){0,3}?${RUNTIME_UNIT}\b`, 'i');
const RUNTIME_SUBJECT = new RegExp(String.raw`\b${RUNTIME_UNIT}\s+(?:was|were|got)\s+(?:\w+\s+)?$`, 'i');

/** After "if … had": a determiner or a noun, not a participle ("had tested") nor an adverb ("had only"). */
function ownsRatherThanActs(after: string): boolean {
  const next = /^\s+([\w'’-]+)/.exec(after)?.[1];
  return next !== undefined && !PARTICIPLE(next) && !/^(?:not|never|only|just|already|also|\w+ly)$/i.test(next);
}

/** Past participles that do not end in -ed, -en or -wn: what may follow "should have" in a perfect. */
const IRREGULAR_PARTICIPLE = new RegExp(
  String.raw`^(?:${IRREGULAR_PAST}|done|gone|run|come|become|seen|been|had|caught|taught|bought|sought|paid|said` +
    String.raw`|read|won|begun|slept|dealt|felt|built|stood|understood|spent|lent)$`,
  'i',
);
const PARTICIPLE = (word: string) => /(?:ed|en|wn|ne)$/i.test(word) || IRREGULAR_PARTICIPLE.test(word);
/** Degree words between "been" and what it says: "would have been (much) worse". */
const DEGREE = /^(?:\w+ly|very|much|far|so|too|even|quite|pretty|more|less|a|lot|bit|little|or|and|somewhat)$/i;
/** "tested what could have gone wrong", "asked whether we could have…": a question embedded in the sentence. */
const EMBEDDED_QUESTION_BEFORE = /\w[\w,]*\s+(?:what|whether|how|why)\s+(?:[\w'’-]+\s+){0,3}$/i;

const MODAL_ADVERB_WORD = new RegExp(String.raw`^(?:${MODAL_ADVERB}|at|least)$`, 'i');

/** "would have been smart to stage it first", "should have been wiser to wait": the course not taken. */
const BETTER_COURSE = new RegExp(
  String.raw`^\w+(?:n['’]?t)?\s+(?:\w+\s+)?have\s+(?:\w+\s+)?been\s+(?:a\s+|much\s+|far\s+)?` +
    String.raw`(?:good|better|wiser|safer|smarter|prudent|best|sensible)\s+` +
    String.raw`(?:idea\s+|move\s+|choice\s+|call\s+|practice\s+)?to\s+(?:have\s+)?([a-z]+)`,
  'i',
);

function namesBetterCourse(text: string, start: number): boolean {
  const course = BETTER_COURSE.exec(text.slice(start, start + 120));
  return course !== null && !WISHED_STATE.test(course[1]);
}

/** An alternative that would have changed nothing: "would not have helped", "wouldn't have made a difference". */
const NO_DIFFERENCE = new RegExp(
  String.raw`\b(?:would|might|could)(?:n['’]t|\s+not|\s+never)?\s+(?:(?:also|still|even|really)\s+)?have\s+` +
    String.raw`(?:(?:not|never)\s+)?(?:helped|changed\s+(?:anything|much|the\s+outcome)|mattered` +
    String.raw`|made\s+(?:a|any|much|no)\s+difference|prevented\s+(?:it|this|that))\b`,
  'i',
);
/** Only a negated outcome says the other path was no better: "would have helped" says it was. */
const NEGATED_OUTCOME = /\b(?:n['’]t|not|never|no)\b/i;

/** What follows a cue up to the end of its sentence. */
function sameSentence(after: string): string {
  return after.split(/[.!?](?:\s|$)/)[0];
}

/** "it would have been better to have more logs", "… to know sooner": a wish for what was missing, not an act. */
const WISHED_STATE = /^(?:have|be|see|know|get|hear|learn|find|receive)$/i;

const WISH = /^(?:loved|liked|preferred|wanted|hoped|wished|appreciated|enjoyed)$/i;

/**
 * The sense of a modal perfect beyond who acts. "must have sufficient controls" is no perfect at all
 * (a participle must follow "have"); "would have been partially unavailable" states how bad a thing's
 * state would have been; "what could have gone wrong" is a question, not a verdict.
 */
function modalSense(words: string, before: string, agent: Agent): string[] {
  const tokens = words.split(/\s+/);
  const haveAt = tokens.findIndex((t) => /^(?:have|of)$|['’]?ve$/i.test(t));
  const afterHave = tokens.slice(haveAt + 1).filter((t) => !/ly$/i.test(t) && !MODAL_ADVERB_WORD.test(t));
  const out: string[] = [];
  if (afterHave.length > 0 && !PARTICIPLE(afterHave[0])) out.push('modal:no-participle');
  if (afterHave[0] === 'been' && !HUMAN.has(agent)) {
    // The cue stops at the word after "been"; degree words there say a state follows, not an act.
    const complement = tokens.slice(tokens.indexOf('been') + 1);
    // An empty one is "been" standing for an earlier participle: "approved when it should not have been".
    if (complement.length > 0 && (complement.every((t) => DEGREE.test(t)) || !PARTICIPLE(complement[0])))
      out.push('modal:been-state');
  }
  if (EMBEDDED_QUESTION_BEFORE.test(before)) out.push('modal:embedded-question');
  // "we would have liked to have…": a wish for what was missing, not a verdict on what was done.
  if (WISH.test(afterHave[0] ?? '')) out.push('modal:wish');
  return out;
}

/** Verbs only people do: after one, a capitalised subject is a person's name, not a product's. */
const HUMAN_VERB = new RegExp(
  String.raw`^(?:typed|pressed|clicked|forgot|decided|ran|entered|mistyped|misread|misjudged|unplugged|disconnected)$`,
  'i',
);

/** A verb of judging, its object, then "for" and the act: "criticised the carrier for", "blamed Dana for". */
const JUDGED_FOR = new RegExp(
  String.raw`\b(?:critici[sz]ed|critici[sz]ing|blamed|blaming|faulted|faulting|fined|accused|sued|reprimanded` +
    String.raw`|censured|penali[sz]ed|chastised|condemned|slammed|rebuked|scolded)\s+([^,;.]{1,40}?)\s+for\s+$`,
  'i',
);

/** Who is judged: a person, "us", or else an organisation ("AT&T", "the carrier"): things are not judged. */
function judgedAgent(object: string): Agent {
  if (/^(?:us|me)$/i.test(object.trim())) return 'we';
  return namesPerson(object) ? 'person' : 'org';
}

const PERSON_TRAIT = /^(?:rookie|noob|n00b|amateur|fools?|nitwits?|idiots?|morons?)$/i;
const POSSESSIVE_BEFORE = /\b(?:(my|our)|(his|her|their|your|someone['’]s|\w+['’]s))\s+(?:\w+\s+)?$/i;
const LABELS: ReadonlySet<CueKind> = new Set(['mistake', 'error-label', 'character', 'verdict', 'judged-act']);

/** Work that people do, named as a noun: a trait said of it is said of them ("sloppy fixes", "a hasty deploy"). */
const WORK_NOUN = /^(?:fix(?:es)?|changes?|work|coding|code|handling|reviews?|deploys?|planning|testing|practices?)$/i;

/** Whom a trait before a noun phrase describes: a role's person, or people through their work; else none named. */
function traitBearer(after: string): Agent {
  // Only an attributive trait: "careless engineer", not "careless, and", "careless with".
  const words = /^\s+((?:[a-z][\w-]*\s+){0,2}[a-z][\w-]*)/.exec(after)?.[1].split(/\s+/) ?? [];
  for (const word of words) {
    if (PAST_OR_PREPOSITION.test(word)) break;
    if (ROLES.test(word)) return 'person';
    if (WORK_NOUN.test(word) || HUMAN_ACTIVITY.test(word)) return 'activity';
  }
  return 'none';
}

const PAST_OR_PREPOSITION = new RegExp(
  String.raw`^(?:[a-z]+ed|${IRREGULAR_PAST}|with|about|of|to|for|in|on|at|and|or|but|is|was|were|are)$`,
  'i',
);

function agentFor(kind: CueKind, text: string, start: number, end: number, opener: Agent): Agent {
  const before = text.slice(Math.max(0, start - WINDOW), start);
  // In a passive ("the key was accidentally deleted") the subject is what was acted on: the agent,
  // if any, is named after "by".
  // "The operator who sent it has been reassigned": whoever is sanctioned is the sentence's subject.
  if (kind === 'sanction' && HUMAN.has(opener)) return opener;
  const passiveModal =
    (kind === 'modal-perfect' && /\bbeen\s+\w+(?:ed|en|wn)\b/i.test(text.slice(start, end))) ||
    (kind === 'modal-perfect' && ELIDED_BEEN.test(text.slice(start, end + 3))) ||
    (kind === 'omission' && /^(?:was|were|ha[sdv])(?:n['’]t)?\b/i.test(text.slice(start, end)));
  // "It would have been a good idea to test…": "it" stands for the course; whoever should have taken it is unnamed.
  if (kind === 'modal-perfect' && namesBetterCourse(text, start)) return 'none';
  const adverbAfterParticiple = kind === 'verdict-adverb' && PASSIVE_PARTICIPLE_BEFORE.test(before);
  // "a change pushed by the on-call engineer": a participle after its noun, with its agent after "by".
  const reducedPassive = VERB_CUES.has(kind) && /^\s+by\s/i.test(text.slice(end, end + 5));
  // "he was careless", "I was half-asleep": a trait after a copula is said of the subject, when that is a person;
  // "use of a shared password was reckless" judges whoever chose it, as a passive with no one named.
  const copularSubject = kind === 'character' && PASSIVE_BEFORE.test(before) ? agentBefore(before) : 'none';
  if (HUMAN.has(copularSubject)) return copularSubject;
  if (PASSIVE_BEFORE.test(before) || passiveModal || adverbAfterParticiple || reducedPassive) {
    return agentAfter(text.slice(end, end + WINDOW));
  }
  // "The regulator faulted the carrier for failing to test": whoever is judged "for" the act is its agent.
  const judged = JUDGED_FOR.exec(before)?.[1];
  if (judged) return judgedAgent(judged);
  // "if the canary had compared…": the subject of the condition is inside the cue.
  // "Had the reviewer looked…": in the inverted form it follows.
  if (kind === 'if-had') {
    const condition = text.slice(start, end).replace(/had$/i, '');
    return /\w/.test(condition) ? agentBefore(condition) : openingAgent(text.slice(end, end + WINDOW));
  }
  // "…, nor did he test it": the inverted negation names its subject after the auxiliary.
  const inverted = /^(?:nor|neither)\s+\w+\s+([@\w'’-]+)/i.exec(text.slice(start, end));
  if (inverted) return agentBefore(`${inverted[1]} `);
  // "a failure to spin up VMs" names no thing that acts; "our failure to notice" names its owner;
  // "failure to follow procedures" leaves a duty undone without naming whose.
  if (kind === 'failed-to' && /^failure/i.test(text.slice(start, end))) {
    const possessor = POSSESSIVE_BEFORE.exec(before);
    if (possessor) return possessor[1] ? 'we' : 'person';
    return DUTY_VERB.test(text.slice(end, end + 40)) ? 'none' : 'thing';
  }
  // "a nitwit", "the next poor fool": a trait noun names the person it judges.
  if (kind === 'character' && PERSON_TRAIT.test(text.slice(start, end))) return 'person';
  // "a careless engineer", "sloppy bug fixes": a trait before its noun is said of that person or of their work.
  const bearer = kind === 'character' ? traitBearer(text.slice(end, end + 40)) : 'none';
  if (bearer !== 'none') return bearer;
  // "my mistake", "their gaffe": the owner of a label is its agent.
  const owner = LABELS.has(kind) ? POSSESSIVE_BEFORE.exec(before) : null;
  if (owner) return owner[1] ? 'we' : 'person';
  // "my fault", "his error": the possessive inside the cue names the owner.
  const own = kind === 'mistake' ? /^(my|our)|^(?:his|her|their)\b/i.exec(text.slice(start, end)) : null;
  if (own) return own[1] ? 'we' : 'person';
  // "an oversight by the on-call engineer": a label's agent may follow it.
  const named = LABELS.has(kind) || (kind === 'mis-verb' && /ions?$/i.test(text.slice(start, end)));
  const labelAgent = named ? agentAfter(text.slice(end, end + 50)) : 'none';
  if (labelAgent === 'we' || labelAgent === 'person') return labelAgent;
  // "a poor decision", "a bad call": the verdict's own noun is something only people do.
  if (kind === 'verdict' && /\b(?:judge?ments?|decisions?|calls?|choices?)$/i.test(text.slice(start, end)))
    return 'activity';
  // "a botched update" grades something people did, whoever the sentence opens with.
  if (kind === 'judged-act') return 'activity';
  // A label or a verdict word names no one itself: whoever the sentence is about is read at its head.
  if (kind === 'caused-by' || kind === 'root-cause' || kind === 'blame-verb') return 'none';
  // "Firing the operator would not have stopped it": the cue's subject is the whole gerund phrase.
  if (GERUND_SUBJECT.test(text.slice(0, start) + ' x')) return 'activity';
  const agent = agentBefore(before);
  // A capitalised word is often a product, but one that types, forgets or decides is a person.
  if (agent === 'name' && HUMAN_VERB.test(text.slice(start, end)) && /\b[A-Z][a-z]+\s+(?:\w+ly\s+)?$/.test(before)) {
    return 'person';
  }
  // A clause without a subject of its own ("…, inadvertently causing") shares the sentence's.
  // "Accidentally, the operator then deleted…": an opening adverb qualifies the subject that follows it.
  return agent === 'none' && (start > 0 || kind === 'verdict-adverb') ? opener : agent;
}

/** Reads a sentence into cues and signals, the features of the blame model. */
export function readSentence(text: string, forwardSection = false): SentenceReading {
  let signals = SIGNALS.filter((s) => s.pattern.test(text)).map((s) => `sig:${s.name}`);
  // "@sam applies the change and does not update the runbook": a timeline row tells the past in the present.
  if (signals.includes('sig:timeline')) signals = signals.filter((s) => s !== 'sig:no-past');
  // Lessons and action items look forward whatever their grammar.
  if (forwardSection && !signals.includes('sig:forward')) signals.push('sig:forward');
  const cues: Cue[] = [];
  const opener = openingAgent(text);
  let quotes: [number, number][] | undefined;
  // "…said “the operator slipped”": someone else's words, weighed as such. A quote of little more than
  // the cue ("filed as “human error”") mentions the word rather than using it.
  const quoteFeatures = (start: number, end: number): string[] => {
    quotes ??= [...text.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length]);
    const around = quotes.find(([a, b]) => start >= a && end <= b);
    if (!around) return [];
    const words = text.slice(around[0], around[1]).match(/[\w'’-]+/g) ?? [];
    return words.length <= 3 ? ['cue:quoted', 'cue:mentioned'] : ['cue:quoted'];
  };
  for (const { kind, pattern } of CUES) {
    for (const m of text.matchAll(pattern)) {
      if (cues.length >= MAX_CUES) break;
      const start = m.index!;
      const end = start + m[0].length;
      const agent = agentFor(kind, text, start, end, opener);
      cues.push({
        kind,
        start,
        end,
        words: m[0],
        agent,
        features: [...cueFeatures(kind, text, start, end, agent, signals), ...quoteFeatures(start, end)],
      });
    }
  }
  const partySpans = partySpansOf(text, signals);
  signals.push(`opens:${agentGroup(opener)}`);
  return { cues, signals, partySpans, text };
}

const ADVICE_SIGNALS: ReadonlySet<string> = new Set(['sig:no-past', 'sig:generic-you']);

function onlyInCue(spans: readonly [number, number][] | undefined, cue: Cue): boolean {
  return spans !== undefined && spans.length > 0 && spans.every(([a, b]) => a >= cue.start && b <= cue.end);
}

/** The features the model sums for one cue: its own, and the sentence's signals. */
export function featuresOfCue(reading: SentenceReading, cue: Cue): string[] {
  // A try-harder remedy is advice addressed to "you", never told in the past: that a sentence speaks to its
  // reader or has no past says nothing of it; nor, in an order, which has no subject, do the words it opens
  // with ("Before migration, plan ahead"). That it is an order is still weighed: a caution is not a remedy.
  const advice = cue.kind === 'vigilance' || cue.features.includes('cue:character+advice');
  const order = advice && reading.signals.includes('sig:imperative');
  // "Failure to follow the runbook caused…": a sentence that opens with the cue itself names no other subject.
  const opensWithCue = /^\W*$/.test(reading.text.slice(0, cue.start));
  const signals = reading.signals.filter(
    (s) =>
      !(advice && ADVICE_SIGNALS.has(s)) &&
      !((order || opensWithCue) && s.startsWith('opens:')) &&
      !onlyInCue(reading.partySpans.get(s), cue),
  );
  return [...cue.features, ...signals];
}

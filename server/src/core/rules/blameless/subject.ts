import {
  CLAUSE_BREAK,
  FILLER,
  HUMAN_ACTIVITY,
  IRREGULAR_PAST,
  NOT_NAMES,
  PRONOUNS,
  ROLES,
  SYSTEM_NAMES,
} from './lexicon';

const AUDIENCE = /^(?:users?|customers?|clients?|visitors?|subscribers?|players?|shoppers?|buyers?|end-users?)$/;

export type Subject = 'person' | 'activity' | 'other' | 'none';

function classifyToken(token: string, clauseInitial: boolean, next?: string): Subject {
  const word = token.replace(/['’]s$/, '').replace(/s['’]$/, 's');
  const lower = word.toLowerCase();
  // Customers and users are people, but what they saw or did is impact, never blame.
  if (AUDIENCE.test(lower)) return 'other';
  // "By mistake, …", "During the rollout, …": a capitalised preposition opens a phrase, not a name.
  if (PREPOSITION.test(lower) || lower === 'by') return 'other';
  if (word.startsWith('@') && word.length > 1) return 'person';
  if (PRONOUNS.has(lower)) return 'person';
  if (ROLES.test(lower)) return 'person';
  if (HUMAN_ACTIVITY.test(lower)) return 'activity';
  // A capitalised word that is not a known system, and not just the sentence's first word capitalised: a name.
  if (
    /^[A-Z][a-z]+$/.test(word) &&
    !/[a-z](?:ing|ed|ly)$/.test(word) &&
    !SYSTEM_NAMES.has(lower) &&
    !NOT_NAMES.has(lower) &&
    (clauseInitial ? mayFollowName(next) : !/^(?:The|A|An|This|That|It)$/.test(word))
  )
    return 'person';
  return 'other';
}

/**
 * Whether the word after a clause's capitalised first word lets that word be a name: a verb, an adverb, an
 * auxiliary, another capital ("Dana Reyes") or nothing ("Priya deleted", "Priya quietly…"). Before a
 * plain noun it is an adjective or an order's verb, capitalised only for opening the clause ("Single
 * config pushes…", "Add a dashboard…", "Step 2: …").
 */
function mayFollowName(next: string | undefined): boolean {
  if (next === undefined || /^[A-Z]/.test(next)) return true;
  const lower = next.toLowerCase();
  return (
    FILLER.has(lower) ||
    AUXILIARY.test(lower) ||
    /n['’]t$|^(?:who|of|&|said)$|^[a-z]{3,}ly$/.test(lower) ||
    // "Dana says", "Omar restarts": a timeline's present tense.
    /^[a-z]+s$/.test(next) ||
    isVerbLike(next)
  );
}

/** Words that end a name's phrase: "by Priya during the cleanup", "by Marco and the deploy bot". */
const NAME_ENDS = /^(?:during|while|when|after|before|at|on|in|from|with|without|and|or|via|for|who)$/;

/** Whether a short phrase names a person ("caused by Jacob", "by the on-call engineer"). */
export function namesPerson(phrase: string): boolean {
  const tokens = (phrase.match(/[@\w'’-]+/g) ?? []).filter((t) => !/^(?:the|a|an|our|their|his|her|my|its)$/i.test(t));
  const first = tokens[0];
  if (!first) return false;
  const lower = first.toLowerCase();
  if (first.startsWith('@') || PRONOUNS.has(lower)) return true;
  // "an engineer running…", "the on-call engineer": a role within the first words.
  if (tokens.slice(0, 3).some((t) => ROLES.test(t.toLowerCase()))) return true;
  // A proper name: a capitalised word that is not a system, alone or followed by another ("Jacob", "Luna Foundation").
  return (
    /^[A-Z][a-z]+$/.test(first) &&
    !SYSTEM_NAMES.has(lower) &&
    !NOT_NAMES.has(lower) &&
    (tokens.length === 1 || /^[A-Z]/.test(tokens[1]) || /^[a-z]+ed$/.test(tokens[1]) || NAME_ENDS.test(tokens[1]))
  );
}

/** Who acts, finer than Subject: the model weighs "we", a role and a name differently. */
export type Agent = 'we' | 'person' | 'name' | 'org' | 'activity' | 'audience' | 'attacker' | 'thing' | 'none';

/** Organisations named by what they are: people decide for them, so their acts are weighed apart from a thing's. */
const ORGANISATIONS = new RegExp(
  String.raw`^(?:compan(?:y|ies)|firms?|carriers?|agenc(?:y|ies)|vendors?|suppliers?|providers?|airlines?|banks?` +
    String.raw`|organi[sz]ations?|employers?|corporations?|retailers?)$`,
);

const ATTACKERS =
  /^(?:attackers?|hackers?|phishers?|spammers?|abusers?|adversar(?:y|ies)|criminals?|scammers?|fraudsters?|bots?)$/;
const FIRST_PERSON = new Set(['we', 'i', 'us', 'me', 'our', 'my']);
const POSSESSIVES = new Set(['our', 'my', 'his', 'her', 'their', 'your', 'its']);

/** "queue workers", "background workers": a worker named for the system it serves is a process, not a person. */
const PROCESS_MODIFIER =
  /^(?:queue|background|job|jobs|batch|build|import|export|sync|web|api|cron|task|ingest|ingestion|indexing|render)$/i;

function agentOfToken(token: string, clauseInitial: boolean, previous = '', next?: string): Agent {
  if (/^workers?$/i.test(token) && PROCESS_MODIFIER.test(previous)) return 'thing';
  // "US East", "IT": an acronym in capitals is a place or a department's label, never a pronoun.
  // "We've", "I'd": a contraction keeps its pronoun.
  const lower = token.replace(/['’](?:s|ve|re|ll|d|m)$/i, '').toLowerCase();
  if (/^[A-Z]{2,}$/.test(token) && !ROLES.test(lower)) return 'thing';
  // "i.e.": the pronoun I is always written in capitals.
  if (FIRST_PERSON.has(lower) && token !== 'i') return 'we';
  if (ATTACKERS.test(lower)) return 'attacker';
  if (AUDIENCE.test(lower)) return 'audience';
  if (ORGANISATIONS.test(lower)) return 'org';
  const subject = classifyToken(token, clauseInitial, next);
  if (subject === 'activity') return 'activity';
  if (subject === 'other') return 'thing';
  return /^[A-Z]/.test(token) && !PRONOUNS.has(lower) && !ROLES.test(lower) ? 'name' : 'person';
}

const AFTER_PREPOSITION = /^(?:by|to|with|for|from|of|at|on|in|into|about|than)$/i;
/** Prepositions that open a phrase a clause's subject never sits in: "the employee at the Agency hit". */
const PREPOSITION = new RegExp(
  String.raw`^(?:to|with|for|from|of|at|on|in|into|about|than|during|over|under|across|between|within` +
    String.raw`|without|after|before|via|per|near|behind|inside|outside|through|throughout)$`,
  'i',
);
const QUANTIFIER = /^(?:one|two|three|some|many|most|several|each|any|none|all|few|both|either|neither|\d+)$/i;
const DETERMINER = /^(?:the|a|an|this|that|these|those|our|their|his|her|my|its|your|each|every|another|some|any)$/i;
/** Past forms that are not a regular "-ed": a verb between a subject and a cue is not the subject. */
const PAST_FORM = new RegExp(`^(?:${IRREGULAR_PAST}|drove|read)$`, 'i');

function isVerbLike(token: string): boolean {
  if (/^[A-Z]/.test(token) || ROLES.test(token.toLowerCase())) return false;
  // "applied", "copied" are past forms; "need", "speed" are not.
  return PAST_FORM.test(token) || (/[a-z]{3,}ed$/.test(token) && !/eed$/.test(token));
}

/** Where the noun phrase ending at `i` begins: back over its modifiers, to a determiner at most. */
function phraseStart(tokens: readonly string[], i: number): number {
  // A pronoun or a handle is a whole phrase: "in the event we", "after @alex".
  if (PRONOUNS.has(tokens[i].toLowerCase()) || tokens[i].startsWith('@')) return i;
  let j = i;
  while (j > 0) {
    const previous = tokens[j - 1];
    if (PREPOSITION.test(previous) || previous.toLowerCase() === 'by' || FILLER.has(previous.toLowerCase())) break;
    if (isVerbLike(previous)) break;
    j--;
    if (DETERMINER.test(tokens[j])) break;
  }
  return j;
}

/**
 * The agent of the clause that ends where a cue begins, read back over auxiliaries, adverbs, the
 * verb itself and prepositional phrases ("at the Agency"). A clause with no subject of its own
 * ("…, inadvertently causing", "…, pressed the wrong button") is 'none': the caller may give it
 * the sentence's opening subject. A person anywhere at the head of the clause ("a developer at
 * AWS deleted") wins over the thing nearest the verb.
 */
export function agentBefore(before: string): Agent {
  let clause = before;
  let cut = -1;
  let breakWord = '';
  for (const match of before.matchAll(CLAUSE_BREAK)) [cut, breakWord] = [match.index! + match[0].length, match[0]];
  if (cut >= 0) clause = before.slice(cut);
  const tokens = clause.replace(/\b(?:i\.e|e\.g)\b\.?/gi, ' ').match(/[@\w'’&-]+/g) ?? [];
  // "uploads that bypassed the check": a relative clause without a subject of its own acts through its noun.
  const firstWord = tokens.find((t) => !FILLER.has(t.toLowerCase()));
  if (/^(?:that|which|who)$/i.test(breakWord) && (!firstWord || isVerbLike(firstWord))) {
    // "each deployment (`kubectl delete …`) which": an aside in brackets stands between the noun and "which".
    const head = before.slice(0, cut - breakWord.length).replace(/\s*\([^()]*\)\s*$/, '');
    const antecedent = /([@\w'’&-]+)\s*,?\s*$/.exec(head)?.[1];
    // "by doing that applied": after a gerund, "that" is the gerund's object, not a relative pronoun.
    const noun = antecedent && !/^[a-z]+ing$/.test(antecedent);
    if (noun && !FILLER.has(antecedent.toLowerCase()) && !isVerbLike(antecedent)) {
      const agent = agentOfToken(antecedent, false);
      return agent === 'name' && breakWord.toLowerCase() !== 'who' ? 'thing' : agent;
    }
  }
  // "…and led the operator to restart the wrong host": a clause opening on a causative verb has no
  // subject of its own, and the person after it is acted on; whoever caused it is the sentence's subject.
  if (firstWord && CAUSATIVE.test(firstWord)) return 'none';
  const conjunct = personInEarlierConjunct(before, cut, breakWord, tokens);
  if (conjunct) return conjunct;
  // "The dashboard made the operator look at the wrong cluster": after the clause's verb come its objects.
  // "an unidentified contractor deleted": a past form right after an article is an adjective, not the verb.
  const firstVerb = tokens.findIndex((t, i) => i > 0 && isVerbLike(t) && !DETERMINER.test(tokens[i - 1]));
  if (firstVerb > 0) {
    const subject = scanForAgent(tokens.slice(0, firstVerb));
    if (subject !== 'none') return subject;
  }
  return scanForAgent(tokens);
}

const CAUSATIVE = /^(?:made|makes|making|let|lets|forced|forces|led|leads|prompted|prompts|caused|causes)$/i;

const AUXILIARY = /^(?:is|are|was|were|be|been|has|have|had|do|does|did|will|would|can|could|should|must|may|might)$/i;
const NOUN_PHRASE_ONLY = (tokens: readonly string[]) =>
  tokens.length > 0 && !tokens.some((t) => isVerbLike(t) || AUXILIARY.test(t));

/**
 * "Alice and the deploy script deleted…": a subject of joined noun phrases acts through each of them, so
 * a person in the phrase before "and" / "or" is an actor even when a thing stands nearest the verb.
 * Only when both sides are bare noun phrases: "Alice restarted it and the script deleted…" is two clauses.
 */
function personInEarlierConjunct(before: string, cut: number, breakWord: string, tokens: string[]): Agent | undefined {
  if (!/^(?:and|or)$/i.test(breakWord) || !NOUN_PHRASE_ONLY(tokens) || scanForAgent(tokens) !== 'thing') {
    return undefined;
  }
  const head = before.slice(0, cut - breakWord.length);
  let from = 0;
  for (const match of head.matchAll(CLAUSE_BREAK)) from = match.index! + match[0].length;
  const earlier = head.slice(from).match(/[@\w'’&-]+/g) ?? [];
  if (!NOUN_PHRASE_ONLY(earlier)) return undefined;
  const agent = scanForAgent(earlier);
  return agent === 'we' || agent === 'person' || agent === 'name' ? agent : undefined;
}

function scanForAgent(tokens: readonly string[]): Agent {
  let skipped = false;
  for (let i = tokens.length - 1; i >= 0; i--) {
    const lower = tokens[i].toLowerCase();
    if (FILLER.has(lower) || (/ly$/.test(lower) && lower.length > 4 && !ROLES.test(lower))) continue;
    if (isVerbLike(tokens[i])) continue;
    const start = phraseStart(tokens, i);
    if (tokens[start - 1]?.toLowerCase() === 'by') {
      // "by picking the wrong option", "by doing that": a means; the gerund's subject is the clause's, read elsewhere.
      if (/^[a-z]+ing$/.test(tokens[i]) || /^[a-z]+ing$/.test(tokens[start])) return 'none';
      return agentOfToken(tokens[i], false) === 'thing' ? 'thing' : 'none';
    }
    // A phrase after a preposition is where or with what, not who: its subject is further back.
    // "One of the engineers": after a number or a quantifier, the phrase after "of" is the subject.
    const partitive = /^of$/i.test(tokens[start - 1] ?? '') && QUANTIFIER.test(tokens[start - 2] ?? '');
    if (start > 0 && PREPOSITION.test(tokens[start - 1]) && !partitive) {
      i = start - 1;
      skipped = true;
      continue;
    }
    const agent = agentOfToken(tokens[i], i === 0, tokens[i - 1], tokens[i + 1]);
    if (agent === 'name' && headsOfPhrase(tokens, i)) return 'thing';
    // "the Emergency Management Agency": a capitalised run after an article is an organisation.
    if (agent === 'name' && /^(?:the)$/i.test(tokens[start] ?? '') && start < i) return 'thing';
    if (agent !== 'thing') return agent;
    const owner = ownerOfAct(tokens, start, i);
    if (owner) return owner;
    const person = tokens.slice(0, i).find((t, j) => !AFTER_PREPOSITION.test(tokens[j - 1] ?? '') && isPersonWord(t));
    return person ? agentOfToken(person, false) : 'thing';
  }
  // Only "where" or "when" before the cue ("in case another mistake"): the clause is about a thing.
  return skipped ? 'thing' : 'none';
}

/** Nouns for an act someone did to a system: whose change it was is who acted through it. */
const ACT_NOUN =
  /^(?:changes?|commits?|push(?:es)?|edits?|commands?|scripts?|typos?|fix(?:es)?|patch(?:es)?|merges?)$/i;

/**
 * "Dana's change took down…", "their commit deleted…": an act noun owned by a person, "we" or a name acts
 * through its owner. Not "our router", "the proxy's cache": a system's owner does not act through it.
 */
function ownerOfAct(tokens: readonly string[], start: number, head: number): Agent | undefined {
  if (!ACT_NOUN.test(tokens[head])) return undefined;
  for (let j = head - 1; j >= start; j--) {
    const lower = tokens[j].toLowerCase();
    if (lower === 'my' || lower === 'our') return 'we';
    if (/^(?:his|her|their)$/.test(lower)) return 'person';
    const owner = /^(.+)['’]s$/.exec(tokens[j])?.[1];
    if (owner) {
      const agent = agentOfToken(owner, false);
      return agent === 'person' || agent === 'name' || agent === 'we' ? agent : undefined;
    }
  }
  return undefined;
}

/**
 * "Deployments of the search service…": a capitalised first word heading an "of" phrase is a noun, not a
 * name, unless the phrase names a team or a role ("Dana of the platform team").
 */
function headsOfPhrase(tokens: readonly string[], i: number): boolean {
  return i === 0 && /^of$/i.test(tokens[1] ?? '') && !tokens.slice(2, 6).some((t) => ROLES.test(t.toLowerCase()));
}

function isPersonWord(token: string): boolean {
  const lower = token.toLowerCase();
  // "our router": a possessive names an owner, not the one who acts.
  if (POSSESSIVES.has(lower)) return false;
  return token.startsWith('@') || FIRST_PERSON.has(lower) || PRONOUNS.has(lower) || ROLES.test(lower);
}

/** An article, then up to five words up to an auxiliary, an adverb, a past form ("ran") or a clause break. */
const OPENING_PHRASE = new RegExp(
  String.raw`^\W*\w+\s+((?:[\w'’&-]+\s+){0,4}?[\w'’&-]+)(?=\s+(?:who|which|that|is|was|were|are|has|had` +
    String.raw`|have|did|does|do|will|would|could|should|can|\w+ly|\w+ed|${IRREGULAR_PAST})\b|\s*[,;:(])`,
  'i',
);

/**
 * A sentence whose subject is a gerund phrase: a capitalised "-ing" word first, with no comma after it
 * (so not "Running the script, we…"), that is not a preposition ("During", "Following").
 */
export const GERUND_SUBJECT = new RegExp(
  String.raw`^\W*(?!(?:During|Following|According|Including|Regarding|Concerning|Considering|Pending|Excluding` +
    String.raw`|Barring|Notwithstanding|Nothing|Something|Anything|Everything|Morning|Evening|Spring)\b)` +
    String.raw`[A-Z][a-z]+ing\b[^,;:]*$`,
);

/** A subordinate clause before the main one: "When …,", "After …,", "Although …,". */
const LEADING_CLAUSE = new RegExp(
  String.raw`^\W*(?:when|whenever|after|before|while|once|if|because|since|although|though|as\s+soon\s+as` +
    String.raw`|until)\b[^,;:.]{3,150},\s*`,
  'i',
);

/**
 * A phrase of where, when or how before the main clause: "During the first rollout, …", "In his testimony, …",
 * "Per the vendor's report, …", "Due to a late change, …". Not "On-call engineers, …", where the word only
 * looks like a preposition.
 */
const LEADING_PHRASE = new RegExp(
  String.raw`^\W*(?:during|in|on|at|per|following|despite|given|upon|under|within|throughout|for|with|without` +
    String.raw`|as\s+part\s+of|according\s+to|by|due\s+to|because\s+of|owing\s+to|thanks\s+to|prior\s+to` +
    String.raw`|in\s+spite\s+of)\b(?!-)[^,;:.]{3,150},\s*(?=\S)`,
  'i',
);

/** The subject a sentence opens with: the first person, team, name or thing before its first verb. */
export function openingAgent(sentence: string): Agent {
  // "When the code worked on a few servers, the staff deployed it to all": the main clause's subject.
  const main = LEADING_CLAUSE.exec(sentence) ?? LEADING_PHRASE.exec(sentence);
  if (main) return openingAgent(sentence.slice(main[0].length));
  // "Firing the operator would not have helped": a gerund phrase as the subject is an activity.
  if (GERUND_SUBJECT.test(sentence)) return 'activity';
  const tokens = (sentence.match(/[@\w'’-]+/g) ?? []).slice(0, 8);
  // "The storage client did…": after an article the subject is the phrase's last noun.
  if (/^(?:the|a|an|this|that)$/i.test(tokens[0] ?? '')) {
    const phrase = OPENING_PHRASE.exec(sentence)?.[1].split(/\s+/) ?? [];
    const head = phrase.pop();
    if (head && !isVerbLike(head)) {
      const agent = agentOfToken(head, false, phrase.pop());
      return agent === 'name' ? 'thing' : agent;
    }
  }
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i].toLowerCase();
    // "Unfortunately, the developer…": an opening adverb is not the subject.
    const adverb = /^[A-Z]?[a-z]+ly$/.test(tokens[i]) && !ROLES.test(lower);
    if (NOT_NAMES.has(lower) || /^(?:a|an)$/.test(lower) || adverb) continue;
    if (AFTER_PREPOSITION.test(tokens[i - 1] ?? '')) continue;
    // "Ines, a retired colonel, said…": a first word set off by a comma stands alone, as a name may.
    const next = i === 0 && /^\W*[@\w'’-]+\s*[,(:;—–]/.test(sentence) ? undefined : tokens[i + 1];
    const agent = agentOfToken(tokens[i], i === 0, tokens[i - 1], next);
    if (agent === 'name' && headsOfPhrase(tokens, i)) return 'thing';
    if (agent !== 'thing') return agent;
    if (/(?:ed|s)$/.test(lower) && i > 0) break;
  }
  return 'thing';
}

/** The agent a passive names after its verb ("was overlooked by the reviewer"): none when it names none. */
export function agentAfter(after: string): Agent {
  // Within its clause: "were deleted from the archive folders during the cleanup by the admins".
  const by = /^(?:[^,.;]|[,.](?=\d)){0,120}?\bby\s+(.{1,40})/i.exec(after);
  if (!by) return 'none';
  if (/^(?:we|us|me|i)\b/i.test(by[1])) return 'we';
  return namesPerson(by[1]) ? 'person' : 'thing';
}

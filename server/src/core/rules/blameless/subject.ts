import { CLAUSE_BREAK, FILLER, HUMAN_ACTIVITY, NOT_NAMES, PRONOUNS, ROLES, SYSTEM_NAMES } from './lexicon';

const AUDIENCE = /^(?:users?|customers?|clients?|visitors?|subscribers?|players?|shoppers?|buyers?|end-users?)$/;

export type Subject = 'person' | 'activity' | 'other' | 'none';

function classifyToken(token: string, clauseInitial: boolean): Subject {
  const word = token.replace(/['’]s$/, '').replace(/s['’]$/, 's');
  const lower = word.toLowerCase();
  // Customers and users are people, but what they saw or did is impact, never blame.
  if (AUDIENCE.test(lower)) return 'other';
  if (word.startsWith('@') && word.length > 1) return 'person';
  if (PRONOUNS.has(lower)) return 'person';
  if (ROLES.test(lower)) return 'person';
  if (HUMAN_ACTIVITY.test(lower)) return 'activity';
  // A capitalised word that is not a known system, and not just the sentence's first word capitalised: a name.
  if (
    /^[A-Z][a-z]+$/.test(word) &&
    !SYSTEM_NAMES.has(lower) &&
    !NOT_NAMES.has(lower) &&
    (clauseInitial || !/^(?:The|A|An|This|That|It)$/.test(word))
  )
    return 'person';
  return 'other';
}

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
    (tokens.length === 1 || /^[A-Z]/.test(tokens[1]) || /^[a-z]+ed$/.test(tokens[1]))
  );
}

/** Who acts, finer than Subject: the model weighs "we", a role and a name differently. */
export type Agent = 'we' | 'person' | 'name' | 'activity' | 'audience' | 'attacker' | 'thing' | 'none';

const ATTACKERS =
  /^(?:attackers?|hackers?|phishers?|spammers?|abusers?|adversar(?:y|ies)|criminals?|scammers?|fraudsters?|bots?)$/;
const FIRST_PERSON = new Set(['we', 'i', 'us', 'me', 'our', 'my']);
const POSSESSIVES = new Set(['our', 'my', 'his', 'her', 'their', 'your', 'its']);

function agentOfToken(token: string, clauseInitial: boolean): Agent {
  // "US East", "IT": an acronym in capitals is a place or a department's label, never a pronoun.
  // "We've", "I'd": a contraction keeps its pronoun.
  const lower = token.replace(/['’](?:s|ve|re|ll|d|m)$/i, '').toLowerCase();
  if (/^[A-Z]{2,}$/.test(token) && !ROLES.test(lower)) return 'thing';
  if (FIRST_PERSON.has(lower)) return 'we';
  if (ATTACKERS.test(lower)) return 'attacker';
  if (AUDIENCE.test(lower)) return 'audience';
  const subject = classifyToken(token, clauseInitial);
  if (subject === 'activity') return 'activity';
  if (subject === 'other') return 'thing';
  return /^[A-Z]/.test(token) && !PRONOUNS.has(lower) && !ROLES.test(lower) ? 'name' : 'person';
}

const AFTER_PREPOSITION = /^(?:by|to|with|for|from|of|at|on|in|into|about|than)$/i;

/**
 * The agent of the clause that ends where a cue begins, read back over auxiliaries and adverbs.
 * A clause with no subject of its own ("…, inadvertently causing") is 'none': the caller may
 * give it the sentence's opening subject. A person anywhere at the head of the clause ("a
 * developer at AWS deleted") wins over the thing nearest the verb.
 */
export function agentBefore(before: string): Agent {
  let clause = before;
  let cut = -1;
  for (const match of before.matchAll(CLAUSE_BREAK)) cut = match.index! + match[0].length;
  if (cut >= 0) clause = before.slice(cut);
  const tokens = clause.match(/[@\w'’-]+/g) ?? [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const lower = tokens[i].toLowerCase();
    if (FILLER.has(lower) || (/ly$/.test(lower) && lower.length > 4 && !ROLES.test(lower))) continue;
    if (tokens[i - 1]?.toLowerCase() === 'by') return agentOfToken(tokens[i], false) === 'thing' ? 'thing' : 'none';
    const agent = agentOfToken(tokens[i], i === 0);
    if (agent !== 'thing') return agent;
    const person = tokens.slice(0, i).find((t, j) => !AFTER_PREPOSITION.test(tokens[j - 1] ?? '') && isPersonWord(t));
    return person ? agentOfToken(person, false) : 'thing';
  }
  return 'none';
}

function isPersonWord(token: string): boolean {
  const lower = token.toLowerCase();
  // "our router": a possessive names an owner, not the one who acts.
  if (POSSESSIVES.has(lower)) return false;
  return token.startsWith('@') || FIRST_PERSON.has(lower) || PRONOUNS.has(lower) || ROLES.test(lower);
}

/** The subject a sentence opens with: the first person, team, name or thing before its first verb. */
export function openingAgent(sentence: string): Agent {
  const tokens = (sentence.match(/[@\w'’-]+/g) ?? []).slice(0, 8);
  for (let i = 0; i < tokens.length; i++) {
    const lower = tokens[i].toLowerCase();
    // "Unfortunately, the developer…": an opening adverb is not the subject.
    const adverb = /^[A-Z]?[a-z]+ly$/.test(tokens[i]) && !ROLES.test(lower);
    if (NOT_NAMES.has(lower) || /^(?:a|an)$/.test(lower) || adverb) continue;
    if (AFTER_PREPOSITION.test(tokens[i - 1] ?? '')) continue;
    const agent = agentOfToken(tokens[i], i === 0);
    if (agent !== 'thing') return agent;
    if (/(?:ed|s)$/.test(lower) && i > 0) break;
  }
  return 'thing';
}

/** The agent a passive names after its verb ("was overlooked by the reviewer"): none when it names none. */
export function agentAfter(after: string): Agent {
  const by = /^[^,.;]{0,30}?\bby\s+(.{1,40})/i.exec(after);
  if (!by) return 'none';
  if (/^(?:we|us|me|i)\b/i.test(by[1])) return 'we';
  return namesPerson(by[1]) ? 'person' : 'thing';
}

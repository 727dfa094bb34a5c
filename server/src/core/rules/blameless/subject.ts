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
  if (/^[A-Z][a-z]+$/.test(word) && !SYSTEM_NAMES.has(lower) && !NOT_NAMES.has(lower) && (clauseInitial || !/^(?:The|A|An|This|That|It)$/.test(word))) return 'person';
  return 'other';
}

/**
 * Who acts in the clause that ends at a trigger word: reads back from the trigger over
 * auxiliaries and adverbs to the head of the subject ("the on-call engineer | failed to").
 */
export function subjectBefore(before: string): Subject {
  let clause = before;
  let cut = -1;
  for (const match of before.matchAll(CLAUSE_BREAK)) cut = match.index! + match[0].length;
  if (cut >= 0) clause = before.slice(cut);
  const tokens = clause.match(/[@\w'’-]+/g) ?? [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const token = tokens[i];
    const lower = token.toLowerCase();
    if (FILLER.has(lower) || (/ly$/.test(lower) && lower.length > 4 && !ROLES.test(lower))) continue;
    // "managed by Crossplane": the agent of a participle, not the subject of the clause.
    if (tokens[i - 1]?.toLowerCase() === 'by') return 'other';
    return classifyToken(token, i === 0);
  }
  return 'none';
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
  return /^[A-Z][a-z]+$/.test(first) && !SYSTEM_NAMES.has(lower) && !NOT_NAMES.has(lower) && (tokens.length === 1 || /^[A-Z]/.test(tokens[1]) || /^[a-z]+ed$/.test(tokens[1]));
}

/** Whether the sentence opens with a person as its subject ("CP team member did…", "We pushed…"). */
export function opensWithPerson(sentence: string): boolean {
  const tokens = (sentence.match(/[@\w'’-]+/g) ?? []).slice(0, 5);
  return tokens.some((t, i) => classifyToken(t, i === 0) === 'person' && !/^(?:users?|customers?)$/i.test(t));
}

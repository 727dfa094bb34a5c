import { CLAUSE_BREAK, FILLER, HUMAN_ACTIVITY, PRONOUNS, ROLES, SYSTEM_NAMES } from './lexicon';

export type Subject = 'person' | 'activity' | 'other' | 'none';

function classifyToken(token: string, clauseInitial: boolean): Subject {
  const word = token.replace(/['’]s$/, '').replace(/s['’]$/, 's');
  const lower = word.toLowerCase();
  if (word.startsWith('@') && word.length > 1) return 'person';
  if (PRONOUNS.has(lower)) return 'person';
  if (ROLES.test(lower)) return 'person';
  if (HUMAN_ACTIVITY.test(lower)) return 'activity';
  // A capitalised word that is not a known system, and not just the sentence's first word capitalised: a name.
  if (/^[A-Z][a-z]+$/.test(word) && !SYSTEM_NAMES.has(lower) && (clauseInitial || !/^(?:The|A|An|This|That|It)$/.test(word))) return 'person';
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
    return classifyToken(token, i === 0);
  }
  return 'none';
}

/** Whether a short phrase names a person ("caused by Jacob", "by the on-call engineer"). */
export function namesPerson(phrase: string): boolean {
  const tokens = phrase.match(/[@\w'’-]+/g) ?? [];
  return tokens.slice(0, 4).some((t, i) => classifyToken(t, false) === 'person' && !(i === 0 && /^[A-Z]/.test(t) && SYSTEM_NAMES.has(t.toLowerCase())));
}

/** Whether the sentence opens with a person as its subject ("CP team member did…", "We pushed…"). */
export function opensWithPerson(sentence: string): boolean {
  const tokens = (sentence.match(/[@\w'’-]+/g) ?? []).slice(0, 5);
  return tokens.some((t, i) => classifyToken(t, i === 0) === 'person' && !/^(?:users?|customers?)$/i.test(t));
}

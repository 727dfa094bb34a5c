import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate nearest `name` when it is close enough to be a typo of it (at most a third of the letters,
 * or two, differ), as the candidate is spelt; `ignoreCase` compares them in lower case.
 */
export function nearestName(name: string, candidates: readonly string[], ignoreCase = false): string | undefined {
  const key = (text: string) => (ignoreCase ? text.toLowerCase() : text);
  const best = closest(key(name), candidates.map(key));
  if (best === undefined || distance(key(name), best) > Math.max(2, Math.floor(name.length / 3))) return undefined;
  return candidates.find((candidate) => key(candidate) === best);
}

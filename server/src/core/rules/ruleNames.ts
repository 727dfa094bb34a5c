import { closest, distance } from 'fastest-levenshtein';
import { RULES } from './index';

const IDS = RULES.map((rule) => rule.id);
const FAMILIES = [...new Set(IDS.map((id) => id.split('/')[0]))];

/** Every name a `hindsight-disable` comment may use: a rule id, a family (`blameless`, `blameless/*`). */
const SUPPRESSIBLE = new Set([...IDS, ...FAMILIES, ...FAMILIES.map((family) => `${family}/*`)]);

export const isRuleId = (name: string) => IDS.includes(name);
export const isSuppressibleName = (name: string) => name === '*' || SUPPRESSIBLE.has(name);

/** The nearest known name when it is close enough to be a typo (at most a third of the letters differ). */
function nearest(name: string, candidates: readonly string[]): string | undefined {
  const best = closest(name, [...candidates]);
  return distance(name, best) <= Math.max(2, Math.floor(name.length / 3)) ? best : undefined;
}

/** `; did you mean "blameless/human-error"?`, or nothing when no rule is close. */
export function didYouMean(name: string, { families = false } = {}): string {
  const suggestion = nearest(name, families ? [...SUPPRESSIBLE] : IDS);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

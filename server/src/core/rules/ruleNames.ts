import { nearestName } from '../text/nearest';
import { RULES } from './index';

const IDS = RULES.map((rule) => rule.id);
const FAMILIES = [...new Set(IDS.map((id) => id.split('/')[0]))];

/** Every name a `hindsight-disable` comment may use: a rule id, a family (`blameless`, `blameless/*`). */
const SUPPRESSIBLE = new Set([...IDS, ...FAMILIES, ...FAMILIES.map((family) => `${family}/*`)]);

export const isRuleId = (name: string) => IDS.includes(name);
export const isSuppressibleName = (name: string) => name === '*' || SUPPRESSIBLE.has(name);

/** `; did you mean "blameless/human-error"?`, or nothing when no rule is close. */
export function didYouMean(name: string, { families = false } = {}): string {
  const suggestion = nearestName(name, families ? [...SUPPRESSIBLE] : IDS);
  return suggestion ? `; did you mean "${suggestion}"?` : '';
}

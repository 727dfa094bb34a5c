import { basename } from 'node:path';
import type { Problem } from '../model';
import { didYouMean, isRuleId } from '../rules/ruleNames';
import type { LoadedConfig } from './load';

const START = { line: 0, character: 0 };

/**
 * Rule ids in the configuration that name no rule: a typo there would otherwise silently leave the
 * intended rule as it was. Reported as a warning; the rest of the configuration still applies.
 */
export function unknownRuleIdProblems(loaded: LoadedConfig): Problem[] {
  const file = loaded.config.files[0] ? basename(loaded.config.files[0]) : 'The configuration';
  return Object.keys(loaded.config.rules)
    .filter((id) => !isRuleId(id))
    .map((id) => ({
      code: 'config/unknown-rule',
      severity: 'warning',
      message: `${file} configures "${id}", which is not a Hindsight rule${didYouMean(id) || '; it has no effect.'}`,
      range: { start: START, end: START },
    }));
}

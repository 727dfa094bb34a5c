import type { ResolvedConfig } from '../config/config';
import type { PostmortemDocument, Problem, Severity } from '../model';
import { RULES } from './index';
import type { Rule } from './rule';
import { applySuppressions } from './suppressions';

export interface RunOptions {
  /** YYYY-MM-DD; defaults to the clock (UTC). */
  today?: string;
  /** Only these rules (for tests); default: all. */
  rules?: readonly Rule[];
}

export function ruleLevel(rule: Rule, config: ResolvedConfig): Rule['level'] {
  return config.rules[rule.id]?.level ?? rule.level;
}

export function ruleOptions(rule: Rule, config: ResolvedConfig): Record<string, unknown> {
  const defaults = Object.fromEntries(
    Object.entries(rule.options ?? {}).map(([name, option]) => [name, option.default]),
  );
  return { ...defaults, ...(config.rules[rule.id]?.options ?? {}) };
}

const ORDER: Severity[] = ['hint', 'info', 'warning', 'error'];

function capped(level: Severity, atMost: Severity | undefined): Severity {
  return atMost !== undefined && ORDER.indexOf(atMost) < ORDER.indexOf(level) ? atMost : level;
}

export function todayUtc(): string {
  return new Date().toISOString().slice(0, 10);
}

/** Every enabled rule over one document, with severities from configuration and suppressions applied. */
export function runRules(doc: PostmortemDocument, config: ResolvedConfig, options: RunOptions = {}): Problem[] {
  // A refused document (binary, too large) was not read: its one problem is all there is to say.
  const refused = doc.problems.filter((p) => p.code === 'document/binary' || p.code === 'document/too-large');
  if (refused.length > 0) return refused;
  const today = options.today ?? todayUtc();
  const problems: Problem[] = [];
  for (const rule of options.rules ?? RULES) {
    const level = ruleLevel(rule, config);
    if (level === 'off') continue;
    try {
      for (const finding of rule.check({ doc, config, options: ruleOptions(rule, config), today })) {
        problems.push({
          code: rule.id,
          severity: capped(level as Severity, finding.atMost),
          message: finding.message,
          range: finding.range,
          fixes: finding.fixes,
        });
      }
    } catch (error) {
      // A rule that fails on odd input must not hide the others' findings.
      problems.push({
        code: 'hindsight/rule-failed',
        severity: 'info',
        message: `The rule ${rule.id} could not check this document (${(error as Error).message}); please report it.`,
        range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
      });
    }
  }
  return applySuppressions(problems, doc);
}

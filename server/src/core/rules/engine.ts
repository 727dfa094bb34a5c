import type { Rule, RuleLevel } from './rule';

/** A rule whose findings the engine makes while reading the document (parse, time and zone problems). */
export function engineRule(
  id: string,
  level: RuleLevel,
  description: string,
  rationale: string,
  example?: Rule['example'],
): Rule {
  return {
    id,
    level,
    description,
    rationale,
    example,
    check: ({ doc }) =>
      doc.problems.filter((p) => p.code === id).map((p) => ({ range: p.range, message: p.message, fixes: p.fixes })),
  };
}

import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Problem, Severity } from '../core/model';
import { RULES_BY_ID } from '../core/rules';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

/** The rule's page, shipped beside the bundled server (dist/../docs/rules). */
export function ruleDocUri(id: string): string | undefined {
  return RULES_BY_ID.has(id) ? pathToFileURL(join(__dirname, '..', 'docs', 'rules', `${id}.md`)).toString() : undefined;
}

export function toDiagnostic(problem: Problem): Diagnostic {
  const href = ruleDocUri(problem.code);
  return {
    range: problem.range,
    severity: SEVERITY[problem.severity],
    code: problem.code,
    ...(href ? { codeDescription: { href } } : {}),
    source: 'hindsight',
    message: problem.message,
  };
}

import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { Problem, Severity } from '../core/model';

const SEVERITY: Record<Severity, DiagnosticSeverity> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export function toDiagnostic(problem: Problem): Diagnostic {
  return { range: problem.range, severity: SEVERITY[problem.severity], code: problem.code, source: 'hindsight', message: problem.message };
}

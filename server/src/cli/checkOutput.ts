import type { PostmortemDocument, Problem } from '../core/model';
import type { Target } from './files';
import { toSarif } from './sarif';

export interface CheckedFile {
  target: Target;
  document: PostmortemDocument;
}

const ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

function sorted(problems: readonly Problem[]): Problem[] {
  return [...problems].sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character || ORDER[a.severity] - ORDER[b.severity]);
}

/** Prints the problems of every file; returns how many are errors. */
export function printCheck(files: readonly CheckedFile[], format: 'text' | 'json' | 'sarif'): number {
  if (format === 'sarif') {
    process.stdout.write(JSON.stringify(toSarif(files), null, 2) + '\n');
    return files.reduce((n, f) => n + f.document.problems.filter((p) => p.severity === 'error').length, 0);
  }
  let errors = 0;
  let total = 0;
  const json = [];
  for (const { target, document } of files) {
    const problems = sorted(document.problems);
    errors += problems.filter((p) => p.severity === 'error').length;
    total += problems.length;
    if (format === 'json') {
      json.push({
        file: target.display,
        problems: problems.map((p) => ({
          line: p.range.start.line + 1,
          column: p.range.start.character + 1,
          endLine: p.range.end.line + 1,
          endColumn: p.range.end.character + 1,
          severity: p.severity,
          code: p.code,
          message: p.message,
        })),
      });
      continue;
    }
    for (const p of problems) {
      process.stdout.write(`${target.display}:${p.range.start.line + 1}:${p.range.start.character + 1} ${p.severity} ${p.code} ${p.message}\n`);
    }
  }
  if (format === 'json') process.stdout.write(JSON.stringify(json, null, 2) + '\n');
  else {
    const files_ = files.length === 1 ? '1 postmortem' : `${files.length} postmortems`;
    process.stderr.write(total === 0 ? `${files_} checked, no problems.\n` : `${files_} checked: ${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}).\n`);
  }
  return errors;
}

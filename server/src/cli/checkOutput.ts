import type { Problem } from '../core/model';
import type { Target } from './files';
import { toSarif } from './sarif';

export type CheckFormat = 'text' | 'json' | 'sarif';

/** What is kept of a checked file: where it is and its findings, never the analysed document. */
export interface CheckedFile {
  target: Target;
  problems: readonly Problem[];
}

/** Receives each file's findings as soon as it is checked; `finish` ends the output and counts errors. */
export interface CheckReporter {
  file(checked: CheckedFile): void;
  finish(): number;
}

const ORDER = { error: 0, warning: 1, info: 2, hint: 3 } as const;

function sorted(problems: readonly Problem[]): Problem[] {
  const byPlace = (a: Problem, b: Problem) =>
    a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character;
  return [...problems].sort((a, b) => byPlace(a, b) || ORDER[a.severity] - ORDER[b.severity]);
}

const errorCount = (problems: readonly Problem[]) => problems.filter((p) => p.severity === 'error').length;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

function jsonEntry({ target, problems }: CheckedFile) {
  return {
    file: target.display,
    problems: sorted(problems).map((p) => ({
      line: p.range.start.line + 1,
      column: p.range.start.character + 1,
      endLine: p.range.end.line + 1,
      endColumn: p.range.end.character + 1,
      severity: p.severity,
      code: p.code,
      message: p.message,
    })),
  };
}

/** One line per finding, as each file is checked, and a summary on stderr. */
function textReporter(out: NodeJS.WritableStream, err: NodeJS.WritableStream): CheckReporter {
  let files = 0;
  let errors = 0;
  let total = 0;
  return {
    file({ target, problems }) {
      files++;
      errors += errorCount(problems);
      total += problems.length;
      const lines = sorted(problems).map((p) => {
        const { line, character } = p.range.start;
        return `${target.display}:${line + 1}:${character + 1} ${p.severity} ${p.code} ${p.message}\n`;
      });
      if (lines.length > 0) out.write(lines.join(''));
    },
    finish() {
      const checked = files === 1 ? '1 postmortem' : `${files} postmortems`;
      const summary = total === 0 ? 'no problems' : `${plural(total, 'problem')} (${plural(errors, 'error')})`;
      err.write(total === 0 ? `${checked} checked, ${summary}.\n` : `${checked} checked: ${summary}.\n`);
      return errors;
    },
  };
}

/** A JSON array written element by element: the same text `JSON.stringify(array, null, 2)` gives. */
function jsonReporter(out: NodeJS.WritableStream): CheckReporter {
  let files = 0;
  let errors = 0;
  return {
    file(checked) {
      errors += errorCount(checked.problems);
      const element = JSON.stringify(jsonEntry(checked), null, 2).replace(/^/gm, '  ');
      out.write(`${files++ === 0 ? '[\n' : ',\n'}${element}`);
    },
    finish() {
      out.write(files === 0 ? '[]\n' : '\n]\n');
      return errors;
    },
  };
}

/** SARIF needs every result in one document: only the findings are kept until the end. */
function sarifReporter(out: NodeJS.WritableStream): CheckReporter {
  const files: CheckedFile[] = [];
  return {
    file: (checked) => void files.push(checked),
    finish() {
      out.write(JSON.stringify(toSarif(files), null, 2) + '\n');
      return files.reduce((n, f) => n + errorCount(f.problems), 0);
    },
  };
}

export function checkReporter(format: CheckFormat, out = process.stdout, err = process.stderr): CheckReporter {
  if (format === 'json') return jsonReporter(out);
  if (format === 'sarif') return sarifReporter(out);
  return textReporter(out, err);
}

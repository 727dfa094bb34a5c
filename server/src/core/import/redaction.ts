import { EMAIL } from '../redact';
import { REDACTED, redactSecrets } from '../secrets';
import type { ImportedRow } from './types';

/** What an address is replaced by in imported text: who wrote it is in the Who column already. */
export const EMAIL_REDACTED = '[email]';

/** The rows with emails, tokens and credentials removed from their text and actor, and how many went. */
export function redactRows(rows: readonly ImportedRow[]): { rows: ImportedRow[]; removed: number } {
  let removed = 0;
  const clean = (value: string): string => {
    const before = count(value, REDACTED);
    let out = redactSecrets(value);
    removed += count(out, REDACTED) - before;
    out = out.replace(EMAIL, () => {
      removed++;
      return EMAIL_REDACTED;
    });
    return out;
  };
  const out = rows.map((row) => ({ ...row, text: clean(row.text), ...(row.actor ? { actor: clean(row.actor) } : {}) }));
  return { rows: out, removed };
}

function count(text: string, what: string): number {
  return text.split(what).length - 1;
}

/**
 * The diagnostics every real client must receive for the shared fixture. The VS Code suite and the
 * Neovim test both compare what they received against this one list.
 */
export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** A received diagnostic, reduced to what is compared: [startLine, startChar, endLine, endChar]. */
export interface Received {
  code: string;
  severity: Severity;
  range: [number, number, number, number];
  message: string;
}

/** The fixture, relative to the fixture folder (and to the workspace the VS Code suites open). */
export const FIXTURE = 'postmortems/2025-05-12-search-outage.md';

/** Zero-based lines and UTF-16 columns as the server publishes them; the fixture is ASCII, so Neovim's byte columns agree. `message` is a part of the message. */
export const EXPECTED: Received[] = [
  { code: 'sections/missing', severity: 'warning', range: [12, 0, 12, 38], message: '"Impact"' },
  { code: 'sections/missing', severity: 'warning', range: [12, 0, 12, 38], message: '"Lessons learned"' },
  { code: 'blameless/human-error', severity: 'warning', range: [17, 19, 17, 30], message: '"human error"' },
  {
    code: 'timeline/out-of-order',
    severity: 'warning',
    range: [28, 2, 28, 18],
    message: 'earlier than the one before it',
  },
  { code: 'actions/overdue', severity: 'warning', range: [44, 54, 44, 64], message: 'was due on 2025-06-30' },
];

const order = (a: Received, b: Received) =>
  a.range[0] - b.range[0] ||
  a.range[1] - b.range[1] ||
  a.code.localeCompare(b.code) ||
  a.message.localeCompare(b.message);

/** Differences between received and expected diagnostics, one line each; empty when they agree. */
export function compareDiagnostics(received: Received[]): string[] {
  const got = [...received].sort(order);
  const want = [...EXPECTED].sort(order);
  const problems: string[] = [];
  if (got.length !== want.length) problems.push(`expected ${want.length} diagnostics, received ${got.length}`);
  for (const w of want) {
    const match = got.find(
      (g) =>
        g.code === w.code &&
        g.severity === w.severity &&
        g.range.join() === w.range.join() &&
        g.message.includes(w.message),
    );
    if (!match) problems.push(`missing ${w.code} ${w.severity} at ${w.range.join(',')} with "${w.message}"`);
  }
  for (const g of got) {
    if (!want.some((w) => w.code === g.code && w.range.join() === g.range.join()))
      problems.push(`unexpected ${g.code} ${g.severity} at ${g.range.join(',')}: ${g.message}`);
  }
  return problems;
}

/**
 * Families of hostile inline and block structure, each grown to an exact size: what a fuzzer, a
 * pasted log or a careless generator produces. Analysis time per KB must stay flat as they grow.
 * `variant` makes every text unique, so no cache answers from an earlier run.
 */

const HEAD = (variant: number) => `---\ntitle: Hostile input ${variant}\n---\n\n# Summary\n\n`;

/** Repeats `unit(i)` until the text reaches `bytes` (ASCII, so characters are bytes). */
function grow(
  bytes: number,
  variant: number,
  unit: (i: number) => string,
  tail: (i: number) => string = () => '',
): string {
  const parts = [HEAD(variant)];
  let size = parts[0].length;
  for (let i = 0; size < bytes; i++) {
    const piece = unit(i) + tail(i);
    parts.push(piece);
    size += piece.length;
  }
  return parts.join('').slice(0, bytes);
}

/** One paragraph per 4 KB at most where the family allows, as a real document would break; some are one line. */
export const FAMILIES: Record<string, (bytes: number, variant: number) => string> = {
  'nested emphasis': (bytes, v) => {
    const half = Math.floor(bytes / 2);
    return (
      grow(half, v, (i) => (i % 2 ? '*a ' : '_b ')) +
      grow(bytes - half, v + 1, (i) => (i % 2 ? ' a*' : ' b_')).slice(HEAD(v + 1).length)
    );
  },
  'unclosed emphasis': (bytes, v) => grow(bytes, v, (i) => ['*', '**', '_', '__', '~~'][i % 5] + 'word '),
  'nested brackets': (bytes, v) => {
    const half = Math.floor(bytes / 2);
    return grow(half, v, () => '[') + ']'.repeat(Math.max(0, bytes - half));
  },
  'unclosed links': (bytes, v) => grow(bytes, v, (i) => `[a${i % 10}](b `),
  'unclosed images and references': (bytes, v) => grow(bytes, v, (i) => (i % 2 ? '![x' : '[y][') + ' '),
  'nested block quotes': (bytes, v) => grow(bytes, v, () => '> '),
  'block quotes stepping in and out': (bytes, v) => grow(bytes, v, (i) => `${'> '.repeat(1 + (i % 16))}text\n`),
  'nested lists': (bytes, v) => grow(bytes, v, (i) => (i % 2 ? '- ' : '1. ')),
  'deep indentation': (bytes, v) => grow(bytes, v, (i) => `${' '.repeat(2 * (i % 400))}- item\n`),
  'backtick runs': (bytes, v) => grow(bytes, v, (i) => '`'.repeat(1 + (i % 7)) + 'x '),
  'one character': (bytes, v) => grow(bytes, v, () => '*'),
  'unclosed html': (bytes, v) => grow(bytes, v, () => '<a href="x '),
  'table of pipes': (bytes, v) =>
    `${HEAD(v)}| a | b |\n| - | - |\n` + grow(bytes, v, () => '| |' + '|'.repeat(200) + '\n').slice(HEAD(v).length),
  'long words line': (bytes, v) => grow(bytes, v, (i) => `word${i % 97}-`),
  'long prose line': (bytes, v) =>
    grow(
      bytes,
      v,
      (i) => `The deploy at 10:${String(i % 60).padStart(2, '0')} UTC was rolled back by engineer ${i % 13}. `,
    ),
};

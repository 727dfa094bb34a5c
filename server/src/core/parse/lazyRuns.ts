/**
 * Bounds micromark's lazy-line work. A line that steps out of block quotes opened earlier in the same
 * paragraph is a lazy continuation, and for each one micromark scans back over every event of the
 * paragraph so far: a paragraph that keeps stepping in and out of quotes costs time quadratic in its
 * length (80 KB took 3 to 10 s). No postmortem steps out that often without a blank line, so past
 * MAX_LAZY_LINES in one run the chunk is cut there and each part is parsed on its own.
 */

/** Lazy continuations one run of non-blank lines may hold before it is cut. */
export const MAX_LAZY_LINES = 64;

const QUOTE = 62;
const isSpace = (ch: number) => ch === 32 || ch === 9;

/** How many block-quote markers open the line (list markers and indentation between them skipped). */
function quoteDepth(line: string): number {
  let depth = 0;
  for (let i = 0; i < line.length; i++) {
    const ch = line.charCodeAt(i);
    if (ch === QUOTE) depth++;
    else if (!isSpace(ch) && !(depth > 0 && isListMarkerChar(ch))) break;
  }
  return depth;
}

const isListMarkerChar = (ch: number) => ch === 45 || ch === 42 || ch === 43 || ch === 46 || ch === 41 || isDigit(ch);
const isDigit = (ch: number) => ch >= 48 && ch <= 57;

/**
 * Zero-based lines where the text is cut: each starts a part after a run that stepped out of its
 * quotes MAX_LAZY_LINES times. Empty for any ordinary document.
 */
export function lazyCuts(text: string): number[] {
  if (!text.includes('>')) return [];
  const cuts: number[] = [];
  let openDepth = 0;
  let lazy = 0;
  text.split('\n').forEach((line, i) => {
    if (line.trim() === '') {
      openDepth = 0;
      lazy = 0;
      return;
    }
    const depth = quoteDepth(line);
    if (depth >= openDepth) openDepth = depth;
    else if (++lazy > MAX_LAZY_LINES) {
      cuts.push(i);
      openDepth = depth;
      lazy = 0;
    }
  });
  return cuts;
}

/** The text cut at `cuts`, as parts with the zero-based line each starts on. */
export function cutAt(text: string, cuts: readonly number[]): { line: number; text: string }[] {
  const lines = text.split('\n');
  const starts = [0, ...cuts];
  return starts.map((line, k) => ({ line, text: lines.slice(line, starts[k + 1] ?? lines.length).join('\n') }));
}

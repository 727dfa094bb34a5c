/**
 * Caps how deeply one line nests containers before the Markdown parser sees it. micromark's work
 * per line grows with the number of open containers, and the tree it builds is walked recursively:
 * 2,000 nested block quotes took seconds, hundreds of megabytes and could exhaust the stack. No
 * postmortem nests anywhere near MAX_NESTING; deeper lines are clamped and reported once.
 */

/** Block quotes, list items and indentation levels counted together. */
export const MAX_NESTING = 16;
/** Indentation past this many columns is clamped (16 list levels of four columns). */
const MAX_INDENT = 64;

export interface Clamped {
  text: string;
  /** Zero-based lines (relative to the text) that were clamped. */
  lines: number[];
}

/** The text with every line's container prefix cut to MAX_NESTING levels and MAX_INDENT columns. */
export function clampNesting(text: string): Clamped {
  if (!mayBeDeep(text)) return { text, lines: [] };
  const lines: number[] = [];
  const out = text.split('\n').map((line, i) => {
    const clamped = clampLine(line);
    if (clamped !== line) lines.push(i);
    return clamped;
  });
  return lines.length ? { text: out.join('\n'), lines } : { text, lines };
}

/** Cheap test: some line opens with more possible marker characters than MAX_NESTING (the fewest deep markers). */
function mayBeDeep(text: string): boolean {
  let prefix = 0;
  let inPrefix = true;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10) {
      prefix = 0;
      inPrefix = true;
    } else if (inPrefix && PREFIX_CHARS.has(ch)) {
      if (++prefix > MAX_NESTING) return true;
    } else inPrefix = false;
  }
  return false;
}

const PREFIX_CHARS = new Set([...' \t>-*+.)0123456789'].map((c) => c.charCodeAt(0)));

const QUOTE = 62;
const isSpace = (ch: number) => ch === 32 || ch === 9;
const isDigit = (ch: number) => ch >= 48 && ch <= 57;

/** Length of the container marker at `i` ("> ", "- ", "12. "), or 0 when there is none. */
function markerAt(line: string, i: number): number {
  const ch = line.charCodeAt(i);
  if (ch === QUOTE) return 1;
  if ((ch === 45 || ch === 42 || ch === 43) && isSpace(line.charCodeAt(i + 1))) return 1;
  let j = i;
  while (j - i < 9 && isDigit(line.charCodeAt(j))) j++;
  const end = line.charCodeAt(j);
  return j > i && (end === 46 || end === 41) && isSpace(line.charCodeAt(j + 1)) ? j + 1 - i : 0;
}

/** One line with at most MAX_NESTING container markers and no run of indentation over MAX_INDENT columns. */
export function clampLine(line: string): string {
  let out = '';
  let changed = false;
  let depth = 0;
  let i = 0;
  for (;;) {
    const spaces = i;
    while (i < line.length && isSpace(line.charCodeAt(i))) i++;
    if (i - spaces > MAX_INDENT) {
      out += ' '.repeat(MAX_INDENT);
      changed = true;
    } else out += line.slice(spaces, i);
    const marker = markerAt(line, i);
    if (!marker) break;
    if (++depth > MAX_NESTING) {
      // Deeper markers are dropped: their text joins the deepest container kept.
      while (i < line.length && (isSpace(line.charCodeAt(i)) || markerAt(line, i))) i += markerAt(line, i) || 1;
      out = out.trimEnd() + ' ';
      changed = true;
      break;
    }
    out += line.slice(i, i + marker);
    i += marker;
  }
  return changed ? out + line.slice(i) : line;
}

/**
 * Splits a document body into independent pieces by looking at lines only:
 * ATX headings, GFM tables (read row by row) and Markdown chunks for remark.
 * A chunk boundary is placed only where CommonMark cannot carry a block across it
 * (a blank line followed by an unindented line, a new unindented list item, a heading,
 * a table), so each chunk parses the same alone as in the whole document for our purposes.
 */

export type Segment =
  | { kind: 'heading'; line: number; depth: number; raw: string }
  | { kind: 'table'; line: number; endLine: number }
  | { kind: 'chunk'; line: number; endLine: number };

const ATX_HEADING = /^ {0,3}(#{1,6})(?:[ \t]+|$)/;
const FENCE_OPEN = /^( {0,3}|[ \t]+(?=[`~]))(`{3,}|~{3,})(.*)$/;
const LIST_START = /^(?:[-*+][ \t]|\d{1,9}[.)][ \t]|[-*+]$|\d{1,9}[.)]$)/;
const DELIMITER_ROW = /^ {0,3}\|?[ \t]*:?-+:?[ \t]*(?:\|[ \t]*:?-+:?[ \t]*)*\|?[ \t]*$/;
const BLOCK_INTERRUPT = /^ {0,3}(?:#{1,6}(?:[ \t]|$)|>|`{3,}|~{3,}|[-*+][ \t]|\d{1,9}[.)][ \t])/;

export function isBlank(line: string): boolean {
  return /^[ \t]*$/.test(line);
}

/** Counts the cells of a table row, honouring escaped pipes. */
export function countCells(line: string): number {
  let s = line.trim();
  if (s.startsWith('|')) s = s.slice(1);
  if (s.endsWith('|') && !s.endsWith('\\|')) s = s.slice(0, -1);
  let count = 1;
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\') i++;
    else if (s[i] === '|') count++;
  }
  return count;
}

function startsTable(lines: readonly string[], i: number): boolean {
  const header = lines[i];
  const delimiter = lines[i + 1];
  if (delimiter === undefined || !header.includes('|') || /^ {4,}|^\t/.test(header)) return false;
  if (!DELIMITER_ROW.test(delimiter) || !delimiter.includes('-')) return false;
  // A delimiter row without pipes is a setext underline unless the header has a pipe and one column.
  if (!delimiter.includes('|') && countCells(header) !== 1) return false;
  return countCells(header) === countCells(delimiter);
}

export function scanSegments(lines: readonly string[], firstLine: number): Segment[] {
  const segments: Segment[] = [];
  let chunkStart = -1;
  let fence: { char: string; length: number; indent: number } | undefined;

  const closeChunk = (endLine: number) => {
    if (chunkStart >= 0) {
      // Trailing blank lines carry nothing.
      let end = endLine;
      while (end >= chunkStart && isBlank(lines[end])) end--;
      if (end >= chunkStart) segments.push({ kind: 'chunk', line: chunkStart, endLine: end });
      chunkStart = -1;
    }
  };

  for (let i = firstLine; i < lines.length; i++) {
    const line = lines[i];
    if (fence) {
      const close = new RegExp(`^[ \\t]*${fence.char === '`' ? '`' : '~'}{${fence.length},}[ \\t]*$`);
      if (close.test(line)) fence = undefined;
      continue;
    }
    const fenceOpen = FENCE_OPEN.exec(line);
    if (fenceOpen && !(fenceOpen[2][0] === '`' && fenceOpen[3].includes('`'))) {
      if (chunkStart < 0) chunkStart = i;
      fence = { char: fenceOpen[2][0], length: fenceOpen[2].length, indent: fenceOpen[1].length };
      continue;
    }
    const heading = ATX_HEADING.exec(line);
    if (heading) {
      closeChunk(i - 1);
      segments.push({ kind: 'heading', line: i, depth: heading[1].length, raw: line });
      continue;
    }
    if (startsTable(lines, i) && (chunkStart < 0 || !/^[ \t]/.test(line))) {
      closeChunk(i - 1);
      let end = i + 1;
      while (end + 1 < lines.length && !isBlank(lines[end + 1]) && !BLOCK_INTERRUPT.test(lines[end + 1])) end++;
      segments.push({ kind: 'table', line: i, endLine: end });
      i = end;
      continue;
    }
    if (isBlank(line)) continue;
    const unindented = !/^[ \t]/.test(line);
    const afterBlank = i > firstLine && isBlank(lines[i - 1]);
    if (chunkStart >= 0 && unindented && (afterBlank || LIST_START.test(line))) closeChunk(i - 1);
    if (chunkStart < 0) chunkStart = i;
  }
  closeChunk(lines.length - 1);
  return segments;
}

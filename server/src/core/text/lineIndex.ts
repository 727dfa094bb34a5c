import type { Position, Range } from '../model';
import { flat } from './flat';

/**
 * Line starts of a text, so offsets and LSP positions convert both ways.
 * Lines end at \n, \r\n or a lone \r; `lines` holds each line without its ending.
 */
export class LineIndex {
  readonly starts: number[] = [0];
  readonly lines: string[] = [];

  /**
   * With the index of the version before, lines that read the same keep that version's strings: a
   * string keeps its hash once computed, so the many caches looked up by line text find unchanged
   * lines without reading them again. Changed lines are copied flat, so no line keeps an old
   * version's whole text alive beyond the first.
   */
  constructor(
    readonly text: string,
    previous?: LineIndex,
  ) {
    if (text.includes('\r')) this.splitAnyEnding();
    else this.splitAtNewlines();
    if (previous) this.keepUnchangedLines(previous.lines);
  }

  /** Lines that all end at \n: the native search is about ten times faster than reading each character. */
  private splitAtNewlines(): void {
    const text = this.text;
    let lineStart = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', lineStart)) {
      this.lines.push(text.slice(lineStart, end));
      lineStart = end + 1;
      this.starts.push(lineStart);
    }
    this.lines.push(text.slice(lineStart));
  }

  private splitAnyEnding(): void {
    const text = this.text;
    let lineStart = 0;
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */ || ch === 13 /* \r */) {
        this.lines.push(text.slice(lineStart, i));
        if (ch === 13 && text.charCodeAt(i + 1) === 10) i++;
        lineStart = i + 1;
        this.starts.push(lineStart);
      }
    }
    this.lines.push(text.slice(lineStart));
  }

  /** Takes the previous strings of the lines before and after the edited span; copies the span flat. */
  private keepUnchangedLines(before: readonly string[]): void {
    const lines = this.lines;
    const shared = Math.min(lines.length, before.length);
    let head = 0;
    while (head < shared && lines[head] === before[head]) lines[head] = before[head++]!;
    let tail = 0;
    while (tail < shared - head && lines[lines.length - 1 - tail] === before[before.length - 1 - tail]) {
      lines[lines.length - 1 - tail] = before[before.length - 1 - tail]!;
      tail++;
    }
    for (let i = head; i < lines.length - tail; i++) lines[i] = flat(lines[i]!);
  }

  get lineCount(): number {
    return this.lines.length;
  }

  positionAt(offset: number): Position {
    const clamped = Math.max(0, Math.min(offset, this.text.length));
    let low = 0;
    let high = this.starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (this.starts[mid] <= clamped) low = mid;
      else high = mid - 1;
    }
    return { line: low, character: Math.min(clamped - this.starts[low], this.lines[low].length) };
  }

  offsetAt(position: Position): number {
    const line = Math.max(0, Math.min(position.line, this.lines.length - 1));
    return this.starts[line] + Math.max(0, Math.min(position.character, this.lines[line].length));
  }

  /** A range covering characters [from, to) of one line. */
  lineRange(line: number, from = 0, to = this.lines[line]?.length ?? 0): Range {
    return { start: { line, character: from }, end: { line, character: to } };
  }

  /** A range from the start of `firstLine` to the end of `lastLine`. */
  linesRange(firstLine: number, lastLine: number): Range {
    return {
      start: { line: firstLine, character: 0 },
      end: { line: lastLine, character: this.lines[lastLine]?.length ?? 0 },
    };
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }
}

import type { Blockquote, Paragraph, Root } from 'mdast';
import { PROSE } from './simpleLine';

/**
 * The tree of a chunk whose every line is plain prose after zero or more quote markers, built
 * without the Markdown parser. micromark re-checks every open block quote on every line, so a long
 * paragraph sixteen quotes deep cost about a quarter of a millisecond a line; plain paragraphs, the
 * commonest chunk, paid the parser's set-up for nothing. Such a chunk parses one way only: a line
 * quoted deeper than any quote open so far opens the missing quotes and a new paragraph in the
 * deepest; any other line continues the open paragraph (lazily when it has fewer markers). Quotes
 * never close before the end, since there is no blank line. A test checks the tree is the parser's.
 */

/** Prose that could start an ordered list item ("1. x", "2)"): left to the parser. */
const ORDERED_MARKER = /^\d{1,9}[.)](?: |$)/;
type Point = NonNullable<Root['position']>['start'];
const GREATER_THAN = 62;
const SPACE = 32;

interface ProseLine {
  /** One-based, as the parser counts. */
  number: number;
  depth: number;
  /** Column of each quote marker's ">"; then of the prose. */
  markers: number[];
  column: number;
  /** Offset of the line's first character in the chunk. */
  start: number;
  length: number;
  content: string;
}

/** The mdast tree of `source` when it is quoted prose as above, else undefined. */
export function proseTree(source: string): Root | undefined {
  const lines = proseLines(source);
  if (!lines) return undefined;
  const root: Root = { type: 'root', children: [], position: span(point(lines[0], 0), end(lines.at(-1)!)) };
  const open: (Root | Blockquote)[] = [root];
  let paragraph: Paragraph | undefined;
  for (const line of lines) {
    if (paragraph && line.depth < open.length) {
      // Continued, or lazily continued: the paragraph grows; every open quote ends here for now.
      const text = paragraph.children[0] as { value: string };
      text.value += '\n' + line.content;
      paragraph.position!.end = end(line);
      paragraph.children[0].position!.end = end(line);
      continue;
    }
    for (let depth = open.length; depth <= line.depth; depth++) {
      const position = span(point(line, line.markers[depth - 1]), end(line));
      const quote: Blockquote = { type: 'blockquote', children: [], position };
      open.at(-1)!.children.push(quote);
      open.push(quote);
    }
    const at = span(point(line, line.column), end(line));
    paragraph = {
      type: 'paragraph',
      children: [{ type: 'text', value: line.content, position: span({ ...at.start }, { ...at.end }) }],
      position: at,
    };
    (open.at(-1) as Blockquote).children.push(paragraph);
  }
  const last = end(lines.at(-1)!);
  for (const quote of open.slice(1)) quote.position!.end = { ...last };
  return root;
}

/** Each line's quote depth and prose, or undefined as soon as one line is anything else. */
function proseLines(source: string): ProseLine[] | undefined {
  const lines: ProseLine[] = [];
  let start = 0;
  for (const raw of source.split('\n')) {
    // A quote marker is ">" and the one space after it, if any.
    const markers: number[] = [];
    let column = 0;
    while (raw.charCodeAt(column) === GREATER_THAN) {
      markers.push(column++);
      if (raw.charCodeAt(column) === SPACE) column++;
    }
    const content = column === 0 ? raw : raw.slice(column);
    if (!PROSE.test(content) || ORDERED_MARKER.test(content)) return undefined;
    lines.push({
      number: lines.length + 1,
      depth: markers.length,
      markers,
      column,
      start,
      length: raw.length,
      content,
    });
    start += raw.length + 1;
  }
  return lines;
}

function point(line: ProseLine, column: number): Point {
  return { line: line.number, column: column + 1, offset: line.start + column };
}

function end(line: ProseLine): Point {
  return point(line, line.length);
}

function span(start: Point, finish: Point) {
  return { start, end: finish };
}

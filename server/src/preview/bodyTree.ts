import type { Nodes, Root, RootContent } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { scanSegments, isBlank } from '../core/parse/scan';
import { flat } from '../core/text/flat';

type Position = NonNullable<Root['position']>;
type Point = Position['start'];

const parser = unified().use(remarkParse).use(remarkGfm).freeze();

/** Pieces kept between renders, by their text; the oldest go first past these bounds. */
const MAX_PIECES = 5_000;
const MAX_CHARACTERS = 1_000_000;

/**
 * Parsed pieces of preview bodies, by text. An edit changes one piece: the next render parses that
 * piece alone and takes the others from here. Counts what it parses, so a test can tell.
 */
class PieceCache {
  parsed = 0;
  private readonly pieces = new Map<string, Root>();
  private characters = 0;

  tree(text: string): Root {
    const known = this.pieces.get(text);
    if (known) {
      // Most recently used last, so the oldest is first to go.
      this.pieces.delete(text);
      this.pieces.set(text, known);
      return known;
    }
    const key = flat(text);
    const tree = parser.parse(key) as Root;
    this.parsed++;
    this.pieces.set(key, tree);
    this.characters += key.length;
    for (const [oldest] of this.pieces) {
      if (this.pieces.size <= MAX_PIECES && this.characters <= MAX_CHARACTERS) break;
      this.pieces.delete(oldest);
      this.characters -= oldest.length;
    }
    return tree;
  }

  /** A body parsed whole, not kept: its pieces could not be parsed apart. */
  whole(text: string): Root {
    this.parsed++;
    return parser.parse(text) as Root;
  }
}

export const pieceCache = new PieceCache();

/**
 * Definitions (`[id]: url`, footnotes `[^1]: …`) are read across the whole document: with any
 * present, pieces parsed alone could miss them, so the body is parsed whole.
 */
const DEFINITION = /\[[^\]\n]*\]:/;
/** HTML blocks that run on past blank lines until their own end (comments, `<pre>`, `<script>`…). */
const LONG_HTML: [RegExp, RegExp][] = [
  [/^<!--/, /-->/],
  [/^<\?/, /\?>/],
  [/^<![A-Za-z]/, />/],
  [/^<!\[CDATA\[/, /\]\]>/],
  [/^<(?:script|pre|style|textarea)(?:[\s>]|$)/i, /<\/(?:script|pre|style|textarea)>/i],
];
const LIST_ITEM = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

/**
 * The body's Markdown tree, as remark reads the whole `lines`, built from pieces parsed apart and
 * kept by their text, so an edit re-parses one piece rather than the body. A piece starts only where
 * nothing can carry across: an unindented line after a blank one, which is no list item (it would
 * join the list before it), outside a long HTML block, and not after a line of HTML.
 */
export function bodyTree(lines: readonly string[]): Root {
  const text = lines.join('\n');
  if (DEFINITION.test(text)) return pieceCache.whole(text);
  const root: Root = {
    type: 'root',
    children: [],
    position: { start: { line: 1, column: 1, offset: 0 }, end: endOf(lines) },
  };
  let offset = 0;
  let line = 0;
  for (const [first, last] of pieces(lines)) {
    for (; line < first; line++) offset += lines[line].length + 1;
    for (const node of pieceTree(lines, first, last).children) root.children.push(shifted(node, first, offset));
  }
  return root;
}

const pieceTree = (lines: readonly string[], first: number, last: number) =>
  pieceCache.tree(lines.slice(first, last + 1).join('\n'));

/**
 * Whether a piece ends closed: a piece ends on a blank line, which its last block reaches only when
 * left open (a fence or HTML block the line scan did not see, inside some other construct).
 */
function endsClosed(lines: readonly string[], first: number, last: number): boolean {
  const end = pieceTree(lines, first, last).children.at(-1)?.position?.end.line;
  return end === undefined || end - 1 < last - first;
}

/**
 * First and last line of each piece: together they cover every line, blank ones included (a block
 * left open at the end takes them in), split only where the document parse's segments allow.
 */
function pieces(lines: readonly string[]): [number, number][] {
  const starts = [0];
  let htmlEnd: RegExp | undefined;
  let next = 0;
  for (const segment of scanSegments(lines, 0)) {
    const start = segment.line;
    for (; next < start; next++) htmlEnd = htmlState(lines[next], htmlEnd);
    if (start > 0 && !htmlEnd && canStartPiece(lines, start)) starts.push(start);
  }
  const out: [number, number][] = [];
  for (const [i, start] of starts.entries()) {
    const end = (starts[i + 1] ?? lines.length) - 1;
    const previous = out.at(-1);
    // A piece left open runs on into the next: parse the two as one.
    if (previous && !endsClosed(lines, ...previous)) previous[1] = end;
    else out.push([start, end]);
  }
  return out;
}

function canStartPiece(lines: readonly string[], line: number): boolean {
  const text = lines[line];
  if (line === 0 || !isBlank(lines[line - 1]) || /^[ \t]/.test(text) || LIST_ITEM.test(text)) return false;
  // micromark places a lazy HTML line at the end of a list item differently when the input ends there.
  let before = line - 1;
  while (before > 0 && isBlank(lines[before])) before--;
  return !/^[\s>]*</.test(lines[before]);
}

/** The end a long HTML block open after `line` waits for, or undefined when none is open. */
function htmlState(line: string, open: RegExp | undefined): RegExp | undefined {
  if (open) return open.test(line) ? undefined : open;
  // Containers (quotes, list indentation) do not matter here: guessing open more often only merges pieces.
  const start = line.replace(/^[\s>]*/, '');
  for (const [opener, end] of LONG_HTML) {
    if (opener.test(start)) return end.test(start.slice(2)) ? undefined : end;
  }
  return undefined;
}

function endOf(lines: readonly string[]): Point {
  const last = lines.length - 1;
  const offset = lines.reduce((sum, line) => sum + line.length + 1, -1);
  return { line: last + 1, column: (lines[last] ?? '').length + 1, offset: Math.max(0, offset) };
}

/** A copy of a piece's node placed at its line and offset in the body; the cached piece is left as it is. */
function shifted<T extends Nodes | RootContent>(node: T, lines: number, offset: number): T {
  const copy = { ...node } as T & { children?: Nodes[] };
  if (node.position) copy.position = shiftPosition(node.position, lines, offset);
  if ('children' in node && Array.isArray(node.children)) {
    copy.children = (node.children as Nodes[]).map((child) => shifted(child, lines, offset));
  }
  return copy;
}

function shiftPosition(position: Position, lines: number, offset: number): Position {
  const shift = (point: Point): Point => ({
    line: point.line + lines,
    column: point.column,
    ...(point.offset !== undefined ? { offset: point.offset + offset } : {}),
  });
  return { start: shift(position.start), end: shift(position.end) };
}

import type { List, ListItem as MdListItem, Nodes, Root, RootContent, Table } from 'mdast';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { blockStructureOnly } from './blockOnly';
import type { Block, ListItem, TableCell, TableRow, TextLine } from './blocks';
import { flat } from '../text/flat';
import { plainText, splitRow } from './inline';
import { cutAt, lazyCuts } from './lazyRuns';
import { clampNesting } from './nesting';
import { proseTree } from './proseTree';
import { scanSegments, type Segment } from './scan';
import { simpleLineBlocks } from './simpleLine';

const processor = unified().use(remarkParse).use(remarkGfm).use(blockStructureOnly).freeze();

/** Blocks of one chunk, with lines relative to the chunk's first line, and its lines nested too deeply. */
interface RelativeBlocks {
  /** The chunk's text, a flat copy: the key this entry is stored under. */
  key: string;
  blocks: Block[];
  deepLines: number[];
  /** Lines where the chunk was cut because it stepped out of block quotes too often (see lazyRuns). */
  lazyCuts: number[];
}

/** A table row's cells, under the flat copy of its line. */
interface CachedRow {
  key: string;
  cells: TableCell[];
}

const MAX_ENTRIES = 20_000;

/**
 * Remembers parsed chunks and table rows by their text, so the next version of a
 * document re-parses only what changed. Entries not used by the latest version are dropped.
 * Keys and the text inside entries are flat copies, never slices of a document's text.
 */
export class BlockCache {
  /** Lines of the last parsed body nested past the limit (clamped before parsing), absolute. */
  deepLines: number[] = [];
  /** Lines of the last parsed body where a chunk was cut for stepping out of block quotes too often, absolute. */
  lazyCutLines: number[] = [];
  private chunks = new Map<string, RelativeBlocks>();
  private rows = new Map<string, CachedRow>();
  private usedChunks = new Map<string, RelativeBlocks>();
  private usedRows = new Map<string, CachedRow>();
  /** The last split, for its lines: `prepare` and then `blocks` split the same version once. */
  private scanned: { lines: readonly string[]; firstLine: number; segments: Segment[] } | undefined;

  /** Parses the body lines from `firstLine` on into absolute blocks. */
  blocks(lines: readonly string[], firstLine: number): Block[] {
    const out: Block[] = [];
    this.deepLines = [];
    this.lazyCutLines = [];
    for (const segment of this.segments(lines, firstLine)) {
      if (segment.kind === 'heading') {
        const text = plainText(
          segment.raw.replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, ''),
        ).text;
        out.push({ kind: 'heading', depth: segment.depth, text, line: segment.line, endLine: segment.line });
      } else if (segment.kind === 'table') {
        out.push(this.table(lines, segment.line, segment.endLine));
      } else {
        const chunk = this.chunk(lines.slice(segment.line, segment.endLine + 1).join('\n'));
        for (const block of chunk.blocks) out.push(shift(block, segment.line));
        for (const line of chunk.deepLines) this.deepLines.push(line + segment.line);
        for (const line of chunk.lazyCuts) this.lazyCutLines.push(line + segment.line);
      }
    }
    this.rotate();
    return out;
  }

  /**
   * Parses, ahead of `blocks`, every chunk not yet cached, in slices of about SLICE_MS that give the
   * event loop back in between, so other requests are answered meanwhile. Stops early, returning
   * false, as soon as `proceed` says the result is no longer wanted (an edit, a cancellation).
   */
  async prepare(lines: readonly string[], firstLine: number, proceed: () => boolean): Promise<boolean> {
    let sliceStart = performance.now();
    for (const segment of this.segments(lines, firstLine)) {
      if (segment.kind !== 'chunk') continue;
      const text = lines.slice(segment.line, segment.endLine + 1).join('\n');
      if (this.usedChunks.has(text) || this.chunks.has(text)) continue;
      this.chunks.set(...keyed(parseChunk(text)));
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!proceed()) return false;
        sliceStart = performance.now();
      }
    }
    return proceed();
  }

  private segments(lines: readonly string[], firstLine: number): Segment[] {
    const last = this.scanned;
    if (last?.lines === lines && last.firstLine === firstLine) return last.segments;
    const segments = scanSegments(lines, firstLine);
    this.scanned = { lines, firstLine, segments };
    return segments;
  }

  private rotate(): void {
    // Keep what this version used; forget the rest, so memory follows the document's size.
    this.chunks = this.usedChunks;
    this.rows = this.usedRows;
    this.usedChunks = new Map();
    this.usedRows = new Map();
  }

  private chunk(text: string): RelativeBlocks {
    const parsed = this.usedChunks.get(text) ?? this.chunks.get(text) ?? parseChunk(text);
    if (this.usedChunks.size < MAX_ENTRIES) this.usedChunks.set(parsed.key, parsed);
    return parsed;
  }

  private table(lines: readonly string[], first: number, last: number): Block {
    const row = (line: number): TableRow => {
      let cached = this.usedRows.get(lines[line]) ?? this.rows.get(lines[line]);
      if (!cached) {
        const key = flat(lines[line]);
        cached = {
          key,
          cells: splitRow(key).map(({ raw, start, end }) => ({ raw, start, end, text: plainText(raw).text })),
        };
      }
      if (this.usedRows.size < MAX_ENTRIES * 5) this.usedRows.set(cached.key, cached);
      return { line, cells: cached.cells };
    };
    const rows: TableRow[] = [];
    for (let line = first + 2; line <= last; line++) rows.push(row(line));
    return { kind: 'table', line: first, endLine: last, header: row(first), rows, quoted: false };
  }
}

/** Parser work between two yields in `prepare`. */
const SLICE_MS = 15;

/** One chunk parsed into relative blocks, under a flat copy of its text. */
function parseChunk(text: string): RelativeBlocks {
  const key = flat(text);
  const { text: source, lines: deepLines } = clampNesting(key);
  const simple = source.includes('\n') ? undefined : simpleLineBlocks(source);
  const cuts = simple ? [] : lazyCuts(source);
  const blocks = simple ?? (cuts.length ? partsParsed(source, cuts) : parsedBlocks(source));
  return { key, blocks, deepLines, lazyCuts: cuts };
}

/** A chunk cut where it steps out of quotes too often, each part parsed on its own. */
function partsParsed(source: string, cuts: readonly number[]): Block[] {
  return cutAt(source, cuts).flatMap((part) => parsedBlocks(part.text).map((block) => shift(block, part.line)));
}

/** The blocks of a chunk's text as the Markdown parser reads them (quoted prose read without it, the same way). */
export function parsedBlocks(source: string): Block[] {
  return blocksOf(proseTree(source) ?? markdownTree(source), source);
}

/** The Markdown parser's tree of a chunk's text. */
export function markdownTree(source: string): Root {
  return processor.parse(source) as Root;
}

/** The blocks of a chunk's tree. */
export function blocksOf(root: Root, source: string): Block[] {
  const lines = source.split('\n');
  const blocks: Block[] = [];
  for (const node of root.children) convert(node, lines, blocks, false);
  return blocks;
}

const keyed = (parsed: RelativeBlocks): [string, RelativeBlocks] => [parsed.key, parsed];

function convert(node: RootContent, lines: readonly string[], out: Block[], quoted: boolean): void {
  const [line, endLine] = lineSpan(node);
  switch (node.type) {
    case 'heading':
      out.push({
        kind: 'heading',
        depth: node.depth,
        text: plainText(
          textLines(node, lines)
            .map((l) => l.raw)
            .join(' '),
        ).text,
        line,
        endLine,
      });
      return;
    case 'paragraph':
      out.push({ kind: 'paragraph', line, endLine, lines: textLines(node, lines), quoted, node, chunkLine: 0 });
      return;
    case 'list':
      out.push({ kind: 'list', line, endLine, ordered: !!node.ordered, items: listItems(node, lines), quoted });
      return;
    case 'table':
      out.push(tableFromNode(node, lines, quoted));
      return;
    case 'blockquote':
      for (const child of node.children) convert(child, lines, out, true);
      return;
    case 'code': {
      const fenced = /^\s*(?:`{3,}|~{3,})/.test(lines[line] ?? '');
      const own = fenced
        ? undefined
        : lines
            .slice(line, endLine + 1)
            .map((raw, i) => ({ line: line + i, column: raw.length - raw.trimStart().length, raw: raw.trimStart() }));
      out.push({ kind: 'code', line, endLine, ...(own ? { lines: own } : {}) });
      return;
    }
    case 'html':
      out.push({ kind: 'html', line, endLine, commentOnly: onlyComments(node.value) });
      return;
    case 'thematicBreak':
      out.push({ kind: 'thematicBreak', line, endLine });
      return;
    case 'definition':
      out.push({ kind: 'definition', line, endLine });
      return;
    default:
      out.push({ kind: 'other', line, endLine });
  }
}

/**
 * Whether an HTML block holds nothing but comments and white space. A scan, not a regular
 * expression: the lazy-comment pattern backtracks exponentially on many comments followed by text.
 */
export function onlyComments(html: string): boolean {
  let at = skipSpace(html, 0);
  if (at === html.length) return false;
  while (at < html.length) {
    if (!html.startsWith('<!--', at)) return false;
    const end = html.indexOf('-->', at + 4);
    if (end < 0) return false;
    at = skipSpace(html, end + 3);
  }
  return true;
}

function skipSpace(text: string, from: number): number {
  let at = from;
  while (at < text.length && /\s/.test(text[at])) at++;
  return at;
}

function lineSpan(node: Nodes): [number, number] {
  return [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1];
}

/** The source lines of a node, each starting where the node's content starts on that line. */
function textLines(node: Nodes, lines: readonly string[]): TextLine[] {
  const [first, last] = lineSpan(node);
  const out: TextLine[] = [];
  const startColumn = (node.position?.start.column ?? 1) - 1;
  for (let line = first; line <= last; line++) {
    const source = lines[line] ?? '';
    const column = line === first ? startColumn : source.length - source.trimStart().length;
    const endColumn = line === last ? (node.position?.end.column ?? source.length + 1) - 1 : source.length;
    out.push({ line, column, raw: source.slice(column, Math.max(column, endColumn)) });
  }
  return out;
}

function listItems(list: List, lines: readonly string[]): ListItem[] {
  return list.children.map((item: MdListItem) => {
    const [line, endLine] = lineSpan(item);
    const first = item.children[0];
    let own: TextLine[] = [];
    if (first && (first.type === 'paragraph' || first.type === 'heading')) own = textLines(first, lines);
    const children: ListItem[] = [];
    for (const child of item.children) if (child.type === 'list') children.push(...listItems(child, lines));
    return { line, endLine, lines: own, checked: item.checked ?? null, children, ordered: !!list.ordered };
  });
}

function tableFromNode(node: Table, lines: readonly string[], quoted: boolean): Block {
  const rows: TableRow[] = node.children.map((row) => {
    const [line] = lineSpan(row);
    const cells = row.children.map((cell) => {
      const start = (cell.position?.start.column ?? 1) - 1;
      const end = (cell.position?.end.column ?? 1) - 1;
      const raw = (lines[line] ?? '').slice(start, end).replace(/^\|?\s*|\s*\|?$/g, '');
      return { raw, text: plainText(raw).text, start, end };
    });
    return { line, cells };
  });
  const [line, endLine] = lineSpan(node);
  return { kind: 'table', line, endLine, header: rows[0] ?? { line, cells: [] }, rows: rows.slice(1), quoted };
}

function shiftLines(lines: TextLine[], by: number): TextLine[] {
  return lines.map((l) => ({ ...l, line: l.line + by }));
}

function shiftItem(item: ListItem, by: number): ListItem {
  return {
    ...item,
    line: item.line + by,
    endLine: item.endLine + by,
    lines: shiftLines(item.lines, by),
    children: item.children.map((child) => shiftItem(child, by)),
  };
}

/** Moves a chunk-relative block to absolute lines. */
function shift(block: Block, by: number): Block {
  if (by === 0) return block;
  const moved = { ...block, line: block.line + by, endLine: block.endLine + by };
  switch (moved.kind) {
    case 'paragraph':
      return { ...moved, lines: shiftLines(moved.lines, by), chunkLine: moved.chunkLine + by };
    case 'list':
      return { ...moved, items: moved.items.map((item) => shiftItem(item, by)) };
    case 'table':
      return {
        ...moved,
        header: { ...moved.header, line: moved.header.line + by },
        rows: moved.rows.map((row) => ({ ...row, line: row.line + by })),
      };
    case 'code':
      return moved.lines ? { ...moved, lines: shiftLines(moved.lines, by) } : moved;
    default:
      return moved;
  }
}

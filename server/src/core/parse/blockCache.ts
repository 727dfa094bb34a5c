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
    const segments = this.segments(lines, firstLine);
    const texts = segments.map((segment) => (segment.kind === 'chunk' ? chunkText(lines, segment) : ''));
    this.parseMissing(texts.filter((text) => text !== ''));
    for (const [i, segment] of segments.entries()) {
      if (segment.kind === 'heading') {
        const text = plainText(
          segment.raw.replace(/^ {0,3}#{1,6}[ \t]*/, '').replace(/[ \t]+#+[ \t]*$|^#+[ \t]*$/, ''),
        ).text;
        out.push({ kind: 'heading', depth: segment.depth, text, line: segment.line, endLine: segment.line });
      } else if (segment.kind === 'table') {
        out.push(this.table(lines, segment.line, segment.endLine));
      } else {
        const chunk = this.chunk(texts[i]);
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
    let batch: string[] = [];
    let batchBytes = 0;
    for (const segment of this.segments(lines, firstLine)) {
      if (segment.kind !== 'chunk') continue;
      const text = chunkText(lines, segment);
      batch.push(text);
      batchBytes += text.length;
      if (batchBytes < SLICE_BYTES) continue;
      this.parseMissing(batch);
      batch = [];
      batchBytes = 0;
      if (performance.now() - sliceStart > SLICE_MS) {
        await new Promise((resolve) => setImmediate(resolve));
        if (!proceed()) return false;
        sliceStart = performance.now();
      }
    }
    this.parseMissing(batch);
    return proceed();
  }

  /** Parses the chunks of `texts` not cached yet, those that need the Markdown parser in one call of it. */
  private parseMissing(texts: readonly string[]): void {
    const pending = new Map<string, PendingChunk>();
    for (const text of texts) {
      if (this.usedChunks.has(text) || this.chunks.has(text) || pending.has(text)) continue;
      const read = readChunk(text);
      if ('blocks' in read) this.chunks.set(read.key, read);
      else pending.set(text, read);
    }
    let group: PendingChunk[] = [];
    let bytes = 0;
    const flush = () => {
      for (const parsed of parsedTogether(group)) this.chunks.set(parsed.key, parsed);
      group = [];
      bytes = 0;
    };
    for (const chunk of pending.values()) {
      group.push(chunk);
      bytes += chunk.source.length;
      if (bytes >= BATCH_BYTES) flush();
    }
    flush();
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
/** Chunk text read between two checks of the clock in `prepare`. */
const SLICE_BYTES = 8_192;
/** Chunk text parsed in one call of the Markdown parser at most, so no call holds the event loop long. */
const BATCH_BYTES = 8_192;

function chunkText(lines: readonly string[], segment: { line: number; endLine: number }): string {
  return lines.slice(segment.line, segment.endLine + 1).join('\n');
}

/** A chunk read as far as it can be without the Markdown parser, which it needs. */
interface PendingChunk {
  key: string;
  /** Its text with deep nesting clamped: what the parser reads. */
  source: string;
  deepLines: number[];
}

/** One chunk parsed into relative blocks, under a flat copy of its text. */
function parseChunk(text: string): RelativeBlocks {
  const read = readChunk(text);
  return 'blocks' in read ? read : parsedTogether([read])[0];
}

/** A chunk's blocks when they can be read without the Markdown parser, else what the parser needs. */
function readChunk(text: string): RelativeBlocks | PendingChunk {
  const key = flat(text);
  const { text: source, lines: deepLines } = clampNesting(key);
  const simple = source.includes('\n') ? undefined : simpleLineBlocks(source);
  if (simple) return { key, blocks: simple, deepLines, lazyCuts: [] };
  const cuts = lazyCuts(source);
  if (cuts.length) return { key, blocks: partsParsed(source, cuts), deepLines, lazyCuts: cuts };
  const prose = proseTree(source);
  if (prose) return { key, blocks: blocksOf(prose, source), deepLines, lazyCuts: [] };
  return { key, source, deepLines };
}

/**
 * Whether a chunk may read otherwise when more text follows it than at the end of the text. An HTML
 * line ends or continues a block depending on the next line ("- item" then "</pre>" makes the tag
 * a block of its own at the end, and part of the item before more), so chunks with HTML are parsed
 * alone; a test parses every other kind of line both ways.
 */
function mayReadOtherwiseBeforeMore(source: string): boolean {
  return source.includes('<');
}

/**
 * Between chunks parsed together: a blank line, an empty heading and a blank line. Only a fence left
 * open carries across it (HTML is parsed alone), and a node that crosses it sends the chunks back to
 * be parsed one by one.
 */
const SEPARATOR = '\n\n#\n\n';
const SEPARATOR_LINES = 3;

/**
 * Chunks parsed in one call of the Markdown parser where they parse as alone, else one call each. A
 * call costs a set-up (its syntax extensions combined again, about as much as parsing a short chunk),
 * paid once here.
 */
function parsedTogether(pending: readonly PendingChunk[]): RelativeBlocks[] {
  const joinable = pending.filter((p) => !mayReadOtherwiseBeforeMore(p.source));
  const together = new Map(joinable.map((p, i) => [p, i]));
  const joined = joinable.length > 1 ? parsedJoined(joinable) : undefined;
  return pending.map((p) => {
    const i = together.get(p);
    return joined && i !== undefined ? joined[i] : finished(p, blocksOf(markdownTree(p.source), p.source));
  });
}

/** Chunks parsed in one call, each as it parses alone; undefined when one reads otherwise joined. */
function parsedJoined(pending: readonly PendingChunk[]): RelativeBlocks[] | undefined {
  const starts: { line: number; offset: number }[] = [];
  const ends: number[] = [];
  let line = 0;
  let offset = 0;
  for (const { source } of pending) {
    starts.push({ line, offset });
    line += lineCount(source);
    ends.push(line - 1);
    line += SEPARATOR_LINES;
    offset += source.length + SEPARATOR.length;
  }
  const groups: RootContent[][] = pending.map(() => []);
  let k = 0;
  for (const node of markdownTree(pending.map((p) => p.source).join(SEPARATOR)).children) {
    const [first, last] = lineSpan(node);
    while (k < pending.length && first > ends[k]) k++;
    if (k === pending.length) return undefined;
    if (first >= starts[k].line) {
      if (last > ends[k]) return undefined;
      groups[k].push(node);
    } else if (!(node.type === 'heading' && first === last && first === starts[k].line - 2)) return undefined;
  }
  if (groups.some((group) => group.length === 0)) return undefined;
  return pending.map((p, i) => {
    const children = groups[i].map((node) => moved(node, starts[i].line, starts[i].offset));
    return finished(p, blocksOf({ type: 'root', children }, p.source));
  });
}

/** A node of the joined text with its positions (and its children's) made relative to its own chunk. */
function moved<T extends Nodes>(node: T, lines: number, offset: number): T {
  const copy = { ...node };
  if (node.position) {
    const { start, end } = node.position;
    copy.position = {
      start: { line: start.line - lines, column: start.column, offset: (start.offset ?? 0) - offset },
      end: { line: end.line - lines, column: end.column, offset: (end.offset ?? 0) - offset },
    };
  }
  if ('children' in node) (copy as { children: Nodes[] }).children = node.children.map((c) => moved(c, lines, offset));
  return copy;
}

/** The blocks of each chunk's text, parsed in one call of the parser as `BlockCache` does. */
export function blocksParsedTogether(sources: readonly string[]): Block[][] {
  return parsedTogether(sources.map((source) => ({ key: source, source, deepLines: [] }))).map((read) => read.blocks);
}

function finished(pending: PendingChunk, blocks: Block[]): RelativeBlocks {
  return { key: pending.key, blocks, deepLines: pending.deepLines, lazyCuts: [] };
}

function lineCount(text: string): number {
  let count = 1;
  for (let at = text.indexOf('\n'); at >= 0; at = text.indexOf('\n', at + 1)) count++;
  return count;
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

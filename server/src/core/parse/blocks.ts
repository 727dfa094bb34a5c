import type { Nodes, RootContent } from 'mdast';

/**
 * The block structure of a document body, with absolute zero-based line numbers.
 * Tables and ATX headings are read line by line (a table row parses on its own);
 * everything else comes from remark, one small chunk at a time.
 */
export type Block = HeadingBlock | TableBlock | ListBlock | ParagraphBlock | OtherBlock;

export interface HeadingBlock {
  kind: 'heading';
  depth: number;
  /** Heading text with inline markup removed. */
  text: string;
  line: number;
  endLine: number;
}

export interface TableCell {
  /** Cell text with inline markup removed. */
  text: string;
  raw: string;
  /** Columns (UTF-16 offsets in the line) of the raw cell content, trimmed. */
  start: number;
  end: number;
}

export interface TableRow {
  line: number;
  cells: TableCell[];
}

export interface TableBlock {
  kind: 'table';
  line: number;
  endLine: number;
  header: TableRow;
  rows: TableRow[];
  quoted: boolean;
}

export interface ListItem {
  line: number;
  endLine: number;
  /** Lines of the item's own leading paragraph (marker stripped from the first). */
  lines: TextLine[];
  checked: boolean | null;
  children: ListItem[];
  ordered: boolean;
}

export interface ListBlock {
  kind: 'list';
  line: number;
  endLine: number;
  ordered: boolean;
  items: ListItem[];
  quoted: boolean;
}

/** One source line of a paragraph or list item. */
export interface TextLine {
  line: number;
  /** Column where the content starts in the source line. */
  column: number;
  raw: string;
}

export interface ParagraphBlock {
  kind: 'paragraph';
  line: number;
  endLine: number;
  lines: TextLine[];
  quoted: boolean;
  /** The remark node, for rules that need inline structure (emphasis, code, links). */
  node: Nodes;
  /** Absolute zero-based line of the node's chunk: node position line 1 is this line. */
  chunkLine: number;
}

export interface OtherBlock {
  kind: 'code' | 'html' | 'thematicBreak' | 'definition' | 'other';
  line: number;
  endLine: number;
  /** For html blocks: whether the block is only comments (an empty template prompt). */
  commentOnly?: boolean;
  /** For indented (not fenced) code: its lines, which a timeline sometimes is, by accident of indentation. */
  lines?: TextLine[];
}

/** Where a node starts and ends, in zero-based lines relative to its chunk. */
export function nodeLines(node: { position?: { start: { line: number }; end: { line: number } } }): [number, number] {
  return [(node.position?.start.line ?? 1) - 1, (node.position?.end.line ?? 1) - 1];
}

export type ChunkNode = RootContent;

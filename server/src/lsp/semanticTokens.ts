import {
  SemanticTokensBuilder,
  type CancellationToken,
  type SemanticTokens,
  type SemanticTokensLegend,
} from 'vscode-languageserver';
import type { PostmortemDocument } from '../core/model';
import type { Block, ListItem, TextLine } from '../core/parse/blocks';
import { blankInline, type InlinePart } from '../core/text/inlineMarkdown';
import type { HindsightSettings } from '../shared/settings';
import type { AnalysedDocument } from './analysed';
import { HIGHLIGHT_PATTERNS, HIGHLIGHT_TYPES } from './highlightPatterns';

/**
 * Highlighting of times, zones, severities, milestone markers and ticket keys, for postmortems only: the server is
 * what knows a postmortem from other Markdown, so a README's "SEV2" stays plain. Code, comments, link targets and
 * the frontmatter are never highlighted.
 */
export const SEMANTIC_TOKENS_LEGEND: SemanticTokensLegend = { tokenTypes: [...HIGHLIGHT_TYPES], tokenModifiers: [] };

export interface HighlightToken {
  line: number;
  character: number;
  length: number;
  type: (typeof HIGHLIGHT_TYPES)[number];
}

/** Inline parts that are not prose; blanked with spaces so every column keeps its place. A link's label is prose. */
const NOT_PROSE: InlinePart[] = [
  'comment',
  'code',
  'linkTarget',
  'refTarget',
  'autolink',
  'emailAutolink',
  'url',
  'html',
];

const blank = (text: string) => blankInline(text, NOT_PROSE);

function itemLines(items: readonly ListItem[]): TextLine[] {
  return items.flatMap((item) => [...item.lines, ...itemLines(item.children)]);
}

/** The source text of a block that is prose, a heading or a table, as (line, column, text) pieces. */
function proseOf(doc: PostmortemDocument, block: Block): TextLine[] {
  switch (block.kind) {
    case 'paragraph':
      return block.lines;
    case 'list':
      return itemLines(block.items);
    case 'heading':
      return [{ line: block.line, column: 0, raw: doc.lines.lines[block.line] ?? '' }];
    case 'table':
      return [block.header, ...block.rows].flatMap((row) =>
        row.cells.map((c) => ({ line: row.line, column: c.start, raw: c.raw })),
      );
    default:
      return [];
  }
}

/** The tokens of one piece of text: at each place the leftmost match wins, then the earlier pattern; none overlap. */
export function tokensOfLine(text: string): { start: number; length: number; type: HighlightToken['type'] }[] {
  const prose = blank(text);
  const found = HIGHLIGHT_PATTERNS.flatMap(({ type, pattern }, priority) =>
    [...prose.matchAll(pattern)].map((m) => ({ start: m.index!, length: m[0].length, type, priority })),
  ).filter((t) => t.length > 0);
  found.sort((a, b) => a.start - b.start || a.priority - b.priority);
  const kept: typeof found = [];
  for (const token of found) {
    const last = kept[kept.length - 1];
    if (last && token.start < last.start + last.length) continue;
    kept.push(token);
  }
  return kept.map(({ start, length, type }) => ({ start, length, type }));
}

export function highlightTokens(doc: PostmortemDocument): HighlightToken[] {
  const pieces = doc.blocks.flatMap((block) => proseOf(doc, block));
  const tokens = pieces.flatMap((piece) =>
    tokensOfLine(piece.raw).map((t) => ({
      line: piece.line,
      character: piece.column + t.start,
      length: t.length,
      type: t.type,
    })),
  );
  return tokens.sort((a, b) => a.line - b.line || a.character - b.character);
}

/** The LSP encoding of a postmortem's tokens; other Markdown (no subject) gets an empty answer. */
export function semanticTokens(
  subject: Pick<AnalysedDocument, 'doc'> | undefined,
  _request?: unknown,
  _settings?: HindsightSettings,
  cancellation?: CancellationToken,
): SemanticTokens {
  const builder = new SemanticTokensBuilder();
  const found = subject && !cancellation?.isCancellationRequested ? highlightTokens(subject.doc) : [];
  for (const token of found) {
    builder.push(token.line, token.character, token.length, HIGHLIGHT_TYPES.indexOf(token.type), 0);
  }
  return builder.build();
}

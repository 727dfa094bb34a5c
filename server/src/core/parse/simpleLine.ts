import type { Paragraph } from 'mdast';
import type { Block, ListItem } from './blocks';

/**
 * A chunk of one line that is plain prose, or list markers followed by plain prose, read without the
 * Markdown parser. Each parser call costs a set-up of its own (tenths of a millisecond) and a line of
 * nested list items much more: a body of one-line list items or short paragraphs paid that per line.
 * The shapes accepted here parse one way only: prose that opens with a letter or a digit (and is no
 * marker itself), after nothing or after one space per marker, is a paragraph, never a heading, fence,
 * quote, HTML, table, thematic break or task item. The blocks are the parser's own (a test checks it).
 */

/** One list marker and the single space after it. */
const MARKER = /(?:[-*+]|\d{1,9}[.)]) /y;
/** Prose as above; it ends with a character that is not white space, and holds no tab or line end. */
export const PROSE = /^[A-Za-z0-9](?:[^\t\r\n]*[^\s])?$/;
/** What is left of an ordered marker at the line's end: an empty item, not prose. */
const BARE_ORDERED = /^\d{1,9}[.)]$/;

/** The blocks of a one-line chunk of the shapes above, or undefined for anything else. */
export function simpleLineBlocks(line: string): Block[] | undefined {
  const markers: { column: number; ordered: boolean }[] = [];
  MARKER.lastIndex = 0;
  let column = 0;
  while (MARKER.exec(line)) {
    markers.push({ column, ordered: !'-*+'.includes(line[column]) });
    column = MARKER.lastIndex;
  }
  const prose = column === 0 ? line : line.slice(column);
  if (!PROSE.test(prose) || BARE_ORDERED.test(prose)) return undefined;
  if (markers.length === 0) return [{ kind: 'paragraph', line: 0, endLine: 0, ...paragraph(line) }];
  let item: ListItem | undefined;
  for (let depth = markers.length - 1; depth >= 0; depth--) {
    const { ordered } = markers[depth];
    const lines = item ? [] : [{ line: 0, column, raw: line.slice(column) }];
    item = { line: 0, endLine: 0, lines, checked: null, children: item ? [item] : [], ordered };
  }
  return [{ kind: 'list', line: 0, endLine: 0, ordered: markers[0].ordered, items: [item!], quoted: false }];
}

/** A top-level paragraph of the whole line, with the node the parser would have made. */
function paragraph(raw: string) {
  const position = () => ({
    start: { line: 1, column: 1, offset: 0 },
    end: { line: 1, column: raw.length + 1, offset: raw.length },
  });
  const node: Paragraph = {
    type: 'paragraph',
    children: [{ type: 'text', value: raw, position: position() }],
    position: position(),
  };
  return { lines: [{ line: 0, column: 0, raw }], quoted: false, node, chunkLine: 0 };
}

import { splitRow as splitCells } from '../core/parse/inline';
import type { TextEdit } from '../core/rules/rule';

/** A cell's interior: the characters between its pipes (or the line's edge), whitespace included. */
interface CellSpan {
  from: number;
  to: number;
}

interface RowSpans {
  cells: CellSpan[];
  /** Where the row's content ends: after its closing pipe, or its last cell's text. */
  end: number;
  closed: boolean;
}

/** A table line's cells as spans between its pipes, and whether a closing pipe ends it. */
export function splitRow(line: string): RowSpans {
  const cells = splitCells(line).map(({ from, to }) => ({ from, to }));
  const last = cells[cells.length - 1];
  const closed = line[last.to] === '|';
  return { cells, end: closed ? last.to + 1 : line.trimEnd().length, closed };
}

export const escapeCell = (text: string) => text.replace(/\r?\n/g, ' ').replace(/(?<!\\)\|/g, '\\|');

export interface TableLines {
  /** Line numbers of the header, the delimiter row and each body row. */
  header: number;
  delimiter: number;
  rows: number[];
  /** Source text of each line by number. */
  text: (line: number) => string;
}

const edit = (line: number, from: number, to: number, newText: string): TextEdit => ({
  range: { start: { line, character: from }, end: { line, character: to } },
  newText,
});

/**
 * Writes `values` (already escaped) into column `column` of the rows named, keeping the column
 * padded when it was padded (every cell of it the same width), widening it when a value is longer.
 */
export function setColumn(table: TableLines, column: number, values: Map<number, string>): TextEdit[] {
  const lines = [table.header, table.delimiter, ...table.rows];
  const spans = new Map(lines.map((line) => [line, splitRow(table.text(line))]));
  const content = (line: number) => {
    const span = spans.get(line)!.cells[column];
    return values.get(line) ?? (span ? table.text(line).slice(span.from, span.to).trim() : '');
  };
  const interiors = lines.map((line) => spans.get(line)!.cells[column]).map((s) => (s ? s.to - s.from : -1));
  const padded =
    interiors.every((w) => w === interiors[0] && w > 0) && lines.some((l) => content(l).length < interiors[0] - 2);
  const oldWidth = padded ? interiors[0] - 2 : 0;
  const width = padded
    ? Math.max(oldWidth, ...lines.filter((l) => l !== table.delimiter).map((l) => content(l).length))
    : 0;
  const edits: TextEdit[] = [];
  for (const line of lines) {
    const row = spans.get(line)!;
    const span = row.cells[column];
    const changed = values.has(line) || (padded && width !== oldWidth);
    if (!changed) continue;
    const text =
      line === table.delimiter
        ? delimiterCell(table.text(line).slice(span?.from ?? 0, span?.to ?? 0), width)
        : content(line);
    if (!span) {
      edits.push(appendCells(line, row, [...Array(column - row.cells.length).fill(''), text], width));
      continue;
    }
    edits.push(edit(line, span.from, span.to, ` ${padded ? text.padEnd(width) : text} `));
  }
  return edits;
}

/** Adds a column at the end of the table: `header` over the rows' `values` (already escaped). */
export function appendColumn(table: TableLines, header: string, values: Map<number, string>): TextEdit[] {
  const lines = [table.header, table.delimiter, ...table.rows];
  const spans = new Map(lines.map((line) => [line, splitRow(table.text(line))]));
  const count = spans.get(table.header)!.cells.length;
  const cell = (line: number) => (line === table.header ? header : (values.get(line) ?? ''));
  const lengths = lines.map((line) => table.text(line).trimEnd().length);
  const aligned = lengths.every((n) => n === lengths[0]);
  const width = aligned ? Math.max(3, ...lines.filter((l) => l !== table.delimiter).map((l) => cell(l).length)) : 0;
  return lines.map((line) => {
    const row = spans.get(line)!;
    const missing: string[] = Array(Math.max(0, count - row.cells.length)).fill(line === table.delimiter ? '---' : '');
    const text = line === table.delimiter ? (aligned ? '-'.repeat(width) : '---') : cell(line);
    // A delimiter row written without spaces (|---|---|) gets its new cell the same way.
    const compact = line === table.delimiter && !/\s/.test(table.text(line).trim());
    return appendCells(line, row, [...missing, text], width, compact);
  });
}

function appendCells(line: number, row: RowSpans, cells: string[], width: number, compact = false): TextEdit {
  const rendered = cells.map((c) => (width ? c.padEnd(width) : c));
  const pad = compact ? '' : ' ';
  const newText = row.closed
    ? rendered.map((c) => `${pad}${c}${pad}|`).join('')
    : rendered.map((c) => `${pad}|${pad}${c}`).join('');
  return edit(line, row.end, row.end, newText);
}

/** The delimiter cell at a new width, keeping its alignment colons. */
function delimiterCell(old: string, width: number): string {
  const cell = old.trim();
  const left = cell.startsWith(':');
  const right = cell.endsWith(':') && cell.length > 1;
  const dashes = Math.max(3, (width || cell.length) - (left ? 1 : 0) - (right ? 1 : 0));
  return `${left ? ':' : ''}${'-'.repeat(dashes)}${right ? ':' : ''}`;
}

import type { ActionItem, PostmortemDocument } from '../core/model';
import type { TableBlock } from '../core/parse/blocks';
import type { TextEdit } from '../core/rules/rule';
import { appendColumn, escapeCell, setColumn, type TableLines } from './tableColumn';
import { itemTicketKey } from './tickets';
import type { CreatedTicket, TicketState } from './types';

/**
 * Edits that record tracker results in the document: new tickets' keys in the Ticket column (or
 * after a list item), fresh states in the Status column (or a checkbox). All edits of one call are
 * computed against the same text and never overlap, so they apply at once; none holds a line
 * break, so the document keeps its own line endings.
 */

/**
 * Writes each created ticket as a Markdown link into its item's row, adding a Ticket column where
 * the table has none.
 */
export function ticketEdits(doc: PostmortemDocument, created: CreatedTicket[]): TextEdit[] {
  const cells = new Map<ActionItem, string>();
  const edits: TextEdit[] = [];
  for (const ticket of created) {
    const item = doc.actionItems[ticket.index];
    if (!item) continue;
    const link = ticketLink(ticket);
    if (item.origin === 'table') cells.set(item, escapeCell(link));
    else edits.push(appendToListItem(doc, item, link));
  }
  return [...edits, ...tableEdits(doc, cells, 'ticket', 'Ticket')];
}

/** Updates each item whose ticket has a known state that differs from what the document says. */
export function statusEdits(doc: PostmortemDocument, states: Map<string, TicketState>): TextEdit[] {
  const words = statusVocabulary(doc);
  const cells = new Map<ActionItem, string>();
  const edits: TextEdit[] = [];
  for (const item of doc.actionItems) {
    const key = itemTicketKey(item);
    const state = key === undefined ? undefined : states.get(key);
    if (!state || state === item.state) continue;
    if (item.origin === 'table') {
      cells.set(item, escapeCell(words[state]));
      continue;
    }
    if (item.status) edits.push({ range: item.status.range, newText: words[state] });
    if (item.origin === 'checkbox') {
      const box = checkbox(doc, item);
      const checked = state === 'done' ? 'x' : ' ';
      if (box && doc.lines.lines[box.line][box.character] !== checked) {
        edits.push({ range: { start: box, end: { line: box.line, character: box.character + 1 } }, newText: checked });
      }
    }
  }
  return [...edits, ...tableEdits(doc, cells, 'status', 'Status')];
}

function ticketLink(ticket: CreatedTicket): string {
  if (!ticket.url) return ticket.key;
  const url = /[\s()<>]/.test(ticket.url) ? `<${ticket.url.replace(/[<>]/g, encodeURIComponent)}>` : ticket.url;
  return `[${ticket.key.replace(/[[\]]/g, '\\$&')}](${url})`;
}

/** Per table: fills the field's column for the given items, or adds the column when the table lacks it. */
function tableEdits(
  doc: PostmortemDocument,
  cells: Map<ActionItem, string>,
  field: 'ticket' | 'status',
  header: string,
): TextEdit[] {
  const byTable = new Map<TableBlock, { column: number | undefined; values: Map<number, string> }>();
  for (const [item, value] of cells) {
    const table = tableOf(doc, item.range.start.line);
    if (!table) continue;
    const entry = byTable.get(table) ?? { column: item.columns[field], values: new Map<number, string>() };
    entry.values.set(item.range.start.line, value);
    byTable.set(table, entry);
  }
  const edits: TextEdit[] = [];
  for (const [table, { column, values }] of byTable) {
    const lines: TableLines = {
      header: table.header.line,
      delimiter: table.header.line + 1,
      rows: table.rows.map((row) => row.line),
      text: (line) => doc.lines.lines[line] ?? '',
    };
    edits.push(...(column === undefined ? appendColumn(lines, header, values) : setColumn(lines, column, values)));
  }
  return edits;
}

function tableOf(doc: PostmortemDocument, line: number): TableBlock | undefined {
  return doc.blocks.find((b): b is TableBlock => b.kind === 'table' && b.rows.some((row) => row.line === line));
}

/** Appends ` [KEY](url)` after the item's own text (its last line when it wraps). */
function appendToListItem(doc: PostmortemDocument, item: ActionItem, link: string): TextEdit {
  const line = lastOwnLine(doc, item);
  const end = doc.lines.lines[line].trimEnd().length;
  return { range: { start: { line, character: end }, end: { line, character: end } }, newText: ` ${link}` };
}

function lastOwnLine(doc: PostmortemDocument, item: ActionItem): number {
  const first = item.range.start.line;
  for (const block of doc.blocks) {
    if (block.kind !== 'list' || first < block.line || first > block.endLine) continue;
    const stack = [...block.items];
    for (let next = stack.pop(); next; next = stack.pop()) {
      if (next.line === first) return next.lines.at(-1)?.line ?? first;
      stack.push(...next.children);
    }
  }
  return first;
}

/** Position of the character inside the item's `[ ]`. */
function checkbox(doc: PostmortemDocument, item: ActionItem) {
  const line = item.range.start.line;
  const m = /^(\s*(?:>\s?)*\s*(?:[-*+]|\d+[.)])\s+\[)[ xX]\]/.exec(doc.lines.lines[line] ?? '');
  return m ? { line, character: m[1].length } : undefined;
}

const DEFAULT_WORDS: Record<TicketState, string> = { open: 'Open', 'in-progress': 'In progress', done: 'Done' };

/** The words the document already uses for each state (its most frequent), else the defaults in its case. */
function statusVocabulary(doc: PostmortemDocument): Record<TicketState, string> {
  const counts = new Map<TicketState, Map<string, number>>();
  const written: string[] = [];
  for (const item of doc.actionItems) {
    const word = item.status?.text.trim();
    if (!word || item.state === 'unknown') continue;
    written.push(word);
    const forState = counts.get(item.state) ?? new Map<string, number>();
    forState.set(word, (forState.get(word) ?? 0) + 1);
    counts.set(item.state, forState);
  }
  const lower = written.length > 0 && written.every((w) => w === w.toLowerCase());
  const words = { ...DEFAULT_WORDS };
  for (const state of Object.keys(words) as TicketState[]) {
    const used = [...(counts.get(state) ?? [])].sort((a, b) => b[1] - a[1])[0]?.[0];
    words[state] = used ?? (lower ? DEFAULT_WORDS[state].toLowerCase() : DEFAULT_WORDS[state]);
  }
  return words;
}

import { DateTime } from 'luxon';
import { analyzeText } from '../analyzer';
import type { MilestoneKind, PostmortemDocument, Range, Section, TimelineEntry } from '../model';
import type { TableBlock } from '../parse/blocks';
import { MILESTONE_HEADER, TIME_HEADER } from '../timeline/candidates';
import { cellText, idToken, luxonZone, milestoneMarker, sourceCell, timeCell, withoutMarkers } from './cells';
import type { ImportedRow } from './types';

export interface MergeOptions {
  uri?: string;
  /** The team's zone from the configuration, as the analyzer takes it. */
  defaultZone?: string;
}

/** One edit to the postmortem, in LSP terms: replace `range` with `newText`. */
export interface TextEdit {
  range: Range;
  newText: string;
}

export interface MergePlan {
  /** Undefined when every row is already in the timeline. */
  edit: TextEdit | undefined;
  /** The rows added, in the order written, as the lines written for them, with the milestone each marks. */
  added: { row: ImportedRow; line: string; marks?: MilestoneKind }[];
  /** Rows already in the postmortem from an earlier import. */
  duplicates: number;
  /** The zone times were written in. */
  zone: string;
  /** Whether a new timeline table was made. */
  newTable: boolean;
}

const SOURCE_HEADER = /^(?:source|sources|evidence|links?|refs?|references?)$/i;
const ACTOR_HEADER = /^(?:who|actor|owner|by|person|people|responder|author|user)$/i;
/** Milestones the first piece of evidence marks; the others are marked by the last. */
const FIRST_WINS = new Set<MilestoneKind>(['started', 'detected', 'acknowledged', 'impactStart']);

/** Plans the edit that merges imported rows into the postmortem's timeline, in time order, once each. */
export function planMerge(text: string, rows: readonly ImportedRow[], options: MergeOptions = {}): MergePlan {
  const doc = analyzeText(text, options.uri, { defaultZone: options.defaultZone });
  const seen = new Set<string>();
  // Already in the postmortem from an earlier import, or twice in this one.
  const fresh = rows.filter((row) => {
    const id = idToken(row.sourceId);
    if (seen.has(id) || text.includes(id)) return false;
    seen.add(id);
    return true;
  });
  const table = timelineTable(doc);
  const { zone, writeZone } = writingZone(doc, table);
  const base = { duplicates: rows.length - fresh.length, zone };
  if (fresh.length === 0) return { ...base, edit: undefined, added: [], newTable: false };
  const sorted = [...fresh].sort((a, b) => a.instant - b.instant);
  const write: WriteOptions = { zone, writeZone, marks: chooseMarks(doc, fresh) };
  const list = table ? undefined : timelineList(doc);
  const planned = table
    ? mergeIntoTable(doc, table.block, table.entries, sorted, write)
    : list
      ? mergeIntoList(doc, list, sorted, write)
      : newTable(doc, sorted, { ...write, writeZone: false });
  // The document's own line ending: lines are read without it, and written back with it.
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const edit = { ...planned.edit, newText: planned.edit.newText.replace(/\n/g, eol) };
  return { ...base, edit, added: planned.added, newTable: !table && !list };
}

interface Found {
  block: TableBlock;
  entries: TimelineEntry[];
}

/** The timeline section's table holding the most timed entries. */
function timelineTable(doc: PostmortemDocument): Found | undefined {
  const sections = timelineSections(doc);
  let best: Found | undefined;
  for (const block of doc.blocks) {
    if (block.kind !== 'table' || block.quoted || !sections.some((s) => within(block.line, s))) continue;
    const entries = doc.timeline.entries.filter(
      (e) => e.range.start.line > block.line && e.range.start.line <= block.endLine,
    );
    const timeHeader = block.header.cells.some((c) => TIME_HEADER.test(c.text));
    if ((timeHeader || entries.length > 0) && (!best || entries.length > best.entries.length))
      best = { block, entries };
  }
  return best;
}

/** The entries of a timeline written as a list (read in chunks: one block per item), where new items go. */
function timelineList(doc: PostmortemDocument): TimelineEntry[] | undefined {
  const sections = timelineSections(doc);
  const lists = doc.blocks.filter((b) => b.kind === 'list' && !b.quoted && sections.some((s) => within(b.line, s)));
  const entries = doc.timeline.entries.filter((e) => lists.some((b) => inBlock(e, b)));
  return entries.some((e) => e.time !== undefined) ? entries : undefined;
}

const inBlock = (e: TimelineEntry, b: { line: number; endLine: number }) =>
  e.range.start.line >= b.line && e.range.start.line <= b.endLine;

function timelineSections(doc: PostmortemDocument): Section[] {
  return doc.timeline.sections.length > 0
    ? doc.timeline.sections
    : doc.sections.filter((s) => s.kinds.includes('timeline'));
}

const within = (line: number, s: Section) => line > s.headingRange.start.line && line <= s.range.end.line;

/** The zone the timeline is read in, and whether each time must name it (nothing in the document does). */
function writingZone(doc: PostmortemDocument, table: Found | undefined): { zone: string; writeZone: boolean } {
  const column = table?.entries.find((e) => e.zoneSource === 'column' && e.zone);
  if (column?.zone) return { zone: column.zone, writeZone: false };
  const declared = doc.timeline.declaredZone;
  if (declared) return { zone: declared, writeZone: false };
  return { zone: 'UTC', writeZone: true };
}

interface Mark {
  kind: MilestoneKind;
  row: ImportedRow;
}

/**
 * Per milestone, the one piece of evidence to mark: the first page and acknowledgement, the last
 * resolve. None where the author has already marked that milestone: the author's word stands.
 */
function chooseMarks(doc: PostmortemDocument, rows: readonly ImportedRow[]): Map<ImportedRow, Mark> {
  const chosen = new Map<MilestoneKind, ImportedRow>();
  for (const row of [...rows].sort((a, b) => a.instant - b.instant)) {
    if (!row.milestone || doc.milestones[row.milestone]?.confidence === 'marked') continue;
    if (!chosen.has(row.milestone) || !FIRST_WINS.has(row.milestone)) chosen.set(row.milestone, row);
  }
  return new Map([...chosen].map(([kind, row]) => [row, { kind, row }]));
}

interface Layout {
  time: number;
  text: number;
  actor: number;
  milestone: number;
  source: number;
  width: number;
}

interface WriteOptions {
  zone: string;
  writeZone: boolean;
  marks: Map<ImportedRow, Mark>;
}

/** A list item in the shape of the list's first ("- 2024-03-05 14:04 search-api: Triggered — [PagerDuty](…)"). */
function itemLine(row: ImportedRow, bullet: string, options: WriteOptions): string {
  const mark = options.marks.get(row);
  let body = withoutMarkers(cellText(row.text).replace(/\\\|/g, '|'));
  if (row.actor) body = `${withoutMarkers(cellText(row.actor))}: ${body}`;
  if (mark) body = `${body} [${milestoneMarker(mark.kind)}]`;
  const time = timeCell(row.instant, options.zone, options.writeZone);
  return `${bullet}${time} ${body} — ${sourceCell(row.sourceId, row.link)}`;
}

function mergeIntoList(doc: PostmortemDocument, entries: TimelineEntry[], rows: ImportedRow[], options: WriteOptions) {
  const lines = doc.lines.lines;
  const first = entries[0].range.start.line;
  const last = Math.max(...entries.map((e) => e.range.end.line));
  const bullet = /^\s*(?:[-*+]|\d+[.)])\s+/.exec(lines[first])?.[0].replace(/\d+/, '1') ?? '- ';
  const { out, added } = interleave(doc, entries, rows, options, {
    lines: range(first, last).map((line) => ({ line, text: lines[line] })),
    render: (row) => itemLine(row, bullet, options),
  });
  const replaced: Range = { start: { line: first, character: 0 }, end: { line: last, character: lines[last].length } };
  return { edit: { range: replaced, newText: out.join('\n') }, added };
}

/**
 * The existing lines with the new rows written in among them: each row above the first timed entry
 * it comes before, the rest after the last line.
 */
function interleave(
  doc: PostmortemDocument,
  entries: TimelineEntry[],
  rows: ImportedRow[],
  options: WriteOptions,
  target: { lines: { line: number; text: string }[]; render: (row: ImportedRow) => string },
): { out: string[]; added: MergePlan['added'] } {
  const timed = new Map(entries.filter((e) => e.time !== undefined).map((e) => [e.range.start.line, e]));
  const newestFirst = doc.timeline.newestFirst;
  const queue = newestFirst ? [...rows].reverse() : [...rows];
  const out: string[] = [];
  const added: MergePlan['added'] = [];
  const take = () => {
    const row = queue.shift()!;
    const line = target.render(row);
    added.push({ row, line, marks: options.marks.get(row)?.kind });
    out.push(line);
  };
  for (const { line, text } of target.lines) {
    const entry = timed.get(line);
    if (entry) while (queue.length > 0 && before(queue[0], entry, options.zone, newestFirst)) take();
    out.push(text);
  }
  while (queue.length > 0) take();
  return { out, added };
}

const range = (first: number, last: number) => Array.from({ length: last - first + 1 }, (_, i) => first + i);

const DAY = 86_400_000;

/**
 * Whether an imported row goes above an existing entry. An entry whose day the postmortem never
 * gives holds a time of day alone: the row is compared by its own time of day in the timeline's zone.
 */
function before(row: ImportedRow, entry: TimelineEntry, zone: string, newestFirst: boolean): boolean {
  // Later rows of a dateless table are not always flagged: a time on 1970-01-01 is a time of day alone.
  const dateless = entry.dateUnknown || entry.time! < DAY;
  const instant = dateless
    ? DateTime.fromMillis(row.instant, { zone: luxonZone(zone) })
        .set({ year: 1970, month: 1, day: 1 })
        .toMillis()
    : row.instant;
  return newestFirst ? instant > entry.time! : instant < entry.time!;
}

function rowLine(row: ImportedRow, layout: Layout, options: WriteOptions): string {
  const cells = new Array<string>(layout.width).fill('');
  const mark = options.marks.get(row);
  let body = withoutMarkers(cellText(row.text));
  if (layout.actor < 0 && row.actor) body = `${cellText(row.actor)}: ${body}`;
  if (mark && layout.milestone < 0) body = `${body} [${milestoneMarker(mark.kind)}]`;
  cells[layout.time] = timeCell(row.instant, options.zone, options.writeZone);
  cells[layout.text] = body;
  if (layout.actor >= 0) cells[layout.actor] = row.actor ? withoutMarkers(cellText(row.actor)) : '';
  if (layout.milestone >= 0 && mark) cells[layout.milestone] = milestoneMarker(mark.kind);
  cells[layout.source] = sourceCell(row.sourceId, row.link);
  return `| ${cells.join(' | ')} |`;
}

function mergeIntoTable(
  doc: PostmortemDocument,
  table: TableBlock,
  entries: TimelineEntry[],
  rows: ImportedRow[],
  options: WriteOptions,
) {
  const headers = table.header.cells.map((c) => c.text.trim());
  const lines = doc.lines.lines;
  const addSource = !headers.some((h) => SOURCE_HEADER.test(h));
  const layout = tableLayout(headers, entries, table, addSource);
  const withCell = (line: string, cell: string) => (addSource ? appendCell(line, cell) : line);
  const head = [withCell(lines[table.line], 'Source'), withCell(lines[table.line + 1], '---')];
  const { out, added } = interleave(doc, entries, rows, options, {
    lines: range(table.line + 2, table.endLine).map((line) => ({ line, text: withCell(lines[line], '') })),
    render: (row) => rowLine(row, layout, options),
  });
  const replaced: Range = {
    start: { line: table.line, character: 0 },
    end: { line: table.endLine, character: lines[table.endLine].length },
  };
  return { edit: { range: replaced, newText: [...head, ...out].join('\n') }, added };
}

function tableLayout(headers: string[], entries: TimelineEntry[], table: TableBlock, addSource: boolean): Layout {
  const stamped = entries.find((e) => e.timeRange);
  const row = stamped ? table.rows.find((r) => r.line === stamped.timeRange!.start.line) : undefined;
  const fromStamp = row?.cells.findIndex(
    (c) => c.start <= stamped!.timeRange!.start.character && stamped!.timeRange!.start.character <= c.end,
  );
  const time =
    fromStamp !== undefined && fromStamp >= 0
      ? fromStamp
      : Math.max(
          0,
          headers.findIndex((h) => TIME_HEADER.test(h)),
        );
  const milestone = headers.findIndex((h, i) => i !== time && MILESTONE_HEADER.test(h));
  const actor = headers.findIndex((h, i) => i !== time && ACTOR_HEADER.test(h));
  const source = addSource ? headers.length : headers.findIndex((h) => SOURCE_HEADER.test(h));
  const taken = [time, milestone, actor, source];
  const text = headers.findIndex((_, i) => !taken.includes(i));
  return { time, text: text >= 0 ? text : time, actor, milestone, source, width: headers.length + (addSource ? 1 : 0) };
}

/** A row with one more cell at its end, whether or not it closes with a pipe. */
function appendCell(line: string, cell: string): string {
  const trimmed = line.trimEnd();
  const content = cell === '' ? ' ' : ` ${cell} `;
  return trimmed.endsWith('|') && !trimmed.endsWith('\\|')
    ? `${trimmed}${content}|`
    : `${trimmed} |${content}`.trimEnd();
}

/** A new table at the end of the timeline section, or a new Timeline section at the end of the document. */
function newTable(doc: PostmortemDocument, rows: ImportedRow[], options: WriteOptions) {
  const layout: Layout = { time: 0, actor: 1, text: 2, milestone: -1, source: 3, width: 4 };
  const lines = doc.lines.lines;
  const added = rows.map((row) => ({ row, line: rowLine(row, layout, options), marks: options.marks.get(row)?.kind }));
  const table = [
    `| Time (${options.zone}) | Who | Event | Source |`,
    '| --- | --- | --- | --- |',
    ...added.map((a) => a.line),
  ];
  const section = timelineSections(doc)[0];
  if (section) {
    let last = section.range.end.line;
    while (last > section.headingRange.start.line && lines[last].trim() === '') last--;
    const at = { line: last, character: lines[last].length };
    return { edit: { range: { start: at, end: at }, newText: `\n\n${table.join('\n')}` }, added };
  }
  let last = lines.length - 1;
  while (last > 0 && lines[last].trim() === '') last--;
  const end = { line: last, character: lines[last].length };
  return { edit: { range: { start: end, end }, newText: `\n\n## Timeline\n\n${table.join('\n')}` }, added };
}

/** The text with one edit applied (the CLI's write, and the tests' check of what VS Code would do). */
export function applyEdit(text: string, edit: TextEdit): string {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '\n') starts.push(i + 1);
  const offset = (p: Range['start']) => Math.min(text.length, starts[p.line] + p.character);
  return text.slice(0, offset(edit.range.start)) + edit.newText + text.slice(offset(edit.range.end));
}

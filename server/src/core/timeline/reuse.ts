import type { Section } from '../model';
import type { Block, ParagraphBlock, TableBlock, TableRow } from '../parse/blocks';
import { plainText } from '../parse/inline';
import { findStamps } from '../time/stamps';

/** What a timeline was read from, kept so the next version can tell whether it still holds. */
export interface TimelineSource {
  lines: readonly string[];
  blocks: readonly Block[];
  sections: Section[];
  /** Everything else the reading depends on (reference date, zones, year), as one comparable key. */
  settings: string;
  /** Whether the timeline came from timeline sections (not from the whole document's prose). */
  fromSections: boolean;
}

/** Past this many changed lines a fresh reading is cheaper than checking each. */
const MAX_CHANGED_LINES = 16;
/** A title or window in the first lines is read from prose wherever it is. */
const TITLE_LINES = 3;
/** A link reference definition changes how links elsewhere read. */
const DEFINITION = /^\s{0,3}\[[^\]]*\]:/;

/**
 * True when the edit from `before` to `after` cannot change the timeline: the document was read
 * from timeline sections, the settings are the same, and every changed line is a line of a
 * paragraph outside those sections, with the same span before and after, whose paragraph holds no
 * time or date in either version (so it yields no candidate, labelled milestone or stated window).
 */
export function timelineStillHolds(before: TimelineSource, after: TimelineSource): boolean {
  if (!before.fromSections || before.settings !== after.settings) return false;
  if (before.lines.length !== after.lines.length || !sameSections(before.sections, after.sections)) return false;
  const changed = changedLines(before.lines, after.lines);
  if (changed === undefined) return false;
  const scopes = before.sections.filter((s) => s.kinds.includes('timeline'));
  return changed.every((line) => {
    const inScope = scopes.some((s) => line >= s.headingRange.start.line && line <= s.range.end.line);
    if (line < TITLE_LINES || inScope) return false;
    const old = paragraphAt(before.blocks, line);
    const next = paragraphAt(after.blocks, line);
    if (old === undefined || next === undefined) return false;
    const [a, b] = [before.blocks[old] as ParagraphBlock, after.blocks[next] as ParagraphBlock];
    if (a.line !== b.line || a.endLine !== b.endLine || a.quoted !== b.quoted) return false;
    if (DEFINITION.test(before.lines[line]) || DEFINITION.test(after.lines[line])) return false;
    return quietAround(before, old) && quietAround(after, next);
  });
}

/**
 * The paragraph, the block before it and the nearest heading above hold no time: a time-led
 * line or heading there would take the paragraph's lines as its continuation.
 */
function quietAround(source: TimelineSource, at: number): boolean {
  const { blocks, lines } = source;
  if (holdsStamp(lines, blocks[at]) || (at > 0 && holdsStamp(lines, blocks[at - 1]))) return false;
  for (let i = at - 1; i >= 0; i--) if (blocks[i].kind === 'heading') return !holdsStamp(lines, blocks[i]);
  return true;
}

/** A section the timeline is read from: a timeline section not nested in another. */
export const isTimelineSection = (s: Section) => s.kinds.includes('timeline') && !s.parent?.kinds.includes('timeline');

/** A body row of a timeline table that an edit changed, as the new version has it. */
export interface RowEdit {
  table: TableBlock;
  row: TableRow;
}

/**
 * The rows to read again when an edit changed nothing else the timeline reads: the settings, sections and line
 * count are the same, and every changed line is a body row of a table in a timeline section that spans the same
 * lines with the same header before and after. Undefined when the edit is anything else.
 */
export function editedRows(before: TimelineSource, after: TimelineSource): RowEdit[] | undefined {
  if (!before.fromSections || before.settings !== after.settings) return undefined;
  if (before.lines.length !== after.lines.length || !sameSections(before.sections, after.sections)) return undefined;
  const changed = changedLines(before.lines, after.lines);
  if (changed === undefined || changed.length === 0) return undefined;
  const scopes = after.sections.filter(isTimelineSection);
  const edits: RowEdit[] = [];
  for (const line of changed) {
    const old = blockAt(before.blocks, line);
    const next = blockAt(after.blocks, line);
    if (old?.kind !== 'table' || next?.kind !== 'table') return undefined;
    if (old.line !== next.line || old.endLine !== next.endLine || old.header.cells !== next.header.cells)
      return undefined;
    if (!scopes.some((s) => next.line > s.headingRange.start.line && next.line <= s.range.end.line)) return undefined;
    const row = next.rows[line - next.line - 2];
    if (row?.line !== line) return undefined;
    edits.push({ table: next, row });
  }
  return edits;
}

function changedLines(before: readonly string[], after: readonly string[]): number[] | undefined {
  const changed: number[] = [];
  for (let i = 0; i < after.length; i++) {
    if (before[i] === after[i]) continue;
    if (changed.push(i) > MAX_CHANGED_LINES) return undefined;
  }
  return changed;
}

/** The index of the paragraph covering `line`. */
function paragraphAt(blocks: readonly Block[], line: number): number | undefined {
  const at = blockIndexAt(blocks, line);
  return at !== undefined && blocks[at].kind === 'paragraph' ? at : undefined;
}

function blockAt(blocks: readonly Block[], line: number): Block | undefined {
  const at = blockIndexAt(blocks, line);
  return at === undefined ? undefined : blocks[at];
}

/** The index of the block covering `line`, by binary search over blocks in document order. */
function blockIndexAt(blocks: readonly Block[], line: number): number | undefined {
  let low = 0;
  let high = blocks.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const block = blocks[middle];
    if (block.endLine < line) low = middle + 1;
    else if (block.line > line) high = middle - 1;
    else return middle;
  }
  return undefined;
}

function holdsStamp(lines: readonly string[], block: Block): boolean {
  const raw = lines.slice(block.line, block.endLine + 1).join('\n');
  return findStamps(raw).length > 0 || findStamps(plainText(raw).text).length > 0;
}

/** Same headings, kinds, ranges and emptiness, in the same order. */
export function sameSections(a: readonly Section[], b: readonly Section[]): boolean {
  return a.length === b.length && a.every((s, i) => sectionKey(s) === sectionKey(b[i]));
}

function sectionKey(s: Section): string {
  const parent = s.parent ? s.parent.headingRange.start.line : -1;
  const shape = [s.heading, s.depth, s.kinds, s.headingRange, s.range, s.bodyRange, s.empty];
  return JSON.stringify([...shape, parent, s.children.length]);
}

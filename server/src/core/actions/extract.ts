import type { ActionCell, ActionItem, Section } from '../model';
import type { Block, ListItem, TableBlock } from '../parse/blocks';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { completeDate, type CalendarDate } from '../time/resolve';
import { findStamps } from '../time/stamps';

type Field = 'action' | 'owner' | 'due' | 'status' | 'priority' | 'ticket' | 'type';

const ACTION_HEADERS = [
  'actions?|action items?|items?|tasks?|descriptions?|what|follow[- ]?ups?|remediations?|titles?',
  'summary|to ?do|corrective actions?|next steps?',
];

/** Column header synonyms, tried in this order so "Action item" is not read as a ticket. */
const COLUMNS: [Field, RegExp][] = [
  ['owner', /^(?:owners?|assignees?|assigned(?: to)?|who|responsible|dri|lead|team)$/],
  ['due', /^(?:due(?: date| by| on)?|deadline|target(?: date)?|eta|by when|when|date|completion date)$/],
  ['status', /^(?:status|state|done|progress|complete[d]?)$/],
  ['priority', /^(?:priority|prio|p|severity|urgency|importance)$/],
  ['ticket', /^(?:tickets?|issues?|jira|links?|tracking|tracker|reference|ref|bug|task id|id|key)$/],
  ['type', /^(?:type|kind|category|class)$/],
  ['action', new RegExp(`^(?:${ACTION_HEADERS.join('|')})$`)],
];

function columnField(header: string): Field | undefined {
  const h = header.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return COLUMNS.find(([, pattern]) => pattern.test(h))?.[0];
}

const DONE_WORDS = [
  'done|closed|complete[d]?|fixed|resolved|finished|shipped|merged|deployed',
  "won'?t ?(?:do|fix)|cancel+ed",
  '✅|☑|✔|x|yes',
];
const DONE = new RegExp(`^(?:${DONE_WORDS.join('|')})$`, 'i');
const IN_PROGRESS = /^(?:in[ -]?progress|doing|started|wip|ongoing|in review|review|blocked|underway|active)$/i;
const OPEN = /^(?:open|todo|to ?do|not started|new|planned|backlog|pending|proposed|scheduled|ready|triage|no)$/i;

export function normaliseState(status: string | undefined, checked: boolean | null = null): ActionItem['state'] {
  if (checked === true) return 'done';
  const s = (status ?? '').replace(/[*_`]/g, '').trim();
  if (DONE.test(s)) return 'done';
  if (IN_PROGRESS.test(s)) return 'in-progress';
  if (OPEN.test(s) || (checked === false && !s)) return 'open';
  return s ? 'unknown' : checked === false ? 'open' : 'unknown';
}

function dueDate(text: string | undefined, reference: CalendarDate | undefined): string | undefined {
  if (!text) return undefined;
  const date = findStamps(text).find((s) => s.date)?.date;
  if (!date) return undefined;
  const d = completeDate(date, reference);
  return `${d.year}-${String(d.month).padStart(2, '0')}-${String(d.day).padStart(2, '0')}`;
}

function fromTable(table: TableBlock, index: LineIndex, reference: CalendarDate | undefined): ActionItem[] {
  const columns: Partial<Record<Field, number>> = {};
  table.header.cells.forEach((cell, i) => {
    const field = columnField(cell.text);
    if (field && columns[field] === undefined) columns[field] = i;
  });
  if (columns.action === undefined) {
    // No "Action" header: the first column that is not another field holds the action.
    const free = table.header.cells.findIndex((_, i) => !Object.values(columns).includes(i));
    if (free < 0) return [];
    columns.action = free;
  }
  const items: ActionItem[] = [];
  for (const row of table.rows) {
    const cell = (field: Field): ActionCell | undefined => {
      const i = columns[field];
      const c = i === undefined ? undefined : row.cells[i];
      return c ? { text: c.text, range: index.lineRange(row.line, c.start, c.end) } : undefined;
    };
    const action = cell('action');
    if (!action || (!action.text && row.cells.every((c) => !c.text))) continue;
    const status = cell('status');
    const due = cell('due');
    items.push({
      action,
      owner: cell('owner'),
      due,
      dueDate: dueDate(due?.text, reference),
      status,
      state: normaliseState(status?.text),
      priority: cell('priority'),
      ticket: cell('ticket'),
      type: cell('type'),
      range: index.lineRange(row.line),
      origin: 'table',
      columns,
    });
  }
  return items;
}

const OWNER_INLINE = /(?:^|\s|\()(?:owner:\s*|assignee:\s*|@)([\w.-]+(?:\s[A-Z][\w-]+)?)/i;
const ISO_DAY = '[0-9]{4}-[0-9]{2}-[0-9]{2}';
const DAY_MONTH = String.raw`\d{1,2}\s+[A-Za-z]{3,9}(?:\s+\d{4})?`;
const MONTH_DAY = String.raw`[A-Za-z]{3,9}\s+\d{1,2}(?:,?\s+\d{4})?`;
const DUE_INLINE = new RegExp(
  String.raw`\b(?:due|by|before|deadline)\s*:?\s*` + `(${ISO_DAY}|${DAY_MONTH}|${MONTH_DAY})`,
  'i',
);
const TICKET_INLINE = /\b([A-Z][A-Z0-9]{1,9}-\d+)\b|(https?:\/\/\S+\/(?:issues|browse|issue)\/\S+)|(#\d+)\b/;
const STATUS_INLINE = /\b(?:status:\s*)([\w -]+?)(?:[,;)]|$)/i;

/** A condition, a statement about how things are, or a standing rule: context in a list, not work to track. */
const NOT_AN_ACTION =
  /^[\s*_`"'[(]*(?:if|when|whenever|there (?:is|are|was|were)|this|these|that|it|do not|don'?t|never|note|nb)\b/i;

function fromList(
  items: readonly ListItem[],
  index: LineIndex,
  reference: CalendarDate | undefined,
  out: ActionItem[],
): void {
  for (const item of items) {
    const first = item.lines[0];
    if (first && item.checked === null && NOT_AN_ACTION.test(plainText(first.raw).text)) continue;
    if (first) {
      const raw = item.lines.map((l) => l.raw).join(' ');
      const text = plainText(raw).text;
      const line = first.line;
      const inline = (pattern: RegExp, group = 1): ActionCell | undefined => {
        const m = pattern.exec(text);
        const value = m ? (m[group] ?? m[2] ?? m[3]) : undefined;
        if (!value) return undefined;
        const at = first.raw.indexOf(value);
        return {
          text: value.trim(),
          range:
            at >= 0
              ? index.lineRange(line, first.column + at, first.column + at + value.length)
              : index.lineRange(line),
        };
      };
      const due = inline(DUE_INLINE);
      const status = inline(STATUS_INLINE);
      const leading = leadingOwner(text);
      const owner =
        inline(OWNER_INLINE) ?? (leading ? cellAt(first.raw, leading, first.column, line, index) : undefined);
      const state = normaliseState(status?.text, item.checked);
      out.push({
        action: { text, range: index.lineRange(line, first.column, first.column + first.raw.length) },
        owner,
        due,
        dueDate: dueDate(due?.text, reference),
        status,
        state: state === 'unknown' && !status?.text && saysDone(text) ? 'done' : state,
        priority: undefined,
        ticket: inline(TICKET_INLINE),
        type: undefined,
        range: index.linesRange(item.line, item.endLine),
        origin: item.checked === null ? 'list' : 'checkbox',
        columns: {},
      });
    }
    // Sub-items under a group label ("Monitoring:") are actions; under an action they are its details.
    if (!first || isGroupLabel(plainText(first.raw).text)) fromList(item.children, index, reference, out);
  }
}

const isGroupLabel = (text: string) => /:\s*$/.test(text) || /^\s*$/.test(text);

/** Words that open a "Label:" item without naming who does the work. */
const LABEL_WORDS = [
  'note|notes|status|update|example|issue|problem|action|actions|fix|goal|why|how|what|result|done|todo',
  'next|follow|short|long|immediate|ongoing|optional|update|context|background|impact|risk|idea|proposal',
  'question|bonus|also|later|now|phase|step|stage|part',
];
const NOT_OWNERS = new RegExp(`^(?:${LABEL_WORDS.join('|')})$`, 'i');

/** "[Platform] Add…", "Platform: Add…", "SRE + DB team: …", "Platform will add…": the owner named up front. */
export function leadingOwner(item: string): string | undefined {
  // The owner comes first: the opening words are enough, and bound the regular expressions' work.
  const text = item.slice(0, 80);
  const bracketed = /^\[([^\]\n]{2,30})\]\s/.exec(text)?.[1];
  if (bracketed && !NOT_OWNERS.test(bracketed)) return bracketed;
  const name = '[A-Z][\\w.&-]*(?:\\s+team)?';
  const labelled = new RegExp(`^(${name}(?:\\s*(?:\\+|&|/)\\s*${name}|\\s+and\\s+${name}){0,3})\\s*:\\s+\\S`).exec(
    text,
  )?.[1];
  if (labelled && !NOT_OWNERS.test(labelled.split(/\s/)[0])) return labelled;
  const willDo = new RegExp(`^(${name}(?:\\s*(?:\\+|&)\\s*${name}|\\s+and\\s+${name}){0,3})\\s+will\\s+[a-z]`).exec(
    text,
  )?.[1];
  // "SRE to add…": only an acronym, since "Move to…" or "Switch to…" are verbs.
  return willDo ?? /^([A-Z]{2,}[A-Z0-9]*(?:\s*(?:\+|&|and)\s*[A-Z]{2,}[A-Z0-9]*)*)\s+to\s+[a-z]/.exec(text)?.[1];
}

function cellAt(raw: string, value: string, column: number, line: number, index: LineIndex): ActionCell {
  const at = raw.indexOf(value);
  return {
    text: value,
    range: at >= 0 ? index.lineRange(line, column + at, column + at + value.length) : index.lineRange(line),
  };
}

/** Past-tense wording: "Added an alert…", "The cache has been resized", "Alerts were added". */
const IRREGULAR_PAST =
  /^(?:built|made|wrote|written|ran|put|moved|set up|sent|held|took|gave|began|rebuilt|rewrote|upgraded|fixed)\b/i;
const NOT_PAST =
  /^(?:need|needed|embed|shed|seed|feed|speed|proceed|exceed|succeed|bleed|breed|heed|weed|red|bed|shred)\b/i;
export function saysDone(text: string): boolean {
  const plain = text.replace(/^[\s*_`"'[(]+/, '');
  if (/\b(?:will|to be|should|must|plan|planned|going to|needs? to)\b/i.test(plain)) return false;
  if (IRREGULAR_PAST.test(plain) || (/^[A-Za-z]+ed\b/.test(plain) && !NOT_PAST.test(plain))) return true;
  return /\b(?:has|have|had) been \w+|\b(?:was|were) (?:\w+ed|\w+en|set up|put|built|made)\b/i.test(plain.slice(0, 80));
}

/** Action items from the action-items sections: table rows, checkbox lists and plain lists. */
export function extractActionItems(
  blocks: readonly Block[],
  sections: readonly Section[],
  index: LineIndex,
  reference: CalendarDate | undefined,
): ActionItem[] {
  const actionSections = sections.filter(
    (s) => s.kinds.includes('action-items') && !s.parent?.kinds.includes('action-items'),
  );
  const inside = (block: Block) =>
    actionSections.some((s) => block.line > s.headingRange.start.line && block.line <= s.range.end.line);
  const items: ActionItem[] = [];
  for (const block of blocks) {
    const found: ActionItem[] = [];
    if (block.kind === 'table' && (inside(block) || isActionTable(block)))
      found.push(...fromTable(block, index, reference));
    else if (block.kind === 'list' && inside(block)) fromList(block.items, index, reference, found);
    const done = found.length > 0 && underDoneHeading(block, sections);
    for (const item of found)
      items.push(
        done && !item.status?.text && item.origin !== 'checkbox'
          ? { ...item, state: 'done', stateFromHeading: true }
          : item,
      );
  }
  return items;
}

/** "Completed", "Done", "Immediate actions (completed)"; not "Completed or in progress". */
const DONE_HEADING = /\b(?:completed|done|finished|implemented|already (?:taken|in place|deployed))\b/i;
const MIXED_HEADING = /\b(?:in progress|planned|pending|open|recommended|to ?do|remaining|not yet)\b/i;

/** True when the nearest headings above the block (up to its action-items section) mark its items as done. */
function underDoneHeading(block: Block, sections: readonly Section[]): boolean {
  const containing = sections.filter((s) => block.line > s.headingRange.start.line && block.line <= s.range.end.line);
  for (let section: Section | undefined = containing[containing.length - 1]; section; section = section.parent) {
    if (DONE_HEADING.test(section.heading)) return !MIXED_HEADING.test(section.heading);
    if (section.kinds.includes('action-items') && !section.parent?.kinds.includes('action-items')) return false;
  }
  return false;
}

/** A table outside an action-items section still holds action items when its header says so. */
function isActionTable(table: TableBlock): boolean {
  const fields = table.header.cells.map((c) => columnField(c.text));
  return fields.includes('owner') && (fields.includes('action') || fields.includes('due') || fields.includes('status'));
}

import type { Block, ListItem, TableBlock, TableRow, TextLine } from '../parse/blocks';
import { plainText } from '../parse/inline';
import {
  compactLead,
  compactProblem,
  couldBeYear,
  findStamps,
  isDateLine,
  leadingStamp,
  leadingUnreadable,
  relativeLead,
  type Stamp,
} from '../time/stamps';
import { parseZone, type Zone } from '../time/zones';
import { memoize } from '../text/memo';

/**
 * What a reader meets walking a timeline, in order: entries (with the stamp that leads them),
 * date lines that set the day, and sentences that declare the zone.
 */
export type Candidate =
  | {
      kind: 'entry';
      line: number;
      endLine: number;
      /** Columns of the entry's content on its first line. */
      column: number;
      endColumn: number;
      text: string;
      raw: string;
      links: string[];
      stamp: Stamp | undefined;
      /** Offset of the stamp in the first line's source text, when it could be placed. */
      stampColumn: number | undefined;
      /** Milestone words from a Milestone column or a marker. */
      milestoneText: string;
      /** The entry's cell looked like a time but could not be read ("25:70", "approx. noonish"). */
      unreadableTime: string | undefined;
      /** Why it could not be read, when that is known ("hour 25 is past 23"). */
      unreadableReason?: string;
      /** Zone from a table header such as "Time (UTC)". */
      columnZone: Zone | undefined;
      /** Set for "Label: time" lines such as "First detected: 2023-01-11 14:22". */
      label: string | undefined;
      /** The stamp stands inside a sentence rather than leading the line: no place in an ordered timeline. */
      prose: boolean;
      /** Entries of one group (a timeline section, or one list or table elsewhere) are expected in order. */
      group: number;
    }
  /** `text`: the words around a date read in prose, for a document whose only dates are days. */
  | { kind: 'date'; line: number; stamp: Stamp; text?: string }
  | { kind: 'zone'; line: number; zone: Zone; text: string }
  /** A table whose header names the year ("Date (2019)"): its rows' dates are in it; undefined ends it. */
  | { kind: 'year'; line: number; year: number | undefined }
  /** A new timeline section: the day in force goes back to the document's date. */
  | { kind: 'reset'; line: number; direction: 1 | -1 };

export type EntryCandidate = Extract<Candidate, { kind: 'entry' }>;

const ZONE_SENTENCE =
  /\b(?:all\s+)?(?:times?|timestamps?|dates?|events)\s+(?:(?:are|is)\s+)?(?:documented|given|shown|listed|recorded|written|expressed|reported)?\s*(?:(?:are|is|shown|listed|given|below|above|here|in\s+this\s+document)\s+)*(?:in\s+|at\s+)?(?:the\s+)?(?<zone>(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z][a-z]+\/[A-Z][A-Za-z_]+|[A-Z]{2,5})\b/;
const TIMEZONE_LABEL =
  /\b(?:time\s?zone|tz)\s*[:=]?\s*(?<zone>(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[A-Z][a-z]+\/[A-Z][A-Za-z_]+|[A-Z]{2,5})\b/i;
/** Looks like the author meant a time here, even though it could not be read. */
const TIME_LIKE = /^[\s*_`[(]*(?:\d{1,2}[:.h]\d{1,2}(?!\d)|\d{1,2}\s*[ap]\.?m\b|\d{1,2}:\d{2}:\d{2})/i;
const LABEL = /^[\s*_]*([A-Za-z][\w /&'()-]{0,40}?)\s*[*_]*\s*[:\-–—]?\s*[*_]*\s*$/;

/** A date followed by a time that did not parse ("2024-08-02 09:3", "2024-08-02 25:10"). */
function brokenTimeAfter(text: string, stamp: Stamp): boolean {
  return !stamp.time && /^\s*(?:at\s+)?\d{1,2}(?:[:.h]\d?(?!\d)|:\d{2})/.test(text.slice(stamp.end));
}

/** A zone declared by a sentence ("All times in CET.", "(all times UTC)", "Timezone: Europe/Berlin"). */
/** Memoized: every line that mentions a time is asked on every version. Callers must not mutate the zone. */
export const declaredZone = memoize((text: string): Zone | undefined => {
  const match = ZONE_SENTENCE.exec(text) ?? TIMEZONE_LABEL.exec(text);
  return match?.groups?.zone ? parseZone(match.groups.zone.replace('−', '-').replace(/\s/g, '')) : undefined;
});

export function entry(fields: Partial<EntryCandidate> & Pick<EntryCandidate, 'line' | 'text' | 'raw'>): EntryCandidate {
  return {
    kind: 'entry',
    endLine: fields.line,
    column: 0,
    endColumn: fields.raw.length,
    links: [],
    stamp: undefined,
    stampColumn: undefined,
    milestoneText: '',
    unreadableTime: undefined,
    columnZone: undefined,
    label: undefined,
    prose: false,
    group: 0,
    ...fields,
  };
}

interface LineOptions {
  requireLeading: boolean;
  heading?: boolean;
  /** Four leading digits are a time here ("1405 Deploy starts"): the block's rows lead with such times. */
  compact?: boolean;
  /** A list item of prose that names a day and no time ("- Capacity added the 12 September") dates an event. */
  dayInside?: boolean;
}

/**
 * Whether four digits (or dotted times, "12.39") leading these lines are times: at least two lines lead with
 * them, and not all of them could be years (a list of "2019: …", "2020: …" is a history, not a timeline).
 */
function compactTimesPlausible(lines: readonly TextLine[]): boolean {
  const leads = lines.flatMap((line) => {
    if (!/^[\s*_`[(]*(?:\d{4}|\d{1,2}\.\d{2})/.test(line.raw)) return [];
    const text = plainText(line.raw).text;
    const stamp = compactLead(text);
    return stamp ? [stamp] : [];
  });
  return leads.length >= 2 && leads.some((stamp) => !couldBeYear(stamp));
}

function firstLines(items: readonly ListItem[]): TextLine[] {
  return items.flatMap((item) => [...(item.lines[0] ? [item.lines[0]] : []), ...firstLines(item.children)]);
}

function rowLines(block: Block): readonly TextLine[] {
  if (block.kind === 'list') return firstLines(block.items);
  if (block.kind === 'paragraph') return block.lines;
  if (block.kind === 'code') return block.lines ?? [];
  return [];
}

/**
 * For each block, whether four leading digits are times in it: decided over the run of blocks of one kind
 * that it belongs to (a list parsed as one block per item is still one list).
 */
function compactRuns(blocks: readonly Block[]): boolean[] {
  const out: boolean[] = new Array(blocks.length).fill(false);
  let start = 0;
  for (let i = 1; i <= blocks.length; i++) {
    if (i < blocks.length && blocks[i].kind === blocks[start].kind) continue;
    const plausible = compactTimesPlausible(blocks.slice(start, i).flatMap(rowLines));
    out.fill(plausible, start, i);
    start = i;
  }
  return out;
}

/** A line whose time could not be read: an entry of its own over the whole line, with what looked like the time. */
function unreadableEntry(
  source: TextLine,
  text: string,
  links: string[],
  time: string,
  reason?: string,
): EntryCandidate {
  const endColumn = source.column + source.raw.length;
  const candidate = entry({ line: source.line, column: source.column, endColumn, text, raw: source.raw, links });
  candidate.unreadableTime = time;
  if (reason !== undefined) candidate.unreadableReason = reason;
  return candidate;
}

const pushed = (out: Candidate[], candidate: EntryCandidate): EntryCandidate => (out.push(candidate), candidate);

/** Reads one line of prose: a date line, a zone sentence, an entry led by a stamp, or nothing. */
function fromLine(source: TextLine, out: Candidate[], options: LineOptions): EntryCandidate | undefined {
  const { text, links } = plainText(source.raw);
  if (!text) return undefined;
  const stamps = findStamps(text);
  const unreadable = leadingUnreadable(text);
  if (unreadable) {
    // "25:00 UTC alert fired": its own entry, reported, never glued to the one before nor read as another instant.
    return pushed(out, unreadableEntry(source, text, links, unreadable.text, unreadable.reason));
  }
  if (isDateLine(text, stamps)) {
    out.push({ kind: 'date', line: source.line, stamp: stamps[0] });
    const zone = declaredZone(text);
    if (zone) out.push({ kind: 'zone', line: source.line, zone, text });
    return undefined;
  }
  const zone = declaredZone(text);
  const lead = leadingStamp(text, stamps) ?? (options.compact ? compactLead(text) : undefined) ?? relativeLead(text);
  if (zone && !lead?.time) {
    out.push({ kind: 'zone', line: source.line, zone, text });
    return undefined;
  }
  // A heading with only a date sets the day for what follows; it is not an event.
  if (options.heading && lead && !lead.time) {
    out.push({ kind: 'date', line: source.line, stamp: lead });
    return undefined;
  }
  const broken = lead && brokenTimeAfter(text, lead);
  const inside = options.requireLeading
    ? undefined
    : (stamps.find((s) => s.time) ?? (options.dayInside ? stamps.find((s) => s.date) : undefined));
  const stamp = broken ? undefined : (lead ?? inside);
  if (broken) {
    const time = text.slice(0, lead.end + (/^\s*[\d:.]+/.exec(text.slice(lead.end))?.[0].length ?? 0)).trim();
    return pushed(out, unreadableEntry(source, text, links, time));
  }
  if (!stamp) {
    if (TIME_LIKE.test(text) && !options.requireLeading) {
      return pushed(out, unreadableEntry(source, text, links, TIME_LIKE.exec(text)![0].trim()));
    }
    return undefined;
  }
  const labelMatch = stamp === lead ? LABEL.exec(text.slice(0, stamp.index)) : null;
  const label = labelMatch?.[1]?.trim() || undefined;
  const rest = text
    .slice(stamp.end)
    .replace(/^[\s:\-–—.,*_)\]]+/, '')
    .trim();
  const stampAt = source.raw.indexOf(stamp.text.trim());
  const candidate = entry({
    line: source.line,
    column: source.column,
    endColumn: source.column + source.raw.length,
    text: lead ? (label && !rest ? label : rest) : text,
    raw: source.raw,
    links,
    stamp,
    stampColumn: stampAt >= 0 ? source.column + stampAt : undefined,
    label,
    prose: stamp !== lead,
  });
  out.push(candidate);
  return candidate;
}

function fromItems(
  items: readonly ListItem[],
  out: Candidate[],
  previous: { entry: EntryCandidate | undefined },
  untimed: boolean,
  compact: boolean,
): void {
  for (const item of items) {
    const first = item.lines[0];
    let current: EntryCandidate | undefined;
    if (first) {
      // In a timeline section an item is an entry only when a time leads it; a time inside a sub-bullet is detail.
      current = fromLine(first, out, { requireLeading: untimed, compact, dayInside: !untimed });
      const own = item.lines
        .slice(1)
        .map((l) => plainText(l.raw).text)
        .filter(Boolean);
      if (current) {
        current.endLine = item.lines[item.lines.length - 1].line;
        if (own.length > 0) current.text = [current.text, ...own].join(' ').trim();
        previous.entry = current;
      } else if (out[out.length - 1]?.kind !== 'date' && out[out.length - 1]?.kind !== 'zone') {
        const text = [first, ...item.lines.slice(1)]
          .map((l) => plainText(l.raw).text)
          .join(' ')
          .trim();
        // An untimed bullet under a timed line belongs to it (newest-first logs: "15:28 UTC sam" then bullets).
        if (previous.entry && item.line > previous.entry.line) {
          if (text) previous.entry.text = `${previous.entry.text} ${text}`.trim();
        } else if (text && untimed) {
          out.push(
            entry({
              line: first.line,
              column: first.column,
              endColumn: first.column + first.raw.length,
              text,
              raw: first.raw,
            }),
          );
        }
      }
    }
    fromItems(item.children, out, { entry: current ?? previous.entry }, untimed, compact);
  }
}

export const TIME_HEADER = /\b(time|timestamp|date|when|datetime|hora|zeit|heure|uhrzeit|datum)\b/i;
export const MILESTONE_HEADER = /\b(milestone|phase|marker|stage)\b/i;

export function headerZone(header: string): Zone | undefined {
  const inParens = /\(([^)]+)\)/.exec(header);
  if (inParens) return parseZone(inParens[1]) ?? declaredZone(`times in ${inParens[1]}`);
  const word = /\b(?:time|timestamp)\s+([A-Z]{2,5}|UTC[+-]\d{1,2})\b/i.exec(header);
  return word ? parseZone(word[1]) : undefined;
}

/** The candidates of some rows of a table, read as the whole table reads them: an edit of those rows alone. */
export function tableRowCandidates(table: TableBlock, rows: readonly TableRow[]): Candidate[] {
  const out: Candidate[] = [];
  fromTable(table, out, rows);
  return out;
}

function fromTable(table: TableBlock, out: Candidate[], rows: readonly TableRow[] = table.rows): void {
  const headers = table.header.cells.map((c) => c.text);
  let timeColumns = headers.map((h, i) => (TIME_HEADER.test(h) ? i : -1)).filter((i) => i >= 0);
  if (timeColumns.length === 0) {
    // No header says "time": take the first column whose cells mostly hold stamps.
    const counts = headers.map((_, i) => table.rows.filter((r) => r.cells[i] && leadingStamp(r.cells[i].text)).length);
    const best = counts.indexOf(Math.max(...counts));
    if (best >= 0 && counts[best] * 2 >= table.rows.length && counts[best] > 0) timeColumns = [best];
  }
  if (timeColumns.length === 0) return;
  timeColumns = timeColumns.slice(0, 2);
  const milestoneColumn = headers.findIndex((h) => MILESTONE_HEADER.test(h));
  const columnZone = timeColumns.map((i) => headerZone(table.header.cells[i].raw)).find(Boolean);
  const year = timeColumns.map((i) => HEADER_YEAR.exec(headers[i])?.[1]).find(Boolean);
  if (year) out.push({ kind: 'year', line: table.header.line, year: Number(year) });
  const clockColumn = timeColumns.some((i) => CLOCK_HEADER.test(headers[i]));
  const shape = `${timeColumns.join(',')}|${milestoneColumn}|${columnZone?.label ?? ''}|${clockColumn}`;
  for (const row of rows) {
    // Rows keep their cells' identity across versions (see BlockCache): reuse what was read from them.
    const cached = rowCache.get(row.cells);
    if (cached && cached.shape === shape) {
      if (cached.fields) out.push(entry({ ...cached.fields, line: row.line, columnZone }));
      continue;
    }
    const fields = readRow(row, timeColumns, milestoneColumn, clockColumn);
    rowCache.set(row.cells, { shape, fields });
    if (fields) out.push(entry({ ...fields, line: row.line, columnZone }));
  }
  if (year) out.push({ kind: 'year', line: table.header.line, year: undefined });
}

/** A year in a time column's header ("Date (2019)"). */
const HEADER_YEAR = /\b(19[7-9]\d|2[01]\d\d)\b/;
/** A header that promises clock times, where "1405" is one. */
const CLOCK_HEADER = /\b(?:time|timestamp|when|hora|zeit|heure|uhrzeit)\b/i;

type RowFields = Omit<Partial<EntryCandidate>, 'line'> & Pick<EntryCandidate, 'text' | 'raw'>;
const rowCache = new WeakMap<object, { shape: string; fields: RowFields | undefined }>();

function readRow(
  row: TableBlock['rows'][number],
  timeColumns: number[],
  milestoneColumn: number,
  clockColumn: boolean,
): RowFields | undefined {
  {
    const timeCells = timeColumns.map((i) => row.cells[i]).filter(Boolean);
    const timeText = timeCells
      .map((c) => c.text)
      .join(' ')
      .trim();
    const otherCells = row.cells.filter((_, i) => !timeColumns.includes(i) && i !== milestoneColumn);
    const text = otherCells
      .map((c) => c.text)
      .filter(Boolean)
      .join(' — ');
    const { links } = plainText(otherCells.map((c) => c.raw).join(' '));
    if (!timeText && !text) return undefined;
    const stamps = findStamps(timeText);
    const unreadable = leadingUnreadable(timeText);
    const compact = clockColumn ? compactLead(timeText) : undefined;
    let stamp = unreadable ? undefined : (leadingStamp(timeText, stamps) ?? compact ?? relativeLead(timeText));
    if (stamp && brokenTimeAfter(timeText, stamp)) stamp = undefined;
    const first = row.cells[0];
    const last = row.cells[row.cells.length - 1];
    return {
      column: first ? Math.max(0, first.start) : 0,
      endColumn: last ? last.end : 0,
      text,
      raw: row.cells.map((c) => c.raw).join(' | '),
      links,
      stamp,
      stampColumn: stamp ? timeCells[0]?.start : undefined,
      milestoneText: milestoneColumn >= 0 ? (row.cells[milestoneColumn]?.text ?? '') : '',
      unreadableTime: !stamp && timeText ? (unreadable?.text ?? timeText) : undefined,
      unreadableReason: unreadable?.reason ?? (clockColumn && !stamp ? compactProblem(timeText) : undefined),
    };
  }
}

/**
 * Times inside running prose ("which began near 06:10 UTC and was largely fixed by 07:55 UTC"):
 * each becomes an entry whose text is its own clause: the words since the sentence or the previous
 * time began, up to the end of the clause that holds it.
 */
/** The longest clause read after a time in prose: beyond it, the words belong to something else. */
const MAX_CLAUSE = 1000;
const CLAUSE_END = /[.;!?]\s|,\s|\s(?:and|but|while|until|when)\s/;
const CLAUSE_END_AT_TEXT_END = /[.;!?](?:\s|$)|,\s|\s(?:and|but|while|until|when)\s/;

/** The sentence that holds a stamp, for its wording. */
function sentenceAround(text: string, stamp: Stamp): string {
  const before = text.slice(Math.max(0, stamp.index - MAX_CLAUSE), stamp.index);
  const start = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
  const after = text.slice(stamp.end, stamp.end + MAX_CLAUSE);
  const end = after.search(/[.;!?](?:\s|$)/);
  return (before.slice(start < 0 ? 0 : start + 2) + stamp.text + (end < 0 ? after : after.slice(0, end))).trim();
}

function fromProse(lines: readonly TextLine[], out: Candidate[]): void {
  let text = '';
  const starts: { offset: number; line: TextLine }[] = [];
  for (const line of lines) {
    starts.push({ offset: text.length, line });
    text += plainText(line.raw).text + ' ';
  }
  const all = findStamps(text);
  const stamps = all.filter((stamp) => stamp.time);
  // Binary search: a long document has thousands of prose lines and stamps.
  const startAt = (index: number) => {
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid].offset <= index) low = mid;
      else high = mid - 1;
    }
    return starts[low];
  };
  const lineAt = (index: number) => startAt(index).line;
  // "On November 5th we had an outage… around 11:00 GMT": a date in the prose sets the day for the times after it.
  const dates = all.filter((stamp) => !stamp.time && stamp.date);
  if (stamps.length === 0) {
    // "On June 4, 2024, the site was down": a paragraph that gives only a day still says what happened on it.
    for (const date of dates)
      out.push({ kind: 'date', line: lineAt(date.index).line, stamp: date, text: sentenceAround(text, date) });
    return;
  }
  stamps.forEach((stamp, i) => {
    while (dates.length > 0 && dates[0].index < stamp.index) {
      const date = dates.shift()!;
      out.push({ kind: 'date', line: lineAt(date.index).line, stamp: date });
    }
    // Both searches stop at the neighbouring stamps, so a line of thousands of times stays linear.
    const previousEnd = i > 0 ? stamps[i - 1].end : 0;
    const before = text.slice(previousEnd, stamp.index);
    const sentenceEnd = Math.max(before.lastIndexOf('. '), before.lastIndexOf('; '));
    const from = sentenceEnd < 0 ? previousEnd : previousEnd + sentenceEnd + 2;
    const nextIndex = i + 1 < stamps.length ? stamps[i + 1].index : text.length;
    // One character past the limit, so punctuation just before it is still seen with what follows.
    const limit = Math.min(nextIndex, stamp.end + MAX_CLAUSE);
    const after = text.slice(stamp.end, limit + 1);
    const clauseEnd = after.search(limit + 1 >= text.length ? CLAUSE_END_AT_TEXT_END : CLAUSE_END);
    const to = clauseEnd < 0 ? limit : stamp.end + clauseEnd;
    const at = startAt(stamp.index);
    const stampAt = at.line.raw.indexOf(stamp.text);
    out.push(
      entry({
        line: at.line.line,
        column: at.line.column,
        endColumn: at.line.column + at.line.raw.length,
        text: text.slice(from, Math.min(to, i + 1 < stamps.length ? stamps[i + 1].index : to)).trim(),
        raw: at.line.raw,
        stamp,
        stampColumn: stampAt >= 0 ? at.line.column + stampAt : undefined,
        prose: true,
      }),
    );
  });
}

/** Words that open a sentence before its first time ("On", "At", "Around"), rather than label an entry. */
const SENTENCE_OPENER = /^(?:on|at|around|about|by|from|since|after|before|shortly after|early on|late on)$/i;

/** A line led by "On <date> at <time>," that goes on to give more times is prose, not one entry. */
function opensSentence(candidate: EntryCandidate): boolean {
  if (!candidate.label || !SENTENCE_OPENER.test(candidate.label) || !candidate.stamp) return false;
  return findStamps(plainText(candidate.raw).text).filter((s) => s.time).length > 1;
}

/** Walks blocks in order and lists what a reader meets. `prose` also takes stamps inside sentences. */
export function collectCandidates(blocks: readonly Block[], options: { prose: boolean }): Candidate[] {
  const out: Candidate[] = [];
  const previous: { entry: EntryCandidate | undefined } = { entry: undefined };
  let headingEntry: EntryCandidate | undefined;
  const compactByBlock = compactRuns(blocks);
  for (const [blockIndex, block] of blocks.entries()) {
    const before = out.length;
    switch (block.kind) {
      case 'heading': {
        // A heading that is a time ("### 02:00 CET") is an entry whose text follows it.
        previous.entry = fromLine({ line: block.line, column: 0, raw: block.text }, out, {
          requireLeading: true,
          heading: true,
        });
        headingEntry = previous.entry;
        break;
      }
      case 'paragraph': {
        const proseLines: TextLine[] = [];
        const compact = compactByBlock[blockIndex];
        for (const line of block.lines) {
          const candidate = fromLine(line, out, { requireLeading: true, compact });
          if (candidate && options.prose && opensSentence(candidate)) {
            // "On 14.02.2025 at 21:07 (CET), … recovering at 21:30 …": a sentence, each of whose times is its own
            // clause.
            out.pop();
            proseLines.push(line);
            continue;
          }
          if (!candidate && options.prose && out[out.length - 1]?.line !== line.line) proseLines.push(line);
          if (candidate) previous.entry = candidate;
          else if (
            previous.entry &&
            !previous.entry.prose &&
            (previous.entry.endLine === line.line - 1 ||
              previous.entry.text === '' ||
              previous.entry === headingEntry) &&
            !TIME_LIKE.test(line.raw)
          ) {
            // A wrapped line continues the entry above it.
            const more = plainText(line.raw).text;
            // Everything under a heading that is a time belongs to it, paragraph after paragraph.
            if (more && (out[out.length - 1] === previous.entry || previous.entry === headingEntry)) {
              previous.entry.text = `${previous.entry.text} ${more}`.trim();
              previous.entry.endLine = line.line;
            }
          }
        }
        if (proseLines.length > 0) fromProse(proseLines, out);
        break;
      }
      case 'list':
        fromItems(block.items, out, previous, !options.prose, compactByBlock[blockIndex]);
        break;
      case 'table':
        fromTable(block, out);
        previous.entry = undefined;
        break;
      case 'code':
        // Tab-indented timeline lines parse as code; lines led by a time are still entries.
        if (!options.prose && block.lines) {
          const compact = compactByBlock[blockIndex];
          for (const line of block.lines) {
            const candidate = line.raw.trim() ? fromLine(line, out, { requireLeading: true, compact }) : undefined;
            if (candidate) previous.entry = candidate;
          }
        }
        break;
      default:
        break;
    }
    for (let i = before; i < out.length; i++) {
      const c = out[i];
      if (c.kind === 'entry') c.group = blockIndex;
    }
  }
  return out;
}

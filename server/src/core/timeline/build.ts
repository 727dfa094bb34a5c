import type { MilestoneKind, Problem, Range, Section, Timeline, TimelineEntry } from '../model';
import type { Block } from '../parse/blocks';
import type { LineIndex } from '../text/lineIndex';
import {
  addWorkingDays,
  completeDate,
  readDate,
  resolveStamp,
  settledOrder,
  thisYear,
  yearIsAssumed,
  type CalendarDate,
  type DateNoteKind,
  freshContext,
  type ReadingContext,
} from '../time/resolve';
import type { DatePart, Stamp } from '../time/stamps';
import { formatOffset, type Zone } from '../time/zones';
import {
  collectCandidates,
  declaredZone,
  entry,
  headerZone,
  tableRowCandidates,
  type Candidate,
  type EntryCandidate,
} from './candidates';
import { findLabelledWindow } from './labelledWindow';
import { dayRangeEnd, durationFieldEnd, spanEnds } from './spanEnds';
import { labelMilestone, markersIn, RANGE_END } from './markers';
import { restoreContext, sameState, unchangedSpans, type Checkpoint, type TimelineMemo } from './resume';
import { isTimelineSection, type RowEdit } from './reuse';
import type { LabelledMilestone } from './markers';
import { correctYearSlips } from './yearSlips';

export interface TimelineResult {
  timeline: Timeline;
  /** "Label: time" lines anywhere in the document ("First detected: 2023-01-11 14:22"). */
  labelled: LabelledMilestone[];
  problems: Problem[];
  /** What the next version needs to resume reading at an edited row. */
  memo?: TimelineMemo;
}

export interface TimelineInput {
  blocks: readonly Block[];
  sections: readonly Section[];
  index: LineIndex;
  /** The document's own date (frontmatter `date`, milestone timestamps, a date in the title). */
  reference: CalendarDate | undefined;
  /** Zone declared by frontmatter `timezone`. */
  frontmatterZone: Zone | undefined;
  /** Zone declared by a sentence anywhere in the document. */
  documentZone: { zone: Zone; line: number } | undefined;
  /** The team's zone from the configuration, for a document that states none. */
  defaultZone?: Zone;
  /** The year it is now, for dates nothing else gives a year (defaults to the clock's). */
  currentYear?: number;
  /** The previous version's reading: rows before an edit, and after it once the state agrees, are not read again. */
  previous?: TimelineMemo;
  /** The only lines that changed since `previous`, when they are all timeline rows: only they are read again. */
  editedRows?: readonly RowEdit[];
}

function inSections(block: Block, sections: readonly Section[]): boolean {
  return sections.some((s) => block.line > s.headingRange.start.line && block.line <= s.range.end.line);
}

function zoneName(zone: Zone | undefined): string | undefined {
  if (!zone) return undefined;
  if (zone.offset === 0 && !zone.region) return 'UTC';
  if (zone.region && zone.daylight === undefined && zone.offset === undefined) return zone.region;
  return zone.offset !== undefined ? (zone.offset === 0 ? 'UTC' : `UTC${formatOffset(zone.offset)}`) : zone.region;
}

/**
 * Majority direction of consecutive dated entries: newest-first logs run backwards. Only rows led by a time vote:
 * times inside sentences keep no order, and a labelled line ("Date: 16/03 3am", "On 15 Mar, around 9pm") is a
 * field or a sentence above the log, not one of its rows.
 */
function readingDirection(candidates: readonly Candidate[]): 1 | -1 {
  let forward = 0;
  let backward = 0;
  let previous: number | undefined;
  for (const c of candidates) {
    if (c.kind === 'date' || c.kind === 'reset') previous = undefined;
    if (c.kind !== 'entry' || !c.stamp?.time || c.prose || c.label) continue;
    const d = c.stamp.date;
    const key =
      (d ? ((d.year ?? 0) * 400 + d.month * 32 + d.day) * 1440 : 0) + c.stamp.time.hour * 60 + c.stamp.time.minute;
    if (previous !== undefined && (d || Math.abs(key - previous) < 12 * 60)) {
      if (key > previous) forward++;
      else if (key < previous) backward++;
    }
    previous = d ? key : key % 1440;
  }
  return backward > forward ? -1 : 1;
}

export function buildTimeline(input: TimelineInput): TimelineResult {
  const { blocks, sections, index } = input;
  const { previous, editedRows } = input;
  const spliced = previous && editedRows && spliceRows(previous.gathered, editedRows, sections);
  const gathered = spliced?.gathered ?? gatherAll(blocks, sections);
  const { candidates, fromSections, outside, summary, title, field } = gathered;

  const problems: Problem[] = [];
  const { declared, fallback, teamZone } = chooseZones(candidates, input);
  const reference = incidentDay(summary, input);
  let ctx = freshContext(reference, {
    zone: (declared ?? fallback)?.zone,
    zoneSource: (declared ?? fallback)?.source,
    direction: readingDirection(candidates),
    currentYear: input.currentYear,
  });
  const reported = new Set<string>();
  const reportedKeys: string[] = [];
  const report = (key: string, problem: Problem) => {
    if (reported.has(key)) return;
    reported.add(key);
    reportedKeys.push(key);
    problems.push(problem);
  };
  if (declared?.zone.alternatives && declared.line !== undefined) {
    report(`ambiguous:${declared.zone.label}`, ambiguousZone(declared.zone, index.lineRange(declared.line)));
  }

  const entries: TimelineEntry[] = [];
  // A document that gives no time of day anywhere still dates its events: its days are the entries.
  const daysOnly = !candidates.some((c) => c.kind === 'entry' && c.stamp?.time);
  /** Entries led by their time, as in a timeline; times inside sentences have no order to keep. */
  const ordered: { entry: TimelineEntry; group: number; direction: 1 | -1 }[] = [];
  const labelled: LabelledMilestone[] = [];
  const resolveEntry = (c: EntryCandidate, context: ReadingContext): TimelineEntry => {
    const stampRange: Range | undefined =
      c.stamp && c.stampColumn !== undefined
        ? index.lineRange(c.line, c.stampColumn, c.stampColumn + c.stamp.text.length)
        : undefined;
    const range: Range = {
      start: { line: c.line, character: c.column },
      end: { line: c.endLine, character: c.endLine === c.line ? c.endColumn : index.lines[c.endLine].length },
    };
    const marks = markersIn(c.text, c.milestoneText);
    const base: TimelineEntry = {
      text: c.text,
      raw: c.raw,
      range,
      timeRange: stampRange,
      time: undefined,
      hasTimeOfDay: false,
      confidence: undefined,
      zone: undefined,
      zoneSource: undefined,
      markers: marks.kinds,
      markedBy: marks.kinds.length === 0 ? undefined : marks.byColumn ? 'column' : 'marker',
      links: c.links,
      endTime: undefined,
      dayRollover: false,
      dateUnknown: false,
    };
    if (!c.stamp) return base;
    const stamp: Stamp = c.stamp;
    if (stamp.relative !== undefined) return fromAnchor(base, stamp.relative);
    if (stamp.businessDays !== undefined) return workingDaysFromAnchor(base, stamp.businessDays);
    const local =
      c.columnZone && !stamp.zone ? { ...context, zone: c.columnZone, zoneSource: 'column' as const } : context;
    const resolved = resolveStamp(stamp, local);
    context.date = local.date;
    context.lastMinutes = local.lastMinutes;
    const where = stampRange ?? range;
    if (resolved.yearAssumed) reportAssumedYear(where);
    if (resolved.dateNote) reportDateRead(resolved.dateNote, where);
    if (resolved.zone?.alternatives && resolved.zoneSource !== 'sentence')
      report(`ambiguous:${resolved.zone.label}`, ambiguousZone(resolved.zone, where));
    if (resolved.contradicts && resolved.zone && !resolved.dateUnknown) {
      report(`contradicts:${resolved.zone.label}`, {
        code: 'timeline/zone-contradicts-date',
        severity: 'warning',
        message:
          `${resolved.zone.label} is ${resolved.zone.daylight ? 'daylight saving' : 'standard'} time, but ${resolved.zone.region} was not on it ` +
          `on this date; it was read at its stated offset, UTC${formatOffset(resolved.zone.offset ?? 0)}. Write the zone in use or a UTC offset.`,
        range: where,
      });
    }
    return {
      ...base,
      time: resolved.time,
      hasTimeOfDay: resolved.hasTimeOfDay,
      confidence: resolved.confidence,
      zone: zoneName(resolved.zone),
      zoneSource: resolved.zone ? resolved.zoneSource : undefined,
      ...(teamZone && resolved.zone === teamZone ? { zoneFromConfig: true } : {}),
      endTime: resolved.endTime,
      dayRollover: resolved.rolledOver,
      dateUnknown: resolved.dateUnknown,
    };
  };

  /** The last entry read with a clock time of its own: what "+50 minutes" counts from. */
  let anchor: TimelineEntry | undefined;
  const fromAnchor = (base: TimelineEntry, minutes: number): TimelineEntry => {
    if (anchor?.time === undefined) return base;
    const { zone, zoneSource, dateUnknown } = anchor;
    return {
      ...base,
      time: anchor.time + minutes * MINUTE,
      hasTimeOfDay: true,
      confidence: 'inferred',
      zone,
      zoneSource,
      dateUnknown,
    };
  };
  /** "[+2 Business Days Later]": a day, counted in working days from the anchor's (UTC) day, with no time of day. */
  const workingDaysFromAnchor = (base: TimelineEntry, count: number): TimelineEntry => {
    if (anchor?.time === undefined) return base;
    const start = new Date(anchor.time);
    const from = { year: start.getUTCFullYear(), month: start.getUTCMonth() + 1, day: start.getUTCDate() };
    const day = addWorkingDays(from, count);
    const time = Date.UTC(day.year, day.month - 1, day.day);
    return { ...base, time, hasTimeOfDay: false, confidence: 'approximate', dateUnknown: anchor.dateUnknown };
  };
  const reportAssumedYear = (range: Range) =>
    report('assumed-year', {
      code: 'timeline/assumed-year',
      severity: 'info',
      message:
        `No year is given for this date, nor anywhere in the document, so it was read in ${ctx.currentYear ?? thisYear()}: ` +
        'write the year, or a `date:` in the frontmatter.',
      range,
    });

  /** A slip corrected is said at each row it touches; a rule applied to many rows, once. */
  const reportDateRead = (note: { text: string; kind: DateNoteKind }, range: Range) => {
    const key = note.kind === 'weekday-month' ? `date-read:${range.start.line}` : `date-read:${note.kind}`;
    report(key, { code: 'timeline/date-read-as', severity: 'info', message: dateReadMessage(note.text), range });
  };
  const addLabelled = (
    c: EntryCandidate,
    kinds: MilestoneKind[],
    entry: TimelineEntry,
    source: LabelledMilestone['source'] = 'key-events',
  ) => {
    if (entry.time === undefined) return;
    labelled.push({ kinds, time: entry.time, line: c.line, range: entry.range, evidence: c.label!, source });
    const endKinds = kinds.map((k) => RANGE_END[k]).filter((k): k is MilestoneKind => !!k);
    if (entry.endTime !== undefined && endKinds.length > 0)
      labelled.push({
        kinds: endKinds,
        time: entry.endTime,
        line: c.line,
        range: entry.range,
        evidence: `${c.label} (end)`,
        source,
      });
  };
  /**
   * A time inside a sentence is read on the day its rows and sentences have reached, but it moves only the day of
   * the sentences after it: "the work starts at 22:00 and ends by 01:00" must not carry the next row a day on. A
   * sentence tells its times forward, even in a log written newest first.
   */
  const resolveProse = (c: EntryCandidate): TimelineEntry => {
    const local: ReadingContext = { ...ctx, ...ctx.prose, direction: 1 };
    const resolved = resolveEntry(c, local);
    ctx.prose = { date: local.date, lastMinutes: local.lastMinutes, dateUnknown: local.dateUnknown };
    return resolved;
  };
  const readCandidate = (c: Candidate): void => {
    if (c.kind !== 'entry') ctx.prose = undefined;
    if (c.kind === 'zone') {
      ctx.zone = c.zone;
      ctx.zoneSource = 'sentence';
      if (c.zone.alternatives) report(`ambiguous:${c.zone.label}`, ambiguousZone(c.zone, index.lineRange(c.line)));
      return;
    }
    if (c.kind === 'reset') {
      ctx.direction = c.direction;
      ctx.date = reference;
      ctx.dateUnknown = false;
      ctx.lastMinutes = undefined;
      ctx.year = undefined;
      anchor = undefined;
      return;
    }
    if (c.kind === 'year') {
      ctx.year = c.year;
      return;
    }
    if (c.kind === 'date') {
      if (c.stamp.date) {
        const reference = ctx.date ?? ctx.reference;
        if (yearIsAssumed(c.stamp.date, reference, ctx.year)) reportAssumedYear(index.lineRange(c.line));
        const reading = readDate(c.stamp.date, reference, ctx.year, ctx.currentYear, ctx.order);
        ctx.order ??= settledOrder(c.stamp.date, reading.date);
        if (reading.note) reportDateRead({ text: reading.note, kind: reading.noteKind! }, index.lineRange(c.line));
        ctx.date = reading.date;
        ctx.dateUnknown = false;
        if (daysOnly) entries.push(dayEntry(c, ctx.date, index.lineRange(c.line)));
      }
      ctx.lastMinutes = undefined;
      return;
    }
    const kind = labelMilestone(c.label);
    if (kind && c.stamp) {
      const entry = resolveEntry(c, { ...ctx });
      addLabelled(c, kind, entry);
      labelled.push(...durationFieldEnd(c, kind, entry, index));
      return;
    }
    if (c.unreadableTime) {
      const why = c.unreadableReason ? ` (${c.unreadableReason})` : '';
      problems.push({
        code: 'timeline/unparseable-time',
        severity: 'warning',
        message:
          `"${c.unreadableTime}" cannot be read${why}: write times as HH:MM (24-hour) or h:mm am/pm and dates as YYYY-MM-DD, ` +
          'with a zone where it is not already clear.',
        range: index.lineRange(c.line, c.column, c.endLine === c.line ? c.endColumn : undefined),
      });
    }
    const resolved = c.prose ? resolveProse(c) : resolveEntry(c, ctx);
    if (!c.prose) ctx.prose = undefined;
    const relative = c.stamp?.relative !== undefined || c.stamp?.businessDays !== undefined;
    if (relative && resolved.time === undefined) {
      problems.push({
        code: 'timeline/unparseable-time',
        severity: 'warning',
        message:
          `"${c.stamp!.text.trim()}" counts from a time the timeline does not state before it: ` +
          'give the starting time (an entry such as "14:00 UTC Deploy starts") above the offsets.',
        range: resolved.timeRange ?? resolved.range,
      });
    }
    if (resolved.time !== undefined && resolved.hasTimeOfDay && !relative) anchor = resolved;
    // A window stated in running prose, read with the day and zone in force where it stands (past midnight too).
    if (c.prose && resolved.endTime !== undefined && OUTAGE_WINDOW.test(c.text)) {
      addLabelled({ ...c, label: 'outage window' }, ['started', 'impactStart'], resolved, 'prose');
    }
    labelled.push(...spanEnds(c, resolved, ctx), ...dayRangeEnd(c, resolved));
    entries.push(resolved);
    if (!c.prose) ordered.push({ entry: resolved, group: c.group, direction: ctx.direction });
  };

  // Read every candidate, or only from the first one an edit changed, rejoining the old reading once it agrees.
  const checkpoints: Checkpoint[] = [];
  const checkpoint = (): Checkpoint => ({
    ctx: { ...ctx },
    anchor,
    entries: entries.length,
    ordered: ordered.length,
    labelled: labelled.length,
    problems: problems.length,
    reported: reportedKeys.length,
  });
  const startKey = JSON.stringify([ctx, daysOnly, reportedKeys, teamZone?.label]);
  const memo = input.previous?.startKey === startKey ? input.previous : undefined;
  const spans = memo ? (spliced?.spans ?? unchangedSpans(memo, candidates, index)) : undefined;
  /** Brings the output lists to what the old reading had at `cp`, from `from` (its counts there) on. */
  const takeFrom = (old: TimelineMemo, from: Checkpoint, to: Checkpoint) => {
    append(entries, old.entries, from.entries, to.entries);
    append(ordered, old.ordered, from.ordered, to.ordered);
    append(labelled, old.labelled, from.labelled, to.labelled);
    append(problems, old.problems, from.problems, to.problems);
    for (let k = from.reported; k < to.reported; k++) {
      reported.add(old.reportedKeys[k]);
      reportedKeys.push(old.reportedKeys[k]);
    }
    ctx = restoreContext(to.ctx, old, teamZone);
    anchor = to.anchor;
  };
  let first = 0;
  if (memo && spans && spans.prefix > 0) {
    const start = memo.checkpoints[0];
    for (const list of [entries, ordered, labelled, problems, reportedKeys]) list.length = 0;
    reported.clear();
    takeFrom(
      memo,
      { ...start, entries: 0, ordered: 0, labelled: 0, problems: 0, reported: 0 },
      memo.checkpoints[spans.prefix],
    );
    for (let k = 0; k < spans.prefix; k++) checkpoints.push(memo.checkpoints[k]);
    first = spans.prefix;
  }
  let rejoined = false;
  for (let i = first; i < candidates.length && !rejoined; i++) {
    const old = memo && spans && i >= spans.suffix ? memo.checkpoints[i + spans.shift] : undefined;
    if (
      memo &&
      old &&
      sameState(ctx, anchor, old.ctx, old.anchor) &&
      sameKeys(reportedKeys, memo.reportedKeys, old.reported)
    ) {
      const here = checkpoint();
      const last = memo.checkpoints[memo.checkpoints.length - 1];
      takeFrom(memo, old, last);
      for (let k = i + spans!.shift; k < memo.checkpoints.length; k++)
        checkpoints.push(shifted(memo.checkpoints[k], old, here, memo, teamZone));
      rejoined = true;
      break;
    }
    checkpoints.push(checkpoint());
    readCandidate(candidates[i]);
  }
  if (!rejoined) checkpoints.push(checkpoint());
  const loopEnd = checkpoints[checkpoints.length - 1];
  const nextMemo: TimelineMemo = {
    startKey,
    lines: index.lines,
    candidates,
    gathered,
    checkpoints,
    entries: entries.slice(),
    ordered: ordered.slice(),
    labelled: labelled.slice(0, loopEnd.labelled),
    problems: problems.slice(0, loopEnd.problems),
    reportedKeys: reportedKeys.slice(),
    teamZone,
  };
  /** Lines outside the timeline are read on the document's own date, not the timeline's last. */
  const atReference = (day?: DatePart): ReadingContext => ({
    ...ctx,
    date: day ? completeDate(day, reference, undefined, ctx.currentYear) : reference,
    lastMinutes: undefined,
  });
  for (const c of outside) {
    if (c.kind !== 'entry') continue;
    const kind = labelMilestone(c.label);
    if (!kind || !c.stamp) continue;
    addLabelled(c, kind, resolveEntry(c, atReference()));
  }
  if (title) addLabelled({ ...title, label: 'title' }, ['started'], resolveEntry(title, atReference()), 'prose');
  const alreadyRead = (line: number) => labelled.some((l) => l.source === 'prose' && l.line === line);
  if (field && !alreadyRead(field.line) && summary?.window?.candidate.line !== field.line) {
    addLabelled(field, ['started', 'impactStart'], resolveEntry(field, atReference()), 'prose');
  }
  if (summary?.window) {
    const { candidate, day } = summary.window;
    const window = resolveEntry(candidate, atReference(day));
    addLabelled({ ...candidate, label: 'outage window' }, ['started', 'impactStart'], window, 'prose');
    labelled.push(...spanEnds(candidate, window, atReference(day)));
  } else if (summary?.onset) {
    const { candidate, day } = summary.onset;
    const onset = resolveEntry(candidate, atReference(day));
    addLabelled({ ...candidate, label: 'stated start' }, ['started'], onset, 'prose');
  }

  // Corrected copies: the entries read above are kept, unchanged, for the next version to resume from.
  const slips = correctYearSlips(ordered);
  const corrected = new Map(ordered.map((row, k) => [row.entry, slips.rows[k].entry]));
  const read = slips.problems.length > 0 ? entries.map((e) => corrected.get(e) ?? e) : entries;
  problems.push(...slips.problems);
  checkOrder(slips.rows, problems);
  const unzoned = missingZone(read);
  if (unzoned) problems.push(unzoned);
  return {
    timeline: {
      sections: fromSections,
      entries: read,
      declaredZone: zoneName(declared?.zone),
      newestFirst: (ordered[0]?.direction ?? ctx.direction) === -1,
    },
    labelled,
    problems,
    memo: nextMemo,
  };
}

function append<T>(target: T[], source: readonly T[], from: number, to: number): void {
  for (let k = from; k < to; k++) target.push(source[k]);
}

/** Whether the keys reported so far are the old reading's first `count`. */
function sameKeys(keys: readonly string[], old: readonly string[], count: number): boolean {
  return keys.length === count && keys.every((k, i) => k === old[i]);
}

/** An old checkpoint after the rejoin, with its counts moved by what the re-read rows added or removed. */
function shifted(
  cp: Checkpoint,
  rejoin: Checkpoint,
  here: Checkpoint,
  memo: TimelineMemo,
  teamZone: Zone | undefined,
): Checkpoint {
  // Checkpoints are never changed once taken: an edit that moved no count nor zone keeps the old one.
  const counts = ['entries', 'ordered', 'labelled', 'problems', 'reported'] as const;
  const moved = counts.some((k) => rejoin[k] !== here[k]);
  if (!moved && memo.teamZone === teamZone) return cp;
  return {
    ctx: restoreContext(cp.ctx, memo, teamZone),
    anchor: cp.anchor,
    entries: cp.entries - rejoin.entries + here.entries,
    ordered: cp.ordered - rejoin.ordered + here.ordered,
    labelled: cp.labelled - rejoin.labelled + here.labelled,
    problems: cp.problems - rejoin.problems + here.problems,
    reported: cp.reported - rejoin.reported + here.reported,
  };
}

/** A date read as the day something happened on ("On June 4, 2024, the site was down"): a day, not its midnight. */
function dayEntry(c: Extract<Candidate, { kind: 'date' }>, date: CalendarDate, range: Range): TimelineEntry {
  return {
    text: c.text ?? c.stamp.text,
    raw: c.stamp.text,
    range,
    timeRange: undefined,
    time: Date.UTC(date.year, date.month - 1, date.day),
    hasTimeOfDay: false,
    confidence: 'approximate',
    zone: undefined,
    zoneSource: undefined,
    markers: [],
    markedBy: undefined,
    links: [],
    endTime: undefined,
    dayRollover: false,
    dateUnknown: false,
  };
}

/** Everything the reading starts from, gathered from the blocks. */
export interface Gathered {
  timelineSections: Section[];
  candidates: Candidate[];
  fromSections: Section[];
  outside: Candidate[];
  summary: ReturnType<typeof summaryStart> | undefined;
  title: EntryCandidate | undefined;
  field: EntryCandidate | undefined;
}

function gatherAll(blocks: readonly Block[], sections: readonly Section[]): Gathered {
  const gathered = gatherCandidates(blocks, sections);
  const { timelineSections, fromSections } = gathered;
  const title = titleWindow(blocks);
  const field = title
    ? undefined
    : windowFieldEntry(timelineSections.length > 0 ? blocks.filter((b) => !inSections(b, timelineSections)) : blocks);
  const summary = fromSections.length > 0 ? summaryStart(blocks, timelineSections) : undefined;
  return { ...gathered, summary, title, field };
}

/**
 * The previous gathering with only the edited rows read again, and the span of candidates that changed; undefined
 * when an edited row does not give one entry before and after, or the timeline would no longer come from its
 * sections. Everything outside the timeline is kept: only rows changed. The previous lists are never changed.
 */
function spliceRows(previous: Gathered, edits: readonly RowEdit[], sections: readonly Section[]) {
  const candidates = previous.candidates.slice();
  let prefix = candidates.length;
  let suffix = 0;
  const changed = (i: number) => {
    prefix = Math.min(prefix, i);
    suffix = Math.max(suffix, i + 1);
  };
  for (const { table, row } of edits) {
    const at = candidates.findIndex((c) => c.kind === 'entry' && c.line === row.line);
    const old = candidates[at];
    const fresh = tableRowCandidates(table, [row]).filter((c) => c.kind === 'entry');
    const again = candidates.findIndex((c, i) => i > at && c.kind === 'entry' && c.line === row.line);
    if (old?.kind !== 'entry' || again >= 0 || fresh.length !== 1 || fresh[0].kind !== 'entry') return undefined;
    fresh[0].group = old.group;
    candidates[at] = fresh[0];
    changed(at);
  }
  // A row's time votes for its section's direction, which its reset carries.
  let reset = -1;
  for (let i = 0; i <= candidates.length; i++) {
    if (i < candidates.length && candidates[i].kind !== 'reset') continue;
    const last = candidates[reset];
    if (last?.kind === 'reset') {
      const direction = readingDirection(candidates.slice(reset + 1, i));
      if (direction !== last.direction) {
        candidates[reset] = { ...last, direction };
        changed(reset);
      }
    }
    reset = i;
  }
  if (!timed(candidates)) return undefined;
  // The sections read the same (see editedRows): this version's objects, at the same places.
  const timelineSections = sections.filter(isTimelineSection);
  const fromSections = previous.fromSections.length > 0 ? timelineSections : [];
  const gathered: Gathered = { ...previous, timelineSections, fromSections, candidates };
  return { gathered, spans: { prefix, suffix, shift: 0 } };
}

/** Whether any entry gives a time of day, not as a labelled milestone: a timeline to read. */
const timed = (list: readonly Candidate[]) =>
  list.some((c) => c.kind === 'entry' && c.stamp?.time && !labelMilestone(c.label));

/** The candidates of the timeline sections, or of the whole document when they give no times. */
function gatherCandidates(blocks: readonly Block[], sections: readonly Section[]) {
  const timelineSections = sections.filter(isTimelineSection);
  const scoped = timelineSections.length > 0 ? blocks.filter((b) => inSections(b, timelineSections)) : [];
  let candidates: Candidate[] = [];
  timelineSections.forEach((section, group) => {
    const own = collectCandidates(
      scoped.filter((b) => inSections(b, [section])),
      { prose: false },
    );
    // Each section keeps its own direction: a table oldest first, an incident log newest first.
    candidates.push({ kind: 'reset', line: section.headingRange.start.line, direction: readingDirection(own) });
    for (const c of own) {
      if (c.kind === 'entry') c.group = group;
      candidates.push(c);
    }
  });
  let fromSections = timelineSections;
  if (!timed(candidates)) {
    // No timeline section, or one without times: read the whole document, prose included.
    const whole = collectCandidates(blocks, { prose: true });
    if (timed(whole) || candidates.length === 0) {
      candidates = whole;
      fromSections = [];
    }
  }
  const outsideBlocks = timelineSections.length > 0 ? blocks.filter((b) => !inSections(b, timelineSections)) : [];
  const outside = collectCandidates(outsideBlocks, { prose: false });
  // "## Timeline (UTC)": the heading declares the zone for its section.
  for (const section of [...timelineSections].reverse()) {
    const zone = headerZone(section.heading) ?? declaredZone(section.heading);
    if (zone) candidates.unshift({ kind: 'zone', line: section.headingRange.start.line, zone, text: section.heading });
  }
  return { timelineSections, candidates, fromSections, outside };
}

/** The zone the document declares, or the one its times fall back to. */
function chooseZones(candidates: readonly Candidate[], input: TimelineInput) {
  const firstZone = candidates.find((c): c is Extract<Candidate, { kind: 'zone' }> => c.kind === 'zone');
  const declared = firstZone
    ? { zone: firstZone.zone, source: 'sentence' as const, line: firstZone.line }
    : input.documentZone
      ? { zone: input.documentZone.zone, source: 'sentence' as const, line: input.documentZone.line }
      : input.frontmatterZone
        ? { zone: input.frontmatterZone, source: 'frontmatter' as const, line: undefined }
        : undefined;
  // Nothing declares a zone, but every time that names one names the same: the others are in it too.
  const named = new Set(candidates.flatMap((c) => (c.kind === 'entry' && c.stamp?.zone ? [c.stamp.zone.label] : [])));
  const sole =
    named.size === 1
      ? candidates.find((c): c is EntryCandidate => c.kind === 'entry' && !!c.stamp?.zone)?.stamp?.zone
      : undefined;
  const fallback = declared
    ? undefined
    : sole
      ? { zone: sole, source: 'default' as const, line: undefined }
      : input.defaultZone
        ? { zone: input.defaultZone, source: 'default' as const, line: undefined }
        : undefined;
  const teamZone = fallback?.zone === input.defaultZone ? input.defaultZone : undefined;
  return { declared, fallback, teamZone };
}

/** A title that gives the window ("Partial outage, 2024-02-19 07:30-08:45 UTC") says when it started and ended. */
function titleWindow(blocks: readonly Block[]): EntryCandidate | undefined {
  const title = blocks.find((b) => b.kind === 'heading' || b.kind === 'paragraph');
  if (!title || title.line >= 3) return undefined;
  const line = title.kind === 'heading' ? { line: title.line, column: 0, raw: title.text } : title.lines[0];
  const alone: Block = {
    kind: 'paragraph',
    line: line.line,
    endLine: line.line,
    lines: [line],
    quoted: false,
    node: { type: 'root', children: [] },
    chunkLine: 0,
  };
  const found = collectCandidates([alone], { prose: true });
  return found.find((c): c is EntryCandidate => c.kind === 'entry' && !!c.stamp?.rangeEnd && !!c.stamp.time);
}

/** A summary field that states the window ("Date: 2 July 2025, 09:30 - 12:30 UTC"), as an entry to read. */
function windowFieldEntry(blocks: readonly Block[]): EntryCandidate | undefined {
  const found = findLabelledWindow(blocks);
  if (!found) return undefined;
  const { line, text, stamp } = found;
  const stampAt = line.raw.indexOf(stamp.text);
  const stampColumn = stampAt >= 0 ? line.column + stampAt : undefined;
  return entry({
    line: line.line,
    column: line.column,
    endColumn: line.column + line.raw.length,
    text,
    raw: line.raw,
    stamp,
    stampColumn,
    label: 'outage window',
    prose: true,
  });
}

/**
 * The summary often says when it began: "…experienced an outage lasting 1 hour and 48 minutes, from
 * 06:12 to 08:00 UTC", "at roughly 22:05 UTC the site had a 9 minute cascading failure".
 * Each keeps the day its own paragraph names before it ("on Monday 9 October, between 13:05 and 13:50").
 */
function summaryStart(blocks: readonly Block[], timelineSections: readonly Section[]) {
  const timed: { candidate: EntryCandidate; day: DatePart | undefined }[] = [];
  for (const block of blocks) {
    if (block.kind !== 'paragraph' || inSections(block, timelineSections)) continue;
    let day: DatePart | undefined;
    for (const c of collectCandidates([block], { prose: true })) {
      if (c.kind === 'date') day = c.stamp.date;
      else if (c.kind === 'entry' && c.stamp?.time && !labelMilestone(c.label))
        timed.push({ candidate: c, day: c.stamp.date ?? day });
    }
  }
  return {
    window: timed.find(({ candidate: c }) => !!c.stamp!.rangeEnd && OUTAGE_WINDOW.test(sentenceOf(c))),
    onset: timed.find(({ candidate: c }) => STATED_ONSET.test(sentenceOf(c))),
  };
}

/**
 * The words of a summary line around its time. A short sentence that opens before its time ("Checkout was
 * unavailable between 10:00 and 10:20") reads like a label and its entry keeps only what follows the time.
 */
function sentenceOf(c: EntryCandidate): string {
  return c.label && c.stamp ? `${c.label} ${c.stamp.text} ${c.text}` : c.text;
}

/**
 * The day rows without a date of their own fall on: the one the summary names for its window or onset ("on Monday
 * 9 October, between 13:05 and 13:50"), else the document's own date, which is often when it was written.
 */
function incidentDay(summary: ReturnType<typeof summaryStart> | undefined, input: TimelineInput) {
  const day = (summary?.window ?? summary?.onset)?.day;
  return day ? completeDate(day, input.reference, undefined, input.currentYear) : input.reference;
}

/** The note for the first time read without a zone of its own or the document's. */
function missingZone(entries: readonly TimelineEntry[]): Problem | undefined {
  const firstUnzoned = entries.find((e) => e.time !== undefined && e.hasTimeOfDay && (!e.zone || e.zoneFromConfig));
  if (!firstUnzoned) return undefined;
  const readAs = firstUnzoned.zoneFromConfig
    ? `in the team's default zone, ${firstUnzoned.zone} (from the configuration)`
    : 'as UTC';
  return {
    code: 'timeline/missing-zone',
    severity: 'info',
    message:
      `No time zone is given for these times, so they are read ${readAs}: add one to the entries, the column header, ` +
      'a sentence such as "All times in UTC." or `timezone:` in the frontmatter.',
    range: firstUnzoned.timeRange ?? firstUnzoned.range,
  };
}

function dateReadMessage(note: string): string {
  const sentence = note.charAt(0).toUpperCase() + note.slice(1);
  return `${sentence}. Write the date in full as meant, so that no reader has to work it out.`;
}

function ambiguousZone(zone: Zone, range: Range): Problem {
  return {
    code: 'timeline/ambiguous-zone',
    severity: 'warning',
    message: `${zone.label} is ambiguous: it can mean ${zone.alternatives}. It was read as ${zone.region} (UTC${formatOffset(zone.offset ?? 0)}); write a UTC offset or an unambiguous zone.`,
    range,
  };
}

/** A sentence that states when the outage ran, around a time range. */
const OUTAGE_WINDOW =
  /\b(?:outage|incident|downtime|disruption|degradation|degraded|unavailable|down|impact(?:ed)?|affected)\b[^.]*\b(?:from|between)\s+\S*\d|\bbetween\s+\S*\d[^.]*\b(?:outage|incident|downtime|disruption|unavailable|down|impact(?:ed)?|affected)\b/i;

/** A sentence that says the incident began at its time. */
const STATED_ONSET =
  /\b(?:experienc(?:ed|es)\s+(?:an?\s+)?(?:\w+\s+){0,4}?(?:outage|disruption|degradation|failure|incident|downtime|errors)|(?:outage|incident|disruption|degradation|problems?|issues?)\s+(?:began|started|begins|starts)|(?:started|began)\s+to\s+experience|went\s+down)\b/i;

const MINUTE = 60_000;
const DAY = 86_400_000;

/** Flags an entry that breaks the order of its group; times are compared to the minute, dates alone to the day. */
function checkOrder(
  entries: readonly { entry: TimelineEntry; group: number; direction: 1 | -1 }[],
  problems: Problem[],
): void {
  let previous: (typeof entries)[number] | undefined;
  for (const current of entries) {
    const { entry, direction } = current;
    if (entry.time === undefined) continue;
    if (previous && previous.group === current.group) {
      const before = previous.entry;
      const dayOnly = !entry.hasTimeOfDay || !before.hasTimeOfDay;
      const step = dayOnly ? DAY : MINUTE;
      // A date alone says nothing of the hour: only a whole day or more out of place counts.
      const gap = (Math.floor(entry.time / step) - Math.floor(before.time! / step)) * direction;
      if (dayOnly ? gap < -1 : gap < 0) {
        problems.push({
          code: 'timeline/out-of-order',
          severity: 'warning',
          message: `This entry is ${direction === 1 ? 'earlier' : 'later'} than the one before it (line ${before.range.start.line + 1}) in a timeline that runs ${direction === 1 ? 'oldest first' : 'newest first'}.`,
          range: entry.timeRange ?? entry.range,
        });
      }
    }
    previous = current;
  }
}

import type { MilestoneKind, MilestoneSource, Range, StatedDuration, TimelineEntry } from '../model';
import type { LabelledMilestone } from '../timeline/markers';
import { familiesIn, ORDINAL_FAMILIES, wordingFeatures } from './features';
import { groupAt, type SectionSpan } from './structure';
import type { StatedWindow } from './windows';
import type { CalendarDate } from '../time/resolve';

/** A milestone given as a frontmatter timestamp. */
export interface FrontmatterMilestone {
  kind: MilestoneKind;
  time: number;
  line: number;
  range: Range;
  key: string;
}

/** One instant that could be a milestone, with where it came from and the evidence it carries. */
export interface MilestoneCandidate {
  time: number;
  line: number;
  range: Range;
  /** The words it was read from: an entry's text, a label, a frontmatter key. */
  text: string;
  source: MilestoneSource;
  features: Record<string, number>;
  /** Kinds the author named outright (marker, Milestone column, frontmatter): these always win. */
  marked: MilestoneKind[];
}

const SCORED: MilestoneKind[] = ['started', 'detected', 'acknowledged', 'mitigated', 'resolved'];
const MINUTE = 60_000;
const DAY = 1440 * MINUTE;

function fromEntry(entry: TimelineEntry): MilestoneCandidate {
  const features = wordingFeatures(entry.text);
  if (!entry.hasTimeOfDay) features.date_only = 1;
  if (entry.confidence === 'approximate') features.approximate_reading = 1;
  return {
    time: entry.time!,
    line: entry.range.start.line,
    range: entry.timeRange ?? entry.range,
    text: entry.text,
    source: entry.markers.length > 0 ? (entry.markedBy ?? 'marker') : 'wording',
    features,
    marked: entry.markers,
  };
}

const END_MARK = ' (end)';
const labelKey = (line: number, evidence: string) => `${line}\u0000${evidence}`;

/**
 * The labels that open something on their line: an end whose start stands beside it closes a stated window
 * ("between 09:05 and 09:41"); an end with none is a span counted from one time ("4 minutes from 05:43").
 */
const openingLabels = (labelled: readonly LabelledMilestone[]) =>
  new Set(labelled.filter((l) => !l.evidence.endsWith(END_MARK)).map((l) => labelKey(l.line, l.evidence)));

function fromLabel(label: LabelledMilestone, opening: ReadonlySet<string>): MilestoneCandidate {
  const features: Record<string, number> = { in_prose: label.source === 'prose' ? 1 : 0 };
  const isEnd = label.evidence.endsWith(END_MARK);
  const startBeside = isEnd && opening.has(labelKey(label.line, label.evidence.slice(0, -END_MARK.length)));
  if (label.evidence === 'stated start') features.stated_onset = 1;
  else if (label.source === 'prose' || label.kinds.includes('impactStart') || label.kinds.includes('impactEnd'))
    features[!isEnd ? 'window_start' : startBeside ? 'window_end' : 'span_end'] = 1;
  else for (const kind of label.kinds) if (SCORED.includes(kind)) features[`label_${kind}`] = 1;
  // A "Detected: 14:05" line says outright what it is, as a marker does; a window in prose is only evidence.
  const explicit =
    label.source === 'prose' ? label.kinds.filter((k) => k === 'impactStart' || k === 'impactEnd') : label.kinds;
  return {
    time: label.time,
    line: label.line,
    range: label.range,
    text: label.evidence,
    source: label.source ?? 'key-events',
    features,
    marked: explicit,
  };
}

/** A row with no word in it ("**19th September 2023:**" read as a row) is a heading, not an event. */
const tellsSomething = (entry: TimelineEntry) => /\p{L}/u.test(entry.text);

/** What a document offers for its milestones; all of it is read once per version, before. */
export interface MilestoneInput {
  entries: readonly TimelineEntry[];
  /** "Label: time" lines and the windows the timeline reader found in the title and summary. */
  labelled: readonly LabelledMilestone[];
  frontmatter: readonly FrontmatterMilestone[];
  stated?: readonly StatedDuration[];
  windows?: readonly StatedWindow[];
  /** The outline: which group of sections each heading opens. */
  sections?: readonly SectionSpan[];
  /** The day the document is about (frontmatter, title or file name), when it names one. */
  documentDate?: CalendarDate;
}

function fromWindow(window: StatedWindow): MilestoneCandidate[] {
  const base = { line: window.line, range: window.range, text: window.text, source: 'prose' as const, marked: [] };
  if (window.field) return [{ ...base, time: window.start, features: { incident_field: 1, in_prose: 1 } }];
  if (window.day) return [{ ...base, time: window.start, features: { onset_day: 1, date_only: 1 } }];
  const start = { ...base, time: window.start, features: { window_start: 1, in_prose: 1 } };
  return window.end === undefined
    ? [start]
    : [start, { ...base, time: window.end, features: { window_end: 1, in_prose: 1 } }];
}

/** Every candidate instant of a document, with its features computed against the others. */
export function collectMilestoneCandidates(input: MilestoneInput): MilestoneCandidate[] {
  const opening = openingLabels(input.labelled);
  const candidates = [
    ...input.frontmatter.map((fm): MilestoneCandidate => ({
      time: fm.time,
      line: fm.line,
      range: fm.range,
      text: fm.key,
      source: 'frontmatter',
      features: {},
      marked: [fm.kind],
    })),
    ...input.entries.filter((e) => e.time !== undefined && (e.markers.length > 0 || tellsSomething(e))).map(fromEntry),
    ...input.labelled.map((label) => fromLabel(label, opening)),
    ...unreadWindows(input).flatMap(fromWindow),
  ];
  placeOnsetDays(candidates);
  const dated = fromDocumentDate(candidates, input.documentDate);
  if (dated) candidates.push(dated);
  candidates.push(...endsFromStatedDuration(candidates, input.stated ?? []));
  addSectionFeatures(candidates, input.sections ?? []);
  // A day told in prose stands outside the timeline's order: the others' positions are counted without it.
  // (Such a day is not weighed as prose: the windows' end, which prose also gives, keeps its own weight.)
  const proseDay = (c: MilestoneCandidate) => !!(c.features.onset_day && c.features.date_only && c.source === 'prose');
  const rows = candidates.filter((c) => !proseDay(c));
  addPositionFeatures(rows, input.stated ?? []);
  addDurationPairs(rows, input.stated ?? []);
  for (const c of candidates) if (proseDay(c)) c.features.bias = 1;
  addDocumentFeatures(candidates);
  return candidates;
}

/**
 * Windows on lines the timeline reader has not already read as one: it reads a line with the day and zone in force
 * where the line stands, which a window read with the document's date alone can miss by a day or an hour.
 */
function unreadWindows(input: MilestoneInput): readonly StatedWindow[] {
  const read = new Set(input.labelled.filter((l) => l.source === 'prose').map((l) => l.line));
  return (input.windows ?? []).filter((w) => !read.has(w.line));
}

/**
 * Days of onset told in prose, placed among the other candidates. One the timeline reader already took as a row (a
 * document dated only in prose) marks that row (`onset_day`) rather than standing beside it twice; one on a day
 * whose trouble a timed row tells is dropped, since the row says when on that day.
 */
function placeOnsetDays(candidates: MilestoneCandidate[]): void {
  const troubleDays = new Set(
    candidates
      .filter((c) => !c.features.date_only && familiesIn(c.text).families.some((f) => TROUBLE.has(f)))
      .map((c) => Math.floor(c.time / DAY)),
  );
  for (let i = candidates.length - 1; i >= 0; i--) {
    const day = candidates[i];
    if (!day.features.onset_day) continue;
    const sameRow = (c: MilestoneCandidate) => c.line === day.line && c.time === day.time && !c.features.in_prose;
    const row = candidates.find((c) => c !== day && sameRow(c));
    if (row) row.features.onset_day = 1;
    if (row || troubleDays.has(Math.floor(day.time / DAY))) candidates.splice(i, 1);
  }
}

/** A document dated but timed nowhere still tells the day it happened: offered as a day, for the start. */
function fromDocumentDate(
  candidates: readonly MilestoneCandidate[],
  date: CalendarDate | undefined,
): MilestoneCandidate | undefined {
  if (!date || candidates.some((c) => c.source !== 'frontmatter' && !c.features.date_only)) return undefined;
  const range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };
  const time = Date.UTC(date.year, date.month - 1, date.day);
  const features = { document_date: 1, date_only: 1 };
  return { time, line: 0, range, text: 'the document’s date', source: 'prose', features, marked: [] };
}

/**
 * A start the author states ("Event Start Time 2:05 pm", "from 14:58") and a stated duration ("Event Duration
 * 30m") give an end that no row may tell: offered as a candidate (`stated_start_plus_duration`) unless a row is
 * already there. Only exact durations and stated starts, so at most a few candidates.
 */
function endsFromStatedDuration(
  candidates: readonly MilestoneCandidate[],
  stated: readonly StatedDuration[],
): MilestoneCandidate[] {
  const durations = stated.filter((s) => !s.approximate && (s.metric === 'impact' || s.metric === 'ttr'));
  if (durations.length === 0) return [];
  const starts = candidates.filter(
    (c) => c.features.label_started || c.features.stated_onset || (c.features.window_start && !hasEnd(c, candidates)),
  );
  const taken = (time: number) => candidates.some((c) => Math.abs(c.time - time) <= 2 * MINUTE);
  const out: MilestoneCandidate[] = [];
  for (const start of starts.slice(0, 3)) {
    for (const duration of durations.slice(0, 3)) {
      const time = start.time + duration.minutes * MINUTE;
      if (taken(time) || out.some((c) => c.time === time)) continue;
      const features = { stated_start_plus_duration: 1, in_prose: 1 };
      const text = `${start.text} + ${duration.text}`;
      out.push({
        time,
        line: duration.range.start.line,
        range: duration.range,
        text,
        source: 'prose',
        features,
        marked: [],
      });
    }
  }
  return out;
}

/** Whether a window start has its end among the candidates (same line, marked as the window's end). */
const hasEnd = (start: MilestoneCandidate, all: readonly MilestoneCandidate[]) =>
  all.some((c) => c.line === start.line && (c.features.window_end || c.features.span_end) && c.time > start.time);

function addSectionFeatures(candidates: MilestoneCandidate[], spans: readonly SectionSpan[]): void {
  if (spans.length === 0) return;
  for (const c of candidates) {
    if (c.source === 'frontmatter' || c.features.document_date) continue;
    c.features[`section_${groupAt(spans, c.line) ?? 'none'}`] = 1;
  }
}

const OPENING_FAMILIES = new Set(['onset', 'symptom', 'trigger']);
const DETECTION = new Set(['alert', 'report', 'notice']);
const opens = (c: MilestoneCandidate) =>
  !!(c.features.window_start || c.features.stated_onset || c.features.label_started) ||
  familiesIn(c.text).families.some((f) => OPENING_FAMILIES.has(f));
const closes = (c: MilestoneCandidate) =>
  !!(c.features.window_end || c.features.span_end || c.features.label_resolved) ||
  familiesIn(c.text).families.includes('recover');

/** A row telling a mitigation as done: not begun, tried, instructed, planned or negated. */
const mitigationDone = (c: MilestoneCandidate) =>
  !c.features.in_prose &&
  !c.features.negated &&
  !c.features.mitigate_underway &&
  !c.features.says_future &&
  !c.features.says_precursor &&
  familiesIn(c.text).families.includes('mitigate');

/** The last candidate at or before `from` (in time order) that tells a mitigation as done. */
function lastMitigationDone(sorted: MilestoneCandidate[], from: number): MilestoneCandidate | undefined {
  for (let i = from; i >= 0; i--) if (mitigationDone(sorted[i])) return sorted[i];
  return undefined;
}

/**
 * The mitigation that the first recovery follows: the step that halted the impact, not the first attempt. When no
 * mitigation is told as done before it, the recovery itself is when the impact halted (`recovery_halts_impact`).
 */
function markLastMitigationBeforeRecovery(sorted: MilestoneCandidate[], firstRecovery: number | undefined): void {
  if (firstRecovery === undefined) return;
  const mitigation = lastMitigationDone(sorted, firstRecovery);
  if (mitigation) mitigation.features.last_mitigate_before_recover = 1;
  else sorted[firstRecovery].features.recovery_halts_impact = 1;
}

/**
 * When recovery is told in several steps, the last mitigation told as done at or before the last recovery (of the
 * first episode) is the step that finally halted the impact (`last_mitigate_before_end`).
 */
function markLastStepBeforeEnd(sorted: MilestoneCandidate[], lastRecovery: number | undefined): void {
  if (lastRecovery === undefined) return;
  const mitigation = lastMitigationDone(sorted, lastRecovery);
  if (mitigation) mitigation.features.last_mitigate_before_end = 1;
}

/** A stated duration that joins two candidates ("down for 36 minutes") is evidence for both ends. */
function addDurationPairs(candidates: MilestoneCandidate[], stated: readonly StatedDuration[]): void {
  const durations = stated.filter((s) => s.metric === 'impact' || s.metric === 'ttr').map((s) => s.minutes * MINUTE);
  if (durations.length === 0) return;
  const scored = candidates.filter((c) => c.source !== 'frontmatter');
  // Instants by minute, so each candidate looks up its partners instead of scanning every other candidate.
  const minute = (time: number) => Math.round(time / MINUTE);
  const starts = new Set(scored.filter(opens).map((c) => minute(c.time)));
  const ends = new Set(scored.filter(closes).map((c) => minute(c.time)));
  const near = (set: Set<number>, at: number) => [0, -1, 1, -2, 2].some((slack) => set.has(at + slack));
  for (const c of scored) {
    if (durations.some((d) => near(ends, minute(c.time + d)))) c.features.duration_pair_start = 1;
    if (durations.some((d) => near(starts, minute(c.time - d)))) c.features.duration_pair_end = 1;
  }
}

/**
 * What the document as a whole offers, on every candidate: with "absent" scoring 0, a feature shared by
 * all of a document's candidates is, in effect, evidence for or against absence.
 */
function addDocumentFeatures(candidates: MilestoneCandidate[]): void {
  const scored = candidates.filter((c) => c.source !== 'frontmatter');
  const named = new Set(scored.filter((c) => !c.features.in_prose).flatMap((c) => familiesIn(c.text).families));
  const shared: Record<string, number> = {};
  const labelsOnly = scored.every((c) => c.source === 'key-events' || c.source === 'prose');
  if (scored.length > 0 && labelsOnly) shared.doc_labels_only = 1;
  if (!named.has('recover')) shared.doc_no_recover = 1;
  if (!named.has('mitigate')) shared.doc_no_mitigate = 1;
  if (![...DETECTION].some((f) => named.has(f as never))) shared.doc_no_detection_words = 1;
  if (![...OPENING_FAMILIES].some((f) => named.has(f as never))) shared.doc_no_onset_words = 1;
  if (scored.every((c) => c.features.date_only)) shared.doc_no_time_of_day = 1;
  if (named.has('unaided')) shared.doc_recovers_unaided = 1;
  for (const c of scored) Object.assign(c.features, shared);
}

const ONSET_OR_DETECTION = new Set(['onset', 'symptom', ...DETECTION]);
const TROUBLE: ReadonlySet<string> = ONSET_OR_DETECTION;

/** The first timeline row (not prose) naming one of `families`. */
const firstNaming = (sorted: readonly MilestoneCandidate[], families: ReadonlySet<string>) =>
  sorted.find((c) => !c.features.in_prose && familiesIn(c.text).families.some((f) => families.has(f)));

/**
 * When the incident showed itself: the first timeline row naming an alert, a report or a symptom, else the
 * first candidate. Backstory rows days before do not move it, so distance from it tells a fix on the day
 * from the last one of a multi-day timeline or of the next incident in a collection.
 */
function onsetOf(sorted: readonly MilestoneCandidate[]): number {
  return (firstNaming(sorted, ONSET_OR_DETECTION) ?? sorted[0]).time;
}

const HOUR = 60 * MINUTE;

/** How long before the first timeline row naming an alert, a report or a notice: a precursor is hours or days ahead. */
function detectionLead(sorted: readonly MilestoneCandidate[], fallback: number): (time: number) => string | undefined {
  const detection = firstNaming(sorted, DETECTION)?.time ?? fallback;
  return (time) => {
    const lead = detection - time;
    if (lead > 24 * HOUR) return 'before_detection_1d';
    if (lead > 6 * HOUR) return 'before_detection_6h';
    if (lead > HOUR) return 'before_detection_1h';
    return undefined;
  };
}

/**
 * The first timeline row that shows trouble being seen: an alert, or a report or a notice that names a symptom or an
 * onset ("a report that upgrade tests pass" is not one). The row just before it, within 6 hours, is often the trigger
 * the author dates the incident from (`just_before_trouble`); the first row after it naming an acknowledgement or an
 * investigation is the response (`first_response_after_trouble`).
 */
function markAroundTrouble(all: readonly MilestoneCandidate[]): void {
  // Timeline rows only: a summary restates the story in its own order.
  const sorted = all.filter((c) => !c.features.in_prose && !c.features.section_summary);
  const names = (c: MilestoneCandidate, list: string[]) => familiesIn(c.text).families.some((f) => list.includes(f));
  const seen = sorted.findIndex(
    (c) => names(c, ['alert']) || (names(c, ['report', 'notice']) && names(c, ['symptom', 'onset'])),
  );
  if (seen < 0) return;
  let i = seen - 1;
  while (i >= 0 && sorted[i].time === sorted[seen].time) i--;
  if (i >= 0 && sorted[seen].time - sorted[i].time <= 6 * HOUR) sorted[i].features.just_before_trouble = 1;
  // The response follows the news: telling words on the reporting row itself are the report's, not a responder's.
  const response = sorted.find((c, j) => j > seen && names(c, ['acknowledge', 'investigate']));
  if (response) response.features.first_response_after_trouble = 1;
}

const RETURNS = new Set(['alert', 'onset', 'report']);

/**
 * When the trouble came back: the first row naming an alert, an onset or a report more than 6 hours after a row
 * naming recovery. A collection of incidents, or a recurrence told in the same file, starts a new episode there.
 */
function recurrenceOf(sorted: readonly MilestoneCandidate[]): number | undefined {
  let lastRecovery: number | undefined;
  for (const c of sorted) {
    if (c.features.in_prose) continue;
    const families = familiesIn(c.text).families;
    if (lastRecovery !== undefined && c.time - lastRecovery > 6 * HOUR && families.some((f) => RETURNS.has(f)))
      return c.time;
    if (families.includes('recover')) lastRecovery = c.time;
  }
  return undefined;
}

function addPositionFeatures(candidates: MilestoneCandidate[], stated: readonly StatedDuration[]): void {
  const sorted = candidates
    .filter((c) => c.source !== 'frontmatter')
    .sort((a, b) => a.time - b.time || a.line - b.line);
  if (sorted.length === 0) return;
  const first = sorted[0].time;
  const windowStarts = sorted.filter((c) => c.features.window_start || c.features.stated_onset).map((c) => c.time);
  const windowEnds = sorted.filter((c) => c.features.window_end).map((c) => c.time);
  const earliestStart = Math.min(...windowStarts);
  const latestEnd = Math.max(...windowEnds);
  // The field that dates the incident ("Date of incident: … 14:32") says when it began: what came before is its story.
  const dated = Math.min(...sorted.filter((c) => c.features.incident_field).map((c) => c.time));
  const near = (time: number, list: number[]) => list.some((t) => Math.abs(t - time) <= MINUTE);
  const durations = stated.filter((s) => s.metric === 'impact' || s.metric === 'ttr').map((s) => s.minutes * MINUTE);
  const origin = Math.min(first, ...windowStarts);
  const firstOf = new Map<string, number>();
  const lastOf = new Map<string, number>();
  const recurrence = recurrenceOf(sorted);
  sorted.forEach((c, i) => {
    // "The last recovery" is the first episode's: rows after the trouble came back tell another one.
    const sameEpisode = recurrence === undefined || c.time < recurrence;
    for (const family of familiesIn(c.text).families) {
      if (c.features.in_prose || !ORDINAL_FAMILIES.includes(family)) continue;
      if (!firstOf.has(family)) firstOf.set(family, i);
      if (sameEpisode || family !== 'recover' || !lastOf.has(family)) lastOf.set(family, i);
    }
  });
  const lastRecovery = lastOf.has('recover') ? sorted[lastOf.get('recover')!].time : undefined;
  markLastMitigationBeforeRecovery(sorted, firstOf.get('recover'));
  markLastStepBeforeEnd(sorted, lastOf.get('recover'));
  const onset = onsetOf(sorted);
  const leadOf = detectionLead(sorted, onset);
  markAroundTrouble(sorted);
  for (const [family, i] of firstOf) sorted[i].features[`first_${family}`] = 1;
  for (const [family, i] of lastOf) sorted[i].features[`last_${family}`] = 1;
  sorted.forEach((c, i) => {
    const f = c.features;
    f.bias = 1;
    f.position = sorted.length > 1 ? i / (sorted.length - 1) : 0;
    if (i === 0) f.first_entry = 1;
    if (i === sorted.length - 1) f.last_entry = 1;
    if (i === sorted.length - 1 && !familiesIn(c.text).families.includes('recover')) f.last_entry_silent = 1;
    if (c.time === first) f.same_time_as_first = 1;
    if (lastRecovery !== undefined && c.time > lastRecovery) f.after_last_recover = 1;
    if (c.time - first > DAY) f.day_after_first = 1;
    if (c.time - onset > 3 * DAY) f.days_after_onset = 1;
    if (recurrence !== undefined && c.time >= recurrence) f.after_recurrence = 1;
    const lead = leadOf(c.time);
    if (lead) f[lead] = 1;
    const isWindow = f.window_start || f.window_end || f.span_end || f.stated_onset;
    if (!isWindow && near(c.time, windowStarts)) f.agrees_window_start = 1;
    if (!isWindow && near(c.time, windowEnds)) f.agrees_window_end = 1;
    if (windowStarts.length > 0 && c.time < earliestStart - MINUTE) f.before_window = 1;
    if (windowEnds.length > 0 && c.time > latestEnd + MINUTE) f.after_window = 1;
    if (Number.isFinite(dated) && c.time < dated - MINUTE) f.before_incident_field = 1;
    if (durations.some((d) => Math.abs(c.time - origin - d) <= 2 * MINUTE)) f.agrees_duration_end = 1;
  });
  markWindowsAfterRecovery(sorted);
}

/**
 * A window whose start comes after the last row naming recovery is told after the story ended: a relapse ("another
 * brief outage between …") or a planned window, not the opening of the incident nor the step that halted it.
 */
function markWindowsAfterRecovery(sorted: readonly MilestoneCandidate[]): void {
  // A window's start and end share a line and its words; a line may state more than one window.
  const key = (c: MilestoneCandidate) => labelKey(c.line, c.text.replace(/ \(end\)$/, ''));
  const late = new Set(sorted.filter((c) => c.features.window_start && c.features.after_last_recover).map(key));
  for (const c of sorted) {
    if ((c.features.window_start || c.features.window_end) && late.has(key(c))) c.features.window_after_recovery = 1;
  }
}

import type { Problem, TimelineEntry } from '../model';
import type { LineIndex } from '../text/lineIndex';
import type { ReadingContext } from '../time/resolve';
import type { Zone } from '../time/zones';
import type { Gathered } from './build';
import type { Candidate } from './candidates';
import type { LabelledMilestone } from './markers';

/**
 * Reading a timeline walks its candidates in order, carrying a state (the day, year, zone and last time in
 * force). An edit of one row changes one candidate: the rows before it read exactly as before, and once the
 * state after it is the state the old reading had there, so do the rows after it. This module keeps what one
 * reading needs to let the next resume at the edited row and rejoin the old reading after it.
 */

/** How far each output list had grown, and the state in force, just before a candidate was read. */
export interface Checkpoint {
  ctx: ReadingContext;
  anchor: TimelineEntry | undefined;
  entries: number;
  ordered: number;
  labelled: number;
  problems: number;
  reported: number;
}

export interface OrderedEntry {
  entry: TimelineEntry;
  group: number;
  direction: 1 | -1;
}

/** One reading of a timeline's candidates, kept for the next version. */
export interface TimelineMemo {
  /** The state before the first candidate and what was reported then, as one comparable key. */
  startKey: string;
  lines: readonly string[];
  candidates: readonly Candidate[];
  /** What the candidates were gathered with: kept whole when only timeline rows change. */
  gathered: Gathered;
  /** `checkpoints[i]`: before candidate i; the last one is after the last candidate. */
  checkpoints: Checkpoint[];
  entries: TimelineEntry[];
  ordered: OrderedEntry[];
  labelled: LabelledMilestone[];
  /** The problems the walk itself reported, in order (not those found after it). */
  problems: Problem[];
  reportedKeys: string[];
  /** The team's default zone of that reading: entries compare zones with it by identity. */
  teamZone: Zone | undefined;
}

const sameJson = (a: unknown, b: unknown) => a === b || JSON.stringify(a) === JSON.stringify(b);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Whether two candidates read the same, on lines of the same length (what they report spans the whole line). */
export function sameCandidate(
  a: Candidate,
  b: Candidate,
  aLines: readonly string[],
  bLines: readonly string[],
): boolean {
  if (a.kind !== b.kind || a.line !== b.line || aLines[a.line]?.length !== bLines[a.line]?.length) return false;
  switch (a.kind) {
    case 'entry': {
      const o = b as typeof a;
      return (
        a.endLine === o.endLine &&
        a.column === o.column &&
        a.endColumn === o.endColumn &&
        a.text === o.text &&
        a.raw === o.raw &&
        a.stampColumn === o.stampColumn &&
        a.milestoneText === o.milestoneText &&
        a.unreadableTime === o.unreadableTime &&
        a.unreadableReason === o.unreadableReason &&
        a.label === o.label &&
        a.prose === o.prose &&
        a.group === o.group &&
        sameList(a.links, o.links) &&
        sameJson(a.stamp, o.stamp) &&
        sameJson(a.columnZone, o.columnZone) &&
        aLines[a.endLine]?.length === bLines[a.endLine]?.length
      );
    }
    case 'date':
      return a.text === (b as typeof a).text && sameJson(a.stamp, (b as typeof a).stamp);
    case 'zone':
      return a.text === (b as typeof a).text && sameJson(a.zone, (b as typeof a).zone);
    case 'year':
      return a.year === (b as typeof a).year;
    case 'reset':
      return a.direction === (b as typeof a).direction;
  }
}

function sameDay(a: ReadingContext['date'], b: ReadingContext['date']): boolean {
  return a === b || (!!a && !!b && a.year === b.year && a.month === b.month && a.day === b.day);
}

/** Whether two reading states read every later row the same. */
export function sameState(
  a: ReadingContext,
  aAnchor: TimelineEntry | undefined,
  b: ReadingContext,
  bAnchor: TimelineEntry | undefined,
): boolean {
  const anchors =
    aAnchor === bAnchor ||
    (!!aAnchor &&
      !!bAnchor &&
      aAnchor.time === bAnchor.time &&
      aAnchor.zone === bAnchor.zone &&
      aAnchor.zoneSource === bAnchor.zoneSource &&
      aAnchor.dateUnknown === bAnchor.dateUnknown);
  return (
    anchors &&
    sameDay(a.date, b.date) &&
    sameDay(a.reference, b.reference) &&
    sameJson(a.zone, b.zone) &&
    a.zoneSource === b.zoneSource &&
    a.lastMinutes === b.lastMinutes &&
    a.direction === b.direction &&
    !!a.dateUnknown === !!b.dateUnknown &&
    a.year === b.year &&
    a.currentYear === b.currentYear &&
    a.order === b.order &&
    sameJson(a.prose, b.prose)
  );
}

/** Where the old reading can be reused: up to `prefix` from the start, and from `suffix` to the end (new indexes). */
export function unchangedSpans(memo: TimelineMemo, candidates: readonly Candidate[], index: LineIndex) {
  const old = memo.candidates;
  const shift = old.length - candidates.length;
  let prefix = 0;
  while (
    prefix < candidates.length &&
    prefix < old.length &&
    sameCandidate(candidates[prefix], old[prefix], index.lines, memo.lines)
  )
    prefix++;
  let suffix = candidates.length;
  while (
    suffix > prefix &&
    suffix + shift > prefix &&
    sameCandidate(candidates[suffix - 1], old[suffix - 1 + shift], index.lines, memo.lines)
  )
    suffix--;
  return { prefix, suffix, shift };
}

/** A copy of a saved state, with the old reading's team zone replaced by this reading's (compared by identity). */
export function restoreContext(saved: ReadingContext, memo: TimelineMemo, teamZone: Zone | undefined): ReadingContext {
  const ctx = { ...saved };
  if (memo.teamZone && ctx.zone === memo.teamZone) ctx.zone = teamZone;
  return ctx;
}

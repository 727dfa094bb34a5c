import type { MilestoneKind, TimelineEntry } from '../model';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { resolveStamp, type ReadingContext } from '../time/resolve';
import { durationField, maySpan, spansIn } from '../time/spans';
import type { EntryCandidate } from './candidates';
import type { LabelledMilestone } from './markers';

/**
 * Instants a line states without a clock showing them: the end of a span counted from a time it gives. Each is
 * offered as a window's end ("… (end)"), for the milestone choice to weigh; none becomes a timeline row.
 */

const MINUTE = 60_000;
/** A line longer than this is a pasted log or data, not a sentence that tells a span: it is not read for one. */
const LONGEST_LINE = 2000;

function end(time: number, line: number, entry: TimelineEntry, evidence: string): LabelledMilestone {
  return { kinds: ['resolved'], time, line, range: entry.range, evidence: `${evidence} (end)`, source: 'prose' };
}

/**
 * "…, then slow for the next 2 hours", "recovered 25 minutes later": each anchor read with the entry's day. A row
 * owns every span of its line; a time in prose only its own, since the line's other times are entries too.
 */
export function spanEnds(c: EntryCandidate, entry: TimelineEntry, context: ReadingContext): LabelledMilestone[] {
  if (entry.time === undefined || !entry.hasTimeOfDay || c.raw.length > LONGEST_LINE || !maySpan(c.raw)) return [];
  const spans = spansIn(plainText(c.raw).text).filter((s) => !c.prose || s.anchor.text === c.stamp?.text);
  return spans.flatMap((span) => {
    const zone = c.columnZone && !span.anchor.zone ? { zone: c.columnZone } : {};
    const anchor = resolveStamp(span.anchor, { ...context, lastMinutes: undefined, ...zone });
    const from = span.anchor.rangeEnd ? anchor.endTime : anchor.time;
    if (from === undefined || !anchor.hasTimeOfDay || anchor.dateUnknown !== entry.dateUnknown) return [];
    return [end(from + span.minutes * MINUTE, c.line, entry, `${span.text} from ${span.anchor.text.trim()}`)];
  });
}

/** "7-13th Nov - Media restored, a few customers a day": the range's last day is when the work ended. */
export function dayRangeEnd(c: EntryCandidate, entry: TimelineEntry): LabelledMilestone[] {
  if (!c.stamp?.date?.lastDay || c.stamp.time || entry.endTime === undefined) return [];
  return [end(entry.endTime, c.line, entry, c.stamp.text.trim())];
}

/** "Event Start Time 2:05 pm" then "Event Duration 30m": the record's end is its start plus its duration. */
export function durationFieldEnd(
  c: EntryCandidate,
  kinds: readonly MilestoneKind[],
  entry: TimelineEntry,
  index: LineIndex,
): LabelledMilestone[] {
  if (entry.time === undefined || !entry.hasTimeOfDay || !kinds.includes('started')) return [];
  // The field may stand on the next line, or have been read as the label's wrapped continuation.
  for (let line = c.line + 1; line <= Math.min(c.endLine + 1, c.line + 2); line++) {
    const raw = index.lines[line];
    const minutes = raw === undefined || !maySpan(raw) ? undefined : durationField(plainText(raw).text);
    if (minutes === undefined) continue;
    const field = end(entry.time + minutes * MINUTE, line, entry, `${c.label} + ${minutes} min`);
    return [{ ...field, range: index.lineRange(line) }];
  }
  return [];
}

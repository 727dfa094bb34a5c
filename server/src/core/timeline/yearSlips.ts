import type { Problem, TimelineEntry } from '../model';
import { MONTH_NAMES } from '../time/stamps';

/**
 * "2023-01-11 14:34", "2022-01-11 14:40", "2023-01-11 14:51": a row a whole number of years away from two
 * neighbours that agree with each other is a mistyped year, not an event a year earlier. Read as written, it
 * stretches every duration it touches by a year. It is read in the year that puts it between its neighbours,
 * at the lower confidence of a guess, and the reading is said where it happens.
 */

export interface OrderedRow {
  entry: TimelineEntry;
  group: number;
  direction: 1 | -1;
}

const DAY = 86_400_000;
/** Further from both neighbours than this, a row is out of its timeline's time, not merely out of order. */
const FAR = 300 * DAY;
/** Neighbours this close tell the time the row belongs to. */
const NEIGHBOURS_AGREE = 7 * DAY;
/** How far outside its neighbours' span the corrected row may fall: the slip is the year alone. */
const SLACK = DAY;

/** The instant moved by whole years, keeping month, day and time of day (29 February has no twin: undefined). */
function shiftYears(time: number, years: number): number | undefined {
  const d = new Date(time);
  const moved = new Date(time);
  moved.setUTCFullYear(d.getUTCFullYear() + years);
  return moved.getUTCDate() === d.getUTCDate() ? moved.getTime() : undefined;
}

/** The whole number of years that puts `time` between `low` and `high`, or undefined when none does. */
function yearsToFit(time: number, low: number, high: number): number | undefined {
  const years = Math.round((low - time) / (365.2425 * DAY));
  if (years === 0) return undefined;
  const moved = shiftYears(time, years);
  return moved !== undefined && moved >= low - SLACK && moved <= high + SLACK ? years : undefined;
}

function yearOf(time: number): number {
  return new Date(time).getUTCFullYear();
}

function dayName(time: number): string {
  const d = new Date(time);
  return `${d.getUTCDate()} ${MONTH_NAMES[d.getUTCMonth()]} ${d.getUTCFullYear()}`;
}

/**
 * The rows with their slipped years corrected (new entries; the ones given are shared and stay as they are),
 * and a note for each correction. Only rows led by their time, within one group, with a timed row on each side.
 */
export function correctYearSlips(rows: readonly OrderedRow[]): { rows: OrderedRow[]; problems: Problem[] } {
  const out = rows.slice();
  const problems: Problem[] = [];
  const timed = rows.filter((r) => r.entry.time !== undefined && !r.entry.dateUnknown);
  for (let i = 1; i + 1 < timed.length; i++) {
    const [before, row, after] = [timed[i - 1], timed[i], timed[i + 1]];
    if (before.group !== row.group || after.group !== row.group) continue;
    const [t0, t, t1] = [before.entry.time!, row.entry.time!, after.entry.time!];
    if (Math.abs(t - t0) < FAR || Math.abs(t - t1) < FAR || Math.abs(t1 - t0) > NEIGHBOURS_AGREE) continue;
    const years = yearsToFit(t, Math.min(t0, t1), Math.max(t0, t1));
    if (years === undefined) continue;
    const time = shiftYears(t, years)!;
    const endTime = row.entry.endTime === undefined ? undefined : shiftYears(row.entry.endTime, years);
    const entry: TimelineEntry = { ...row.entry, time, endTime, confidence: 'approximate' };
    out[rows.indexOf(row)] = { ...row, entry };
    problems.push(slipNote(row.entry, time, [before.entry, after.entry]));
  }
  return { rows: out, problems };
}

function slipNote(entry: TimelineEntry, time: number, around: TimelineEntry[]): Problem {
  const lines = around.map((e) => e.range.start.line + 1).join(' and ');
  return {
    code: 'timeline/date-read-as',
    severity: 'info',
    message:
      `This row's date is read as ${dayName(time)}, not in ${yearOf(entry.time!)} as written, because the rows ` +
      `around it (lines ${lines}) are in ${yearOf(time)} and only the year sets it apart from them. ` +
      'Write the date as meant, so that no reader has to work it out.',
    range: entry.timeRange ?? entry.range,
  };
}

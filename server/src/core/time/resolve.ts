import type { Confidence } from '../model';
import { MONTH_NAMES, type DatePart, type DayMonthOrder, type Stamp, type TimePart } from './stamps';
import { toInstant, type Zone } from './zones';

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

export type ZoneSource = 'entry' | 'column' | 'sentence' | 'frontmatter' | 'default';

/** What the reader knows when reaching an entry: the date in force and the zone declared. */
export interface ReadingContext {
  date: CalendarDate | undefined;
  /** A date to take the year (and day/month order) from, when an entry omits them. */
  reference: CalendarDate | undefined;
  zone: Zone | undefined;
  zoneSource: ZoneSource | undefined;
  /** Time of day (minutes) of the last entry that relied on `date`, for midnight rollover. */
  lastMinutes: number | undefined;
  /** -1 for newest-first logs. */
  direction: 1 | -1;
  /** No date has been seen: `date` is a stand-in day so that midnight rollover still works. */
  dateUnknown?: boolean;
  /** A year stated for the rows being read ("Date (2019)" in a table header): it beats other guesses. */
  year?: number;
  /** The year it is now (from the analysis' `today`), for dates that nothing else gives a year. */
  currentYear?: number;
  /** The order of day and month the document's numeric dates keep, once one of them has settled it. */
  order?: DayMonthOrder;
  /** Where the sentences since the last row have taken the day; rows go on from `date`. */
  prose?: { date: CalendarDate | undefined; lastMinutes: number | undefined; dateUnknown: boolean | undefined };
}

/** A context before anything is read: `date` is both the day in force and the reference; reading goes forward. */
export function freshContext(date: CalendarDate | undefined, known: Partial<ReadingContext> = {}): ReadingContext {
  return {
    date,
    reference: date,
    zone: undefined,
    zoneSource: undefined,
    lastMinutes: undefined,
    direction: 1,
    ...known,
  };
}

export interface ResolvedStamp {
  time: number | undefined;
  endTime: number | undefined;
  hasTimeOfDay: boolean;
  /** The date came from nowhere: the instant is a time of day on an unknown day. */
  dateUnknown: boolean;
  zone: Zone | undefined;
  zoneSource: ZoneSource | undefined;
  confidence: Confidence | undefined;
  /** A bare time read as the next (or, newest first, previous) day. */
  rolledOver: boolean;
  contradicts: boolean;
  /** The date gave no year and nothing in the document did: the current year was taken, and must be said. */
  yearAssumed: boolean;
  /** What reading the date took that the line does not say ("read as … because …"). */
  dateNote?: { text: string; kind: DateNoteKind };
}

const DAY = 86_400_000;
const UTC: Zone = { label: 'UTC', offset: 0 };

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

/** The day `count` working days (Monday to Friday) after `date`. */
export function addWorkingDays(date: CalendarDate, count: number): CalendarDate {
  let day = date;
  for (let left = count; left > 0;) {
    day = addDays(day, 1);
    const weekday = weekdayOf(day);
    if (weekday !== 0 && weekday !== 6) left--;
  }
  return day;
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY;
}

function weekdayOf(date: CalendarDate): number {
  return new Date(Date.UTC(date.year, date.month - 1, date.day)).getUTCDay();
}

/** The year, near `around`, in which the named weekday falls on that day and month ("Monday 22 April"). */
function yearForWeekday(part: DatePart, around: number): number | undefined {
  // Postmortems look back: the latest fitting year up to `around` (a day and weekday recur within 11 years).
  for (const step of [0, -1, -2, -3, -4, -5, -6, -7, -8, -9, -10, -11, 1]) {
    const year = around + step;
    if (weekdayOf({ year, month: part.month, day: part.day }) === part.weekday) return year;
  }
  return undefined;
}

/**
 * "Monday 22 May" in a document dated 25 April, when 22 May is a Wednesday and 22 April a Monday: the month is
 * the slip. The neighbouring month is taken only when the weekday fits it and it lies nearer the date in force.
 */
function monthForWeekday(date: CalendarDate, part: DatePart, reference: CalendarDate): CalendarDate {
  if (part.weekday === undefined || weekdayOf(date) === part.weekday) return date;
  const distance = (d: CalendarDate) => Math.abs(daysBetween(reference, d));
  let best = date;
  for (const step of [-1, 1]) {
    const shifted = new Date(Date.UTC(date.year, date.month - 1 + step, date.day));
    // 31 May has no April twin: a day the month lacks is no candidate.
    if (shifted.getUTCDate() !== date.day) continue;
    const candidate = { year: shifted.getUTCFullYear(), month: shifted.getUTCMonth() + 1, day: date.day };
    if (weekdayOf(candidate) === part.weekday && distance(candidate) < distance(best)) best = candidate;
  }
  return best;
}

export function thisYear(): number {
  return new Date().getUTCFullYear();
}

/** Where a date without a year took it from, when it took it from nowhere in the document. */
export function yearIsAssumed(part: DatePart, reference: CalendarDate | undefined, statedYear?: number): boolean {
  return part.year === undefined && statedYear === undefined && reference === undefined && part.weekday === undefined;
}

/** A date as completed, and what the reader decided that the text did not say, in words for its author. */
export interface DateReading {
  date: CalendarDate;
  /** "read as … because …": set when the reading corrected the text or took a part of it from elsewhere. */
  note?: string;
  /** Which decision the note tells: a slip corrected is said at each row, a rule applied to many rows once. */
  noteKind?: DateNoteKind;
}

export type DateNoteKind = 'weekday-month' | 'weekday-year' | 'header-year' | 'day-month-order';

/**
 * Completes a date that lacks a year, or whose day/month order is ambiguous: the year stated for the rows,
 * else the reference's year (the document's own date), else the year near now in which the weekday written
 * beside it fits.
 */
export function completeDate(
  part: DatePart,
  reference: CalendarDate | undefined,
  statedYear?: number,
  currentYear = thisYear(),
): CalendarDate {
  return readDate(part, reference, statedYear, currentYear).date;
}

/** completeDate, saying when it corrected the text or completed it from elsewhere than the line itself. */
export function readDate(
  part: DatePart,
  reference: CalendarDate | undefined,
  statedYear?: number,
  currentYear = thisYear(),
  order?: DayMonthOrder,
): DateReading {
  const around = reference?.year ?? currentYear;
  // A weekday decides only when the document gives no year: beside one, a weekday that does not fit is a slip.
  const weekdayDecides =
    part.year === undefined && statedYear === undefined && !reference && part.weekday !== undefined;
  const byWeekday = weekdayDecides ? yearForWeekday(part, around) : undefined;
  const year = part.year ?? statedYear ?? reference?.year ?? byWeekday ?? around;
  const dayFirst = { year, month: part.month, day: part.day };
  const headerYear = part.year === undefined && statedYear !== undefined && statedYear !== around;
  const yearNote = headerYear
    ? `read in ${statedYear} because the column header names that year`
    : byWeekday !== undefined
      ? `read in ${byWeekday} because that is the latest year in which ${dayName(dayFirst)} falls on a ` +
        `${WEEKDAY_NAMES[part.weekday!]}`
      : undefined;
  if (part.ambiguousOrder && order) {
    // The document has already settled the order; reading this date the other way would jump a month.
    return { date: order === 'day-first' ? dayFirst : { year, month: part.day, day: part.month } };
  }
  if (!part.ambiguousOrder || !reference) {
    const date = reference ? monthForWeekday(dayFirst, part, reference) : dayFirst;
    if (date.month !== dayFirst.month)
      return { date, note: weekdayMonthNote(part, dayFirst, date), noteKind: 'weekday-month' };
    if (part.ambiguousOrder) {
      const note = `read as ${dayName(date)} ${date.year} (day first) because no date in the document tells the order`;
      return { date, note, noteKind: 'day-month-order' };
    }
    if (!yearNote) return { date };
    return { date, note: yearNote, noteKind: headerYear ? 'header-year' : 'weekday-year' };
  }
  const monthFirst = { year, month: part.day, day: part.month };
  const takeMonthFirst = Math.abs(daysBetween(reference, monthFirst)) < Math.abs(daysBetween(reference, dayFirst));
  const date = takeMonthFirst ? monthFirst : dayFirst;
  const note =
    `read as ${dayName(date)} ${date.year} (${takeMonthFirst ? 'month' : 'day'} first) because that reading lies ` +
    `nearer the date in force, ${dayName(reference)} ${reference.year}; the document's other such dates follow it`;
  return { date, note, noteKind: 'day-month-order' };
}

/** The order a numeric date settles for the rest of the document: by its numbers, or by how it was read. */
export function settledOrder(part: DatePart, read: CalendarDate): DayMonthOrder | undefined {
  if (part.settlesOrder) return part.settlesOrder;
  if (!part.ambiguousOrder) return undefined;
  return read.month === part.month ? 'day-first' : 'month-first';
}

const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

function dayName(date: { month: number; day: number }): string {
  return `${date.day} ${MONTH_NAMES[date.month - 1]}`;
}

function weekdayMonthNote(part: DatePart, written: CalendarDate, read: CalendarDate): string {
  const weekday = WEEKDAY_NAMES[part.weekday!];
  return (
    `"${weekday} ${dayName(written)}" is read as ${weekday} ${dayName(read)} ${read.year} because ` +
    `${dayName(written)} ${written.year} is a ${WEEKDAY_NAMES[weekdayOf(written)]}, and the weekday fits ` +
    `${MONTH_NAMES[read.month - 1]}, nearer the date in force`
  );
}

function instant(date: CalendarDate, time: TimePart | undefined, zone: Zone) {
  return toInstant({ ...date, hour: time?.hour ?? 0, minute: time?.minute ?? 0, second: time?.second ?? 0 }, zone);
}

/** Reads a stamp as an instant, updating the context (date in force, rollover) as a reader would. */
export function resolveStamp(stamp: Stamp, ctx: ReadingContext): ResolvedStamp {
  const zone = stamp.zone ?? ctx.zone;
  const zoneSource: ZoneSource | undefined = stamp.zone ? 'entry' : ctx.zoneSource;
  const effectiveZone = zone ?? UTC;
  let date: CalendarDate | undefined;
  let rolledOver = false;
  let dateUnknown = false;

  let yearAssumed = false;
  let dateNote: ResolvedStamp['dateNote'];
  if (stamp.date) {
    const reference = ctx.dateUnknown ? ctx.reference : (ctx.date ?? ctx.reference);
    yearAssumed = yearIsAssumed(stamp.date, reference, ctx.year);
    const reading = readDate(stamp.date, reference, ctx.year, ctx.currentYear, ctx.order);
    ctx.order ??= settledOrder(stamp.date, reading.date);
    date = reading.date;
    dateNote = reading.note ? { text: reading.note, kind: reading.noteKind! } : undefined;
    ctx.date = date;
    ctx.dateUnknown = false;
    ctx.lastMinutes = stamp.time ? stamp.time.hour * 60 + stamp.time.minute : undefined;
  } else if (stamp.time) {
    const minutes = stamp.time.hour * 60 + stamp.time.minute;
    if (!ctx.date) {
      ctx.date = { year: 1970, month: 1, day: 1 };
      ctx.dateUnknown = true;
    }
    {
      if (ctx.lastMinutes !== undefined) {
        const back = ctx.direction === 1 ? ctx.lastMinutes - minutes : minutes - ctx.lastMinutes;
        // Going back more than 12 hours is the clock passing midnight, not an entry out of order.
        if (back > 12 * 60) {
          ctx.date = addDays(ctx.date, ctx.direction);
          rolledOver = true;
        }
      }
      date = ctx.date;
      ctx.lastMinutes = minutes;
      dateUnknown = !!ctx.dateUnknown;
    }
  }
  if (!date) {
    return {
      time: undefined,
      endTime: undefined,
      hasTimeOfDay: false,
      dateUnknown: false,
      zone,
      zoneSource,
      confidence: undefined,
      rolledOver,
      contradicts: false,
      yearAssumed,
    };
  }
  // On a stand-in day the region's calendar says nothing: "05:00 PDT" is UTC−7 whatever 1970 did.
  const standIn = dateUnknown && effectiveZone.offset !== undefined;
  const onDay = (z: Zone): Zone => (standIn ? { ...z, region: undefined } : z);
  const zoneOnDay = onDay(effectiveZone);
  const start = instant(date, stamp.time, zoneOnDay);
  let endTime: number | undefined;
  if (stamp.rangeEnd) {
    const endDate = stamp.rangeEnd.date ? completeDate(stamp.rangeEnd.date, date) : date;
    const endZone = stamp.rangeEnd.zone ? onDay(stamp.rangeEnd.zone) : zoneOnDay;
    endTime = instant(endDate, stamp.rangeEnd.time, endZone).epoch;
    if (endTime < start.epoch && !stamp.rangeEnd.date) endTime += DAY;
    // "July 2, 9:30 AM - July 2, 12:30 AM": an end dated before its start names no window's end.
    else if (endTime < start.epoch) endTime = undefined;
  } else if (stamp.date?.lastDay && !stamp.time) {
    // "7-13th Nov": the range's last day, as a day.
    endTime = instant({ ...date, day: stamp.date.lastDay }, undefined, zoneOnDay).epoch;
  } else if (stamp.date?.until && !stamp.time) {
    // "2024-05-02 to 2024-05-08": the last day, in the first's year when it names none.
    endTime = instant(completeDate(stamp.date.until, date), undefined, zoneOnDay).epoch;
  }
  let confidence: Confidence;
  if (!zone || !stamp.time || dateUnknown) confidence = 'approximate';
  else if (stamp.date && stamp.zone) confidence = 'exact';
  else confidence = 'inferred';
  return {
    time: start.epoch,
    endTime,
    hasTimeOfDay: !!stamp.time,
    dateUnknown,
    zone,
    zoneSource,
    confidence,
    rolledOver,
    contradicts: start.contradicts,
    yearAssumed,
    ...(dateNote ? { dateNote } : {}),
  };
}

import type { Confidence } from '../model';
import type { DatePart, Stamp, TimePart } from './stamps';
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
}

const DAY = 86_400_000;
const UTC: Zone = { label: 'UTC', offset: 0 };

export function addDays(date: CalendarDate, days: number): CalendarDate {
  const d = new Date(Date.UTC(date.year, date.month - 1, date.day) + days * DAY);
  return { year: d.getUTCFullYear(), month: d.getUTCMonth() + 1, day: d.getUTCDate() };
}

function daysBetween(a: CalendarDate, b: CalendarDate): number {
  return (Date.UTC(b.year, b.month - 1, b.day) - Date.UTC(a.year, a.month - 1, a.day)) / DAY;
}

/** Completes a date that lacks a year, or whose day/month order is ambiguous, from a reference date. */
export function completeDate(part: DatePart, reference: CalendarDate | undefined): CalendarDate {
  const year = part.year ?? reference?.year ?? new Date().getUTCFullYear();
  const dayFirst = { year, month: part.month, day: part.day };
  if (!part.ambiguousOrder || !reference) return dayFirst;
  const monthFirst = { year, month: part.day, day: part.month };
  return Math.abs(daysBetween(reference, monthFirst)) < Math.abs(daysBetween(reference, dayFirst)) ? monthFirst : dayFirst;
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

  if (stamp.date) {
    date = completeDate(stamp.date, ctx.dateUnknown ? ctx.reference : (ctx.date ?? ctx.reference));
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
    return { time: undefined, endTime: undefined, hasTimeOfDay: false, dateUnknown: false, zone, zoneSource, confidence: undefined, rolledOver, contradicts: false };
  }
  const start = instant(date, stamp.time, effectiveZone);
  let endTime: number | undefined;
  if (stamp.rangeEnd) {
    const endDate = stamp.rangeEnd.date ? completeDate(stamp.rangeEnd.date, date) : date;
    endTime = instant(endDate, stamp.rangeEnd.time, effectiveZone).epoch;
    if (endTime < start.epoch && !stamp.rangeEnd.date) endTime += DAY;
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
  };
}

import { memoize } from '../text/memo';
import { parseZone, ZONE_WORDS, type Zone } from './zones';

/**
 * Finds the dates, times and zones people write in postmortems ("2024-03-05 14:51 UTC",
 * "**16:58 UTC**", "30 July 2024, 02:33 IST", "9:37 PM PST", "23.11.2024 at 23:12 (CET)",
 * "11:10 6th Nov 2023", "23:15-00:30 UTC") without deciding what instant they are:
 * that needs the document's context (see resolve.ts).
 */

export interface DatePart {
  year: number | undefined;
  month: number;
  day: number;
  /** Day and month could be read either way (03/04/2024); `month`/`day` hold the day-first reading. */
  ambiguousOrder: boolean;
  /** The weekday named beside the date (0 = Sunday), which can tell a missing year. */
  weekday?: number;
  /** The last day of a range of days in one month ("7-13th Nov", "Nov 7–13, 2023"). */
  lastDay?: number;
  /** A numeric date whose order its numbers settle ("25/04/2024" is day first): the document's others follow it. */
  settlesOrder?: DayMonthOrder;
  /** The last day of a range of whole dates ("2023-07-10 to 2023-07-16", "between 9 July and 16 July 2023"). */
  until?: DatePart;
}

export type DayMonthOrder = 'day-first' | 'month-first';

export interface TimePart {
  hour: number;
  minute: number;
  second: number;
  /** Written with am/pm. */
  twelveHour: boolean;
}

export interface Stamp {
  /** Index and end of the whole stamp in the searched text. */
  index: number;
  end: number;
  text: string;
  date: DatePart | undefined;
  time: TimePart | undefined;
  zone: Zone | undefined;
  /** The zone word as written, when it is not a zone we know ("XST"). */
  unknownZone: string | undefined;
  /**
   * End of a range ("23:15-00:30"), sharing the start's date and zone unless it gives its own: `zone` is set only
   * when the start names one and the end another ("11:30 BST - 20:30 UTC").
   */
  rangeEnd: { time: TimePart; date: DatePart | undefined; zone?: Zone } | undefined;
  /** "+50 minutes", "[+1 hrs]", "T+30m": minutes after the timeline's anchor, in place of a clock time. */
  relative?: number;
  /** "[+2 business days]": working days (Monday to Friday) after the anchor's day, which name a day, not a time. */
  businessDays?: number;
}

/** Something written where a date or time belongs that names no real instant ("25:00", "Feb 30", "22:XX"). */
export interface Unreadable {
  index: number;
  end: number;
  text: string;
  /** Why, in words a writer can act on ("hour 25 is past 23"). */
  reason: string;
}

const MONTHS: Record<string, number> = {
  jan: 1,
  january: 1,
  feb: 2,
  february: 2,
  mar: 3,
  march: 3,
  apr: 4,
  april: 4,
  may: 5,
  jun: 6,
  june: 6,
  jul: 7,
  july: 7,
  aug: 8,
  august: 8,
  sep: 9,
  sept: 9,
  september: 9,
  oct: 10,
  october: 10,
  nov: 11,
  november: 11,
  dec: 12,
  december: 12,
};

const MONTH = String.raw`(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)`;
const WEEKDAY = String.raw`(?:(?<wd>mon|tue|wed|thu|fri|sat|sun)(?:s|rs|rsday|day|nesday|sday|urday)?\.?,?\s+)`;
const WEEKDAYS = ['sun', 'mon', 'tue', 'wed', 'thu', 'fri', 'sat'];
const ORD = String.raw`(?:st|nd|rd|th)?`;

const DATE_SOURCES = [
  // 2024-03-05, 2024/03/05
  String.raw`(?<iy>\d{4})[-/](?<im>\d{1,2})[-/](?<id>\d{1,2})(?![\d])`,
  // 2025-Feb-07, 2025-DEC-5, 2025/Mar/03: a year, a month named, then the day
  String.raw`(?<ny3>\d{4})(?<ns3>[-/])(?<nm3>${MONTH})\.?\k<ns3>(?<nd3>\d{1,2})(?![\d])`,
  // 07-Feb-2025, 5/Dec/2025: the day, a month named, then the year
  String.raw`(?<nd4>\d{1,2})(?<ns4>[-/])(?<nm4>${MONTH})\.?\k<ns4>(?<ny4>\d{4})(?![\d])`,
  // 23.11.2024
  String.raw`(?<dd>\d{1,2})\.(?<dm>\d{1,2})\.(?<dy>\d{4})(?![\d.])`,
  // 24-10-2024, 2/20/2008, 24/07/25
  String.raw`(?<sa>\d{1,2})(?<ss>[-/])(?<sb>\d{1,2})\k<ss>(?<sy>\d{4}|\d{2})(?![\d/-])`,
  // 30 July 2024, 6th Nov 2023, 13 April
  String.raw`${WEEKDAY.replace('<wd>', '<wd1>')}?(?<nd>\d{1,2})${ORD}(?:\s*[-–]\s*(?<nd2>\d{1,2})${ORD})?\s+(?:of\s+)?(?<nm>${MONTH})\.?(?:,?\s+(?<ny>\d{4}))?(?!\d|:\d)`,
  // July 30, 2024; Sept. 18th, 2017; Nov 13
  String.raw`${WEEKDAY.replace('<wd>', '<wd2>')}?(?<mm>${MONTH})\.?\s+(?<md>\d{1,2})${ORD}(?:\s*[-–]\s*(?<md2>\d{1,2})${ORD}(?=,?\s+\d{4}))?(?:,?\s+(?<my>\d{4})|,?\s+['’](?<my2>\d{2}))?(?!\d|:\d)`,
];
const DATE = new RegExp(String.raw`(?<![\w.:/-])(?:${DATE_SOURCES.join('|')})`, 'gi');

const AMPM = String.raw`(?:\s?(?<ap>[ap])\.?m\.?(?![a-z])|(?<apx>[ap])(?![\w]))`;
const TIME_SOURCE = String.raw`(?<![0-9A-SU-Za-su-z_.:]|(?<!\d)[Tt])(?:(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?:\.\d+)?${AMPM}?|(?<h2>\d{1,2})(?:\s?(?<ap2>[ap])\.?m\.?(?![a-z]))|(?<word>noon|midnight))(?!\d|:\d)`;
const TIME = new RegExp(TIME_SOURCE, 'gi');
/** "1610 UTC": four digits count as a time anywhere only with a zone right after them (see compactLead). */
const COMPACT_TIME = new RegExp(
  String.raw`(?<![\w.:])(?<hh>[01]\d|2[0-3])(?<mi>[0-5]\d)(?=\s?(?:UTC|GMT|Z|${ZONE_WORDS})(?![\w]))`,
  'g',
);

const ZONE_AFTER = new RegExp(
  String.raw`^(?:\s*\(|\s*)?(?<zone>(?:UTC|GMT)\s?[+\-−]\s?\d{1,2}(?::?\d{2})?|[+\-−]\d{2}:?\d{2}|Z(?![\w])|[A-Z][a-z]+/[A-Z][A-Za-z_]+(?:/[A-Z][A-Za-z_]+)?|(?:${ZONE_WORDS})(?![\w]))\)?`,
);
const RANGE_SEPARATOR = /^\s*(?:--|-|–|—|to|until|till|→)\s*/i;
/** What may stand between a date and a time of the same stamp ("2024-06-11, at about", "2024-06-11: ", "…/"). */
const APPROXIMATELY = String.raw`(?:roughly|around|about|approximately|approx\.|circa|~)\s*`;
const JOINER = new RegExp(String.raw`^(?:\s*[,:/]?\s*(?:(?:at|@|on|from)\s+|[-–]\s*)?(?:${APPROXIMATELY})?|T)$`, 'i');

interface Part<T> {
  index: number;
  end: number;
  value: T;
}

export const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Why a day and month name no real date, or undefined when they do (any year, when the year is not given). */
export function impossibleDate(year: number | undefined, month: number, day: number): string | undefined {
  if (month < 1 || month > 12) return `there is no month ${month}`;
  const most = year === undefined ? (month === 2 ? 29 : daysInMonth(2024, month)) : daysInMonth(year, month);
  if (day >= 1 && day <= most) return undefined;
  const inYear = year === undefined ? '' : ` in ${year}`;
  const days = year === undefined && month === 2 ? '28 or 29' : String(most);
  return `no such date: ${MONTH_NAMES[month - 1]} has ${days} days${inYear}`;
}

/** A date, the reason it names no real day (a string), or undefined when the match is no date at all. */
function dateFromMatch(g: Record<string, string | undefined>): DatePart | string | undefined {
  let year: number | undefined;
  let month: number;
  let day: number;
  let ambiguousOrder = false;
  let settlesOrder: DayMonthOrder | undefined;
  if (g.iy) {
    year = Number(g.iy);
    month = Number(g.im);
    day = Number(g.id);
  } else if (g.dd) {
    year = Number(g.dy);
    month = Number(g.dm);
    day = Number(g.dd);
  } else if (g.sa) {
    const a = Number(g.sa);
    const b = Number(g.sb);
    year = g.sy!.length === 2 ? 2000 + Number(g.sy) : Number(g.sy);
    if (a > 12 && b <= 12) {
      [day, month] = [a, b];
      settlesOrder = 'day-first';
    } else if (b > 12 && a <= 12) {
      [month, day] = [a, b];
      settlesOrder = 'month-first';
    } else {
      [day, month] = [a, b];
      ambiguousOrder = a !== b;
    }
  } else if (g.ny3 || g.ny4) {
    year = Number(g.ny3 ?? g.ny4);
    month = MONTHS[(g.nm3 ?? g.nm4)!.toLowerCase()];
    day = Number(g.nd3 ?? g.nd4);
  } else if (g.nd) {
    day = Number(g.nd);
    month = MONTHS[g.nm!.toLowerCase()];
    year = g.ny ? Number(g.ny) : undefined;
  } else if (g.mm) {
    month = MONTHS[g.mm.toLowerCase()];
    day = Number(g.md);
    year = g.my ? Number(g.my) : g.my2 ? 2000 + Number(g.my2) : undefined;
    // "may 3" in lower case is too often the verb.
    if (g.mm === 'may') return undefined;
  } else return undefined;
  if (year !== undefined && (year < 1970 || year > 2200)) return undefined;
  if (day < 1 || day > 31) return g.iy || g.dd || g.sa || g.ny3 || g.ny4 ? impossibleDate(year, month, day) : undefined;
  const named = (g.wd1 ?? g.wd2)?.toLowerCase();
  const weekday = named ? WEEKDAYS.indexOf(named) : undefined;
  const impossible = impossibleDate(year, month, day);
  if (impossible) return impossible;
  const last = Number(g.nd2 ?? g.md2);
  // "7-13th Nov": a range of days; one whose end is not after its start, or not in the month, is read as its first day.
  const lastDay = last > day && !impossibleDate(year, month, last) ? { lastDay: last } : {};
  const order = settlesOrder ? { settlesOrder } : {};
  return { year, month, day, ambiguousOrder, ...(named ? { weekday } : {}), ...lastDay, ...order };
}

function timeFromMatch(g: Record<string, string | undefined>): TimePart | undefined {
  if (g.word) return { hour: g.word.toLowerCase() === 'noon' ? 12 : 0, minute: 0, second: 0, twelveHour: true };
  let ampm = (g.ap ?? g.apx ?? g.ap2)?.toLowerCase();
  let hour = Number(g.h ?? g.h2);
  const minute = Number(g.m ?? 0);
  const second = Number(g.s ?? 0);
  // "20:30 PM": the 24-hour clock already says it; "0:30 am" is half past midnight.
  if (ampm && g.h !== undefined && (hour === 0 || (hour > 12 && hour <= 23))) ampm = undefined;
  if (ampm) {
    if (hour < 1 || hour > 12) return undefined;
    if (ampm === 'p' && hour !== 12) hour += 12;
    if (ampm === 'a' && hour === 12) hour = 0;
  } else if (g.h === undefined) return undefined;
  if (hour > 23 && !(hour === 24 && minute === 0 && second === 0)) return undefined;
  if (minute > 59 || second > 60) return undefined;
  return { hour, minute, second, twelveHour: !!ampm };
}

/** A zone right after four digits: "Feb 9 1924 UTC" is a date then a time, not the year 1924. */
const ZONE_NEXT = new RegExp(String.raw`^\s?(?:UTC|GMT|Z|${ZONE_WORDS})(?![\w])`);

/**
 * Whether a named-month date's "year" is a clock time with its zone after it. Years a postmortem could
 * name (1970-2029) stay years: "Feb 9 2019 UTC" is ambiguous, "Feb 9 1924 UTC" and "Feb 9 2041 UTC" are not.
 */
function yearIsTime(text: string, match: RegExpMatchArray): boolean {
  const year = match.groups?.ny ?? match.groups?.my;
  if (!year || !/^(?:[01]\d|2[0-3])[0-5]\d$/.test(year)) return false;
  if (Number(year) >= 1970 && Number(year) < 2030) return false;
  return ZONE_NEXT.test(text.slice(match.index! + match[0].length));
}

function findDates(text: string, invalid?: Unreadable[]): Part<DatePart>[] {
  const out: Part<DatePart>[] = [];
  for (const match of text.matchAll(DATE)) {
    const groups: Record<string, string | undefined> = { ...match.groups };
    let length = match[0].length;
    if (yearIsTime(text, match)) {
      length = match[0].slice(0, -4).replace(/[\s,]+$/, '').length;
      groups.ny = groups.my = undefined;
    }
    const value = dateFromMatch(groups);
    const at = { index: match.index!, end: match.index! + length };
    if (typeof value === 'string') invalid?.push({ ...at, text: match[0].slice(0, length), reason: value });
    else if (value) out.push({ ...at, value });
  }
  return out;
}

/**
 * "12.39UTC", "4.05 pm": a dotted time counts only with a zone or am/pm right after it ("v1.10" and
 * "3.25 %" are no times); leading a timeline's rows it counts alone (see compactLead).
 */
const DOTTED_TIME = new RegExp(
  String.raw`(?<![\w.:])(?<hh>[01]?\d|2[0-3])\.(?<mi>[0-5]\d)` +
    String.raw`(?:(?=\s?(?:UTC|GMT|${ZONE_WORDS})(?![\w]))|\s?(?<ap>[ap])\.?m\.?(?![a-z]))`,
  'gi',
);

function findTimes(text: string): Part<TimePart>[] {
  const out: Part<TimePart>[] = [];
  for (const match of text.matchAll(TIME)) {
    const value = timeFromMatch(match.groups ?? {});
    if (value) out.push({ index: match.index!, end: match.index! + match[0].length, value });
  }
  for (const match of text.matchAll(DOTTED_TIME)) {
    const g = match.groups!;
    const value = g.ap ? timeFromMatch({ h: g.hh, m: g.mi, ap: g.ap }) : timeFromMatch({ h: g.hh, m: g.mi });
    if (value) out.push({ index: match.index!, end: match.index! + match[0].length, value });
  }
  for (const match of text.matchAll(COMPACT_TIME)) {
    const g = match.groups!;
    out.push({
      index: match.index!,
      end: match.index! + match[0].length,
      value: { hour: Number(g.hh), minute: Number(g.mi), second: 0, twelveHour: false },
    });
  }
  return out.sort((a, b) => a.index - b.index);
}

const SPACED_SIGN = /^(UTC|GMT)\s[+\-−]\s/i;
/** After "UTC - 6" or "UTC - 10:00": a month, a zone word or am/pm says the number was a day or a time. */
const DATE_NEXT = new RegExp(String.raw`^\s+${MONTH}\b|^[/.]\d|^\s*(?:[ap]\.?m\b|UTC|GMT|${ZONE_WORDS})(?!\w)`, 'i');

/**
 * The zone's text and where it ends in `matched`. "09:00 UTC - 6 March, 10:30 UTC" and "09:00 UTC - 10:00 UTC": a
 * dash between spaces, then a day of a month or a time with its own zone, is the range's separator, so the zone is
 * "UTC" alone, not UTC−6 or UTC−10.
 */
function zoneText(zone: string, matched: string, after: string): { text: string; length: number } {
  const word = SPACED_SIGN.exec(zone)?.[1];
  if (!word || !DATE_NEXT.test(after)) return { text: zone, length: matched.length };
  return { text: word, length: matched.indexOf(word) + word.length };
}

function zoneAfter(text: string, from: number): { zone: Zone | undefined; unknown: string | undefined; end: number } {
  const rest = text.slice(from, from + 40);
  const match = ZONE_AFTER.exec(rest);
  if (match?.groups?.zone) {
    const found = zoneText(match.groups.zone, match[0], rest.slice(match[0].length));
    const zone = parseZone(found.text.replace('−', '-').replace(/\s/g, ''));
    if (zone) {
      let end = from + found.length;
      // "(CET)" closes its parenthesis; a lone "(" opened before the zone belongs to it.
      if (/^\s*\(/.test(rest) && !match[0].endsWith(')') && text[end] === ')') end++;
      return { zone, unknown: undefined, end };
    }
  }
  return { zone: undefined, unknown: undefined, end: from };
}

/** "between" (or "from") just before a time opens a window whose end follows after "and" / "to". */
const OPENS_WINDOW = /\b(?:between|from)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~)?$/i;
/** What may stand between a window's start and its end: a short aside in parentheses, then the joining word. */
const ASIDE_THEN_END = /^\s*(?:\([^()]{1,60}\)\s*)?(?:and|to|until|till|through|-|–|—)\s*/i;

function opensWindow(text: string, timeIndex: number): boolean {
  return OPENS_WINDOW.test(text.slice(Math.max(0, timeIndex - 30), timeIndex));
}

/** The end of a range that gives its own date: separator, date, joiner, time (and its zone), right after `from`. */
function datedRangeEnd(
  text: string,
  from: number,
  next: Part<TimePart> | undefined,
  dates: Part<DatePart>[],
  used: Set<Part<DatePart>>,
) {
  if (!next) return undefined;
  const separator = RANGE_SEPARATOR.exec(text.slice(from, next.index));
  if (!separator) return undefined;
  const date = dates.find((d) => !used.has(d) && d.index === from + separator[0].length);
  if (!date || date.end > next.index || !JOINER.test(text.slice(date.end, next.index))) return undefined;
  const zone = zoneAfter(text, next.end);
  return { date, time: next, zone: zone.zone, end: zone.zone ? zone.end : next.end };
}

/** A range end's zone when it differs from the start's own ("11:30 BST - 20:30 UTC"); none when it shares it. */
const ownZone = (start: Zone | undefined, end: Zone | undefined) =>
  start && end && end.label !== start.label ? end : undefined;

/** Finds every date/time stamp in a line of plain text, in order. Results are shared: do not change them. */
export const findStamps = memoize(readStamps);

function readStamps(text: string): Stamp[] {
  const dates = findDates(text);
  const times = findTimes(text).filter((t) => !dates.some((d) => t.index < d.end && t.end > d.index));
  const stamps: Stamp[] = [];
  const usedDates = new Set<Part<DatePart>>();

  for (let i = 0; i < times.length; i++) {
    const time = times[i];
    // Already part of the previous stamp (an offset such as "+01:00").
    if (stamps.length > 0 && time.index < stamps[stamps.length - 1].end) continue;
    let index = time.index;
    let end = time.end;
    let date: DatePart | undefined;
    // A date just before the time ("2024-03-05 14:51", "30 July 2024, 02:33", "23.11.2024 at 23:12").
    const before = dates.find(
      (d) => !usedDates.has(d) && d.end <= time.index && JOINER.test(text.slice(d.end, time.index)),
    );
    if (before) {
      date = before.value;
      index = before.index;
      usedDates.add(before);
    }
    // A range ("23:15-00:30 UTC", "02:00 to 04:30") unless the dash starts an ISO offset ("14:02:00-07:00").
    const next = times[i + 1];
    const separator = RANGE_SEPARATOR.exec(text.slice(end, next?.index ?? end));
    const isoOffset =
      /^\+\d{2}:?\d{2}/.test(text.slice(end)) ||
      (/^[-−]\d{2}:?\d{2}/.test(text.slice(end)) && text[time.index - 1] === 'T');
    const isRange = !!next && !!separator && end + separator[0].length === next.index && !isoOffset;
    const zoneFound =
      isRange && !/^\s*[A-Za-z(]/.test(text.slice(end)) ? { zone: undefined, end } : zoneAfter(text, end);
    let zone = zoneFound.zone;
    const zoneEnd = zoneFound.end;
    if (zone) end = zoneEnd;
    let rangeEnd: Stamp['rangeEnd'];
    // "between 09.05UTC (just after the deploy) and 09.41UTC": an aside before the end does not split the window.
    const asideThenEnd =
      next &&
      !isRange &&
      opensWindow(text, time.index) &&
      ASIDE_THEN_END.exec(text.slice(end, next.index))?.[0].length === next.index - end;
    if (next && (asideThenEnd || (isRange && RANGE_SEPARATOR.test(text.slice(end, next.index))))) {
      rangeEnd = { time: next.value, date: undefined };
      end = next.end;
      const after = zoneAfter(text, end);
      if (after.zone) {
        end = after.end;
        rangeEnd.zone = ownZone(zone, after.zone);
        zone ??= after.zone;
      }
      i++;
    }
    // "May 14 2025, 10:15 PM UTC - May 15 2025, 2:40 AM UTC": a range whose end gives its own date.
    const datedEnd = rangeEnd ? undefined : datedRangeEnd(text, end, times[i + 1], dates, usedDates);
    if (datedEnd) {
      rangeEnd = { time: datedEnd.time.value, date: datedEnd.date.value, zone: ownZone(zone, datedEnd.zone) };
      usedDates.add(datedEnd.date);
      end = datedEnd.end;
      zone ??= datedEnd.zone;
      i++;
    }
    // A date just after the time ("11:10 6th Nov 2023", "15:22 ICT, Sept 26 2021").
    if (!date) {
      const joined = (d: Part<DatePart>) => /^(?:\s*,?\s*(?:on\s+)?(?:the\s+)?)$/i.test(text.slice(end, d.index));
      const after = dates.find((d) => !usedDates.has(d) && d.index >= end && joined(d));
      if (after) {
        date = after.value;
        end = after.end;
        usedDates.add(after);
      }
    }
    // A second zone for the same moment ("23:15 UTC / 16:15 PDT") is an alternative, not a new stamp.
    const dual = /^\s*\/\s*/.exec(text.slice(end));
    if (dual && times[i + 1]?.index === end + dual[0].length) {
      const alt = times[i + 1];
      i++;
      end = alt.end;
      const altZone = zoneAfter(text, end);
      if (altZone.zone) end = altZone.end;
      const altRange = RANGE_SEPARATOR.exec(text.slice(end));
      if (rangeEnd && altRange && times[i + 1]?.index === end + altRange[0].length) {
        i++;
        end = times[i].end;
        const z = zoneAfter(text, end);
        if (z.zone) end = z.end;
      }
    } else if (zone) {
      // "15:55 EDT (19:55 UTC)": the same moment in another zone, in parentheses after the first.
      const paren = /^\s*\(\s*/.exec(text.slice(end));
      const alt = paren && times[i + 1]?.index === end + paren[0].length ? times[i + 1] : undefined;
      const altZone = alt ? zoneAfter(text, alt.end) : undefined;
      // The zone reader takes the closing parenthesis with the zone ("UTC)").
      if (alt && altZone?.zone && text[altZone.end - 1] === ')') {
        i++;
        end = altZone.end;
      }
    }
    stamps.push({
      index,
      end,
      text: text.slice(index, end),
      date,
      time: time.value,
      zone,
      unknownZone: undefined,
      rangeEnd,
    });
  }
  const alone = dates.filter((d) => !usedDates.has(d));
  for (let k = 0; k < alone.length; k++) {
    const date = alone[k];
    const last = alone[k + 1] && dayRangeTo(text, date, alone[k + 1]);
    if (last) {
      k++;
      stamps.push(dayRangeStamp(text, date, last));
      continue;
    }
    stamps.push({
      index: date.index,
      end: date.end,
      text: text.slice(date.index, date.end),
      date: date.value,
      time: undefined,
      zone: undefined,
      unknownZone: undefined,
      rangeEnd: undefined,
    });
  }
  return stamps.sort((a, b) => a.index - b.index);
}

/** "between" just before a date: the range after it may join its ends with "and". */
const OPENS_DAY_RANGE = /\bbetween\s+$/i;

/**
 * The end of a range of days that `first` opens ("2023-07-10 to 2023-07-16", "between July 9 and July 16, 2023"),
 * or undefined when `next` is no such end: it must follow at once and not fall before the start.
 */
function dayRangeTo(text: string, first: Part<DatePart>, next: Part<DatePart>): Part<DatePart> | undefined {
  const between = text.slice(first.end, next.index);
  const joined =
    RANGE_SEPARATOR.exec(between)?.[0].length === between.length ||
    (/^\s*and\s*$/i.test(between) && OPENS_DAY_RANGE.test(text.slice(Math.max(0, first.index - 12), first.index)));
  if (!joined) return undefined;
  const startYear = rangeStartYear(first.value, next.value);
  const endYear = next.value.year ?? startYear;
  if (startYear === undefined || endYear === undefined) return next;
  return dayKey(endYear, next.value) < dayKey(startYear, first.value) ? undefined : next;
}

const dayKey = (year: number, d: DatePart) => (year * 13 + d.month) * 32 + d.day;

/** A range's first day without a year takes the last day's, or the one before when it would fall after it. */
function rangeStartYear(start: DatePart, end: DatePart): number | undefined {
  if (start.year !== undefined || end.year === undefined) return start.year;
  return dayKey(end.year, start) > dayKey(end.year, end) ? end.year - 1 : end.year;
}

/** The stamp of a range of days: the first day, which takes the last's year when it gives none, and the last. */
function dayRangeStamp(text: string, first: Part<DatePart>, last: Part<DatePart>): Stamp {
  const year = rangeStartYear(first.value, last.value);
  return {
    index: first.index,
    end: last.end,
    text: text.slice(first.index, last.end),
    date: { ...first.value, year, until: last.value },
    time: undefined,
    zone: undefined,
    unknownZone: undefined,
    rangeEnd: undefined,
  };
}

/** The stamp that leads a line: at its start, after a label ("Resolved:") or a date. */
export function leadingStamp(text: string, stamps = findStamps(text)): Stamp | undefined {
  const first = stamps[0];
  if (!first) return undefined;
  const prefix = text.slice(0, first.index);
  if (/^[\s*_`~#>([\]|-]*$/.test(prefix)) return first;
  // A date alone after words ("The date is 18 April 2024") is prose, not an entry; "Between 10 and 16 July" leads.
  if (!first.time) return first.date?.until && /^[\s*_]*(?:between|from)\s+$/i.test(prefix) ? first : undefined;
  // "First detected: 2023-01-11 14:22", "Event Start Time 2:05 pm", "[14:02]", "At 14:02,"
  if (/^[\s*_]*[A-Za-z][\w /&'()-]{0,40}?[:\-–—]?[\s*_]*$/.test(prefix) && prefix.trim().split(/\s+/).length <= 5)
    return first;
  return undefined;
}

/** Whether a line is only a date (with an optional weekday, zone note or punctuation): a date line. */
export function isDateLine(text: string, stamps = findStamps(text)): boolean {
  if (stamps.length !== 1 || stamps[0].time || !stamps[0].date) return false;
  const rest = (text.slice(0, stamps[0].index) + ' ' + text.slice(stamps[0].end))
    .replace(/\(?\s*all times? (?:are )?(?:in )?[A-Za-z/_+\-:0-9 ]+\)?/i, '')
    .replace(/\b(?:day \d+|mon|tue|wed|thu|fri|sat|sun)[a-z]*\b/gi, '')
    .replace(/\b(?:(?:incident|event|outage|start|end)\s+)?date\b/gi, '')
    .replace(/[\s*_#:,.()\-–—]/g, '');
  return rest.length === 0;
}

const PLACEHOLDER = /(?<![\w.:])(?:\d{1,2}|HH?|hh?):(?:[Xx?]{2}|MM|mm|\d[Xx?])(?![\w])/g;
/** A clock value, alone or after an ISO date's "T" ("2025-02-27T24:30Z"). */
const CLOCK = /(?:(?<=\dT)|(?<![\w.:/-]))(?<h>\d{1,2}):(?<m>\d{2})(?::(?<s>\d{2}))?(?![\d:])/g;
/** "25.10 UTC", "9.75 pm": a dotted clock value, which counts as one only with a zone or am/pm after it. */
const DOTTED_CLOCK = new RegExp(
  String.raw`(?<![\w.:])(?<h>\d{1,2})\.(?<m>\d{2})(?=\s?(?:UTC|GMT|${ZONE_WORDS})(?![\w])|\s?[ap]\.?m\.?(?![a-z]))`,
  'gi',
);

function clockProblem(hour: number, minute: number, second = 0): string | undefined {
  if (hour === 24 && minute === 0 && second === 0) return undefined;
  if (hour > 23) return `hour ${hour} is past 23`;
  if (minute > 59) return `minute ${minute} is past 59`;
  // 60 is a leap second.
  if (second > 60) return `second ${second} is past 59`;
  return undefined;
}

const COMPACT_CLOCK = /^[\s*_`[(]*(?<h>\d{2})(?<m>\d{2})(?![\d:.,/%])/;

/** Why four digits in a time column ("2510") name no time of day, or undefined when they do or are no clock. */
export function compactProblem(text: string): string | undefined {
  const match = COMPACT_CLOCK.exec(text);
  return match ? clockProblem(Number(match.groups!.h), Number(match.groups!.m)) : undefined;
}

/**
 * Dates and times written where an instant belongs that name none: placeholders ("22:XX", "HH:MM"),
 * clock values past their range ("25:00", "24:30", "99:99") and days the calendar lacks ("30/02/2025",
 * "Feb 30", month 13). Results are shared: do not change them.
 */
export const findUnreadable = memoize((text: string): Unreadable[] => {
  const out: Unreadable[] = [];
  findDates(text, out);
  for (const match of text.matchAll(PLACEHOLDER)) {
    const reason = 'it is a placeholder, not a time';
    out.push({ index: match.index!, end: match.index! + match[0].length, text: match[0], reason });
  }
  for (const match of [...text.matchAll(CLOCK), ...text.matchAll(DOTTED_CLOCK)]) {
    const g = match.groups!;
    const reason = clockProblem(Number(g.h), Number(g.m), g.s === undefined ? 0 : Number(g.s));
    if (reason) out.push({ index: match.index!, end: match.index! + match[0].length, text: match[0], reason });
  }
  return out.sort((a, b) => a.index - b.index);
});

/** What may stand before the stamp that leads a line: list, emphasis and bracket punctuation. */
const LEAD_PREFIX = /^[\s*_`~#>([\]|-]*$/;

const LEAD_REACH = 48;

/** The unreadable date or time that leads a line, where a timeline entry's stamp would stand. */
export function leadingUnreadable(text: string): Unreadable | undefined {
  // Only the head of a line can lead it: reading the rest would cost every row of a long timeline.
  const head = text.length > LEAD_REACH ? text.slice(0, LEAD_REACH) : text;
  if (!/\d|[Hh]:?[Mm]/.test(head)) return undefined;
  const first = findUnreadable(head)[0];
  if (!first) return undefined;
  const stamp = findStamps(text)[0];
  if (stamp && stamp.end <= first.index) {
    // "Dec 17th 22:XX", "2025-02-27T24:30Z": a date that leads the line, then the time that cannot be read;
    // "10:00 30/02/2025": a time, then the date that cannot be read.
    const between = text.slice(stamp.end, first.index);
    const leads = LEAD_PREFIX.test(text.slice(0, stamp.index));
    const dateThenTime = !stamp.time && /^(?:[\s,*_]*(?:at\s+)?|T)$/i.test(between);
    const timeThenDate = !!stamp.time && !stamp.date && /^[\s,*_]*(?:on\s+)?(?:the\s+)?$/i.test(between);
    return leads && (dateThenTime || timeThenDate) ? first : undefined;
  }
  const prefix = text.slice(0, Math.min(first.index, stamp?.index ?? first.index));
  return LEAD_PREFIX.test(prefix) ? first : undefined;
}

const COMPACT_LEAD = new RegExp(
  String.raw`^[\s*_\`[(]*(?:(?<hh>[01]\d|2[0-3])(?<mi>[0-5]\d)|(?<dh>[01]?\d|2[0-3])\.(?<dm>[0-5]\d))` +
    String.raw`(?![\d:.,/%])[\])*_\`]*(?=\s*[:\-–—|]|\t|\s+[A-Za-z(]|\s*$)`,
);

/**
 * "1405 Deploy starts", "14.05 Deploy starts": four digits, or a dotted time, that lead a line read as a time.
 * Only a caller that knows a time is plausible there (a time column, a list whose rows lead with such times)
 * should ask: alone, "2019" is a year and "2.10" a version.
 */
export function compactLead(text: string): Stamp | undefined {
  const match = COMPACT_LEAD.exec(text);
  if (!match) return undefined;
  const g = match.groups!;
  const start = match.index + match[0].search(/\d/);
  const hour = Number(g.hh ?? g.dh);
  const minute = Number(g.mi ?? g.dm);
  const time = { hour, minute, second: 0, twelveHour: false };
  let end = start + (g.hh ? 4 : g.dh.length + 3);
  const zone = zoneAfter(text, end);
  if (zone.zone) end = zone.end;
  const written = text.slice(start, end);
  return {
    index: start,
    end,
    text: written,
    date: undefined,
    time,
    zone: zone.zone,
    unknownZone: undefined,
    rangeEnd: undefined,
  };
}

/** Whether four leading digits could as well be a year (2000–2059 are both), so alone they prove nothing. */
export function couldBeYear(stamp: Stamp): boolean {
  if (!/^\d{4}/.test(stamp.text)) return false;
  return !!stamp.time && (stamp.time.hour === 20 || stamp.time.hour === 19) && !stamp.zone;
}

const UNIT_MINUTES: Record<string, number> = { m: 1, h: 60, d: 1440 };
const RELATIVE_LEAD = new RegExp(
  String.raw`^[\s*_\`[(]*(?:T\s?)?\+\s?(?<n>\d{1,4}(?:\.\d+)?)\s?` +
    String.raw`(?:(?<business>business|working)\s+(?=d))?` +
    String.raw`(?<unit>m(?:in(?:ute)?s?)?|h(?:(?:ou)?rs?)?|d(?:ays?)?)(?![a-z])(?:\s+later\b)?[\])*_\`]*`,
  'i',
);

/**
 * "+50 minutes", "[+1 hrs]", "T+30m" leading a line: an offset from the timeline's anchor, in minutes;
 * "[+2 Business Days Later]" counts working days instead.
 */
export function relativeLead(text: string): Stamp | undefined {
  const match = RELATIVE_LEAD.exec(text);
  if (!match) return undefined;
  const unit = match.groups!.unit.toLowerCase();
  const perUnit = UNIT_MINUTES[unit[0]];
  const start = match[0].search(/[Tt+]/);
  const end = match[0].length;
  return {
    index: start,
    end,
    text: text.slice(start, end),
    date: undefined,
    time: undefined,
    zone: undefined,
    unknownZone: undefined,
    rangeEnd: undefined,
    ...(match.groups!.business
      ? { businessDays: Math.round(Number(match.groups!.n)) }
      : { relative: Math.round(Number(match.groups!.n) * perUnit) }),
  };
}

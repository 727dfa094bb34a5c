import type { Range } from '../model';
import type { TextLine } from '../parse/blocks';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { freshContext, resolveStamp, type CalendarDate, type ResolvedStamp } from '../time/resolve';
import { findStamps, isDateLine, type Stamp } from '../time/stamps';
import type { Zone } from '../time/zones';
import { familiesIn } from './features';

/** A window of impact the prose states: "between 09:05 and 09:41 UTC", "from 14:58 to 16:46". */
export interface StatedWindow {
  start: number;
  end: number | undefined;
  line: number;
  range: Range;
  text: string;
  /** Read from a field that dates the incident ("Date of incident: … 14:32 UTC"), not from a sentence. */
  field?: boolean;
  /** A day with no time of day ("broken since 10 February"): `start` is its midnight, UTC, which is no time. */
  day?: boolean;
}

/** Only a line with one of these words, and a digit on it or the next line, can state a window. */
const MAY_STATE = /\b(?:between|from)\b/i;
const DIGIT = /\d/;
const LAST_OPENER = /\b(?:between|from)\b(?![^]*\b(?:between|from)\b)/i;
const OPENS = /\b(?:between|from)\s+(?:about\s+|around\s+|approximately\s+|roughly\s+|~)?$/i;
const JOINS = /^\s*(?:and|to|until|till|through|-|–|—)\s*(?:about\s+|around\s+|approximately\s+|roughly\s+|~)?$/i;

/**
 * Each timed stamp that starts a window, with its end: its own range end, or the next stamp when `joins` matches
 * the words between them. By default a window opens on "between" or "from"; `anywhere` also takes one that
 * opens on nothing ("Date: 11:30 - 20:30"), where the caller's `joins` must leave out "and".
 */
export function windowPairs(
  text: string,
  all: readonly Stamp[],
  joins: RegExp = JOINS,
  anywhere = false,
): [Stamp, Stamp | undefined][] {
  const stamps = all.filter((s) => s.time);
  const out: [Stamp, Stamp | undefined][] = [];
  stamps.forEach((stamp, i) => {
    if (!anywhere && !OPENS.test(text.slice(Math.max(0, stamp.index - 30), stamp.index))) return;
    if (stamp.rangeEnd) out.push([stamp, undefined]);
    else if (stamps[i + 1] && joins.test(text.slice(stamp.end, stamps[i + 1].index))) out.push([stamp, stamps[i + 1]]);
  });
  return out;
}

/** Whether a line ends inside a window: "between" or "from" with no time yet, or one time and no end. */
function opensUnpaired(text: string): boolean {
  if (OPENS.test(text.trimEnd() + ' ')) return true;
  const times = findStamps(text).filter((s) => s.time);
  const last = times[times.length - 1];
  return (
    last !== undefined &&
    !last.rangeEnd &&
    OPENS.test(text.slice(Math.max(0, last.index - 30), last.index)) &&
    /^[\s,]*(?:and|to|until|till|through|-|–|—)?[\s,]*$/i.test(text.slice(last.end))
  );
}

/**
 * Every stamp of a line, read in order as a reader would: a date or a zone stated earlier on the line holds for the
 * times after it ("On 8 March at 23:12 CET … between 00:22 and 00:35"), and a time that goes back past midnight is
 * the next day. Only what the line leaves open falls back on the document's date and zone.
 */
export function readInOrder(stamps: readonly Stamp[], reference: CalendarDate | undefined, zone: Zone | undefined) {
  const ctx = freshContext(reference, { zone: zone ?? { label: 'UTC', offset: 0 }, zoneSource: 'sentence' });
  const read = new Map<Stamp, ResolvedStamp>();
  for (const stamp of stamps) {
    read.set(stamp, resolveStamp(stamp, ctx));
    if (stamp.zone) ctx.zone = stamp.zone;
  }
  return read;
}

/**
 * A field that dates the incident itself, as a header gives it: "Date of incident: 20 September 2023, 14:32 UTC",
 * "Time: 5:13 UTC", "Incident start: …". Its label says what the time is, where a timeline row only says what
 * happened then.
 */
const INCIDENT_FIELD = new RegExp(
  [
    String.raw`^[\W_]*(?:date|time|when|start(?:ed|\s+time)?`,
    String.raw`|(?:incident|outage|event|impact)\s+(?:date|time|start)(?:\s+time)?`,
    String.raw`|(?:date|time)(?:\s+and\s+time)?\s+of\s+(?:the\s+)?(?:incident|outage|event|issue|impact))[\W_]*:`,
  ].join(''),
  'i',
);

/** The document's first incident field with a time of day and no end (a field with an end is a window). */
function incidentField(
  lines: readonly TextLine[],
  index: LineIndex,
  reference: CalendarDate | undefined,
  zone: Zone | undefined,
): StatedWindow | undefined {
  for (const line of lines) {
    if (!DIGIT.test(line.raw)) continue;
    const text = plainText(line.raw).text;
    const label = INCIDENT_FIELD.exec(text);
    if (!label) continue;
    const stamps = findStamps(text).filter((s) => s.index >= label[0].length);
    const timed = stamps.filter((s) => s.time);
    // Two times, or a range, make a window ("Date: 09:00 UTC - 10:30 UTC"): not a moment of onset.
    if (timed.length > 1 || stamps.some((s) => s.rangeEnd) || MAY_STATE.test(text)) return undefined;
    const first = timed[0];
    if (!first) continue;
    const start = readInOrder(stamps, reference, zone).get(first)!;
    if (start.time === undefined || !start.hasTimeOfDay) continue;
    const range = index.lineRange(line.line, line.column, line.column + line.raw.length);
    return {
      start: start.time,
      end: undefined,
      line: line.line,
      range,
      text: text.slice(first.index, first.end),
      field: true,
    };
  }
  return undefined;
}

/** Words that may open a day of onset: only a line with one of them and a digit is read for one. */
const MAY_DATE_ONSET = /\b(?:on|since|from|between|began|begins|started|starting|beginning)\b/i;
/** Just before a day: the words that say the trouble ran from it ("since", "from on or about", "On"). */
const DAY_OPENER =
  /\b(?:on|since|from|between|starting|beginning)\s+(?:(?:about|around|approximately|roughly|or|the)\s+|~)*$/i;
/**
 * Trouble the word families leave to other words: a secret or a weakness open to others is trouble from the day
 * it opened, though nothing failed; "suffered downtime" is an outage.
 */
const EXPOSED = /\b(?:exposed|leaked|publicly\s+(?:visible|accessible|readable)|compromised|downtime)\b/i;
const SENTENCE_END = /[.!?]\s+(?=[A-Z])/g;
const MAX_DAYS = 3;
/** A day heading is short: a longer line with a date in it is a sentence. */
const MAX_HEADING = 60;

/** The sentence of `text` around `index`. */
function sentenceAt(text: string, index: number): string {
  let from = 0;
  for (const m of text.matchAll(SENTENCE_END)) {
    if (m.index! >= index) return text.slice(from, m.index! + 1);
    from = m.index! + m[0].length;
  }
  return text.slice(from);
}

/**
 * Days of onset in a line's sentences: a day with no time, right after "on", "since" or "from", in a sentence that
 * names something going wrong ("The cache has been broken since 10 February", "the key was exposed from on or
 * about 2024-03-02 through …"). Each is a day, not its midnight.
 */
function onsetDays(text: string, reference: CalendarDate | undefined): { start: number; text: string }[] {
  if (!MAY_DATE_ONSET.test(text)) return [];
  const stamps = findStamps(text);
  const days = stamps.filter(
    (s) => s.date && !s.time && DAY_OPENER.test(text.slice(Math.max(0, s.index - 40), s.index)),
  );
  if (days.length === 0) return [];
  const read = readInOrder(stamps, reference, undefined);
  return days.flatMap((stamp) => {
    if (!namesTrouble(sentenceAt(text, stamp.index))) return [];
    const start = read.get(stamp)!.time;
    return start === undefined ? [] : [{ start, text: text.slice(stamp.index, stamp.end) }];
  });
}

/** The days of onset a line gives, in its sentences or as the heading of the untimed row below it. */
function readDays(line: TextLine, next: TextLine | undefined, reference: CalendarDate | undefined) {
  const mayHead = line.raw.length <= MAX_HEADING && (next?.line === line.line + 1 || next?.line === line.line + 2);
  const mayTell = MAY_DATE_ONSET.test(line.raw);
  if (!mayHead && !mayTell) return [];
  const text = plainText(line.raw).text;
  const headed = mayHead ? headedDay(text, next!.raw, reference) : undefined;
  const days = headed ? [{ ...headed, line: next!.line }] : [];
  if (mayTell) days.push(...onsetDays(text, reference).map((d) => ({ ...d, line: line.line })));
  return days.map((d) => ({ start: d.start, end: undefined, line: d.line, text: d.text, day: true }));
}

/** Whether a sentence names something going wrong, or a secret or weakness left open. */
function namesTrouble(sentence: string): boolean {
  const families = familiesIn(sentence).families;
  return EXPOSED.test(sentence) || families.includes('symptom') || families.includes('onset');
}

/**
 * A day heading ("September 26, 2021" alone on its line) above an untimed row that names trouble ("- The nodes
 * went down after a reboot"): the row happened that day, at no time the document gives.
 */
function headedDay(text: string, nextRaw: string, reference: CalendarDate | undefined) {
  if (!isDateLine(text)) return undefined;
  // Only a line that is a date is worth reading the row below for.
  const next = plainText(nextRaw).text;
  const stamps = findStamps(next);
  if (stamps.some((s) => s.time) || !namesTrouble(sentenceAt(next, 0))) return undefined;
  const [day] = findStamps(text);
  const start = readInOrder([day], reference, undefined).get(day)!.time;
  return start === undefined ? undefined : { start, text: next };
}

/**
 * Windows stated in sentences that name something going wrong, read with the line's own date and zone, the
 * field that dates the incident, when there is one, and the first few days of onset told in prose.
 */
export function statedWindows(
  lines: readonly TextLine[],
  index: LineIndex,
  reference: CalendarDate | undefined,
  zone: Zone | undefined,
): StatedWindow[] {
  const field = incidentField(lines, index, reference, zone);
  const out: StatedWindow[] = field ? [field] : [];
  let days = 0;
  lines.forEach((line, i) => {
    if (days < MAX_DAYS && DIGIT.test(line.raw)) {
      const found = readDays(line, lines[i + 1], reference).slice(0, MAX_DAYS - days);
      out.push(...found.map((day) => ({ ...day, range: index.lineRange(day.line, 0, index.lines[day.line].length) })));
      days += found.length;
    }
    if (!MAY_STATE.test(line.raw) || !(DIGIT.test(line.raw) || DIGIT.test(lines[i + 1]?.raw ?? ''))) return;
    const own = plainText(line.raw).text;
    // A sentence wrapped between "between 09:05" and "and 09:41 UTC" is read with the line after it.
    const next = opensUnpaired(own) && lines[i + 1]?.line === line.line + 1 ? plainText(lines[i + 1].raw).text : '';
    if (!DIGIT.test(own) && !DIGIT.test(next)) return;
    const text = next ? `${own} ${next}` : own;
    if (!familiesIn(text).families.includes('symptom')) return;
    const stamps = findStamps(text);
    const read = readInOrder(stamps, reference, zone);
    // Only windows whose "between" or "from" stands on this line: one that opens on the next is read there.
    const opensHere = ([first]: [Stamp, Stamp | undefined]) =>
      text.slice(0, first.index).search(LAST_OPENER) < own.length;
    for (const [first, second] of windowPairs(text, stamps).filter(opensHere)) {
      const start = read.get(first)!;
      if (start.time === undefined || !start.hasTimeOfDay) continue;
      const endTime = second ? read.get(second)!.time : start.endTime;
      out.push({
        start: start.time,
        end: endTime,
        line: line.line,
        range: index.lineRange(line.line, line.column, line.column + line.raw.length),
        text: text.slice(first.index, (second ?? first).end),
      });
    }
  });
  return out;
}

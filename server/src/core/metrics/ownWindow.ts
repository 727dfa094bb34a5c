import type { StatedDuration } from '../model';
import { plainText } from '../parse/inline';
import type { LineIndex } from '../text/lineIndex';
import { findStamps, type Stamp } from '../time/stamps';
import { readInOrder, windowPairs } from './windows';

/**
 * A duration written beside its own window measures that window, not the incident: a phase or a severity level
 * listed as "Date: 11:30 - 20:30" then "Duration: ~9 hours", or a sentence giving both ("down for 36 minutes,
 * from 09:05 to 09:41"). `metrics/mismatch` compares such a figure with its window instead of the timeline.
 */
export interface OwnWindow {
  minutes: number;
  /** 0-based line the window is written on. */
  line: number;
  /**
   * A field beside a field ("Date: …" over "Duration: …") belongs to it; a window elsewhere on the figure's own
   * line may be another clause's ("from 14:00 to 14:30 we investigated; the outage lasted 3 hours"), so it can
   * only agree.
   */
  field: boolean;
}

const MINUTE = 60_000;
/** Without "and": outside "between", it joins two moments more often than it closes a window. */
const JOINS = /^\s*(?:-|–|—|to|until|till|through)\s*(?:about\s+|around\s+|approximately\s+|~)?$/i;
/** A labelled field: "Duration: ~9 hours", "* **Window:** 11:30 - 20:30". A few words, then a colon. */
const FIELD = /^\s*(?:[-*+]|\d+[.)])?\s*[\p{L}][\p{L}\d /()&-]{0,30}:/u;
/** How far from the figure its window may stand: the fields of one list item sit on neighbouring lines. */
const LINES_ABOVE = 2;
const LINES_BELOW = 1;

/** A window's length: its two stamps (or one with a range end) read in order, so the start's date and zone hold. */
function lengthOf(first: Stamp, second: Stamp | undefined): number | undefined {
  const read = readInOrder(second ? [first, second] : [first], undefined, undefined);
  const start = read.get(first)!;
  const end = second ? read.get(second)!.time : start.endTime;
  if (start.time === undefined || end === undefined || end <= start.time) return undefined;
  return (end - start.time) / MINUTE;
}

/** The length of the first window a line states ("11:30 - 20:30 UTC", "from 09:05 to 09:41"), in minutes. */
export function windowMinutesIn(text: string): number | undefined {
  for (const [first, second] of windowPairs(text, findStamps(text), JOINS, true)) {
    const minutes = lengthOf(first, second);
    if (minutes !== undefined) return minutes;
  }
  return undefined;
}

const isField = (text: string) => FIELD.test(text);

/**
 * The window a stated duration belongs to: on its own line, or, for a figure written as a field, in a field on a
 * neighbouring line of the same block (no blank line between).
 */
export function ownWindowOf(stated: StatedDuration, lines: LineIndex): OwnWindow | undefined {
  // Only a duration of impact measures a window; a time to detect or to resolve beside one is another figure.
  if (stated.source !== 'prose' || stated.metric !== 'impact') return undefined;
  const at = stated.range.start.line;
  const textOf = (line: number) => plainText(lines.lines[line] ?? '').text;
  const here = windowMinutesIn(textOf(at));
  if (here !== undefined) return { minutes: here, line: at, field: false };
  if (!isField(textOf(at))) return undefined;
  const neighbours = [
    ...Array.from({ length: LINES_ABOVE }, (_, k) => at - 1 - k),
    ...Array.from({ length: LINES_BELOW }, (_, k) => at + 1 + k),
  ];
  for (const line of neighbours) {
    if (line < 0 || line >= lines.lines.length) continue;
    const between = line < at ? [line + 1, at] : [at + 1, line];
    if (lines.lines.slice(between[0], between[1]).some((l) => !l.trim()) || !lines.lines[line].trim()) continue;
    const text = textOf(line);
    const minutes = isField(text) ? windowMinutesIn(text) : undefined;
    if (minutes !== undefined) return { minutes, line, field: true };
  }
  return undefined;
}

import { familiesIn } from '../metrics/features';
import { AMOUNT as AMOUNT_OF_TIME, durationMinutes } from './amounts';
import { findStamps, type Stamp } from './stamps';

/**
 * Spans a line tells from a time it gives: "between 08:00 and 10:00 UTC, then slow for the next 2 hours",
 * "at 14:10 the API was down for 40 minutes", "recovered 30 minutes later", "4 minutes (UTC 05:43)". Each
 * names an instant no clock on the page shows, the span's end, which a reader works out: the anchor plus the
 * duration. Which stamp anchors it, and how long it runs, is all this reads; resolving the anchor is the caller's.
 */
export interface StatedSpan {
  /** The stamp the span counts from; a range counts from its end ("between 08:00 and 10:00, then …"). */
  anchor: Stamp;
  minutes: number;
  /** The words that state the duration, as written. */
  text: string;
}

const AMOUNT = String.raw`${AMOUNT_OF_TIME}(?![\w])`;
const ABOUT = String.raw`(?:(?:about|around|approximately|roughly|some|~)\s*)?`;

/**
 * After the anchor: "for the next 2 hours", "lasting 30 minutes", "40 minutes later", and a bare "for 40 minutes"
 * after words of trouble ("down for 40 minutes"), unless they also say the trouble is over: "back to normal for 30
 * minutes" looks back, not forward.
 */
const AFTER_ANCHOR = new RegExp(
  String.raw`\b(?:for\s+(?:the\s+)?(?<ahead>next|following|another|a\s+further|further)\s+${ABOUT}|` +
    String.raw`(?<bare>for\s+${ABOUT})|(?:lasting|lasted|which\s+lasted)\s+${ABOUT})(?<forward>${AMOUNT})|` +
    String.raw`(?<later>${AMOUNT})\s+later\b`,
  'i',
);
/** Before the anchor: "4 minutes (UTC 05:43)", "7 minutes beginning from 05:13", "30 minutes starting at 14:10". */
const BEFORE_ANCHOR = new RegExp(
  String.raw`(?<amount>${AMOUNT})\s*(?:\(\s*|(?:beginning|starting)\s+(?:from|at)\s+)(?:at\s+)?(?:UTC|GMT|Z)?\s*$`,
  'i',
);
/** Only a line with a unit of time can state a span: most lines are skipped at once, before any parse. */
const MAY_STATE = /\d\s?(?:s|m|h|d)\b|\b(?:seconds?|secs?|minutes?|mins?|hours?|hrs?|days?)\b/i;
export const maySpan = (text: string): boolean => MAY_STATE.test(text);

/** A sentence ends at a full stop and a space; a span belongs to the sentence of its anchor (clauses included). */
const SENTENCE_END = /[.!?](?:\s|$)/;

function minutesOf(amount: string): number | undefined {
  const minutes = durationMinutes(amount);
  return minutes !== undefined && minutes > 0 && minutes <= 7 * 1440 ? minutes : undefined;
}

/** Every span a line states, each with the stamp it counts from. */
export function spansIn(text: string): StatedSpan[] {
  if (!MAY_STATE.test(text)) return [];
  const timed = findStamps(text).filter((s) => s.time);
  const out: StatedSpan[] = [];
  timed.forEach((stamp, i) => {
    const next = timed[i + 1]?.index ?? text.length;
    const rest = text.slice(stamp.end, next);
    const sentenceEnd = rest.search(SENTENCE_END);
    const after = AFTER_ANCHOR.exec(sentenceEnd < 0 ? rest : rest.slice(0, sentenceEnd));
    const said = after ? familiesIn(rest.slice(0, after.index)).families : [];
    // "Error rates back to normal for thirty minutes": trouble named, but the clause says it is over.
    const troubleBefore = said.includes('symptom') && !said.includes('recover');
    const amount = after?.groups?.bare && !troubleBefore ? undefined : (after?.groups?.forward ?? after?.groups?.later);
    const forward = amount ? minutesOf(amount) : undefined;
    if (amount && forward) out.push({ anchor: stamp, minutes: forward, text: amount });
    const previousEnd = i > 0 ? timed[i - 1].end : 0;
    const before = BEFORE_ANCHOR.exec(text.slice(previousEnd, stamp.index))?.groups?.amount;
    const backward = before ? minutesOf(before) : undefined;
    if (before && backward && !forward) out.push({ anchor: stamp, minutes: backward, text: before });
  });
  return out;
}

/** "Duration: 30m", "Event Duration 30m": a status record's field giving how long the event it records ran. */
const DURATION_FIELD = new RegExp(
  String.raw`^[\s*_|>-]*(?:(?:event|incident|outage|impact)\s+)?duration[\s*_]*[:\-–—]?[\s*_]*` +
    String.raw`${ABOUT}(?<amount>${AMOUNT})[\s*_.]*$`,
  'i',
);

/** The minutes a duration field states, or undefined when the line is not one. */
export function durationField(text: string): number | undefined {
  const amount = DURATION_FIELD.exec(text)?.groups?.amount;
  return amount ? minutesOf(amount) : undefined;
}

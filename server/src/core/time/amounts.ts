/**
 * Amounts of time as people write them: "2 hours", "1h 28m", "forty minutes", "half an hour", "1 day, 3 hours
 * and 20 minutes", "1 minute 30 seconds". One grammar and one converter, for the durations a document states
 * and for the spans a line counts from a time.
 */

const NUMBER_WORDS: Record<string, number> = {
  a: 1,
  an: 1,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
  thirty: 30,
  forty: 40,
  'forty-five': 45,
  fifty: 50,
  sixty: 60,
  ninety: 90,
};

/** A figure or a number word, with the space that follows it ("2 ", "2", "forty "). */
const NUM = String.raw`(?:\d+(?:[.,]\d+)?\s*|\b(?:an?|one|two|three|four|five|six|seven|eight|nine|ten|twelve|fifteen|twenty|thirty|forty(?:-five)?|fifty|sixty|ninety)\s+)`;
const DAYS = String.raw`(?:${NUM}(?:d|days?)\b)`;
const HOURS = String.raw`(?:${NUM}(?:h|hrs?|hours?)\b)`;
const MINUTES = String.raw`(?:${NUM}(?:m|mins?|minutes?)\b)`;
const SECONDS = String.raw`(?:${NUM}(?:s|secs?|seconds?)\b)`;
const JOIN = String.raw`(?:\s*(?:,|and)?\s*)`;

/** The source of one amount of time, largest unit first; no groups, so callers can name their own around it. */
export const AMOUNT =
  String.raw`(?:${DAYS}(?:${JOIN}${HOURS})?(?:${JOIN}${MINUTES})?|${HOURS}(?:${JOIN}${MINUTES})?` +
  String.raw`(?:${JOIN}${SECONDS})?|half\s+an\s+hour|${MINUTES}(?:${JOIN}${SECONDS})?)`;

const PART = new RegExp(String.raw`(${NUM})(d|days?|h|hrs?|hours?|m|mins?|minutes?|s|secs?|seconds?)\b`, 'g');

/** The minutes an amount of time names ("1h 28m" → 88, "1m 30s" → 1.5), or undefined when it names none. */
export function durationMinutes(value: string): number | undefined {
  const text = value.toLowerCase();
  if (/half\s+an\s+hour/.test(text)) return 30;
  let total = 0;
  let any = false;
  for (const match of text.matchAll(PART)) {
    const word = match[1].trim();
    const n = NUMBER_WORDS[word] ?? Number(word.replace(',', '.'));
    if (!Number.isFinite(n)) continue;
    const unit = match[2][0];
    total += unit === 'd' ? n * 1440 : unit === 'h' ? n * 60 : unit === 'm' ? n : n / 60;
    any = true;
  }
  return any ? total : undefined;
}

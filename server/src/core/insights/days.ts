const DAY_MS = 86_400_000;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Whether `value` is a real calendar day written YYYY-MM-DD. */
export function isDay(value: string): boolean {
  if (!ISO_DAY.test(value)) return false;
  const time = Date.parse(`${value}T00:00:00Z`);
  // Date.parse rolls "2025-02-30" over to March: a real day reads back as itself.
  return !Number.isNaN(time) && new Date(time).toISOString().startsWith(value);
}

/** Days since 1970-01-01 by day read, kept: a report asks for the same few hundred days thousands of times. */
const dayNumbers = new Map<string, number>();
const KEPT_DAYS = 20_000;

function dayNumber(day: string): number {
  let days = dayNumbers.get(day);
  if (days === undefined) {
    // Midnight UTC is a whole number of days, so the division is exact (NaN for what is not a day).
    days = Date.parse(`${day}T00:00:00Z`) / DAY_MS;
    if (dayNumbers.size >= KEPT_DAYS) dayNumbers.clear();
    dayNumbers.set(day, days);
  }
  return days;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD); negative when `to` is earlier. */
export function daysBetween(from: string, to: string): number {
  return Math.round(dayNumber(to) - dayNumber(from));
}

export function addDays(day: string, days: number): string {
  return new Date(Date.parse(`${day}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** "2025-Q1" for any day of January to March 2025. */
export function quarterOf(day: string): string {
  return `${day.slice(0, 4)}-Q${Math.floor((Number(day.slice(5, 7)) - 1) / 3) + 1}`;
}

/** A span written as days or weeks ("10d", "2w", "7"), in days; undefined when it is not one. */
export function parseSpan(value: string): number | undefined {
  const m = /^(\d+)\s*([dw]?)$/i.exec(value.trim());
  if (!m) return undefined;
  return Number(m[1]) * (m[2]?.toLowerCase() === 'w' ? 7 : 1);
}

import { wallClock } from '../core/time/wallClock';

/** Escapes text for HTML text and quoted attribute values alike. Everything we build by hand goes through this. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** "2025-04-14 09:06 UTC", or "09:06 UTC" for a time whose day the document never gives. */
export function utcLabel(epoch: number, withDate = true): string {
  const { date, time } = wallClock(epoch);
  return withDate ? `${date} ${time} UTC` : `${time} UTC`;
}

/** Times of day with no known date are placed on 1970-01-01 by the model. */
export const isUndated = (epoch: number) => epoch < 2 * 86_400_000;

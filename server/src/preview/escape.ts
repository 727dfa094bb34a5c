/** Escapes text for HTML text and quoted attribute values alike. Everything we build by hand goes through this. */
export function esc(value: unknown): string {
  return String(value).replace(/[&<>"']/g, (ch) => ESCAPES[ch]);
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/** "2025-04-14 09:06 UTC", or "09:06 UTC" for a time whose day the document never gives. */
export function utcLabel(epoch: number, withDate = true): string {
  const iso = new Date(epoch).toISOString();
  const time = iso.slice(11, 16) + (iso.slice(17, 19) === '00' ? '' : iso.slice(16, 19));
  return `${withDate ? `${iso.slice(0, 10)} ` : ''}${time} UTC`;
}

/** Times of day with no known date are placed on 1970-01-01 by the model. */
export const isUndated = (epoch: number) => epoch < 2 * 86_400_000;

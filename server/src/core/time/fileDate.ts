import type { CalendarDate } from './resolve';
import { impossibleDate } from './stamps';

/** "2023-04-05-db-failover.md", "incident_2023-04-05.md": the date a file name gives, if any. */
export function dateInFileName(uri: string): CalendarDate | undefined {
  const name = decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
  const match = /(?:^|[^\d])((?:19[7-9]|2[01]\d)\d)[-_.]?(0[1-9]|1[0-2])[-_.]?(0[1-9]|[12]\d|3[01])(?!\d)/.exec(name);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return impossibleDate(date.year, date.month, date.day) ? undefined : date;
}

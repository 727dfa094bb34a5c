import { parse } from 'csv-parse/sync';
import { isDay } from './days';
import type { IncidentRecord } from './model';

/** One row of a team's incident list (exported from a pager or incident tool). */
export interface ListedIncident {
  id: string;
  date: string;
  severity: string | undefined;
  title: string | undefined;
}

/** An incident list that cannot be read: the message names the line and what is wrong with it. */
export class IncidentListError extends Error {}

const COLUMNS = {
  id: ['id', 'incident', 'incident id', 'incident_id', 'key', 'number'],
  date: ['date', 'day', 'started', 'started at', 'started_at', 'created', 'created at', 'created_at', 'opened'],
  severity: ['severity', 'sev', 'priority'],
  title: ['title', 'name', 'summary'],
};

function columnOf(header: string[], names: string[]): number {
  return header.findIndex((cell) => names.includes(cell.trim().toLowerCase()));
}

function rows(text: string): string[][] {
  try {
    return parse(text, { skip_empty_lines: true, trim: true, bom: true, relax_column_count: true }) as string[][];
  } catch (error) {
    throw new IncidentListError((error as Error).message);
  }
}

/**
 * The incidents of a CSV file with a header row: an `id` and a `date` column are required (a few
 * common spellings are accepted), `severity` and `title` are read when present.
 */
export function parseIncidentList(text: string): ListedIncident[] {
  const [header, ...body] = rows(text);
  if (!header) throw new IncidentListError('the file is empty; expected a header row with "id" and "date"');
  const at = {
    id: columnOf(header, COLUMNS.id),
    date: columnOf(header, COLUMNS.date),
    severity: columnOf(header, COLUMNS.severity),
    title: columnOf(header, COLUMNS.title),
  };
  const missing = (['id', 'date'] as const).filter((name) => at[name] < 0);
  if (missing.length > 0) {
    throw new IncidentListError(
      `no ${missing.map((m) => `"${m}"`).join(' or ')} column in the header (${header.join(', ')})`,
    );
  }
  return body.map((row, index) => {
    const line = index + 2;
    const id = row[at.id]?.trim() ?? '';
    const date = (row[at.date] ?? '').trim().slice(0, 10);
    if (id === '') throw new IncidentListError(`row ${line}: no incident id`);
    if (!isDay(date)) throw new IncidentListError(`row ${line}: "${row[at.date] ?? ''}" is not a date (YYYY-MM-DD)`);
    const cell = (column: number) => (column >= 0 && row[column]?.trim() ? row[column].trim() : undefined);
    return { id, date, severity: cell(at.severity), title: cell(at.title) };
  });
}

/** "SEV1", "sev 1", "P1", "1" → 1; lower is more severe. Undefined for words ("high") that carry no rank. */
export function severityRank(value: string): number | undefined {
  const m = /^\s*(?:sev(?:erity)?|p)?[\s_-]*(\d)\s*$/i.exec(value);
  return m ? Number(m[1]) : undefined;
}

function mentions(incident: IncidentRecord, id: string): boolean {
  const wanted = id.toLowerCase();
  if (incident.ids.some((own) => own.toLowerCase() === wanted)) return true;
  // An id written into the file name or the title, as a whole token: "2025-03-01-INC-42-db.md".
  const token = new RegExp(`(^|[^a-z0-9])${wanted.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^a-z0-9])`);
  return token.test(incident.file.toLowerCase()) || token.test((incident.title ?? '').toLowerCase());
}

export interface UnwrittenPostmortems {
  /** Listed incidents this severe or worse need a postmortem; rows with no severity always count. */
  minSeverity: string;
  /** Listed incidents in the report's window at or above the severity. */
  considered: number;
  /** Rows whose severity has no rank ("high") are counted here and not judged. */
  unranked: number;
  incidents: ListedIncident[];
}

/** Listed incidents at or above `minSeverity` that no postmortem names by id (frontmatter, file name or title). */
export function unwrittenPostmortems(
  listed: readonly ListedIncident[],
  postmortems: readonly IncidentRecord[],
  minSeverity: string,
): UnwrittenPostmortems {
  const threshold = severityRank(minSeverity) ?? Infinity;
  const unranked = listed.filter((i) => i.severity !== undefined && severityRank(i.severity) === undefined);
  const severe = listed.filter((i) => i.severity === undefined || (severityRank(i.severity) ?? Infinity) <= threshold);
  const incidents = severe
    .filter((i) => !postmortems.some((p) => mentions(p, i.id)))
    .sort((a, b) => a.date.localeCompare(b.date) || a.id.localeCompare(b.id));
  return { minSeverity, considered: severe.length, unranked: unranked.length, incidents };
}

import { DateTime } from 'luxon';
import { analyzeText } from '../analyzer';
import { luxonZone } from './cells';
import { planMerge, type MergeOptions, type MergePlan } from './merge';
import { redactRows } from './redaction';
import type { SourceResult } from './result';
import { ImportInputError, type ImportFilter } from './types';

export interface ImportPlan extends MergePlan {
  /** Emails, tokens and credentials removed from the imported text. */
  redacted: number;
  notes: string[];
}

/** Redacts what a source read and plans its merge into the postmortem's text. */
export function planImport(text: string, source: SourceResult, options: MergeOptions = {}): ImportPlan {
  const { rows, removed } = redactRows(source.rows);
  return { ...planMerge(text, rows, options), redacted: removed, notes: source.notes };
}

/**
 * A --from / --to value as an instant: an ISO time with a zone, or a local "YYYY-MM-DD HH:MM" read in
 * the postmortem's timeline zone (UTC when it states none), or a bare day (its start; its end for --to).
 */
export function parseWindowTime(value: string, text: string, end: boolean, options: MergeOptions = {}): number {
  const trimmed = value.trim().replace(/^(\d{4}-\d{2}-\d{2}) (?=\d)/, '$1T');
  const zone = luxonZone(
    analyzeText(text, options.uri, { defaultZone: options.defaultZone }).timeline.declaredZone ?? 'UTC',
  );
  const parsed = DateTime.fromISO(trimmed, { zone, setZone: true });
  if (!parsed.isValid)
    throw new ImportInputError(`"${value}" is not a time: write 2024-03-05 14:00, 2024-03-05T14:00Z or 2024-03-05`);
  const dayOnly = /^\d{4}-\d{2}-\d{2}$/.test(trimmed);
  return (dayOnly && end ? parsed.endOf('day') : parsed).toMillis();
}

/** The incident's own window, an hour wider either side, when the postmortem gives its start and end. */
export function incidentWindow(text: string, options: MergeOptions = {}): { from: number; to: number } | undefined {
  const doc = analyzeText(text, options.uri, { defaultZone: options.defaultZone });
  const times = Object.values(doc.milestones).flatMap((m) => (m ? [m.time] : []));
  if (times.length < 2) return undefined;
  const hour = 3_600_000;
  return { from: Math.min(...times) - hour, to: Math.max(...times) + hour };
}

/** What the user asked for, as the CLI's flags and the editor's request both give it. */
export interface FilterRequest {
  from?: string;
  to?: string;
  channels?: string[];
  onlyReacted?: string;
  baseUrl?: string;
}

/**
 * The filter a request asks for. Without --from and --to, the incident's own window, an hour wider
 * either side, which `incident` returns so the caller can say which window it used.
 */
export function importFilter(
  text: string,
  request: FilterRequest,
  options: MergeOptions = {},
): { filter: ImportFilter; incident?: { from: number; to: number } } {
  const incident = request.from === undefined && request.to === undefined ? incidentWindow(text, options) : undefined;
  const filter: ImportFilter = {
    from: request.from !== undefined ? parseWindowTime(request.from, text, false, options) : incident?.from,
    to: request.to !== undefined ? parseWindowTime(request.to, text, true, options) : incident?.to,
    channels: request.channels,
    onlyReacted: request.onlyReacted,
    baseUrl: request.baseUrl,
  };
  return { filter, incident };
}

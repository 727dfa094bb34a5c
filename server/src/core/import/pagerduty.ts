import type { MilestoneKind } from '../model';
import { RowCollector, type SourceResult } from './result';
import { field, ImportInputError, parseJson, readInstant, text, type ImportFilter } from './types';

/** The milestone each kind of log entry gives (PagerDuty REST API v2, `GET /incidents/{id}/log_entries`). */
const MILESTONES: Record<string, MilestoneKind> = {
  trigger_log_entry: 'detected',
  acknowledge_log_entry: 'acknowledged',
  resolve_log_entry: 'resolved',
};

/** Who was notified how: one line per person per attempt, noise in a timeline. */
const SKIPPED = new Set(['notify_log_entry']);

/** Reads incident log entries: the API's `{ "log_entries": [...] }` response, or a bare array of entries. */
export function pagerDutyRows(source: string, name: string, filter: ImportFilter): SourceResult {
  const parsed = parseJson(source, name);
  const entries = Array.isArray(parsed) ? parsed : field(parsed, 'log_entries');
  if (!Array.isArray(entries)) {
    throw new ImportInputError(
      `${name} is not a PagerDuty log entry list (expected "log_entries", as the REST API returns)`,
    );
  }
  const collector = new RowCollector(filter, 'log entries');
  let skipped = 0;
  for (const entry of entries) {
    const type = text(field(entry, 'type'));
    if (!type || !type.endsWith('log_entry'))
      throw new ImportInputError(`${name} holds something other than log entries (type ${type ?? 'missing'})`);
    if (SKIPPED.has(type)) {
      skipped++;
      continue;
    }
    const instant = readInstant(field(entry, 'created_at'));
    if (instant === undefined) {
      collector.untimed++;
      continue;
    }
    const incident = field(entry, 'incident');
    collector.add({
      instant,
      text: text(field(entry, 'summary')) ?? type.replace(/_log_entry$/, '').replace(/_/g, ' '),
      actor: text(field(field(entry, 'agent'), 'summary')),
      link: text(field(incident, 'html_url')) ?? incidentUrl(filter.baseUrl, text(field(incident, 'id'))),
      sourceId: `pagerduty:${text(field(entry, 'id')) ?? `${type}@${instant}`}`,
      milestone: MILESTONES[type],
    });
  }
  if (skipped > 0) collector.notes.push(`${skipped} notification entries were left out`);
  return collector.finish();
}

function incidentUrl(baseUrl: string | undefined, id: string | undefined): string | undefined {
  return baseUrl && id ? `${baseUrl.replace(/\/+$/, '')}/incidents/${id}` : undefined;
}

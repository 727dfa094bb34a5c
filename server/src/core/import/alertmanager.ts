import { RowCollector, type SourceResult } from './result';
import { field, ImportInputError, parseJson, readInstant, text, type ImportFilter } from './types';

/** Alertmanager writes this for an alert still firing: no end. */
const ZERO_TIME = /^0001-01-01T/;

/**
 * Reads Alertmanager or Prometheus alerts: a webhook notification (`{ "alerts": [...] }`), a list of
 * such notifications (one JSON per line, as a receiver logs them), or the API's bare alert array.
 * Each alert gives its start, the moment it was detected, and its end, when the symptom stopped.
 */
export function alertmanagerRows(source: string, name: string, filter: ImportFilter): SourceResult {
  const alerts = readAlerts(source, name);
  const collector = new RowCollector(filter, 'alerts');
  for (const alert of alerts) {
    const labels = field(alert, 'labels');
    const annotations = field(alert, 'annotations');
    const alertName = text(field(labels, 'alertname'));
    if (!alertName && field(alert, 'startsAt') === undefined) {
      throw new ImportInputError(`${name} holds something other than alerts (no "labels.alertname" or "startsAt")`);
    }
    const summary = text(field(annotations, 'summary')) ?? text(field(annotations, 'description'));
    const what = [alertName ?? 'Alert', summary].filter(Boolean).join(': ');
    const key = text(field(alert, 'fingerprint')) ?? labelKey(labels);
    const link = text(field(alert, 'generatorURL'));
    const start = readInstant(field(alert, 'startsAt'));
    if (start === undefined) {
      collector.untimed++;
      continue;
    }
    collector.add({
      instant: start,
      text: `Alert firing: ${what}`,
      actor: 'Alertmanager',
      link,
      sourceId: `alert:${key}@${start}`,
      milestone: 'detected',
    });
    const endsAt = field(alert, 'endsAt');
    const end = typeof endsAt === 'string' && !ZERO_TIME.test(endsAt) ? readInstant(endsAt) : undefined;
    const resolved = text(field(alert, 'status')) === 'resolved';
    if (end !== undefined && end > start && resolved) {
      collector.add({
        instant: end,
        text: `Alert resolved: ${what}`,
        actor: 'Alertmanager',
        link,
        sourceId: `alert:${key}@${start}/end`,
        milestone: 'mitigated',
      });
    }
  }
  return collector.finish();
}

function readAlerts(source: string, name: string): unknown[] {
  const trimmed = source.trim();
  const documents =
    trimmed.startsWith('[') || !trimmed.includes('\n{') ? [parseJson(trimmed, name)] : jsonLines(trimmed, name);
  const alerts: unknown[] = [];
  for (const document of documents) {
    if (Array.isArray(document))
      alerts.push(
        ...document.flatMap((d) => (Array.isArray(field(d, 'alerts')) ? (field(d, 'alerts') as unknown[]) : [d])),
      );
    else if (Array.isArray(field(document, 'alerts'))) alerts.push(...(field(document, 'alerts') as unknown[]));
    else
      throw new ImportInputError(
        `${name} is not an Alertmanager notification (expected "alerts", as the webhook sends)`,
      );
  }
  return alerts;
}

function jsonLines(source: string, name: string): unknown[] {
  return source
    .split('\n')
    .filter((line) => line.trim() !== '')
    .map((line, i) => parseJson(line, `${name} line ${i + 1}`));
}

function labelKey(labels: unknown): string {
  if (labels === null || typeof labels !== 'object') return 'alert';
  return Object.entries(labels as Record<string, unknown>)
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([k, v]) => `${k}=${String(v)}`)
    .join(',');
}

import { RowCollector, type SourceResult } from './result';
import { field, ImportInputError, parseJson, text, type ImportFilter } from './types';

/**
 * Reads annotations as Grafana's HTTP API returns them (`GET /api/annotations`): an array of
 * `{ id, time, timeEnd, text, tags, login, dashboardUID, panelId }`, times in epoch milliseconds.
 * A region (timeEnd after time) gives a row for its start and one for its end.
 */
export function grafanaRows(source: string, name: string, filter: ImportFilter): SourceResult {
  const parsed = parseJson(source, name);
  if (!Array.isArray(parsed))
    throw new ImportInputError(`${name} is not a list of Grafana annotations (expected a JSON array)`);
  const collector = new RowCollector(filter, 'annotations');
  for (const annotation of parsed) {
    if (field(annotation, 'text') === undefined && field(annotation, 'time') === undefined) {
      throw new ImportInputError(`${name} holds something other than annotations (no "time" or "text")`);
    }
    const time = field(annotation, 'time');
    if (typeof time !== 'number' || !Number.isFinite(time) || time <= 0) {
      collector.untimed++;
      continue;
    }
    const id = String(field(annotation, 'id') ?? time);
    const tags = field(annotation, 'tags');
    const tagText =
      Array.isArray(tags) && tags.length > 0 ? ` (${tags.filter((t) => typeof t === 'string').join(', ')})` : '';
    const body = (text(field(annotation, 'text')) ?? 'Annotation')
      .replace(/<[^>]+>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
    const link = dashboardLink(filter.baseUrl, annotation, time);
    const actor = text(field(annotation, 'login'));
    collector.add({ instant: time, text: body + tagText, actor, link, sourceId: `grafana:${id}` });
    const end = field(annotation, 'timeEnd');
    if (typeof end === 'number' && end > time) {
      collector.add({ instant: end, text: `End of: ${body}${tagText}`, actor, link, sourceId: `grafana:${id}/end` });
    }
  }
  return collector.finish();
}

/** The dashboard around the annotation, when the Grafana address is known and the annotation belongs to one. */
function dashboardLink(baseUrl: string | undefined, annotation: unknown, time: number): string | undefined {
  const uid = text(field(annotation, 'dashboardUID'));
  if (!baseUrl || !uid) return undefined;
  const panel = field(annotation, 'panelId');
  const around = `from=${time - 30 * 60_000}&to=${time + 30 * 60_000}`;
  const panelPart = typeof panel === 'number' && panel > 0 ? `&viewPanel=${panel}` : '';
  return `${baseUrl.replace(/\/+$/, '')}/d/${uid}?${around}${panelPart}`;
}

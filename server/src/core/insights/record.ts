import type { MetricName, MilestoneConfidence, MilestoneKind, PostmortemDocument } from '../model';
import { findService, type ServiceCatalog } from '../catalog/catalog';
import { causeText, keyTerms } from './causeTerms';
import type { ActionRecord, DurationRecord, IncidentRecord, MilestoneRecord } from './model';

const METRICS: MetricName[] = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];
const CONFIDENCE_ORDER: MilestoneConfidence[] = ['low', 'high', 'marked'];

/** Whether `confidence` is at least `minimum` (marked > high > low). */
export function atLeast(confidence: MilestoneConfidence, minimum: MilestoneConfidence): boolean {
  return CONFIDENCE_ORDER.indexOf(confidence) >= CONFIDENCE_ORDER.indexOf(minimum);
}

function weaker(a: MilestoneConfidence, b: MilestoneConfidence): MilestoneConfidence {
  return atLeast(a, b) ? b : a;
}

/** A frontmatter value as a list of strings: YAML lists, comma-separated text or one scalar. */
function stringList(value: unknown): string[] {
  if (Array.isArray(value)) return value.flatMap(stringList);
  if (typeof value === 'string')
    return value
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== '');
  if (typeof value === 'number') return [String(value)];
  return [];
}

function text(value: unknown): string | undefined {
  if (typeof value === 'string' && value.trim() !== '') return value.trim();
  if (typeof value === 'number') return String(value);
  return undefined;
}

const DAY = /(\d{4}-\d{2}-\d{2})/;

function incidentDate(data: Record<string, unknown>, file: string): string | undefined {
  const value = data.date;
  if (value instanceof Date && !Number.isNaN(value.getTime())) return value.toISOString().slice(0, 10);
  const fromField = typeof value === 'string' ? DAY.exec(value)?.[1] : undefined;
  const fromName = DAY.exec(file.split('/').pop() ?? '')?.[1];
  return [fromField, fromName].find((day) => day !== undefined && !Number.isNaN(Date.parse(day)));
}

/** Status words as the frontmatter rules compare them, so "In review" and "review" are one status. */
export function normaliseStatus(value: unknown): string | undefined {
  const raw = text(value);
  return raw
    ?.toLowerCase()
    .replace(/[\s_]+/g, '-')
    .replace(/^review$/, 'in-review');
}

function durations(doc: PostmortemDocument): DurationRecord[] {
  return METRICS.map((metric) => {
    const measured = doc.metrics[metric];
    const from = doc.milestones[measured.definition.from];
    const to = doc.milestones[measured.definition.to];
    const confidence = from && to ? weaker(from.confidence, to.confidence) : undefined;
    return { metric, minutes: measured.minutes, confidence };
  });
}

function milestones(doc: PostmortemDocument): MilestoneRecord[] {
  return (Object.keys(doc.milestones) as MilestoneKind[]).flatMap((kind) => {
    const found = doc.milestones[kind];
    return found ? [{ kind, time: found.time, confidence: found.confidence, line: found.line + 1 }] : [];
  });
}

function actionItems(doc: PostmortemDocument): ActionRecord[] {
  return doc.actionItems.map((item) => ({
    action: item.action.text,
    owner: text(item.owner?.text),
    due: item.dueDate,
    state: item.state,
    ticket: text(item.ticket?.text),
    line: item.range.start.line + 1,
  }));
}

/** The owners and systems the catalog gives the services, each once, sorted. */
function fromCatalog(services: readonly string[], catalog: ServiceCatalog | undefined) {
  const entities = catalog ? services.flatMap((s) => findService(catalog, s) ?? []) : [];
  const distinct = (values: (string | undefined)[]) =>
    [...new Set(values.filter((v): v is string => v !== undefined))].sort();
  return { owners: distinct(entities.map((e) => e.owner)), systems: distinct(entities.map((e) => e.system)) };
}

/** The insights view of one analysed postmortem; `file` is the path as shown to the user. */
export function incidentRecord(doc: PostmortemDocument, file: string, catalog?: ServiceCatalog): IncidentRecord {
  const data = doc.frontmatter?.data ?? {};
  const services = stringList(data.services ?? data.service);
  return {
    file,
    date: incidentDate(data, file),
    title: text(data.title),
    severity: text(data.severity),
    status: normaliseStatus(data.status),
    services,
    ...fromCatalog(services, catalog),
    teams: stringList(data.teams ?? data.team),
    tags: stringList(data.tags),
    ids: stringList([data.id, data.incident, data.incident_id, data.incidents].filter((v) => v !== undefined)),
    causeTerms: keyTerms(causeText(doc)),
    milestones: milestones(doc),
    durations: durations(doc),
    actionItems: actionItems(doc),
  };
}

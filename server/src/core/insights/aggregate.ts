import type { MetricName, MilestoneConfidence } from '../model';
import { atLeast } from './record';
import { Collation } from './collation';
import { addDays, daysBetween, quarterOf } from './days';
import type { ActionRecord, IncidentRecord, SkippedFile } from './model';
import { mean, median, percentileOfSorted } from './percentile';
import type { Slo } from '../config/slos';
import { errorBudgets, type ErrorBudgets } from './errorBudget';
import { unwrittenPostmortems, type ListedIncident, type UnwrittenPostmortems } from './incidentList';
import { groupsByName, recurring, type Recurring, type RecurringGroup } from './recurring';

export type GroupBy = 'service' | 'severity' | 'team' | 'quarter' | 'owner' | 'system';

export interface ReportOptions {
  /** The day the report is made for (YYYY-MM-DD): ages and overdue items count from it. */
  today: string;
  since?: string;
  until?: string;
  groupBy: GroupBy;
  /** Durations count only when both their milestones are at least this sure. */
  minConfidence: Exclude<MilestoneConfidence, 'marked'>;
  staleAfterDays: number;
  dueWithinDays: number;
  /** With an incident list: listed incidents this severe or worse need a postmortem (default SEV2). */
  minSeverity?: string;
}

/** What the report reads beside the postmortems, when given. */
export interface ReportInputs {
  incidentList?: readonly ListedIncident[];
  /** Objectives by service: with any, the report has an error-budget section. */
  slos?: Readonly<Record<string, Slo>>;
  /** Percent of a four-week budget above which an incident crosses the policy (default 20). */
  budgetThresholdPercent?: number;
}

export interface DurationStats {
  count: number;
  /** Minutes. */
  median: number | undefined;
  p90: number | undefined;
  mean: number | undefined;
}

export type MetricStats = Record<MetricName, DurationStats>;

export interface ItemRef {
  file: string;
  line: number;
  action: string;
  owner: string | undefined;
  due: string | undefined;
  ticket: string | undefined;
}

export interface InsightsReport {
  version: 1;
  options: ReportOptions;
  postmortems: number;
  skipped: SkippedFile[];
  incidents: { period: string; total: number; bySeverity: Record<string, number>; byService: Record<string, number> }[];
  durations: {
    percentile: 'linear interpolation between closest ranks (R-7)';
    leftOut: Record<MetricName, { belowConfidence: number; missing: number }>;
    overall: MetricStats;
    byPeriod: { period: string; metrics: MetricStats }[];
    byGroup: { group: string; metrics: MetricStats }[];
  };
  actionItems: {
    total: number;
    open: number;
    done: number;
    overdue: number;
    untracked: number;
    medianOpenAgeDays: number | undefined;
    completionRate: number | undefined;
    byPeriod: { period: string; total: number; done: number; completionRate: number | undefined }[];
    byOwner: {
      owner: string;
      total: number;
      done: number;
      open: number;
      overdue: number;
      completionRate: number | undefined;
    }[];
    oldestOpen: (ItemRef & { ageDays: number })[];
  };
  recurring: Recurring;
  /** Incidents by the catalog's owner and system of their services; present when any service is in a catalog. */
  catalog?: { byOwner: RecurringGroup[]; bySystem: RecurringGroup[] };
  /** Present only when an objective is configured. */
  errorBudget?: ErrorBudgets;
  /** Present only when an incident list was given. */
  unwritten?: UnwrittenPostmortems;
  stale: { file: string; status: string; date: string; ageDays: number }[];
  dueSoon: {
    withinDays: number;
    overdue: number;
    byOwner: { owner: string; items: (ItemRef & { daysLeft: number })[] }[];
  };
}

const METRICS: MetricName[] = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];
const NONE = '(none)';
export const DEFAULT_MIN_SEVERITY = 'SEV2';
const NO_OWNER = '(no owner)';
const OLDEST_SHOWN = 10;
const STALE_STATUSES = new Set(['draft', 'in-review']);

const dayOf = (incident: IncidentRecord) => incident.date!;
const isDone = (item: ActionRecord) => item.state === 'done';
/** Minutes to two decimals: enough for any reader, and free of floating-point noise like 102.00000000000001. */
const hundredths = (value: number | undefined) => (value === undefined ? undefined : Math.round(value * 100) / 100);
const rate = (done: number, total: number) => (total === 0 ? undefined : done / total);

function groupsOf(incident: IncidentRecord, by: GroupBy): string[] {
  if (by === 'quarter') return [quarterOf(dayOf(incident))];
  if (by === 'severity') return [incident.severity ?? NONE];
  const names = { service: incident.services, team: incident.teams, owner: incident.owners, system: incident.systems }[
    by
  ];
  return names.length > 0 ? names : [NONE];
}

function bucket<T>(items: readonly T[], keysOf: (item: T) => string[]): Map<string, T[]> {
  const buckets = new Map<string, T[]>();
  for (const item of items) {
    for (const key of keysOf(item)) {
      const list = buckets.get(key);
      if (list) list.push(item);
      else buckets.set(key, [item]);
    }
  }
  return new Map([...buckets].sort(([a], [b]) => a.localeCompare(b)));
}

function count(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Each incident's minutes per metric (in METRICS order), where both milestones are sure enough. */
type SureMinutes = Map<IncidentRecord, (number | undefined)[]>;

/** Read once per report: the overall, per-period and per-group figures all read the same durations. */
function sureMinutesOf(incidents: readonly IncidentRecord[], minimum: MilestoneConfidence): SureMinutes {
  const sure: SureMinutes = new Map();
  const ofIncident = sureMinutesByConfidence[minimum];
  for (const incident of incidents) sure.set(incident, ofIncident(incident));
  return sure;
}

/**
 * What a report reads of one incident, kept while the record lives: the server's records of
 * unchanged files are the same objects from one report to the next, so a save re-reads only one.
 */
function perIncident<T>(read: (incident: IncidentRecord) => T): (incident: IncidentRecord) => T {
  const kept = new WeakMap<IncidentRecord, T>();
  return (incident) => {
    let value = kept.get(incident);
    if (value === undefined) {
      value = read(incident);
      kept.set(incident, value);
    }
    return value;
  };
}

const sureMinutesAbove = (minimum: MilestoneConfidence) =>
  perIncident((incident) =>
    METRICS.map((metric) => {
      const d = incident.durations.find((x) => x.metric === metric);
      return d?.minutes !== undefined && d.confidence && atLeast(d.confidence, minimum) ? d.minutes : undefined;
    }),
  );

const sureMinutesByConfidence: Record<MilestoneConfidence, (incident: IncidentRecord) => (number | undefined)[]> = {
  low: sureMinutesAbove('low'),
  high: sureMinutesAbove('high'),
  marked: sureMinutesAbove('marked'),
};

function metricStats(incidents: readonly IncidentRecord[], sure: SureMinutes): MetricStats {
  const minutesOf: number[][] = METRICS.map(() => []);
  for (const incident of incidents) {
    const row = sure.get(incident)!;
    for (let m = 0; m < METRICS.length; m++) if (row[m] !== undefined) minutesOf[m]!.push(row[m]!);
  }
  const stats = {} as MetricStats;
  for (const [m, metric] of METRICS.entries()) {
    const minutes = minutesOf[m]!;
    // Sorted once, as numbers in a typed array; the mean adds in incident order.
    const sorted = new Float64Array(minutes).sort();
    stats[metric] = {
      count: minutes.length,
      median: hundredths(percentileOfSorted(sorted, 50)),
      p90: hundredths(percentileOfSorted(sorted, 90)),
      mean: hundredths(mean(minutes)),
    };
  }
  return stats;
}

/** Each incident's durations in METRICS order. */
const durationsOf = perIncident((incident) =>
  METRICS.map((metric) => incident.durations.find((d) => d.metric === metric)),
);

function leftOut(
  incidents: readonly IncidentRecord[],
  minimum: MilestoneConfidence,
): InsightsReport['durations']['leftOut'] {
  const below = METRICS.map(() => 0);
  const missing = METRICS.map(() => 0);
  for (const incident of incidents) {
    for (const [m, d] of durationsOf(incident).entries()) {
      if (d?.minutes === undefined || !d.confidence) missing[m]!++;
      else if (!atLeast(d.confidence, minimum)) below[m]!++;
    }
  }
  const result = {} as InsightsReport['durations']['leftOut'];
  for (const [m, metric] of METRICS.entries()) result[metric] = { belowConfidence: below[m]!, missing: missing[m]! };
  return result;
}

interface PlacedItem extends ActionRecord {
  file: string;
  date: string;
}

/** Every action item with its postmortem's file and day, made once for the figures and the reminders. */
function placedItems(incidents: readonly IncidentRecord[]): PlacedItem[] {
  return incidents.flatMap(placedItemsOf);
}

// Written out field by field, every placed item has one shape, which keeps reading them fast.
const placedItemsOf = perIncident((i): PlacedItem[] =>
  i.actionItems.map((a) => ({
    action: a.action,
    owner: a.owner,
    due: a.due,
    state: a.state,
    ticket: a.ticket,
    line: a.line,
    file: i.file,
    date: dayOf(i),
  })),
);

/** Items sorted by `first` (a day), then file, then line. */
const sortItems = <T extends PlacedItem>(items: readonly T[], first: (item: T) => string, order: Collation) =>
  order.sorted(
    items,
    (item) => [first(item), item.file],
    (a, b) => a.line - b.line,
  );

/** Items by their postmortem's day, then file, then line: the order sortItems gives by day. */
const byDayFileLine =
  (order: Collation) =>
  (a: PlacedItem, b: PlacedItem): number =>
    order.compare(a.date, b.date) || order.compare(a.file, b.file) || a.line - b.line;

/**
 * The first `count` of `items` in a stable sort by `compare`, without sorting them all: each item
 * goes after the kept ones it does not precede, and displaces the last only when it precedes it.
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && (count === 0 || compare(item, kept[count - 1]!) >= 0)) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

function itemRef(item: PlacedItem): ItemRef {
  return {
    file: item.file,
    line: item.line,
    action: item.action,
    owner: item.owner,
    due: item.due,
    ticket: item.ticket,
  };
}

/** One ranking of every file, day and due date the report sorts by (see collation.ts). */
function reportCollation(incidents: readonly IncidentRecord[]): Collation {
  const values: string[] = [];
  for (const incident of incidents) {
    values.push(incident.file, dayOf(incident));
    for (const item of incident.actionItems) if (item.due !== undefined) values.push(item.due);
  }
  return Collation.covering(values);
}

function actionItemFigures(
  incidents: readonly IncidentRecord[],
  today: string,
  order: Collation,
  items = placedItems(incidents),
): InsightsReport['actionItems'] {
  const open = items.filter((item) => !isDone(item));
  const overdue = (item: PlacedItem) => !isDone(item) && item.due !== undefined && item.due < today;
  const done = items.length - open.length;
  const byPeriod = [...bucket(items, (item) => [quarterOf(item.date)])].map(([period, list]) => {
    const finished = list.filter(isDone).length;
    return { period, total: list.length, done: finished, completionRate: rate(finished, list.length) };
  });
  const byOwner = [...bucket(items, (item) => [item.owner ?? NO_OWNER])].map(([owner, list]) => {
    const finished = list.filter(isDone).length;
    const notDone = list.length - finished;
    return {
      owner,
      total: list.length,
      done: finished,
      open: notDone,
      overdue: list.filter(overdue).length,
      completionRate: rate(finished, list.length),
    };
  });
  const oldestOpen = firstInOrder(open, OLDEST_SHOWN, byDayFileLine(order)).map((item) => ({
    ...itemRef(item),
    ageDays: daysBetween(item.date, today),
  }));
  return {
    total: items.length,
    open: open.length,
    done,
    overdue: items.filter(overdue).length,
    untracked: open.filter((item) => item.ticket === undefined).length,
    medianOpenAgeDays: median(open.map((item) => daysBetween(item.date, today))),
    completionRate: rate(done, items.length),
    byPeriod,
    byOwner,
    oldestOpen,
  };
}

function staleDrafts(
  incidents: readonly IncidentRecord[],
  options: ReportOptions,
  order: Collation,
): InsightsReport['stale'] {
  return incidents
    .filter((i) => i.status !== undefined && STALE_STATUSES.has(i.status))
    .map((i) => ({ file: i.file, status: i.status!, date: dayOf(i), ageDays: daysBetween(dayOf(i), options.today) }))
    .filter((s) => s.ageDays > options.staleAfterDays)
    .sort((a, b) => b.ageDays - a.ageDays || order.compare(a.file, b.file));
}

/** Open items with a due date within the window from today, overdue ones included, by owner. */
export function dueSoon(
  incidents: readonly IncidentRecord[],
  today: string,
  withinDays: number,
  order = reportCollation(incidents),
  placed = placedItems(incidents),
): InsightsReport['dueSoon'] {
  const last = addDays(today, withinDays);
  const items = sortItems(
    placed.filter((item) => !isDone(item) && item.due !== undefined && item.due <= last),
    (item) => item.due!,
    order,
  );
  const byOwner = [...bucket(items, (item) => [item.owner ?? NO_OWNER])].map(([owner, list]) => ({
    owner,
    items: list.map((item) => ({ ...itemRef(item), daysLeft: daysBetween(today, item.due!) })),
  }));
  return { withinDays, overdue: items.filter((item) => item.due! < today).length, byOwner };
}

/** Only the incidents whose day lies within `since`..`until`, both inclusive. */
export function inWindow(incidents: readonly IncidentRecord[], since?: string, until?: string): IncidentRecord[] {
  return incidents.filter((i) => (!since || dayOf(i) >= since) && (!until || dayOf(i) <= until));
}

/** The aggregate figures over incidents that all have a date (the collector sets the others aside). */
export function buildReport(
  all: readonly IncidentRecord[],
  skipped: readonly SkippedFile[],
  options: ReportOptions,
  inputs: ReportInputs = {},
): InsightsReport {
  const incidents = inWindow(all, options.since, options.until);
  const periods = bucket(incidents, (i) => [quarterOf(dayOf(i))]);
  const order = reportCollation(incidents);
  const sure = sureMinutesOf(incidents, options.minConfidence);
  const items = placedItems(incidents);
  return {
    version: 1,
    options,
    postmortems: incidents.length,
    skipped: [...skipped],
    incidents: [...periods].map(([period, list]) => ({
      period,
      total: list.length,
      bySeverity: count(list.map((i) => i.severity ?? NONE)),
      byService: count(list.flatMap((i) => (i.services.length > 0 ? i.services : [NONE]))),
    })),
    durations: {
      percentile: 'linear interpolation between closest ranks (R-7)',
      leftOut: leftOut(incidents, options.minConfidence),
      overall: metricStats(incidents, sure),
      byPeriod: [...periods].map(([period, list]) => ({ period, metrics: metricStats(list, sure) })),
      byGroup: [...bucket(incidents, (i) => groupsOf(i, options.groupBy))].map(([group, list]) => ({
        group,
        metrics: metricStats(list, sure),
      })),
    },
    actionItems: actionItemFigures(incidents, options.today, order, items),
    recurring: recurring(incidents, order),
    ...(incidents.some((i) => i.owners.length + i.systems.length > 0) && {
      catalog: {
        byOwner: groupsByName(incidents, (i) => i.owners, 1, order),
        bySystem: groupsByName(incidents, (i) => i.systems, 1, order),
      },
    }),
    ...(inputs.slos &&
      Object.keys(inputs.slos).length > 0 && {
        errorBudget: errorBudgets(incidents, inputs.slos, {
          today: options.today,
          minConfidence: options.minConfidence,
          thresholdPercent: inputs.budgetThresholdPercent,
        }),
      }),
    ...(inputs.incidentList && {
      unwritten: unwrittenPostmortems(
        inputs.incidentList.filter(
          (i) => (!options.since || i.date >= options.since) && (!options.until || i.date <= options.until),
        ),
        all,
        options.minSeverity ?? DEFAULT_MIN_SEVERITY,
      ),
    }),
    stale: staleDrafts(incidents, options, order),
    dueSoon: dueSoon(incidents, options.today, options.dueWithinDays, order, items),
  };
}

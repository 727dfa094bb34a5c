import type { MetricName, MilestoneConfidence } from '../model';
import { Collation } from './collation';
import { quarterOf } from './days';
import { leftOutOf, metricStats, sureMinutesByConfidence } from './durationFigures';
import { actionItemFigures, dueSoonFigures, mergeSorted } from './itemFigures';
import { MembersMemo } from './membersMemo';
import type { IncidentRecord, SkippedFile } from './model';
import { periodFigures, staleOrder, type PeriodFigures } from './periodFigures';
import type { ReportMemory } from './reportMemory';
import type { Slo } from '../config/slos';
import { errorBudgets, type ErrorBudgets } from './errorBudget';
import { unwrittenPostmortems, type ListedIncident, type UnwrittenPostmortems } from './incidentList';
import { groupsByName, recurring, type Recurring, type RecurringGroup } from './recurring';

export { firstInOrder } from './itemFigures';

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

const NONE = '(none)';
export const DEFAULT_MIN_SEVERITY = 'SEV2';

const dayOf = (incident: IncidentRecord) => incident.date!;

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

/** The file, day and due dates of one incident: what the report sorts it and its items by. */
function sortedBy(incident: IncidentRecord): string[] {
  const values = [incident.file, dayOf(incident)];
  for (const item of incident.actionItems) if (item.due !== undefined) values.push(item.due);
  return values;
}

/**
 * One ranking of every file, day and due date the report sorts by (see collation.ts). With the last
 * report's memory only the incidents it has not seen ranked are checked: after a save, one.
 */
function reportCollation(incidents: readonly IncidentRecord[], memory: ReportMemory | undefined): Collation {
  const last = memory?.collation;
  const ranked = (incident: IncidentRecord) => {
    if (!last || !last.order.ranksAll(sortedBy(incident))) return false;
    last.ranks.add(incident);
    return true;
  };
  if (last && incidents.every((incident) => last.ranks.has(incident) || ranked(incident))) return last.order;
  const order = Collation.covering(incidents.flatMap(sortedBy));
  if (memory) memory.collation = { order, ranks: new WeakSet(incidents) };
  return order;
}

/** Duration figures overall, by period and by group; a group's taken from `groups` while its records stay. */
function reportDurations(
  incidents: readonly IncidentRecord[],
  periods: readonly PeriodFigures[],
  options: ReportOptions,
  groups = new MembersMemo<MetricStats>(),
): InsightsReport['durations'] {
  const sure = sureMinutesByConfidence[options.minConfidence];
  const key = `${options.minConfidence}\n${options.groupBy}`;
  return {
    percentile: 'linear interpolation between closest ranks (R-7)',
    leftOut: leftOutOf(periods.map((p) => p.leftOut)),
    overall: metricStats(incidents, sure),
    byPeriod: periods.map(({ period, metrics }) => ({ period, metrics })),
    byGroup: [...bucket(incidents, (i) => groupsOf(i, options.groupBy))].map(([group, list]) => ({
      group,
      metrics: groups.get(`${key}\n${group}`, list, () => metricStats(list, sure)),
    })),
  };
}

/** Only the incidents whose day lies within `since`..`until`, both inclusive. */
export function inWindow(incidents: readonly IncidentRecord[], since?: string, until?: string): IncidentRecord[] {
  return incidents.filter((i) => (!since || dayOf(i) >= since) && (!until || dayOf(i) <= until));
}

/**
 * The aggregate figures over incidents that all have a date (the collector sets the others aside).
 * With `memory` (see ReportMemory), what the last report figured of unchanged records is reused.
 */
export function buildReport(
  all: readonly IncidentRecord[],
  skipped: readonly SkippedFile[],
  options: ReportOptions,
  inputs: ReportInputs = {},
  memory?: ReportMemory,
): InsightsReport {
  memory?.nextRound();
  const incidents = inWindow(all, options.since, options.until);
  const order = reportCollation(incidents, memory);
  const periods = periodFigures(
    bucket(incidents, (i) => [quarterOf(dayOf(i))]),
    options,
    order,
    memory?.periods,
  );
  return {
    version: 1,
    options,
    postmortems: incidents.length,
    skipped: [...skipped],
    incidents: periods.map((p) => p.incidents),
    durations: reportDurations(incidents, periods, options, memory?.groups),
    actionItems: actionItemFigures(periods, options.today, order),
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
    stale: mergeSorted(
      periods.map((p) => p.stale),
      staleOrder(order),
    ),
    dueSoon: dueSoonFigures(periods, options, order),
  };
}

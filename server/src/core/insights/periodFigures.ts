import type { InsightsReport, MetricStats, ReportOptions } from './aggregate';
import type { Collation } from './collation';
import { daysBetween } from './days';
import { leftOutCounts, metricStats, sureMinutesByConfidence, type LeftOutCounts } from './durationFigures';
import { periodItems, type PeriodItems } from './itemFigures';
import { MembersMemo } from './membersMemo';
import type { IncidentRecord } from './model';

const NONE = '(none)';
const STALE_STATUSES = new Set(['draft', 'in-review']);

type StaleRow = InsightsReport['stale'][number];

/**
 * Everything the report reads of one period's postmortems. The report's figures are these added
 * up or merged, so a save figures again only the period of the postmortem saved.
 */
export interface PeriodFigures {
  period: string;
  incidents: InsightsReport['incidents'][number];
  metrics: MetricStats;
  leftOut: LeftOutCounts;
  items: PeriodItems;
  /** Drafts and reviews past their age, oldest first (then by file). */
  stale: StaleRow[];
}

function count(values: readonly string[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const value of [...values].sort()) counts[value] = (counts[value] ?? 0) + 1;
  return counts;
}

/** Oldest first, then by file. */
export const staleOrder = (order: Collation) => (a: StaleRow, b: StaleRow) =>
  b.ageDays - a.ageDays || order.compare(a.file, b.file);

function staleOf(incidents: readonly IncidentRecord[], options: ReportOptions, order: Collation): StaleRow[] {
  return incidents
    .filter((i) => i.status !== undefined && STALE_STATUSES.has(i.status))
    .map((i) => ({ file: i.file, status: i.status!, date: i.date!, ageDays: daysBetween(i.date!, options.today) }))
    .filter((s) => s.ageDays > options.staleAfterDays)
    .sort(staleOrder(order));
}

function figuresOf(
  period: string,
  incidents: readonly IncidentRecord[],
  options: ReportOptions,
  order: Collation,
): PeriodFigures {
  return {
    period,
    incidents: {
      period,
      total: incidents.length,
      bySeverity: count(incidents.map((i) => i.severity ?? NONE)),
      byService: count(incidents.flatMap((i) => (i.services.length > 0 ? i.services : [NONE]))),
    },
    metrics: metricStats(incidents, sureMinutesByConfidence[options.minConfidence]),
    leftOut: leftOutCounts(incidents, options.minConfidence),
    items: periodItems(incidents, options, order),
    stale: staleOf(incidents, options, order),
  };
}

/**
 * The figures of each period (its incidents in report order), taken from `remembered` while a period
 * holds the same records. They depend on the records and on the options named in the key, nothing
 * else: the collation only decides the order of strings localeCompare orders the same way.
 */
export function periodFigures(
  periods: ReadonlyMap<string, readonly IncidentRecord[]>,
  options: ReportOptions,
  order: Collation,
  remembered = new MembersMemo<PeriodFigures>(),
): PeriodFigures[] {
  const { today, minConfidence, staleAfterDays, dueWithinDays } = options;
  const key = JSON.stringify([today, minConfidence, staleAfterDays, dueWithinDays]);
  return [...periods].map(([period, list]) =>
    remembered.get(`${key}\n${period}`, list, () => figuresOf(period, list, options, order)),
  );
}

import type { MetricName, MilestoneConfidence } from '../model';
import type { InsightsReport, MetricStats } from './aggregate';
import type { IncidentRecord } from './model';
import { mean, percentileOfSorted } from './percentile';
import { atLeast } from './record';

export const METRICS: MetricName[] = ['ttd', 'tta', 'ttm', 'ttr', 'impact'];

/** Minutes to two decimals: enough for any reader, and free of floating-point noise like 102.00000000000001. */
export const hundredths = (value: number | undefined) =>
  value === undefined ? undefined : Math.round(value * 100) / 100;

/**
 * What a report reads of one incident, kept while the record lives: the server's records of
 * unchanged files are the same objects from one report to the next, so a save re-reads only one.
 */
export function perIncident<T>(read: (incident: IncidentRecord) => T): (incident: IncidentRecord) => T {
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

/** Each incident's minutes per metric (in METRICS order), where both milestones are sure enough. */
export type SureMinutes = (incident: IncidentRecord) => (number | undefined)[];

const sureMinutesAbove = (minimum: MilestoneConfidence): SureMinutes =>
  perIncident((incident) =>
    METRICS.map((metric) => {
      const d = incident.durations.find((x) => x.metric === metric);
      return d?.minutes !== undefined && d.confidence && atLeast(d.confidence, minimum) ? d.minutes : undefined;
    }),
  );

export const sureMinutesByConfidence: Record<MilestoneConfidence, SureMinutes> = {
  low: sureMinutesAbove('low'),
  high: sureMinutesAbove('high'),
  marked: sureMinutesAbove('marked'),
};

export function metricStats(incidents: readonly IncidentRecord[], sure: SureMinutes): MetricStats {
  const minutesOf: number[][] = METRICS.map(() => []);
  for (const incident of incidents) {
    const row = sure(incident);
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

/** Per metric (in METRICS order), how many durations were too unsure and how many lacked a milestone. */
export interface LeftOutCounts {
  below: number[];
  missing: number[];
}

export function leftOutCounts(incidents: readonly IncidentRecord[], minimum: MilestoneConfidence): LeftOutCounts {
  const below = METRICS.map(() => 0);
  const missing = METRICS.map(() => 0);
  for (const incident of incidents) {
    for (const [m, d] of durationsOf(incident).entries()) {
      if (d?.minutes === undefined || !d.confidence) missing[m]!++;
      else if (!atLeast(d.confidence, minimum)) below[m]!++;
    }
  }
  return { below, missing };
}

/** The counts of several parts added up, as the report shows them. */
export function leftOutOf(parts: readonly LeftOutCounts[]): InsightsReport['durations']['leftOut'] {
  const result = {} as InsightsReport['durations']['leftOut'];
  for (const [m, metric] of METRICS.entries()) {
    let belowConfidence = 0;
    let missing = 0;
    for (const part of parts) {
      belowConfidence += part.below[m]!;
      missing += part.missing[m]!;
    }
    result[metric] = { belowConfidence, missing };
  }
  return result;
}

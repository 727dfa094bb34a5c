import * as Plot from '@observablehq/plot';
import { parseHTML } from 'linkedom';
import type { InsightsReport } from '../core/insights/aggregate';
import { RoundMemo } from './roundMemo';

/** Charts drawn for the last report, by chart and data: after one save, a report redraws only what changed. */
const drawn = new RoundMemo<string>();

/** A chart of `rows`, drawn by `draw` unless the last report drew the same one. */
function chartOf(name: string, rows: readonly object[], draw: () => string): string {
  return drawn.get(`${name}\n${JSON.stringify(rows)}`, draw);
}

/** Plot draws into a DOM; linkedom gives it a small one, so the charts are plain SVG text at report time. */
function svgOf(options: Plot.PlotOptions): string {
  const { document } = parseHTML('<!doctype html><html><body></body></html>');
  const chart = Plot.plot({ ...options, document: document as unknown as NonNullable<Plot.PlotOptions['document']> });
  // The page's CSP allows no style attributes; the one Plot sets on a legend's figure only restates a default.
  return (chart as unknown as { outerHTML: string }).outerHTML.replace(/ style="max-width:initial"/g, '');
}

const METRICS = ['ttd', 'tta', 'ttm', 'ttr'] as const;

function incidentsBySeverity(report: InsightsReport): string | undefined {
  const rows = report.incidents.flatMap((p) =>
    Object.entries(p.bySeverity).map(([severity, count]) => ({ quarter: p.period, severity, count })),
  );
  if (rows.length === 0) return undefined;
  return chartOf('incidentsBySeverity', rows, () =>
    svgOf({
      height: 240,
      marginLeft: 40,
      x: { label: 'quarter' },
      y: { label: 'incidents', grid: true },
      color: { legend: true },
      marks: [Plot.barY(rows, { x: 'quarter', y: 'count', fill: 'severity' }), Plot.ruleY([0])],
    }),
  );
}

function mediansOverTime(report: InsightsReport): string | undefined {
  const rows = report.durations.byPeriod.flatMap((p) =>
    METRICS.flatMap((metric) => {
      const median = p.metrics[metric].median;
      return median === undefined ? [] : [{ quarter: p.period, metric: metric.toUpperCase(), minutes: median }];
    }),
  );
  if (rows.length === 0) return undefined;
  return chartOf('mediansOverTime', rows, () =>
    svgOf({
      height: 240,
      marginLeft: 50,
      x: { label: 'quarter', type: 'point' },
      y: { label: 'median minutes', grid: true, zero: true },
      color: { legend: true, domain: METRICS.map((m) => m.toUpperCase()) },
      marks: [
        Plot.line(rows, { x: 'quarter', y: 'minutes', stroke: 'metric' }),
        Plot.dot(rows, { x: 'quarter', y: 'minutes', fill: 'metric' }),
      ],
    }),
  );
}

/** The report's charts as SVG figures, each with its caption; empty when there is nothing to draw. */
export function reportCharts(report: InsightsReport): { caption: string; svg: string }[] {
  drawn.nextRound();
  const charts = [
    { caption: 'Incidents per quarter, by severity', svg: incidentsBySeverity(report) },
    { caption: 'Median time to detect, acknowledge, mitigate and resolve, per quarter', svg: mediansOverTime(report) },
  ];
  return charts.flatMap((c) => (c.svg === undefined ? [] : [{ caption: c.caption, svg: c.svg }]));
}

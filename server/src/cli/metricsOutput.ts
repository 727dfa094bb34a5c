import { METRIC_NAMES, METRIC_TITLES, formatMinutes } from '../core/metrics/durations';
import { MILESTONE_KINDS } from '../core/metrics/milestones';
import type { MetricName, MilestoneKind, PostmortemDocument } from '../core/model';

const DAY = 86_400_000;

/** ISO-8601 in UTC; a time of day alone when the document never said which day. */
export function isoTime(epoch: number, dateUnknown = false): string {
  const iso = new Date(epoch).toISOString().replace('.000Z', 'Z');
  return dateUnknown || (epoch >= 0 && epoch < 2 * DAY) ? iso.slice(11) : iso;
}

export interface MetricsReport {
  file: string;
  milestones: Record<MilestoneKind, { time: string; line: number; source: string; evidence: string } | null>;
  durations: Record<MetricName, number | null>;
  definitions: Record<MetricName, string>;
  statedDurations: { line: number; metric: string | null; minutes: number; text: string; approximate: boolean }[];
  timeline: { line: number; time: string | null; text: string; zone: string | null; confidence: string | null }[];
  problems: { line: number; column: number; severity: string; code: string; message: string }[];
}

export function metricsReport(file: string, doc: PostmortemDocument): MetricsReport {
  const milestones = {} as MetricsReport['milestones'];
  for (const kind of MILESTONE_KINDS) {
    const m = doc.milestones[kind];
    milestones[kind] = m ? { time: isoTime(m.time), line: m.line + 1, source: m.source, evidence: m.evidence } : null;
  }
  const durations = {} as MetricsReport['durations'];
  const definitions = {} as MetricsReport['definitions'];
  for (const name of METRIC_NAMES) {
    durations[name] = doc.metrics[name].minutes ?? null;
    definitions[name] = `${doc.metrics[name].definition.to} − ${doc.metrics[name].definition.from}`;
  }
  return {
    file,
    milestones,
    durations,
    definitions,
    statedDurations: doc.statedDurations.map((s) => ({
      line: s.range.start.line + 1,
      metric: s.metric ?? null,
      minutes: s.minutes,
      text: s.text,
      approximate: s.approximate,
    })),
    timeline: doc.timeline.entries.map((e) => ({
      line: e.range.start.line + 1,
      time: e.time === undefined ? null : isoTime(e.time, e.dateUnknown),
      text: e.text,
      zone: e.zone ?? null,
      confidence: e.confidence ?? null,
    })),
    problems: [...doc.problems]
      .sort((a, b) => a.range.start.line - b.range.start.line || a.range.start.character - b.range.start.character)
      .map((p) => ({
        line: p.range.start.line + 1,
        column: p.range.start.character + 1,
        severity: p.severity,
        code: p.code,
        message: p.message,
      })),
  };
}

export function printMetricsText(report: MetricsReport): void {
  const out: string[] = [report.file, '', 'Milestones'];
  for (const kind of MILESTONE_KINDS) {
    const m = report.milestones[kind];
    const found = m ? `${m.time.padEnd(21)} line ${String(m.line).padEnd(5)} ${m.source}: ${m.evidence}` : '—';
    out.push(`  ${kind.padEnd(13)} ${found}`);
  }
  out.push('', 'Durations');
  for (const name of METRIC_NAMES) {
    const minutes = report.durations[name];
    const value = minutes === null ? '—' : formatMinutes(minutes);
    out.push(`  ${METRIC_TITLES[name].padEnd(20)} ${value.padEnd(10)} (${report.definitions[name]})`);
  }
  if (report.statedDurations.length > 0) {
    out.push('', 'Durations stated in the text');
    for (const s of report.statedDurations) {
      const line = `line ${String(s.line).padEnd(5)}`;
      out.push(`  ${line} ${(s.metric ?? '?').padEnd(7)} ${formatMinutes(s.minutes).padEnd(10)} "${s.text}"`);
    }
  }
  out.push('', `Timeline (${report.timeline.length} entries)`);
  for (const e of report.timeline) {
    const text = e.text.length > 70 ? e.text.slice(0, 69) + '…' : e.text;
    out.push(`  line ${String(e.line).padEnd(5)} ${(e.time ?? '(no time)').padEnd(21)} ${text}`);
  }
  if (report.problems.length > 0) {
    out.push('', 'Problems');
    for (const p of report.problems) out.push(`  ${p.line}:${p.column} ${p.severity} ${p.code} ${p.message}`);
  }
  process.stdout.write(out.join('\n') + '\n');
}

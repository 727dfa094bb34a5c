import { MarkupKind, type CancellationToken, type Hover, type HoverParams } from 'vscode-languageserver';
import { formatMinutes, METRIC_NAMES, METRIC_TITLES } from '../core/metrics/durations';
import { guessDescription } from '../core/metrics/mark';
import type { Milestone, MilestoneKind, PostmortemDocument } from '../core/model';
import { RULES_BY_ID } from '../core/rules';
import { rangeContains } from '../core/text/ranges';
import { wallClock } from '../core/time/wallClock';
import type { HindsightSettings } from '../shared/settings';
import type { AnalysedDocument } from './analysed';

/** "2025-04-14 11:06 UTC", or without the day when the document does not say it. */
function utc(epoch: number, withDate = true): string {
  const clock = wallClock(epoch);
  return `${withDate ? `${clock.date} ` : ''}${clock.time} UTC`;
}

/** The metrics a milestone takes part in, with their formulas and values. */
function metricLines(doc: PostmortemDocument, kind: MilestoneKind | undefined): string[] {
  return METRIC_NAMES.filter(
    (name) => !kind || doc.metrics[name].definition.to === kind || doc.metrics[name].definition.from === kind,
  ).map((name) => {
    const metric = doc.metrics[name];
    const value = metric.minutes === undefined ? '—' : formatMinutes(metric.minutes);
    return `| ${METRIC_TITLES[name]} | \`${metric.definition.to} − ${metric.definition.from}\` | ${value} |`;
  });
}

function milestoneAt(doc: PostmortemDocument, line: number): Milestone | undefined {
  return Object.values(doc.milestones).find((m): m is Milestone => !!m && m.line === line);
}

function milestoneLine(milestone: Milestone): string {
  const guess = guessDescription(milestone);
  const settle = `use the quick fix “Mark as ${milestone.kind}” on the right row to settle it`;
  if (guess) return `Milestone **${milestone.kind}**, ${guess}: low confidence, ${settle}`;
  const how = milestone.confidence === 'marked' ? 'marked' : 'found with high confidence';
  return `Milestone **${milestone.kind}**, ${how} from ${milestone.source}: “${milestone.evidence}”`;
}

/** The rule of the finding under the cursor, and the time, offsets and metrics of the timeline row under it. */
export function hover(
  { doc, problems }: AnalysedDocument,
  { position }: Pick<HoverParams, 'position'>,
  _settings: HindsightSettings,
  token: CancellationToken,
): Hover | null {
  if (token.isCancellationRequested) return null;
  const parts: string[] = [];

  const problem = problems.find((p) => rangeContains(p.range, position) && RULES_BY_ID.has(p.code));
  if (problem) {
    const rule = RULES_BY_ID.get(problem.code)!;
    parts.push(`**${rule.id}**: ${rule.description}\n\n${rule.rationale}`);
  }
  const timing = timingPart(doc, position.line);
  if (timing) parts.push(timing);
  return parts.length === 0 ? null : { contents: { kind: MarkupKind.Markdown, value: parts.join('\n\n---\n\n') } };
}

/** When a timeline row or milestone happened, relative to the start, and the metrics it takes part in. */
function timingPart(doc: PostmortemDocument, line: number): string | undefined {
  const entry = doc.timeline.entries.find(
    (e) => e.range.start.line <= line && e.range.end.line >= line && e.time !== undefined,
  );
  const milestone = milestoneAt(doc, line);
  if (!entry && !milestone) return undefined;
  const lines: string[] = [];
  const time = entry?.time ?? milestone!.time;
  const zone = entry?.zone ? ` (read in ${entry.zone}${entry.zoneSource ? `, from the ${entry.zoneSource}` : ''})` : '';
  lines.push(`**${utc(time, !entry?.dateUnknown)}**${zone}`);
  const start = doc.milestones.started;
  if (start && time !== start.time) {
    const offset =
      time > start.time
        ? `${formatMinutes((time - start.time) / 60000)} after`
        : `${formatMinutes((start.time - time) / 60000)} before`;
    lines.push(`${offset} the start (${utc(start.time, !entry?.dateUnknown)}, ${start.source})`);
  }
  if (milestone) lines.push(milestoneLine(milestone));
  const table = milestone
    ? ['| metric | formula | value |', '| --- | --- | --- |', ...metricLines(doc, milestone.kind)].join('\n')
    : '';
  return [...lines, table].filter(Boolean).join('\n\n');
}

import type { Recurring, RecurringGroup } from '../core/insights/recurring';
import type { DurationStats, InsightsReport, MetricStats } from '../core/insights/aggregate';

const METRIC_LABELS: [keyof MetricStats, string][] = [
  ['ttd', 'TTD'],
  ['tta', 'TTA'],
  ['ttm', 'TTM'],
  ['ttr', 'TTR'],
];

/** Minutes as "45m" or "2h 05m"; "–" when there is nothing to show. */
export function minutes(value: number | undefined): string {
  if (value === undefined) return '–';
  const rounded = Math.round(value);
  return rounded < 60 ? `${rounded}m` : `${Math.floor(rounded / 60)}h ${String(rounded % 60).padStart(2, '0')}m`;
}

export function percent(value: number | undefined): string {
  return value === undefined ? '–' : `${Math.round(value * 100)}%`;
}

/**
 * A link to a postmortem (at a line): relative to where the report was made, so it opens from a
 * Markdown viewer, the HTML page or the editor's insights view.
 */
export function fileLink(file: string, line?: number, text = line ? `${file}:${line}` : file): string {
  const label = text.replace(/([[\]\\])/g, '\\$1');
  return `[${label}](${encodeURI(file).replace(/\(/g, '%28').replace(/\)/g, '%29')}${line ? `#L${line}` : ''})`;
}
const where = (item: { file: string; line: number }) => fileLink(item.file, item.line);

/**
 * Long lists are cut in the Markdown and HTML report, which people read (and which would otherwise
 * grow with the repository); the JSON keeps every entry.
 */
export const SHOWN_PER_LIST = 10;
export const SHOWN_ROWS = 25;
function firstOf<T>(list: readonly T[], limit: number): { shown: readonly T[]; more: string } {
  if (list.length <= limit) return { shown: list, more: '' };
  return { shown: list.slice(0, limit), more: `… and ${list.length - limit} more (all in \`--format json\`)` };
}
const withMore = (rows: string[], more: string) => (more ? [...rows, more, ''] : rows);
const cell = (value: string) => value.replace(/\|/g, '\\|').replace(/\n/g, ' ');
const row = (cells: string[]) => `| ${cells.map(cell).join(' | ')} |`;
const table = (head: string[], rows: string[][]) => [row(head), row(head.map(() => '---')), ...rows.map(row), ''];
const stat = (s: DurationStats) => (s.count === 0 ? '–' : `${minutes(s.median)} / ${minutes(s.p90)} (n=${s.count})`);
const entries = (counts: Record<string, number>) =>
  Object.entries(counts)
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');

function durationRows(rows: { label: string; metrics: MetricStats }[]): string[][] {
  return rows.map(({ label, metrics }) => [label, ...METRIC_LABELS.map(([m]) => stat(metrics[m]))]);
}

function leftOutLines(report: InsightsReport): string[] {
  const minimum = report.options.minConfidence;
  return METRIC_LABELS.map(([metric, label]) => {
    const { belowConfidence, missing } = report.durations.leftOut[metric];
    return `- ${label}: ${belowConfidence} left out below ${minimum} confidence, ${missing} without both milestones`;
  });
}

function groupLines(title: string, groups: readonly RecurringGroup[]): string[] {
  if (groups.length === 0) return [];
  const lines = [`### ${title}`, ''];
  for (const group of groups) {
    const { shown, more } = firstOf(group.postmortems, SHOWN_PER_LIST);
    const files = [...shown.map((p) => `${fileLink(p.file)} (${p.date})`), ...(more ? [more] : [])].join(', ');
    const count = group.postmortems.length;
    lines.push(`- **${group.name}**: ${count} postmortem${count === 1 ? '' : 's'}: ${files}`);
  }
  return [...lines, ''];
}

function catalogMarkdown(report: InsightsReport): string[] {
  if (!report.catalog) return [];
  return [
    '## Incidents by owner and system (service catalog)',
    '',
    ...groupLines('Owners', report.catalog.byOwner),
    ...groupLines('Systems', report.catalog.bySystem),
  ];
}

function recurringMarkdown(recurring: Recurring): string[] {
  const groups = [
    ...groupLines('Services', recurring.services),
    ...groupLines('Tags', recurring.tags),
    ...groupLines('Causes (key terms of the contributing-factors, root-cause and trigger sections)', recurring.causes),
  ];
  return [
    '## Recurring services and causes',
    '',
    `What appears in ${recurring.minPostmortems} postmortems or more.`,
    '',
    ...(groups.length === 0 ? ['Nothing recurs.', ''] : groups),
  ];
}

const pct = (value: number) => `${value.toFixed(1)}%`;

function errorBudgetMarkdown(report: InsightsReport): string[] {
  const budget = report.errorBudget;
  if (!budget) return [];
  const { windowDays, thresholdPercent } = budget.policy;
  const lines = [
    '## Error budget',
    '',
    `Each incident's impact window counts as unavailability of its services. An incident crosses the policy ` +
      `when it burns more than ${thresholdPercent}% of a ${windowDays}-day budget.`,
    '',
    ...table(
      ['service', 'objective', 'budget', `burned in the window to ${report.options.today}`, 'not measured'],
      budget.services.map((s) => [
        s.service,
        `${s.objective}% over ${s.windowDays}d`,
        minutes(s.budgetMinutes),
        `${minutes(s.burnedInWindowMinutes)} (${pct(s.burnedInWindowPercent)})`,
        String(s.unmeasured),
      ]),
    ),
  ];
  const burns = budget.services.flatMap((s) => s.incidents.map((i) => ({ service: s.service, ...i })));
  if (burns.length === 0) return lines;
  const { shown, more } = firstOf(burns, SHOWN_ROWS);
  return [
    ...lines,
    ...withMore(
      table(
        ['service', 'postmortem', 'impact', 'of budget', `of ${windowDays}-day budget`, 'crosses policy'],
        shown.map((b) => [
          b.service,
          `${fileLink(b.file)} (${b.date})`,
          `${minutes(b.minutes)} (${b.window})`,
          pct(b.percentOfBudget),
          pct(b.percentOfPolicyBudget),
          b.crossesPolicy ? '**yes**' : 'no',
        ]),
      ),
      more,
    ),
  ];
}

function unwrittenMarkdown(report: InsightsReport): string[] {
  const unwritten = report.unwritten;
  if (!unwritten) return [];
  const lines = [
    `## Incidents of ${unwritten.minSeverity} or worse with no postmortem`,
    '',
    `${unwritten.incidents.length} of ${unwritten.considered} listed incidents have no postmortem naming their id` +
      (unwritten.unranked > 0 ? `; not judged, for a severity with no rank: ${unwritten.unranked}.` : '.'),
    '',
  ];
  if (unwritten.incidents.length === 0) return lines;
  const { shown, more } = firstOf(unwritten.incidents, SHOWN_ROWS);
  return [
    ...lines,
    ...withMore(
      table(
        ['incident', 'date', 'severity', 'title'],
        shown.map((i) => [i.id, i.date, i.severity ?? '–', i.title ?? '–']),
      ),
      more,
    ),
  ];
}

/** The due-soon and overdue items by owner: short enough to paste into a weekly message. */
export function dueSoonMarkdown(report: InsightsReport, perOwner = Infinity): string {
  const { withinDays, overdue, byOwner } = report.dueSoon;
  const lines = [`## Action items due within ${withinDays} days or overdue (${report.options.today})`, ''];
  if (byOwner.length === 0) lines.push('Nothing is due.', '');
  else if (overdue > 0) lines.push(`**${overdue} overdue.**`, '');
  for (const { owner, items } of byOwner) {
    lines.push(`### ${owner}`, '');
    const { shown, more } = firstOf(items, perOwner);
    for (const item of shown) {
      const when = item.daysLeft < 0 ? `**overdue by ${-item.daysLeft}d** (due ${item.due})` : `due ${item.due}`;
      lines.push(`- [ ] ${item.action}: ${when}${item.ticket ? `, ${item.ticket}` : ''} (${where(item)})`);
    }
    if (more) lines.push(`- ${more}`);
    lines.push('');
  }
  return lines.join('\n');
}

export function reportMarkdown(report: InsightsReport): string {
  const { options } = report;
  const window = [options.since && `from ${options.since}`, options.until && `until ${options.until}`].filter(Boolean);
  const lines = [
    '# Postmortem insights',
    '',
    `${report.postmortems} postmortems${window.length ? ` ${window.join(' ')}` : ''}, as of ${options.today}.`,
    '',
    ...incidentsMarkdown(report),
    ...durationsMarkdown(report),
    ...actionItemsMarkdown(report),
    ...catalogMarkdown(report),
    ...recurringMarkdown(report.recurring),
    ...errorBudgetMarkdown(report),
    ...unwrittenMarkdown(report),
    ...staleMarkdown(report),
    dueSoonMarkdown(report, SHOWN_PER_LIST),
  ];
  if (report.skipped.length > 0) {
    lines.push('## Files left out', '', ...report.skipped.map((s) => `- ${s.file}: ${s.reason}`), '');
  }
  return lines.join('\n');
}

function incidentsMarkdown(report: InsightsReport): string[] {
  return [
    '## Incidents per quarter',
    '',
    ...table(
      ['quarter', 'incidents', 'by severity', 'by service'],
      report.incidents.map((p) => [p.period, String(p.total), entries(p.bySeverity), entries(p.byService)]),
    ),
  ];
}

function durationsMarkdown(report: InsightsReport): string[] {
  const { options } = report;
  return [
    '## Time to detect, acknowledge, mitigate, resolve',
    '',
    `Median / 90th percentile in minutes, by ${report.durations.percentile}; ` +
      `only milestones of ${options.minConfidence} confidence or better.`,
    '',
    ...table(
      ['quarter', ...METRIC_LABELS.map(([, l]) => l)],
      durationRows(report.durations.byPeriod.map((p) => ({ label: p.period, metrics: p.metrics }))),
    ),
    ...table(
      [options.groupBy, ...METRIC_LABELS.map(([, l]) => l)],
      durationRows(report.durations.byGroup.map((g) => ({ label: g.group, metrics: g.metrics }))),
    ),
    ...leftOutLines(report),
    '',
  ];
}

function actionItemsMarkdown({ actionItems: items }: InsightsReport): string[] {
  return [
    '## Action items',
    '',
    `${items.total} items: ${items.done} done, ${items.open} open (${items.untracked} with no ticket), ` +
      `${items.overdue} overdue; completion ${percent(items.completionRate)}; ` +
      `median age of open items ${items.medianOpenAgeDays ?? '–'} days.`,
    '',
    ...table(
      ['quarter', 'items', 'done', 'completion'],
      items.byPeriod.map((p) => [p.period, String(p.total), String(p.done), percent(p.completionRate)]),
    ),
    ...table(
      ['owner', 'items', 'done', 'open', 'overdue', 'completion'],
      items.byOwner.map((o) => [
        o.owner,
        ...[o.total, o.done, o.open, o.overdue].map(String),
        percent(o.completionRate),
      ]),
    ),
    '### Oldest open items',
    '',
    ...table(
      ['age (days)', 'action', 'owner', 'due', 'where'],
      items.oldestOpen.map((i) => [String(i.ageDays), i.action, i.owner ?? '–', i.due ?? '–', where(i)]),
    ),
  ];
}

function staleMarkdown(report: InsightsReport): string[] {
  return [
    `## Postmortems in draft or review for more than ${report.options.staleAfterDays} days`,
    '',
    ...(report.stale.length === 0
      ? ['None.', '']
      : table(
          ['age (days)', 'status', 'postmortem'],
          report.stale.slice(0, SHOWN_ROWS).map((s) => [String(s.ageDays), s.status, fileLink(s.file)]),
        )),
    ...(report.stale.length > SHOWN_ROWS ? [firstOf(report.stale, SHOWN_ROWS).more, ''] : []),
  ];
}

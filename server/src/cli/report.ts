import { readFileSync } from 'node:fs';
import { Option, type Command } from 'commander';
import {
  buildReport,
  DEFAULT_MIN_SEVERITY,
  type GroupBy,
  type InsightsReport,
  type ReportInputs,
  type ReportOptions,
} from '../core/insights/aggregate';
import { IncidentListError, parseIncidentList, severityRank } from '../core/insights/incidentList';
import { collectIncidentsInParallel } from '../core/insights/collect';
import { RecordCache } from '../core/insights/recordCache';
import { isDay, parseSpan } from '../core/insights/days';
import { PathNotFoundError } from '../core/files/discover';
import { writeFileAtomic } from './atomicWrite';
import { UsageError } from './files';
import { reportHtml } from '../report/reportHtml';
import { dueSoonMarkdown, reportMarkdown } from '../report/reportMarkdown';

type ReportFormat = 'markdown' | 'json' | 'html';

interface ReportFlags {
  since?: string;
  until?: string;
  today?: string;
  groupBy: GroupBy;
  format: ReportFormat;
  output?: string;
  minConfidence: 'high' | 'low';
  staleAfter: string;
  dueWithin?: string;
  include?: string[];
  incidents?: string;
  minSeverity: string;
  budgetThreshold?: string;
  cache?: string;
}

const EXIT_OK = 0;
const EXIT_OVERDUE = 1;
const DEFAULT_DUE_WINDOW_DAYS = 7;

function day(value: string | undefined, flag: string): string | undefined {
  if (value !== undefined && !isDay(value)) throw new UsageError(`${flag} takes a day as YYYY-MM-DD, not "${value}"`);
  return value;
}

function span(value: string, flag: string): number {
  const days = parseSpan(value);
  if (days === undefined) throw new UsageError(`${flag} takes a number of days or weeks ("10d", "2w"), not "${value}"`);
  return days;
}

function reportOptions(flags: ReportFlags): ReportOptions {
  return {
    today: day(flags.today, '--today') ?? new Date().toISOString().slice(0, 10),
    since: day(flags.since, '--since'),
    until: day(flags.until, '--until'),
    groupBy: flags.groupBy,
    minConfidence: flags.minConfidence,
    staleAfterDays: span(flags.staleAfter, '--stale-after'),
    dueWithinDays: flags.dueWithin === undefined ? DEFAULT_DUE_WINDOW_DAYS : span(flags.dueWithin, '--due-within'),
    minSeverity: severity(flags.minSeverity),
  };
}

function severity(value: string): string {
  if (severityRank(value) === undefined)
    throw new UsageError(`--min-severity takes a ranked severity ("SEV2", "P1"), not "${value}"`);
  return value;
}

function threshold(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const percent = Number(value.replace(/%$/, ''));
  if (!(percent > 0 && percent <= 100)) throw new UsageError(`--budget-threshold takes a percentage, not "${value}"`);
  return percent;
}

function readIncidentList(flags: ReportFlags): ReportInputs {
  if (flags.incidents === undefined) return {};
  let text: string;
  try {
    text = readFileSync(flags.incidents, 'utf8');
  } catch (error) {
    throw new UsageError(`--incidents: cannot read ${flags.incidents}: ${(error as Error).message}`);
  }
  try {
    return { incidentList: parseIncidentList(text) };
  } catch (error) {
    if (error instanceof IncidentListError) throw new UsageError(`--incidents ${flags.incidents}: ${error.message}`);
    throw error;
  }
}

function render(report: InsightsReport, format: ReportFormat, remindersOnly: boolean): string {
  if (format === 'json')
    return JSON.stringify(remindersOnly ? { version: 1, dueSoon: report.dueSoon } : report, null, 2) + '\n';
  if (remindersOnly) return dueSoonMarkdown(report);
  return format === 'html' ? reportHtml(report) : reportMarkdown(report);
}

async function collect(paths: string[], include: string[] | undefined, cacheFile: string | undefined) {
  const cache = cacheFile === undefined ? undefined : new RecordCache(cacheFile);
  let collected;
  try {
    // The server bundle answers a share of the files when started again as a worker thread (see main.ts);
    // run from source there is no bundle to start, and the files are analysed in turn.
    const workerFile = __filename.endsWith('.js') ? __filename : undefined;
    collected = await collectIncidentsInParallel(paths, { include, workerFile, cache });
  } catch (error) {
    throw error instanceof PathNotFoundError ? new UsageError(error.message) : error;
  }
  try {
    cache?.save();
  } catch (error) {
    process.stderr.write(`hindsight: the cache ${cacheFile} could not be written: ${(error as Error).message}\n`);
  }
  return collected;
}

/**
 * `hindsight report`: the figures across every postmortem found. With `--due-within` it prints only
 * the items due soon or overdue, and exits 1 when any is overdue, so CI can fail on it if a team wants.
 */
export async function runReport(paths: string[], flags: ReportFlags): Promise<number> {
  const options = reportOptions(flags);
  const budgetThresholdPercent = threshold(flags.budgetThreshold);
  const incidentList = readIncidentList(flags);
  const { incidents, skipped, slos, configErrors } = await collect(paths, flags.include, flags.cache);
  for (const { file, message } of configErrors) {
    process.stderr.write(`hindsight: configuration ${file} not used (defaults apply): ${message}\n`);
  }
  const inputs = { ...incidentList, slos, budgetThresholdPercent };
  for (const file of skipped) process.stderr.write(`hindsight: skipped ${file.file}: ${file.reason}\n`);
  const report = buildReport(incidents, skipped, options, inputs);
  const remindersOnly = flags.dueWithin !== undefined;
  const text = render(report, flags.format, remindersOnly);
  if (flags.output) writeFileAtomic(flags.output, text);
  else process.stdout.write(text);
  return remindersOnly && report.dueSoon.overdue > 0 ? EXIT_OVERDUE : EXIT_OK;
}

export function addReportCommand(cli: Command): void {
  cli
    .command('report')
    .description('figures across postmortems: incidents, time to detect/acknowledge/mitigate/resolve, action items')
    .argument('[paths...]', 'files or folders', ['.'])
    .addOption(
      new Option('-f, --format <format>', 'output format').choices(['markdown', 'json', 'html']).default('markdown'),
    )
    .option('-o, --output <file>', 'write the report to a file instead of standard output')
    .option('--since <day>', 'only incidents on or after this day (YYYY-MM-DD)')
    .option('--until <day>', 'only incidents on or before this day (YYYY-MM-DD)')
    .addOption(
      new Option('--group-by <group>', 'durations per group')
        .choices(['service', 'severity', 'team', 'quarter', 'owner', 'system'])
        .default('severity'),
    )
    .addOption(
      new Option('--min-confidence <level>', 'count milestones this sure or surer')
        .choices(['high', 'low'])
        .default('high'),
    )
    .option('--stale-after <span>', 'drafts and reviews older than this are listed ("10d", "2w")', '10d')
    .option('--due-within <span>', 'print only action items due within this span or overdue; exit 1 if any is overdue')
    .option('--today <day>', 'the day ages and due dates count from (default: today, UTC)')
    .option('--incidents <file>', 'a CSV of incidents (id, date, optional severity): lists those with no postmortem')
    .option(
      '--min-severity <severity>',
      'listed incidents this severe or worse need a postmortem',
      DEFAULT_MIN_SEVERITY,
    )
    .option('--budget-threshold <percent>', 'incidents burning more of a four-week error budget are flagged', '20')
    .option('--include <glob...>', 'glob patterns for postmortems when searching folders')
    .option('--cache <file>', 'keep analysed postmortems in this file by content; later runs skip unchanged ones')
    .action(async (paths: string[], flags: ReportFlags) => {
      process.exitCode = await runReport(paths, flags);
    });
}

import { Option, type Command } from 'commander';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { loadConfig } from '../core/config/load';
import { applyEdit } from '../core/import/merge';
import { importFilter, planImport, type ImportPlan } from '../core/import/plan';
import { IMPORT_SOURCES, ImportInputError, type ImportFilter, type ImportSource } from '../core/import/types';
import { readSource } from '../import/readSource';
import { writeFileAtomic } from './atomicWrite';
import { UsageError } from './files';

interface ImportFlags {
  into: string;
  from?: string;
  to?: string;
  channel?: string[];
  onlyReacted?: string;
  baseUrl?: string;
  map?: string;
  paths?: string[];
  dryRun?: boolean;
}

export function addImportCommand(cli: Command): void {
  cli
    .command('import')
    .description("add rows to a postmortem's timeline from an export: chat, pages, commits, annotations, alerts, CSV")
    .addArgument(cli.createArgument('<source>', 'where the export comes from').choices(IMPORT_SOURCES))
    .argument('<path>', 'the export: a file, a folder or zip (slack), a repository (git)')
    .requiredOption('--into <file>', 'the postmortem to add the rows to')
    .option('--from <time>', 'leave out what happened before this time (default: an hour before the incident)')
    .option('--to <time>', 'leave out what happened after this time (default: an hour after the incident)')
    .option('--channel <names...>', 'slack: only these channels')
    .option('--only-reacted <emoji>', 'slack: only messages with this reaction (pushpin, :star:)')
    .option('--base-url <url>', 'the workspace, PagerDuty, Grafana or repository address, for links')
    .addOption(
      new Option('--map <mapping>', 'csv/jsonl: which columns hold what ("time=When,text=What,actor=Who,link=URL")'),
    )
    .option('--paths <paths...>', 'git: only commits touching these paths')
    .option('--dry-run', 'print the rows it would add; write nothing')
    .action((source: ImportSource, path: string, flags: ImportFlags) => {
      process.exitCode = runImport(source, path, flags);
    });
}

function runImport(source: ImportSource, path: string, flags: ImportFlags): number {
  const target = flags.into;
  if (!existsSync(target) || !statSync(target).isFile())
    throw new UsageError(`--into takes an existing postmortem file, and ${target} is not one`);
  const text = readFileSync(target, 'utf8');
  const options = { uri: pathToFileURL(target).toString(), defaultZone: loadConfig(dirname(target)).config.zone };
  try {
    const filter = filterOf(text, flags, options);
    const result = readSource({ source, path, filter, mapping: flags.map, paths: flags.paths });
    const plan = planImport(text, result, options);
    for (const note of plan.notes) process.stderr.write(`note: ${note}\n`);
    if (flags.dryRun) {
      for (const { line } of plan.added) process.stdout.write(`${line}\n`);
      process.stdout.write(summary(plan, target, true));
      return 0;
    }
    if (plan.edit) writeFileAtomic(target, applyEdit(text, plan.edit));
    process.stdout.write(summary(plan, target, false));
    return 0;
  } catch (error) {
    if (error instanceof ImportInputError) throw new UsageError(`${error.message}; ${target} was left as it was`);
    throw error;
  }
}

function filterOf(text: string, flags: ImportFlags, options: { uri: string; defaultZone?: string }): ImportFilter {
  const request = { ...flags, channels: flags.channel };
  const { filter, incident } = importFilter(text, request, options);
  if (incident) {
    process.stderr.write(
      `note: importing from ${iso(incident.from)} to ${iso(incident.to)} (the incident, an hour either side); ` +
        '--from and --to choose\n',
    );
  }
  return filter;
}

const iso = (ms: number) => new Date(ms).toISOString().replace(/:00\.000Z$/, 'Z');

function summary(plan: ImportPlan, target: string, dryRun: boolean): string {
  const verb = dryRun ? 'would add' : 'added';
  const parts = [
    `${verb} ${plan.added.length} row(s) to ${target}` +
      `${plan.newTable ? ' in a new timeline table' : ''} (times in ${plan.zone})`,
  ];
  if (plan.duplicates > 0) parts.push(`${plan.duplicates} already there`);
  if (plan.redacted > 0) parts.push(`${plan.redacted} email(s) or secret(s) redacted`);
  const marked = plan.added.flatMap((a) => (a.marks ? [a.marks] : []));
  if (marked.length > 0) parts.push(`marked ${marked.join(', ')}`);
  return `${parts.join('; ')}\n`;
}

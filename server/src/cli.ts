import { Command, CommanderError, Option } from 'commander';
import { existsSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isMainThread } from 'node:worker_threads';
import { checkDocument, withConfiguredMetrics } from './core/check';
import { loadConfig, type LoadedConfig } from './core/config/load';
import { analyzeText } from './core/analyzer';
import { refusedDocument, tooLargeProblem } from './core/document';
import type { PostmortemDocument } from './core/model';
import { DEFAULT_MAX_BYTES } from './core/options';
import { collectTargets, discoverTargets, nothingFoundHint, readTarget, UsageError } from './cli/files';
import { checkReporter, type CheckFormat } from './cli/checkOutput';
import { memoryKeeper } from './cli/memory';
import { metricsReport, printMetricsText } from './cli/metricsOutput';
import { addImportCommand } from './cli/import';
import { addReportCommand } from './cli/report';
import { answerSliceJob } from './core/insights/worker';
import { exportCommand, refreshCommand, type TrackerCommandOptions } from './cli/trackerCommands';

const EXIT_OK = 0;
const EXIT_PROBLEMS = 1;
const EXIT_USAGE = 2;

function analyzeFile(path: string, loaded = loadConfig(dirname(path))): PostmortemDocument {
  const uri = pathToFileURL(path).toString();
  const read = readTarget(path, DEFAULT_MAX_BYTES);
  if ('tooLarge' in read) return refusedDocument(uri, 0, '', tooLargeProblem(read.tooLarge, DEFAULT_MAX_BYTES));
  return analyzeText(read.text, uri, { defaultZone: loaded.config.zone });
}

/** The configuration of each folder, looked up once per run: a tree's files mostly share a few folders. */
function configPerFolder(): (folder: string) => LoadedConfig {
  const loaded = new Map<string, LoadedConfig>();
  return (folder) => {
    let config = loaded.get(folder);
    if (!config) loaded.set(folder, (config = loadConfig(folder)));
    return config;
  };
}

/**
 * Checks each postmortem as the walk finds it and hands its findings on at once, so that only
 * one analysed document is held at a time however large the tree.
 */
function checkPaths(paths: string[], include: string[] | undefined, format: CheckFormat): number {
  const reporter = checkReporter(format);
  const configFor = configPerFolder();
  const keepMemoryDown = memoryKeeper();
  let found = 0;
  let skipped = 0;
  for (const target of discoverTargets(paths, include, process.cwd(), () => skipped++)) {
    const loaded = configFor(dirname(target.path));
    const problems = checkDocument(analyzeFile(target.path, loaded), loaded);
    reporter.file({ target, problems });
    found++;
    keepMemoryDown();
  }
  const errors = reporter.finish();
  if (found === 0 && skipped > 0) process.stderr.write(nothingFoundHint(skipped, include));
  return errors;
}

function program(): Command {
  const cli = new Command('hindsight')
    .description('Checks incident postmortems written in Markdown: frontmatter, timeline, milestones and durations.')
    .version(process.env.HINDSIGHT_VERSION ?? '0.1.0')
    .exitOverride()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) });

  cli
    .command('check')
    .description(
      'report problems in postmortems (files, or folders searched for postmortems; default: the current folder)',
    )
    .argument('[paths...]', 'files or folders', ['.'])
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json', 'sarif']).default('text'))
    .option('--include <glob...>', 'glob patterns for postmortems when searching folders')
    .action((paths: string[], options: { format: CheckFormat; include?: string[] }) => {
      const errors = checkPaths(paths, options.include, options.format);
      process.exitCode = errors > 0 ? EXIT_PROBLEMS : EXIT_OK;
    });

  cli
    .command('metrics')
    .description("show a postmortem's milestones, where each was found, and the durations computed from them")
    .argument('<file>', 'a postmortem')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
    .action((file: string, options: { format: 'text' | 'json' }) => {
      if (existsSync(file) && !statSync(file).isFile())
        throw new UsageError(`metrics takes one file, and ${file} is a folder`);
      const [target] = collectTargets([file], undefined);
      if (!target) throw new UsageError(`not a file: ${file}`);
      const loaded = loadConfig(dirname(target.path));
      const document = withConfiguredMetrics(analyzeFile(target.path, loaded), loaded);
      const report = metricsReport(target.display, document);
      if (options.format === 'json') process.stdout.write(JSON.stringify(report, null, 2) + '\n');
      else printMetricsText(report);
      process.exitCode = document.problems.some((p) => p.severity === 'error') ? EXIT_PROBLEMS : EXIT_OK;
    });

  const trackerCommand = (name: string, description: string, run: typeof exportCommand) =>
    cli
      .command(name)
      .description(description)
      .argument('<tracker>', 'a tracker configured under "trackers" in .hindsight.json')
      .argument('<file>', 'a postmortem')
      .option('--dry-run', 'print the requests it would send (credentials redacted); send nothing, write nothing')
      .addOption(new Option('-f, --format <format>', 'output format').choices(['text', 'json']).default('text'))
      .action(async (tracker: string, file: string, options: TrackerCommandOptions) => {
        process.exitCode = await run(tracker, file, options);
      });
  trackerCommand(
    'export',
    "create tickets for the postmortem's untracked action items and write their keys into it",
    exportCommand,
  );
  addReportCommand(cli);
  addImportCommand(cli);
  trackerCommand('refresh', "read the status of the postmortem's tickets and update its Status column", refreshCommand);
  return cli;
}

export async function main(argv: string[]): Promise<void> {
  try {
    await program().parseAsync(argv, { from: 'user' });
  } catch (error) {
    if (error instanceof CommanderError) {
      process.exitCode = error.exitCode === 0 ? EXIT_OK : EXIT_USAGE;
      return;
    }
    if (error instanceof UsageError) {
      process.stderr.write(`hindsight: ${error.message}\n`);
      process.exitCode = EXIT_USAGE;
      return;
    }
    throw error;
  }
}

/** `hindsight check … | head`: whoever read the output has gone, so nobody is left to tell; stop quietly. */
function exitQuietlyWhenOutputCloses(): void {
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code !== 'EPIPE') throw error;
    process.exit(typeof process.exitCode === 'number' ? process.exitCode : EXIT_OK);
  });
}

// Started again as a worker thread by `hindsight report`, this file analyses a share of the files instead.
if (require.main === module && isMainThread) {
  exitQuietlyWhenOutputCloses();
  void main(process.argv.slice(2));
} else if (!isMainThread) answerSliceJob();

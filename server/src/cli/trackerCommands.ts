import { readFileSync } from 'node:fs';
import { redactSecrets } from '../core/secrets';
import { applyEdits } from '../core/text/edits';
import { planExport } from '../trackers/plan';
import { exportActionItems, refreshStatus } from '../trackers/run';
import { TrackerError } from '../trackers/types';
import { writeFileAtomic } from './atomicWrite';
import type { PrintedRequest } from './dryRun';
import { UsageError } from './files';
import { exportReport, printExportText, printRefreshText, refreshReport } from './trackerOutput';
import { setUpTracker, type TrackerSetup } from './trackerSetup';

export interface TrackerCommandOptions {
  dryRun?: boolean;
  format: 'text' | 'json';
}

const EXIT_OK = 0;
const EXIT_FAILED = 1;
const EXIT_USAGE = 2;

// Everything these commands print passes the one redaction: a tracker may echo the credentials back.
const stdout = (line: string) => void process.stdout.write(`${redactSecrets(line)}\n`);
const stderr = (line: string) => void process.stderr.write(`hindsight: ${redactSecrets(line)}\n`);

/** `hindsight export <tracker> FILE`: creates tickets for untracked action items and writes their keys back. */
export async function exportCommand(
  trackerName: string,
  file: string,
  options: TrackerCommandOptions,
): Promise<number> {
  return guarded(async () => {
    const setup = setUp(trackerName, file, options);
    const plan = planExport(setup.doc, { file: setup.file, documentUrl: setup.config.documentUrl });
    const run = await exportActionItems(setup.doc, setup.adapter, plan);
    if (options.dryRun) {
      if (options.format === 'text')
        stdout(
          `dry run: would create ${plan.toCreate.length}, skip ${plan.skipped.length}; nothing was sent or written`,
        );
      return EXIT_OK;
    }
    const { written, error } = writeBack(setup, run.edits);
    const report = exportReport(setup.target.display, setup.tracker.name, setup.doc, run, written);
    if (options.format === 'json') stdout(JSON.stringify(report, null, 2));
    else printExportText(report, stdout);
    if (error) stderr(error);
    return run.result.failed.length > 0 || error ? EXIT_FAILED : EXIT_OK;
  });
}

/** `hindsight refresh <tracker> FILE`: reads every ticket's state and updates the Status column. */
export async function refreshCommand(
  trackerName: string,
  file: string,
  options: TrackerCommandOptions,
): Promise<number> {
  return guarded(async () => {
    const setup = setUp(trackerName, file, options);
    const run = await refreshStatus(setup.doc, setup.adapter);
    if (options.dryRun) return EXIT_OK;
    const { written, error } = writeBack(setup, run.edits);
    const report = refreshReport(setup.target.display, setup.tracker.name, run, written);
    if (options.format === 'json') stdout(JSON.stringify(report, null, 2));
    else printRefreshText(report, stdout);
    if (error) stderr(error);
    return run.failed.length > 0 || error ? EXIT_FAILED : EXIT_OK;
  });
}

function setUp(trackerName: string, file: string, options: TrackerCommandOptions): TrackerSetup {
  const printRequest = (request: PrintedRequest) =>
    options.format === 'json' ? stdout(JSON.stringify(request)) : stdout(`would send ${request.method} ${request.url}`);
  return setUpTracker(trackerName, file, { dryRun: options.dryRun === true, printRequest });
}

/**
 * Applies every edit at once. Refuses when the file changed since it was read (the edits would land
 * in the wrong places); the report is printed either way, so created keys are never lost from view.
 */
function writeBack(setup: TrackerSetup, edits: Parameters<typeof applyEdits>[2]): { written: boolean; error?: string } {
  if (edits.length === 0) return { written: false };
  try {
    if (readFileSync(setup.target.path, 'utf8') !== setup.text) {
      return {
        written: false,
        error:
          `${setup.target.display} changed while the tracker was being updated, so it was left as it is: ` +
          'add the keys above by hand.',
      };
    }
    writeFileAtomic(setup.target.path, applyEdits(setup.text, setup.doc.lines, edits));
    return { written: true };
  } catch (error) {
    return { written: false, error: `could not write ${setup.target.display}: ${(error as Error).message}` };
  }
}

/** Configuration and credential problems exit 2; a run that failed part-way exits 1. Messages never hold a secret. */
async function guarded(command: () => Promise<number>): Promise<number> {
  try {
    return await command();
  } catch (error) {
    if (error instanceof UsageError) {
      stderr(error.message);
      return EXIT_USAGE;
    }
    if (error instanceof TrackerError) {
      stderr(error.message);
      return error.fix ? EXIT_USAGE : EXIT_FAILED;
    }
    throw error;
  }
}

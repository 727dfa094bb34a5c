import { existsSync, statSync } from 'node:fs';
import { dirname, relative, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../core/analyzer';
import type { ResolvedConfig } from '../core/config/config';
import { loadConfig } from '../core/config/load';
import type { PostmortemDocument } from '../core/model';
import { DEFAULT_MAX_BYTES } from '../core/options';
import { resolveTracker, type TrackerConfig } from '../trackers/config';
import { credentialSpecs, credentialsFromEnv } from '../trackers/credentials';
import { Http } from '../trackers/http';
import { createAdapter } from '../trackers/index';
import type { TrackerAdapter } from '../trackers/types';
import { dryRunFetch, placeholderCredentials, type PrintedRequest } from './dryRun';
import { collectTargets, readTarget, UsageError, type Target } from './files';

/** Everything a tracker command needs before it talks to the tracker. */
export interface TrackerSetup {
  target: Target;
  text: string;
  doc: PostmortemDocument;
  config: ResolvedConfig;
  tracker: TrackerConfig;
  adapter: TrackerAdapter;
  /** The postmortem's path as tickets name it: from its repository's root, else its configuration's folder. */
  file: string;
}

export interface SetupOptions {
  dryRun: boolean;
  /** Where a dry run reports each request it would have sent. */
  printRequest: (request: PrintedRequest) => void;
  env?: Record<string, string | undefined>;
}

export function setUpTracker(trackerName: string, file: string, options: SetupOptions): TrackerSetup {
  if (existsSync(file) && !statSync(file).isFile()) throw new UsageError(`${file} is a folder; name one postmortem`);
  const [target] = collectTargets([file], undefined);
  if (!target) throw new UsageError(`not a file: ${file}`);
  const read = readTarget(target.path, DEFAULT_MAX_BYTES);
  if ('tooLarge' in read)
    throw new UsageError(`${target.display} is too large to be a postmortem (${read.tooLarge} bytes)`);
  const loaded = loadConfig(dirname(target.path));
  if (loaded.error) throw new UsageError(`${loaded.error.file}: ${loaded.error.message}`);
  const tracker = resolveTracker(loaded.config, trackerName);
  const configDir = loaded.config.files[0] ? dirname(loaded.config.files[0]) : undefined;
  let credentials = credentialsFromEnv(tracker, options.env ?? process.env);
  if (options.dryRun)
    credentials = placeholderCredentials(
      credentialSpecs(tracker).map((s) => s.id),
      credentials,
    );
  const http = new Http({
    fetch: options.dryRun ? dryRunFetch(options.printRequest) : fetch,
    retries: options.dryRun ? 0 : undefined,
  });
  const adapter = createAdapter(tracker, {
    http,
    credentials,
    cwd: configDir ?? process.cwd(),
    ...(options.dryRun ? { writeFile: async () => undefined } : {}),
  });
  return {
    target,
    text: read.text,
    doc: analyzeText(read.text, pathToFileURL(target.path).toString()),
    config: loaded.config,
    tracker,
    adapter,
    file: documentPath(target.path, configDir),
  };
}

function documentPath(path: string, configDir: string | undefined): string {
  let dir = dirname(path);
  for (;;) {
    if (existsSync(`${dir}${sep}.git`)) break;
    const parent = dirname(dir);
    if (parent === dir) {
      dir = configDir ?? dirname(path);
      break;
    }
    dir = parent;
  }
  return relative(dir, path).split(sep).join('/');
}

import { statSync } from 'node:fs';
import { dirname } from 'node:path';
import { analyzeText } from '../analyzer';
import { withConfiguredMetrics } from '../check';
import { loadConfig, type LoadedConfig } from '../config/load';
import type { Slo } from '../config/slos';
import { discoverTargets, readTarget, type Target } from '../files/discover';
import { fileUri } from '../files/fileUri';
import { DEFAULT_MAX_BYTES } from '../options';
import type { IncidentRecord, SkippedFile } from './model';
import { analyseInParallel, type Analysed } from './parallel';
import { RecordCache } from './recordCache';
import { incidentRecord } from './record';

export interface Collected {
  incidents: IncidentRecord[];
  skipped: SkippedFile[];
  /** Every objective the configurations in force name; for one service the first found wins. */
  slos: Record<string, Slo>;
  /** Configuration files that could not be used (their folders fall back to the defaults), each once. */
  configErrors: { file: string; message: string }[];
}

export interface CollectOptions {
  include?: readonly string[];
  base?: string;
  maxBytes?: number;
  /** A script that, started as a worker thread, answers a share of the files (see parallel.ts). */
  workerFile?: string;
  /** Outcomes kept from earlier runs by what they were made from (see recordCache.ts); the caller saves it. */
  cache?: RecordCache;
}

export type Outcome = { record: IncidentRecord } | { skipped: SkippedFile };

/** The configurations of the folders met during one collection, and what they hold for the report. */
export class Configurations {
  private readonly byFolder = new Map<string, LoadedConfig>();
  readonly slos: Record<string, Slo> = {};
  readonly errors = new Map<string, string>();
  /** How many times a folder's configuration was asked for (a file got far enough to need it). */
  asked = 0;

  for(folder: string): LoadedConfig {
    this.asked++;
    let loaded = this.byFolder.get(folder);
    if (!loaded) {
      loaded = loadConfig(folder);
      this.byFolder.set(folder, loaded);
      if (loaded.error) this.errors.set(loaded.error.file, loaded.error.message);
      for (const [service, slo] of Object.entries(loaded.config.slos)) this.slos[service] ??= slo;
    }
    return loaded;
  }
}

export function analyse(target: Target, configs: Configurations, maxBytes: number): Outcome {
  const skip = (reason: string) => ({ skipped: { file: target.display, reason } });
  try {
    const read = readTarget(target, maxBytes);
    if ('tooLarge' in read) return skip(`too large (${read.tooLarge} bytes; the limit is ${maxBytes})`);
    const loaded = configs.for(dirname(target.path));
    const analysed = analyzeText(read.text, fileUri(target.path), { defaultZone: loaded.config.zone });
    const record = incidentRecord(withConfiguredMetrics(analysed, loaded), target.display, loaded.config.catalog);
    const yamlError = analysed.frontmatter?.errors[0];
    if (yamlError) return skip(`frontmatter unreadable: ${yamlError.message}`);
    if (!record.date) return skip('no incident date (frontmatter `date:` or file name)');
    return { record };
  } catch (error) {
    return skip(`could not be read: ${(error as Error).message}`);
  }
}

function collected(outcomes: Iterable<Outcome>, configs: Configurations): Collected {
  const incidents: IncidentRecord[] = [];
  const skipped: SkippedFile[] = [];
  for (const outcome of outcomes) {
    if ('record' in outcome) incidents.push(outcome.record);
    else skipped.push(outcome.skipped);
  }
  const configErrors = [...configs.errors].map(([file, message]) => ({ file, message }));
  return { incidents, skipped, slos: configs.slos, configErrors };
}

/**
 * Every postmortem under `paths`, found as `hindsight check` finds them and analysed with each
 * folder's configuration. A file that cannot be read or used is listed in `skipped` with its reason;
 * it never stops the walk.
 */
export function collectIncidents(paths: readonly string[], options: CollectOptions = {}): Collected {
  const configs = new Configurations();
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const outcomes: Outcome[] = [];
  const onUnreadable = (folder: string, error: Error) => outcomes.push(unreadableFolder(folder, error));
  const reports = { onUnreadable, keepText: true };
  for (const target of discoverTargets(paths, options.include, options.base, reports)) {
    outcomes.push(analyse(target, configs, maxBytes));
  }
  return collected(outcomes, configs);
}

/** Targets analysed in turn, each saying whether it read its folder's configuration. */
export function analyseSlice(targets: readonly Target[], maxBytes: number, configs = new Configurations()): Analysed[] {
  return targets.map((target) => {
    const asked = configs.asked;
    const outcome = analyse(target, configs, maxBytes);
    return { outcome, configured: configs.asked > asked };
  });
}

/**
 * As collectIncidents, with the files shared among threads when there are many (the CLI's report).
 * The result is the same: configurations are read again here in walk order, so objectives and
 * configuration errors come in the order a walk meets them.
 */
export async function collectIncidentsInParallel(
  paths: readonly string[],
  options: CollectOptions = {},
): Promise<Collected> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const targets = [...discoverTargets(paths, options.include, options.base, { keepText: true })];
  const kept = options.cache ? keptOutcomes(targets, options.cache, maxBytes) : [];
  const missing = targets.filter((_, i) => !kept[i]?.analysed);
  const here = new Configurations();
  const inParallel = options.workerFile
    ? await analyseInParallel(missing, maxBytes, (slice) => analyseSlice(slice, maxBytes, here), options.workerFile)
    : undefined;
  const fresh = inParallel ?? analyseSlice(missing, maxBytes);
  let next = 0;
  const analysed = targets.map((_, i) => {
    const known = kept[i];
    if (known?.analysed) return known.analysed;
    const made = fresh[next++]!;
    if (known?.key && cacheable(made.outcome)) options.cache!.set(known.key, made.outcome);
    return made;
  });
  const configs = new Configurations();
  for (const [i, { configured }] of analysed.entries()) if (configured) configs.for(dirname(targets[i]!.path));
  return collected(
    analysed.map((a) => a.outcome),
    configs,
  );
}

/** An outcome is kept only when the text alone decided it, not a failure to read. */
const cacheable = (outcome: Outcome) => 'record' in outcome || !outcome.skipped.reason.startsWith('could not be read');

/**
 * For each target, its kept outcome when the cache has one for its text, else the key to keep its
 * outcome under; nothing for a file too large or unreadable here, which is analysed as usual.
 */
function keptOutcomes(targets: readonly Target[], cache: RecordCache, maxBytes: number) {
  const configs = new Configurations();
  return targets.map((target): { key: string; analysed?: Analysed } | undefined => {
    try {
      const read = readTarget(target, maxBytes);
      if ('tooLarge' in read) return undefined;
      const key = RecordCache.key(read.text, target, configs.for(dirname(target.path)));
      const outcome = cache.get(key);
      return { key, analysed: outcome && { outcome, configured: true } };
    } catch {
      return undefined;
    }
  });
}

interface CachedFile {
  target: Target;
  stamp: string;
  outcome: Outcome;
}

/** A folder the walk could not read: listed with the skipped files, since its postmortems are missing. */
const unreadableFolder = (folder: string, error: Error): Outcome => ({
  skipped: { file: folder, reason: `folder cannot be read: ${error.message}` },
});

const stampOf = (path: string) => {
  const stat = statSync(path);
  return `${stat.mtimeMs}:${stat.size}`;
};

/**
 * The same collection kept between reports, for the language server: a full `refresh` walks the
 * tree again but re-analyses only files whose time or size changed; `update` re-reads only the
 * files named (a save), without a walk. One analysis per file version.
 */
export class IncidentCache {
  private files = new Map<string, CachedFile>();
  private unreadableFolders: Outcome[] = [];
  private configs = new Configurations();

  constructor(
    private readonly paths: readonly string[],
    private readonly options: CollectOptions = {},
  ) {}

  private get maxBytes(): number {
    return this.options.maxBytes ?? DEFAULT_MAX_BYTES;
  }

  private analysed(target: Target, previous: CachedFile | undefined): CachedFile {
    let stamp: string;
    try {
      stamp = stampOf(target.path);
    } catch (error) {
      return { target, stamp: '', outcome: { skipped: { file: target.display, reason: (error as Error).message } } };
    }
    if (previous && previous.stamp === stamp) return previous;
    return { target, stamp, outcome: analyse(target, this.configs, this.maxBytes) };
  }

  /** Walks the tree again; unchanged files keep their analysis. Configuration is read afresh. */
  refresh(): Collected {
    this.configs = new Configurations();
    const next = new Map<string, CachedFile>();
    const unreadable: Outcome[] = [];
    const onUnreadable = (folder: string, error: Error) => unreadable.push(unreadableFolder(folder, error));
    for (const target of discoverTargets(this.paths, this.options.include, this.options.base, { onUnreadable })) {
      next.set(target.path, this.analysed(target, this.files.get(target.path)));
    }
    this.files = next;
    this.unreadableFolders = unreadable;
    return this.collected();
  }

  /** Re-reads the files named (absolute paths) that the last walk found; a file gone is dropped. */
  update(paths: readonly string[]): Collected {
    for (const path of paths) {
      const known = this.files.get(path);
      if (!known) continue;
      try {
        statSync(path);
        this.files.set(path, this.analysed(known.target, known));
      } catch {
        this.files.delete(path);
      }
    }
    return this.collected();
  }

  /** Whether the last walk found this file (absolute path). */
  has(path: string): boolean {
    return this.files.has(path);
  }

  private collected(): Collected {
    return collected([...this.unreadableFolders, ...[...this.files.values()].map((f) => f.outcome)], this.configs);
  }
}

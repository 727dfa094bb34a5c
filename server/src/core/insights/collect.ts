import { dirname } from 'node:path';
import { pathToFileURL } from 'node:url';
import { analyzeText } from '../analyzer';
import { withConfiguredMetrics } from '../check';
import { loadConfig, type LoadedConfig } from '../config/load';
import type { Slo } from '../config/slos';
import { discoverTargets, readTarget } from '../files/discover';
import { DEFAULT_MAX_BYTES } from '../options';
import type { IncidentRecord, SkippedFile } from './model';
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
}

/**
 * Every postmortem under `paths`, found as `hindsight check` finds them and analysed with each
 * folder's configuration. A file that cannot be read or used is listed in `skipped` with its reason;
 * it never stops the walk.
 */
export function collectIncidents(paths: readonly string[], options: CollectOptions = {}): Collected {
  const incidents: IncidentRecord[] = [];
  const skipped: SkippedFile[] = [];
  const configs = new Map<string, LoadedConfig>();
  const slos: Record<string, Slo> = {};
  const configErrors = new Map<string, string>();
  const configFor = (folder: string) => {
    if (!configs.has(folder)) {
      const loaded = loadConfig(folder);
      configs.set(folder, loaded);
      if (loaded.error) configErrors.set(loaded.error.file, loaded.error.message);
      for (const [service, slo] of Object.entries(loaded.config.slos)) slos[service] ??= slo;
    }
    return configs.get(folder)!;
  };
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  for (const target of discoverTargets(paths, options.include, options.base)) {
    try {
      const read = readTarget(target.path, maxBytes);
      if ('tooLarge' in read) {
        skipped.push({ file: target.display, reason: `too large (${read.tooLarge} bytes; the limit is ${maxBytes})` });
        continue;
      }
      const loaded = configFor(dirname(target.path));
      const analysed = analyzeText(read.text, pathToFileURL(target.path).toString(), {
        defaultZone: loaded.config.zone,
      });
      const record = incidentRecord(withConfiguredMetrics(analysed, loaded), target.display, loaded.config.catalog);
      const yamlError = analysed.frontmatter?.errors[0];
      if (yamlError) skipped.push({ file: target.display, reason: `frontmatter unreadable: ${yamlError.message}` });
      else if (!record.date)
        skipped.push({ file: target.display, reason: 'no incident date (frontmatter `date:` or file name)' });
      else incidents.push(record);
    } catch (error) {
      skipped.push({ file: target.display, reason: `could not be read: ${(error as Error).message}` });
    }
  }
  const errors = [...configErrors].map(([file, message]) => ({ file, message }));
  return { incidents, skipped, slos, configErrors: errors };
}

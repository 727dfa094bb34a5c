import { createHash } from 'node:crypto';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import type { LoadedConfig } from '../config/load';
import type { Target } from '../files/discover';
import type { Outcome } from './collect';

/** The engine that made the records: its version and, run from the bundle, the bundle's own bytes. */
function engineIdentity(): string {
  const hash = createHash('sha256').update(process.env.HINDSIGHT_VERSION ?? 'source');
  try {
    hash.update(readFileSync(__filename));
  } catch {
    // No file to read: the version alone names the engine.
  }
  return hash.digest('hex');
}

let engine: string | undefined;

/** What of a folder's configuration an analysis for the report reads: the zone, the metrics, the catalog. */
const configKeys = new WeakMap<LoadedConfig, string>();

function configKey(loaded: LoadedConfig): string {
  let key = configKeys.get(loaded);
  if (key === undefined) {
    const { zone, metrics, catalog } = loaded.config;
    key = JSON.stringify([zone, metrics, catalog ?? null]);
    configKeys.set(loaded, key);
  }
  return key;
}

interface CacheFile {
  engine: string;
  outcomes: Record<string, Outcome>;
}

/**
 * Analysed postmortems kept in one file by what they were made from (the text, the path, the
 * folder's configuration and the engine), for `hindsight report --cache`: a later report over
 * mostly unchanged files reads their records instead of analysing them again. A file that cannot be
 * read or was made by another engine is started afresh; only the outcomes a run used are written back.
 */
export class RecordCache {
  private readonly engine = (engine ??= engineIdentity());
  private readonly kept: Record<string, Outcome> = {};
  private readonly used: Record<string, Outcome> = {};

  constructor(private readonly path: string) {
    try {
      const file = JSON.parse(readFileSync(path, 'utf8')) as CacheFile;
      if (file.engine === this.engine && typeof file.outcomes === 'object' && file.outcomes) this.kept = file.outcomes;
    } catch {
      // Missing or unreadable: every file is analysed, and the cache is written anew.
    }
  }

  /** The key of one target's analysis from `text` under `loaded`. */
  static key(text: string, target: Target, loaded: LoadedConfig): string {
    return createHash('sha256')
      .update(JSON.stringify([target.path, target.display, configKey(loaded)]))
      .update('\0')
      .update(text)
      .digest('hex');
  }

  get(key: string): Outcome | undefined {
    const outcome = Object.hasOwn(this.kept, key) ? this.kept[key] : undefined;
    if (outcome) this.used[key] = outcome;
    return outcome;
  }

  set(key: string, outcome: Outcome): void {
    this.used[key] = outcome;
  }

  /** Writes the outcomes this run used, through a temporary file so a reader never sees half of it. */
  save(): void {
    const temporary = `${this.path}.${process.pid}.tmp`;
    writeFileSync(temporary, JSON.stringify({ engine: this.engine, outcomes: this.used } satisfies CacheFile));
    renameSync(temporary, this.path);
  }
}

import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { classify } from '../core/classify';
import { DEFAULT_MAX_BYTES } from '../core/options';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git', '.hg', '.svn', 'dist', 'out', '.cache', '.vscode-test']);
const MARKDOWN = /\.(?:md|markdown)$/i;

export interface Target {
  /** As shown to the user: relative to the working directory when inside it. */
  display: string;
  path: string;
}

export class UsageError extends Error {}

/** Expands the paths given on the command line: files as named, folders walked for postmortems. */
/** `base` is where include globs are matched from: the working directory, or a workspace folder. */
export function collectTargets(paths: readonly string[], include: readonly string[] | undefined, base = process.cwd()): Target[] {
  const targets: Target[] = [];
  const seen = new Set<string>();
  const add = (path: string) => {
    if (seen.has(path)) return;
    seen.add(path);
    const rel = relative(base, path);
    targets.push({ path, display: rel && !rel.startsWith('..') ? rel.split(sep).join('/') : path });
  };
  for (const given of paths) {
    const path = resolve(given);
    let stat;
    try {
      stat = statSync(path);
    } catch {
      throw new UsageError(`no such file or folder: ${given}`);
    }
    if (stat.isFile()) {
      add(path);
      continue;
    }
    const walk = (folder: string) => {
      for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
        const full = join(folder, entry.name);
        if (entry.isDirectory()) {
          if (!SKIPPED_FOLDERS.has(entry.name)) walk(full);
        } else if (entry.isFile() && MARKDOWN.test(entry.name)) {
          // Globs match the path from the working directory, as they match from the workspace folder in the editor.
          const fromBase = relative(base, full);
          const rel = (fromBase.startsWith('..') ? full : fromBase).split(sep).join('/');
          // Globs are tried from the base folder and, failing that, on the absolute path, so that
          // `cd postmortems && hindsight check` still finds what `hindsight check postmortems` finds.
          const head = readHead(full);
          if (classify(head, rel, include).postmortem || classify(head, full.split(sep).join('/'), include).postmortem) add(full);
        }
      }
    };
    walk(path);
  }
  return targets;
}

/** The first 64 KiB, enough to read the frontmatter without loading a huge file. */
function readHead(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const buffer = Buffer.alloc(65536);
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return buffer.subarray(0, read).toString('utf8');
  } finally {
    closeSync(fd);
  }
}

/** Reads a file as text, or says how large it is when it is over the cap (without reading it whole). */
export function readTarget(path: string, maxBytes = DEFAULT_MAX_BYTES): { text: string } | { tooLarge: number } {
  const size = statSync(path).size;
  if (size > maxBytes) return { tooLarge: size };
  return { text: readFileSync(path, 'utf8') };
}

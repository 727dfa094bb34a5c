import { closeSync, openSync, readdirSync, readFileSync, readSync, statSync, type Dirent } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, relative, resolve, sep } from 'node:path';
import { classify } from '../classify';
import { DEFAULT_MAX_BYTES } from '../options';

/** Folders that never hold a team's postmortems, and can be huge. */
export const SKIPPED_FOLDERS = new Set([
  'node_modules',
  '.git',
  '.hg',
  '.svn',
  'dist',
  'out',
  '.cache',
  '.vscode-test',
]);
const MARKDOWN = /\.(?:md|markdown)$/i;
const HEAD_BYTES = 65536;

export interface Target {
  /** As shown to the user: relative to the base folder when inside it. */
  display: string;
  path: string;
  /** The file's whole text, when the walk read all of it to classify it and was asked to keep it. */
  text?: string;
}

/** A path named by the user that does not exist. */
export class PathNotFoundError extends Error {
  constructor(readonly given: string) {
    super(`no such file or folder: ${given}`);
  }
}

export function isMarkdownName(name: string): boolean {
  return MARKDOWN.test(name);
}

const byName = (a: Dirent, b: Dirent) => a.name.localeCompare(b.name);

/** Told of a folder a walk could not read (removed meanwhile, no permission): the walk skips it and goes on. */
export type OnUnreadable = (folder: string, error: Error) => void;
const ignoreUnreadable: OnUnreadable = () => {};

/** One folder's entries as a walk takes them, in name order: files it wants, and subfolders to enter. */
function* walkStep(
  folder: string,
  entries: Dirent[],
  wanted: (name: string) => boolean,
): Generator<{ path: string; isFolder: boolean }> {
  for (const entry of entries.sort(byName)) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_FOLDERS.has(entry.name)) yield { path, isFolder: true };
    } else if (entry.isFile() && wanted(entry.name)) yield { path, isFolder: false };
  }
}

/**
 * Every file under `folder` whose name `wanted` accepts, depth first in name order, skipping tool
 * folders. A folder that cannot be read is skipped and reported, never the end of the walk.
 */
export function* filesUnder(
  folder: string,
  wanted: (name: string) => boolean,
  onUnreadable: OnUnreadable = ignoreUnreadable,
): Generator<string> {
  let entries: Dirent[];
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch (error) {
    onUnreadable(folder, error as Error);
    return;
  }
  for (const { path, isFolder } of walkStep(folder, entries, wanted)) {
    if (isFolder) yield* filesUnder(path, wanted, onUnreadable);
    else yield path;
  }
}

/** The same walk without blocking: each folder is read asynchronously, so other work runs between. */
export async function* filesUnderAsync(
  folder: string,
  wanted: (name: string) => boolean,
  onUnreadable: OnUnreadable = ignoreUnreadable,
): AsyncGenerator<string> {
  let entries: Dirent[];
  try {
    entries = await readdir(folder, { withFileTypes: true });
  } catch (error) {
    onUnreadable(folder, error as Error);
    return;
  }
  for (const { path, isFolder } of walkStep(folder, entries, wanted)) {
    if (isFolder) yield* filesUnderAsync(path, wanted, onUnreadable);
    else yield path;
  }
}

/** Every Markdown file under `folder`, as `filesUnder` walks. */
export const markdownFiles = (folder: string, onUnreadable?: OnUnreadable) =>
  filesUnder(folder, isMarkdownName, onUnreadable);

/** Read into for every head: the text is decoded out of it before the next read (a walk meets thousands). */
let headBuffer: Buffer | undefined;

/** The first 64 KiB, enough to read the frontmatter without loading a huge file. */
export function readHead(path: string): string {
  return readOpening(path).head;
}

/** The first 64 KiB, and whether that is the whole file (most postmortems are a few KiB). */
function readOpening(path: string): { head: string; whole: boolean } {
  const fd = openSync(path, 'r');
  try {
    const buffer = (headBuffer ??= Buffer.allocUnsafe(HEAD_BYTES));
    const read = readSync(fd, buffer, 0, buffer.length, 0);
    return { head: buffer.subarray(0, read).toString('utf8'), whole: read < buffer.length };
  } finally {
    closeSync(fd);
  }
}

const slashes = (path: string) => path.split(sep).join('/');

/**
 * Whether a Markdown file found in a folder is a postmortem. Globs are matched on the path from
 * `base` (the working directory, or the workspace folder) and, failing that, on the absolute
 * path, so that `cd postmortems && hindsight check` finds what `hindsight check postmortems` finds.
 */
export function isPostmortemFile(
  path: string,
  include: readonly string[] | undefined,
  base: string,
  head = readHead(path),
): boolean {
  const fromBase = relative(base, path);
  const rel = slashes(fromBase.startsWith('..') ? path : fromBase);
  return classify(head, rel, include).postmortem || classify(head, slashes(path), include).postmortem;
}

function target(path: string, base: string): Target {
  const rel = relative(base, path);
  return { path, display: rel && !rel.startsWith('..') ? slashes(rel) : path };
}

/** What a walk for postmortems tells besides the postmortems it yields. */
export interface DiscoveryReports {
  /** A Markdown file found in a folder and not taken as a postmortem. */
  onSkipped?: (path: string) => void;
  onUnreadable?: OnUnreadable;
  /**
   * Keep on each target the text read to classify it when that was the whole file, so a caller that
   * reads every target at once (the report) reads each file once. Not for targets kept to be read
   * again later: the text is the file as the walk found it.
   */
  keepText?: boolean;
}

/**
 * The postmortems named by `paths`, one at a time: files as named, folders walked for postmortems.
 * Each is yielded as soon as it is found, so a caller can check it before the walk goes on.
 */
export function* discoverTargets(
  paths: readonly string[],
  include: readonly string[] | undefined,
  base = process.cwd(),
  { onSkipped = () => {}, onUnreadable, keepText = false }: DiscoveryReports = {},
): Generator<Target> {
  // Every path is checked before the first is walked: a typo fails before any output.
  const given = paths.map((name) => ({ path: resolve(name), isFile: isFile(name) }));
  const seen = new Set<string>();
  for (const { path, isFile } of given) {
    const found = isFile ? [path] : markdownFiles(path, onUnreadable);
    for (const file of found) {
      if (seen.has(file)) continue;
      const opening = isFile ? undefined : readOpening(file);
      if (opening && !isPostmortemFile(file, include, base, opening.head)) {
        onSkipped(file);
        continue;
      }
      seen.add(file);
      const located = target(file, base);
      yield keepText && opening?.whole ? { ...located, text: opening.head } : located;
    }
  }
}

function isFile(given: string): boolean {
  try {
    return statSync(resolve(given)).isFile();
  } catch {
    throw new PathNotFoundError(given);
  }
}

/**
 * Reads a file as text, or says how large it is when it is over the cap (without reading it whole).
 * A target that carries its text (see DiscoveryReports.keepText) hands it over instead, once: the
 * target lets it go, so a list of thousands of targets does not hold every text to the end.
 */
export function readTarget(
  file: string | Target,
  maxBytes = DEFAULT_MAX_BYTES,
): { text: string } | { tooLarge: number } {
  if (typeof file !== 'string') {
    const { text } = file;
    if (text === undefined) return readTarget(file.path, maxBytes);
    file.text = undefined;
    // A UTF-8 byte count is needed only when the text might be over the cap: at most 3 bytes a unit.
    const bytes = text.length * 3 > maxBytes ? Buffer.byteLength(text, 'utf8') : 0;
    return bytes > maxBytes ? { tooLarge: bytes } : { text };
  }
  const size = statSync(file).size;
  if (size > maxBytes) return { tooLarge: size };
  return { text: readFileSync(file, 'utf8') };
}

import { DEFAULT_INCLUDE } from '../core/classify';
import {
  discoverTargets as discoverFromCore,
  type DiscoveryReports,
  PathNotFoundError,
  readTarget,
  type Target,
} from '../core/files/discover';

export { readTarget, type Target };

/** A mistake in how the command was called: reported in one line, exit code 2. */
export class UsageError extends Error {}

/** The core's file discovery, with a path that does not exist reported as a usage error. */
export function* discoverTargets(
  paths: readonly string[],
  include: readonly string[] | undefined,
  base = process.cwd(),
  reports: DiscoveryReports = {},
): Generator<Target> {
  try {
    yield* discoverFromCore(paths, include, base, reports);
  } catch (error) {
    throw error instanceof PathNotFoundError ? new UsageError(error.message) : error;
  }
}

/** A folder the walk could not read, said on stderr: its postmortems were not checked. */
export function unreadableFolderNote(folder: string, error: Error): string {
  const reason = (error as NodeJS.ErrnoException).code ?? error.message;
  return `skipped ${folder}: the folder cannot be read (${reason})\n`;
}

export function collectTargets(
  paths: readonly string[],
  include: readonly string[] | undefined,
  base = process.cwd(),
): Target[] {
  return [...discoverTargets(paths, include, base)];
}

/**
 * Why a walk found nothing: the folders held Markdown files, but none looked like a postmortem.
 * Said on stderr, since "0 postmortems checked" alone reads as "all is well".
 */
export function nothingFoundHint(skipped: number, include: readonly string[] | undefined): string {
  const patterns = (include ?? DEFAULT_INCLUDE).map((g) => `'${g}'`).join(', ');
  const files = skipped === 1 ? '1 Markdown file was' : `${skipped} Markdown files were`;
  return (
    `${files} skipped: a file found in a folder is taken as a postmortem when its frontmatter says ` +
    `\`type: postmortem\` or its path matches ${patterns}. Name the files, add \`type: postmortem\`, ` +
    `or pass --include '<glob>'.\n`
  );
}

import {
  discoverTargets as discoverFromCore,
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
): Generator<Target> {
  try {
    yield* discoverFromCore(paths, include, base);
  } catch (error) {
    throw error instanceof PathNotFoundError ? new UsageError(error.message) : error;
  }
}

export function collectTargets(
  paths: readonly string[],
  include: readonly string[] | undefined,
  base = process.cwd(),
): Target[] {
  return [...discoverTargets(paths, include, base)];
}

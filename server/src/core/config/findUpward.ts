import { statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The nearest of `names` at or above `folder` that is of the given kind, trying the names in order
 * in each folder before going up one.
 */
export function findUpward(folder: string, names: readonly string[], kind: 'file' | 'directory'): string | undefined {
  let dir = resolve(folder);
  for (;;) {
    for (const name of names) {
      const candidate = join(dir, name);
      try {
        const stat = statSync(candidate);
        if (kind === 'file' ? stat.isFile() : stat.isDirectory()) return candidate;
      } catch {
        // not here
      }
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

/**
 * What a link clicked in the insights page asks to open: a path relative to the workspace folder and
 * a one-based line. Anything else (an absolute path, a way out of the folder, a scheme) is refused.
 */
export function linkTarget(message: unknown): { path: string; line: number } | undefined {
  const href = (message as { type?: unknown; href?: unknown } | null)?.href;
  if ((message as { type?: unknown } | null)?.type !== 'open' || typeof href !== 'string') return undefined;
  const m = /^([^#?]+)(?:#L(\d+))?$/.exec(href);
  if (!m) return undefined;
  let path: string;
  try {
    path = decodeURI(m[1]!);
  } catch {
    return undefined;
  }
  if (/^[a-z][a-z0-9+.-]*:|^[/\\]/i.test(path) || path.split(/[/\\]/).includes('..')) return undefined;
  return { path, line: m[2] ? Number(m[2]) : 1 };
}

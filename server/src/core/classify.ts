import picomatch from 'picomatch';

export const DEFAULT_INCLUDE = ['**/postmortems/**/*.md', '**/post-mortems/**/*.md', '**/*.postmortem.md'];

export interface Classification {
  postmortem: boolean;
  /** A sentence a person can read: why the file is or is not treated as a postmortem. */
  reason: string;
}

const FRONTMATTER =
  /^(?:\uFEFF)?(?:[ \t]*(?:<!--.*-->)?[ \t]*\r?\n)*---[ \t]*\r?\n([\s\S]*?)\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
const TYPE_LINE = /^type:[ \t]*["']?post-?mortem["']?[ \t]*(?:#.*)?$/im;
const FLAG_LINE = /^post-?mortem:[ \t]*(?:true|yes)[ \t]*(?:#.*)?$/im;

const matcherCache = new Map<string, (path: string) => boolean>();

function matcher(globs: readonly string[]): (path: string) => boolean {
  const key = globs.join('\0');
  let match = matcherCache.get(key);
  if (!match) {
    match = picomatch([...globs], { dot: true, nocase: process.platform === 'win32' });
    matcherCache.set(key, match);
  }
  return match;
}

/**
 * Decides whether a Markdown file is a postmortem, from a cheap look at its frontmatter
 * (no full parse) or its path. `relativePath` uses forward slashes, relative to the workspace
 * folder or the directory the CLI was pointed at.
 */
export function classify(
  text: string,
  relativePath: string,
  include: readonly string[] = DEFAULT_INCLUDE,
): Classification {
  const head = text.slice(0, 64 * 1024);
  // A frontmatter left unclosed still says what the file is: read its first lines.
  const fm =
    FRONTMATTER.exec(head) ??
    (/^(?:\uFEFF)?(?:[ \t]*(?:<!--.*-->)?[ \t]*\r?\n)*---[ \t]*\r?\n/.test(head)
      ? [head, head.split(/\r?\n/).slice(0, 40).join('\n')]
      : null);
  if (fm && TYPE_LINE.test(fm[1])) return { postmortem: true, reason: 'its frontmatter says `type: postmortem`' };
  if (fm && FLAG_LINE.test(fm[1])) return { postmortem: true, reason: 'its frontmatter says `postmortem: true`' };
  const path = relativePath.replace(/\\/g, '/').replace(/^\.\//, '');
  const glob = include.find((g) => matcher([g])(path) || matcher([g])('/' + path));
  if (glob) return { postmortem: true, reason: `its path matches the include pattern \`${glob}\`` };
  if (!/\.(md|markdown)$/i.test(path)) return { postmortem: false, reason: 'it is not a Markdown file' };
  const patterns = include.map((g) => '`' + g + '`').join(', ');
  return {
    postmortem: false,
    reason:
      'its frontmatter has no `type: postmortem` ' + `and its path matches none of the include patterns (${patterns})`,
  };
}

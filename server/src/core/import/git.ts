import { RowCollector, type SourceResult } from './result';
import { ImportInputError, readInstant, type ImportFilter } from './types';

const UNIT = '\u001f';
const RECORD = '\u001e';

/** `git log` format this reader expects: hash, committer date, author, subject, parents, refs. */
export const GIT_LOG_FORMAT = `%H${UNIT}%cI${UNIT}%an${UNIT}%s${UNIT}%P${UNIT}%D${RECORD}`;

/** Turns `git log --format=GIT_LOG_FORMAT` output into rows: commits, merges, and tags as releases. */
export function gitRows(log: string, remote: string | undefined, filter: ImportFilter): SourceResult {
  const collector = new RowCollector(filter, 'commits');
  const web = filter.baseUrl?.replace(/\/+$/, '') ?? (remote ? webAddress(remote) : undefined);
  for (const record of log.split(RECORD)) {
    if (record.trim() === '') continue;
    const [hash, date, author, subject, parents, refs] = record.replace(/^\n/, '').split(UNIT);
    if (!hash || !/^[0-9a-f]{7,64}$/.test(hash) || subject === undefined) {
      throw new ImportInputError('git gave output this reader does not understand (is the path a git repository?)');
    }
    const instant = readInstant(date);
    if (instant === undefined) {
      collector.untimed++;
      continue;
    }
    const merge = (parents ?? '').trim().split(/\s+/).length > 1;
    const tags = (refs ?? '')
      .split(', ')
      .filter((r) => r.startsWith('tag: '))
      .map((r) => r.slice(5));
    const what =
      tags.length > 0 ? `Release ${tags.join(', ')}: ${subject}` : merge ? `Merged: ${subject}` : `Commit: ${subject}`;
    collector.add({
      instant,
      text: `${what} (${hash.slice(0, 8)})`,
      actor: author || undefined,
      link: web ? commitUrl(web, hash) : undefined,
      sourceId: `git:${hash.slice(0, 12)}`,
    });
  }
  return collector.finish();
}

/**
 * The web address of a remote:
 * git@host:owner/repo.git and https://host/owner/repo.git give https://host/owner/repo.
 */
export function webAddress(remote: string): string | undefined {
  const trimmed = remote.trim().replace(/\.git$/, '');
  const scp = /^[\w.-]+@([\w.-]+):(.+)$/.exec(trimmed);
  if (scp) return `https://${scp[1]}/${scp[2]}`;
  const url = /^(?:https?|ssh|git):\/\/(?:[^@/]+@)?([^/:]+)(?::\d+)?\/(.+)$/.exec(trimmed);
  return url ? `https://${url[1]}/${url[2]}` : undefined;
}

function commitUrl(web: string, hash: string): string {
  return /gitlab/i.test(web) ? `${web}/-/commit/${hash}` : `${web}/commit/${hash}`;
}

import { githubErrorMessage } from './githubIssue';
import type { HttpResponse } from './http';
import type { ExistingIssue, IssueLookup } from './reconcile';
import { TrackerError } from './types';

const PER_PAGE = 100;
const MAX_PAGES = 20;

export interface GitHubLookupTarget {
  /** `https://api.github.com/repos/{owner}/{repo}/issues`. */
  issuesUrl: string;
  /** `owner/repo` as configured, for keys when GitHub does not say the repository. */
  repo: string;
  /** The incident-id label every issue of this incident carries. */
  label: string;
  get(url: string, signal?: AbortSignal): Promise<HttpResponse>;
  /** The TrackerError a status that stops the run deserves (refused token, no such repository), else undefined. */
  runFailure(response: HttpResponse): TrackerError | undefined;
}

interface ListedIssue {
  number?: unknown;
  title?: unknown;
  html_url?: unknown;
  repository_url?: unknown;
  pull_request?: unknown;
}

/**
 * The issues (open or closed) labelled with the incident's id, following the Link header's next
 * page (or, without one, asking for pages until a short one). Pull requests, which GitHub lists
 * among issues, are left out.
 */
export function githubIncidentLookup(target: GitHubLookupTarget): IssueLookup {
  return async (signal) => {
    const found: ExistingIssue[] = [];
    let url = `${target.issuesUrl}?labels=${encodeURIComponent(target.label)}&state=all&per_page=${PER_PAGE}&page=1`;
    for (let page = 1; page <= MAX_PAGES; page++) {
      const response = await target.get(url, signal);
      const stop = target.runFailure(response);
      if (stop) throw stop;
      if (response.status !== 200)
        throw new TrackerError(githubErrorMessage(response.status, response.json, response.text));
      if (!Array.isArray(response.json)) throw new TrackerError('GitHub answered the issue listing without a list');
      const issues = response.json as ListedIssue[];
      for (const issue of issues) {
        if (issue.pull_request || typeof issue.number !== 'number' || typeof issue.title !== 'string') continue;
        // The repository's current name, should it have moved since the configuration was written.
        const repo =
          typeof issue.repository_url === 'string'
            ? issue.repository_url.split('/repos/')[1] || target.repo
            : target.repo;
        found.push({
          key: `${decodeURIComponent(repo)}#${issue.number}`,
          url: typeof issue.html_url === 'string' ? issue.html_url : '',
          title: issue.title,
        });
      }
      const link = response.headers.get('link');
      if (link === null ? issues.length < PER_PAGE : !nextPage(link, target.issuesUrl)) return found;
      url =
        (link && nextPage(link, target.issuesUrl)) ||
        `${target.issuesUrl}?labels=${encodeURIComponent(target.label)}` +
          `&state=all&per_page=${PER_PAGE}&page=${page + 1}`;
    }
    throw new TrackerError(`GitHub listed more than ${MAX_PAGES * PER_PAGE} issues labelled ${target.label}`);
  };
}

/** The Link header's next page, only when it is this repository's listing: the token is never sent elsewhere. */
function nextPage(link: string, issuesUrl: string): string | undefined {
  const next = /<([^>]+)>\s*;\s*rel="next"/.exec(link)?.[1];
  return next?.startsWith(`${issuesUrl}?`) ? next : undefined;
}

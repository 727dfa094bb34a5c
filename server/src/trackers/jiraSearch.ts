import { isOk, responseError } from './jiraErrors';
import type { JiraClient } from './jira';
import { TrackerError } from './types';

const PAGE_SIZE = 100;
const MAX_PAGES = 100;

export interface JiraFoundIssue {
  key?: unknown;
  fields?: Record<string, unknown>;
}

interface SearchPage {
  issues?: unknown;
  nextPageToken?: unknown;
  isLast?: unknown;
  total?: unknown;
}

/**
 * Every issue a JQL query finds, with the fields asked for: Cloud pages with nextPageToken on
 * /search/jql (the old /search answers 410 there), Data Center with startAt on /search. A refused
 * credential throws; any other failure, or an answer without an issue list, comes back as `error`.
 */
export async function searchJira(
  client: JiraClient,
  jql: string,
  fields: string[],
  what: string,
  signal?: AbortSignal,
): Promise<{ issues: JiraFoundIssue[] } | { error: string }> {
  const cloud = client.tracker.type === 'jira-cloud';
  const issues: JiraFoundIssue[] = [];
  let nextPageToken: string | undefined;
  let startAt = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = cloud
      ? { jql, fields, maxResults: PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) }
      : { jql, fields, maxResults: PAGE_SIZE, startAt };
    let response;
    try {
      response = await client.send(
        { method: 'POST', url: `${client.api}/${cloud ? 'search/jql' : 'search'}`, body },
        signal,
      );
    } catch (error) {
      if (!(error instanceof TrackerError) || signal?.aborted) throw error;
      return { error: error.message };
    }
    if (response.status === 401 || response.status === 403) client.refuse(response, what);
    if (!isOk(response)) return { error: `Jira could not search for the issues: ${responseError(response)}` };
    const answer = (response.json ?? {}) as SearchPage;
    if (!Array.isArray(answer.issues)) return { error: 'Jira answered the search without a list of issues' };
    issues.push(...(answer.issues as JiraFoundIssue[]));
    if (cloud) {
      if (answer.isLast === true || typeof answer.nextPageToken !== 'string') return { issues };
      nextPageToken = answer.nextPageToken;
    } else {
      startAt += answer.issues.length;
      if (answer.issues.length === 0 || typeof answer.total !== 'number' || startAt >= answer.total) return { issues };
    }
  }
  return { error: `Jira kept answering past ${MAX_PAGES * PAGE_SIZE} issues` };
}

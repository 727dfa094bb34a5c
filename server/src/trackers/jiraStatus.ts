import { isOk, responseError } from './jiraErrors';
import type { JiraClient } from './jira';
import { TrackerError, type StatusResult, type TicketState } from './types';

const KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
/** Keys per JQL query, so the query stays well under URL and JQL length limits. */
const KEYS_PER_QUERY = 100;
const PAGE_SIZE = 100;
const MAX_PAGES = 100;

interface SearchPage {
  issues?: { key?: unknown; fields?: { status?: { statusCategory?: { key?: unknown } } } }[];
  nextPageToken?: unknown;
  isLast?: unknown;
  startAt?: unknown;
  total?: unknown;
}

/** Jira's status categories, which every workflow's statuses belong to. */
export function stateFromCategory(category: unknown): TicketState {
  if (category === 'done') return 'done';
  if (category === 'indeterminate') return 'in-progress';
  return 'open';
}

/** States of the given issues: Cloud pages with nextPageToken on /search/jql, Data Center with startAt on /search. */
export async function jiraStatus(client: JiraClient, keys: string[], signal?: AbortSignal): Promise<StatusResult> {
  const result: StatusResult = { states: new Map(), failed: [] };
  const valid = [...new Set(keys)].filter((key) => KEY.test(key));
  for (const key of keys.filter((k) => !KEY.test(k))) result.failed.push({ key, error: 'not a Jira issue key' });
  for (let i = 0; i < valid.length; i += KEYS_PER_QUERY) await queryKeys(client, valid.slice(i, i + KEYS_PER_QUERY), result, signal);
  return result;
}

async function queryKeys(client: JiraClient, keys: string[], result: StatusResult, signal?: AbortSignal): Promise<void> {
  let pending = keys;
  // Jira rejects a whole query naming an issue that does not exist (or that the account cannot see): those are set aside and the rest asked again.
  while (pending.length > 0) {
    const answer = await search(client, pending, signal);
    if ('issues' in answer) {
      for (const [key, state] of answer.issues) result.states.set(key, state);
      for (const key of pending) if (!answer.issues.has(key)) result.failed.push({ key, error: 'Jira did not return this issue (deleted, moved, or not visible to the account)' });
      return;
    }
    const unknown = pending.filter((key) => answer.error.includes(`'${key}'`) || answer.error.includes(`"${key}"`));
    const blamed = unknown.length > 0 ? unknown : pending;
    for (const key of blamed) result.failed.push({ key, error: answer.error });
    pending = pending.filter((key) => !blamed.includes(key));
  }
}

async function search(client: JiraClient, keys: string[], signal?: AbortSignal): Promise<{ issues: Map<string, TicketState> } | { error: string }> {
  const cloud = client.tracker.type === 'jira-cloud';
  const jql = `key in (${keys.join(', ')})`;
  const issues = new Map<string, TicketState>();
  let nextPageToken: string | undefined;
  let startAt = 0;
  for (let page = 0; page < MAX_PAGES; page++) {
    const body = cloud
      ? { jql, fields: ['status'], maxResults: PAGE_SIZE, ...(nextPageToken ? { nextPageToken } : {}) }
      : { jql, fields: ['status'], maxResults: PAGE_SIZE, startAt };
    let response;
    try {
      response = await client.send({ method: 'POST', url: `${client.api}/${cloud ? 'search/jql' : 'search'}`, body }, signal);
    } catch (error) {
      if (!(error instanceof TrackerError) || signal?.aborted) throw error;
      return { error: error.message };
    }
    if (response.status === 401 || response.status === 403) client.refuse(response, 'reading issue status');
    if (!isOk(response)) return { error: `Jira could not search for the issues: ${responseError(response)}` };
    const answer = (response.json ?? {}) as SearchPage;
    const found = Array.isArray(answer.issues) ? answer.issues : [];
    for (const issue of found) {
      if (typeof issue.key === 'string') issues.set(issue.key, stateFromCategory(issue.fields?.status?.statusCategory?.key));
    }
    if (cloud) {
      if (answer.isLast === true || typeof answer.nextPageToken !== 'string') return { issues };
      nextPageToken = answer.nextPageToken;
    } else {
      startAt += found.length;
      if (found.length === 0 || typeof answer.total !== 'number' || startAt >= answer.total) return { issues };
    }
  }
  return { issues };
}

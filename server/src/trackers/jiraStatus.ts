import type { JiraClient } from './jira';
import { searchJira } from './jiraSearch';
import type { StatusResult, TicketState } from './types';

const KEY = /^[A-Z][A-Z0-9_]*-\d+$/;
/** Keys per JQL query, so the query stays well under URL and JQL length limits. */
const KEYS_PER_QUERY = 100;

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
  for (let i = 0; i < valid.length; i += KEYS_PER_QUERY)
    await queryKeys(client, valid.slice(i, i + KEYS_PER_QUERY), result, signal);
  return result;
}

async function queryKeys(
  client: JiraClient,
  keys: string[],
  result: StatusResult,
  signal?: AbortSignal,
): Promise<void> {
  let pending = keys;
  // Jira rejects a whole query naming an issue that does not exist (or that the account cannot
  // see): those are set aside and the rest asked again.
  while (pending.length > 0) {
    const answer = await search(client, pending, signal);
    if ('issues' in answer) {
      for (const [key, state] of answer.issues) result.states.set(key, state);
      for (const key of pending)
        if (!answer.issues.has(key))
          result.failed.push({
            key,
            error: 'Jira did not return this issue (deleted, moved, or not visible to the account)',
          });
      return;
    }
    const unknown = pending.filter((key) => answer.error.includes(`'${key}'`) || answer.error.includes(`"${key}"`));
    const blamed = unknown.length > 0 ? unknown : pending;
    for (const key of blamed) result.failed.push({ key, error: answer.error });
    pending = pending.filter((key) => !blamed.includes(key));
  }
}

async function search(
  client: JiraClient,
  keys: string[],
  signal?: AbortSignal,
): Promise<{ issues: Map<string, TicketState> } | { error: string }> {
  const answer = await searchJira(client, `key in (${keys.join(', ')})`, ['status'], 'reading issue status', signal);
  if ('error' in answer) return answer;
  const issues = new Map<string, TicketState>();
  for (const issue of answer.issues) {
    const status = issue.fields?.status as { statusCategory?: { key?: unknown } } | undefined;
    if (typeof issue.key === 'string') issues.set(issue.key, stateFromCategory(status?.statusCategory?.key));
  }
  return { issues };
}

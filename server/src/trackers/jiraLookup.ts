import type { JiraClient } from './jira';
import { jiraLabels } from './jiraFields';
import { searchJira } from './jiraSearch';
import type { ExistingIssue, IssueLookup } from './reconcile';
import { TrackerError, type IncidentContext } from './types';

/**
 * The issues this incident already has in the project, found by the incident-id label the adapter
 * puts on every issue it creates. Undefined when issues get no such label (the incident has no id,
 * or `incidentLabel` is false): a summary search would also find other incidents' issues with the
 * same action ("Update the runbook"), and handing one of those to this item would leave the item
 * silently untracked, which is worse than the visible duplicate it could prevent.
 */
export function jiraIncidentLookup(
  client: JiraClient,
  incident: IncidentContext,
  site: string,
): IssueLookup | undefined {
  const { tracker } = client;
  const label = tracker.incidentLabel && incident.id ? jiraLabels([incident.id])[0] : undefined;
  if (!label) return undefined;
  const jql = `project = ${jqlString(tracker.project)} AND labels = ${jqlString(label)}`;
  return async (signal) => {
    const answer = await searchJira(client, jql, ['summary'], 'looking for issues an earlier run created', signal);
    if ('error' in answer) throw new TrackerError(answer.error);
    const found: ExistingIssue[] = [];
    for (const issue of answer.issues) {
      const summary = issue.fields?.summary;
      if (typeof issue.key === 'string' && typeof summary === 'string')
        found.push({ key: issue.key, url: `${site}/browse/${issue.key}`, title: summary });
    }
    return found;
  };
}

/** A JQL string literal: quotes and backslashes escaped, so a label can never change the query. */
export function jqlString(value: string): string {
  return `"${value.replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

import { adfDescription, plainDescription } from './adf';
import type { JiraConfig } from './config';
import type { ExportItem, IncidentContext } from './types';

/** Who the issue is assigned to, in the form each flavour of Jira takes. */
export type JiraAssignee = { accountId: string } | { name: string };

/** The `fields` of one issue to create. Configured custom fields come first: the item's own values win. */
export function jiraIssueFields(
  item: ExportItem,
  incident: IncidentContext,
  tracker: JiraConfig,
  assignee: JiraAssignee | undefined,
  notes: string[] = [],
): Record<string, unknown> {
  const fields: Record<string, unknown> = {
    ...tracker.customFields,
    project: { key: tracker.project },
    issuetype: { name: tracker.issueType },
    summary: jiraSummary(item.action),
    description:
      tracker.type === 'jira-cloud' ? adfDescription(item, incident, notes) : plainDescription(item, incident, notes),
    labels: jiraLabels([...tracker.labels, ...(tracker.incidentLabel && incident.id ? [incident.id] : [])]),
  };
  if (item.due && /^\d{4}-\d{2}-\d{2}$/.test(item.due)) fields.duedate = item.due;
  const priority = jiraPriority(item, tracker.priorities);
  if (priority) fields.priority = { name: priority };
  if (tracker.parent) fields.parent = { key: tracker.parent };
  if (assignee) fields.assignee = assignee;
  return fields;
}

/** Summaries are one line of at most 255 characters. */
export function jiraSummary(action: string): string {
  const line = action.replace(/\s+/g, ' ').trim();
  return line.length > 255 ? `${line.slice(0, 254)}…` : line;
}

/** Jira labels cannot contain spaces: each run of whitespace becomes a dash. */
export function jiraLabels(labels: string[]): string[] {
  return [...new Set(labels.map((label) => label.trim().replace(/\s+/g, '-').slice(0, 255)).filter(Boolean))];
}

/** The Jira priority for an item: by the cell as written (P1), then by its level (high). */
export function jiraPriority(item: ExportItem, priorities: Record<string, string>): string | undefined {
  const written = item.priorityText?.trim();
  const lower = Object.fromEntries(Object.entries(priorities).map(([k, v]) => [k.toLowerCase(), v]));
  return (
    (written && (priorities[written] ?? lower[written.toLowerCase()])) ||
    (item.priority && lower[item.priority]) ||
    undefined
  );
}

/** An email address inside an owner cell ("Ana <ana@example.com>", "ana@example.com"). */
export function ownerEmail(owner: string): string | undefined {
  return /[\w.+-]+@[\w-]+(?:\.[\w-]+)+/.exec(owner)?.[0];
}

/** The Data Center username an owner cell names: as written, without a leading @. */
export function ownerUsername(owner: string): string | undefined {
  const name = owner.trim().replace(/^@/, '');
  return name || undefined;
}

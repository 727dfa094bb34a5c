import { markdownDescription, ticketTitle } from './markdownTicket';
import type { ExportItem, IncidentContext } from './types';

/** What the GitHub adapter reads from its `trackers.<name>` entry. */
export interface GitHubSettings {
  /** `owner/repo`. */
  repo: string;
  /** GitHub Enterprise Server: `https://github.example.com/api/v3`. */
  baseUrl?: string;
  /** Labels for every issue; the incident id is added unless `false` is given for `incidentLabel`. */
  labels?: string[];
  incidentLabel?: boolean;
  /** Owner names or emails, as written in postmortems, to GitHub logins. */
  assignees?: Record<string, string>;
}

export interface GitHubIssueRequest {
  title: string;
  body: string;
  labels: string[];
  assignees?: string[];
}

/** The create-issue request for one item, and what the reader should know about it (an owner left unassigned). */
export function githubIssueRequest(
  item: ExportItem,
  incident: IncidentContext,
  settings: GitHubSettings,
): { request: GitHubIssueRequest; note?: string } {
  const login = item.owner ? githubLogin(item.owner, settings.assignees ?? {}) : undefined;
  const note =
    item.owner && !login
      ? `not assigned: no GitHub login is known for "${item.owner}" (write it as @login, or map it under assignees)`
      : undefined;
  const labels = [...(settings.labels ?? ['postmortem'])];
  const incidentLabel = githubIncidentLabel(incident, settings);
  if (incidentLabel) labels.push(incidentLabel);
  const request: GitHubIssueRequest = {
    title: ticketTitle(item),
    body: markdownDescription(item, incident),
    labels: [...new Set(labels.map(githubLabel))].filter((label) => label.length > 0),
  };
  if (login) request.assignees = [login];
  return { request, note };
}

/** The label naming the incident on each of its issues, as GitHub stores it; undefined when there is none. */
export function githubIncidentLabel(incident: IncidentContext, settings: GitHubSettings): string | undefined {
  return settings.incidentLabel !== false && incident.id ? githubLabel(incident.id) || undefined : undefined;
}

// GitHub refuses the whole issue for a label over 50 characters (a long incident id).
function githubLabel(label: string): string {
  return label.trim().slice(0, 50);
}

/**
 * The login an owner stands for: `@login` as written, or the configured mapping of a name or an
 * email (matched without regard to case; `Name <email>` is tried by both parts).
 */
export function githubLogin(owner: string, map: Record<string, string>): string | undefined {
  const trimmed = owner.trim();
  const handle = /^@([A-Za-z0-9](?:[A-Za-z0-9-]{0,38}))$/.exec(trimmed);
  if (handle) return handle[1];
  const byKey = new Map(Object.entries(map).map(([key, login]) => [key.trim().toLowerCase(), login.replace(/^@/, '')]));
  const named = /^(.*?)\s*<([^>]+)>$/.exec(trimmed);
  const candidates = named ? [trimmed, named[2], named[1]] : [trimmed];
  for (const candidate of candidates) {
    const login = byKey.get(candidate.trim().toLowerCase());
    if (login) return login;
  }
  return undefined;
}

/** `owner/repo#12` split into its parts, or undefined for anything else. */
export function parseGitHubKey(key: string): { repo: string; number: number } | undefined {
  const match = /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)#(\d+)$/.exec(key.trim());
  return match ? { repo: match[1], number: Number(match[2]) } : undefined;
}

/** GitHub's own words for a failed request: its message, and the details of a validation failure. */
export function githubErrorMessage(status: number, json: unknown, text: string): string {
  const body = (json ?? {}) as { message?: unknown; errors?: unknown };
  const message = typeof body.message === 'string' ? body.message : text.trim().slice(0, 200) || 'no message';
  const details = Array.isArray(body.errors)
    ? body.errors
        .map((e: { message?: string; field?: string; code?: string } | string) =>
          typeof e === 'string' ? e : (e.message ?? [e.field, e.code].filter(Boolean).join(' ')),
        )
        .filter(Boolean)
    : [];
  return `GitHub answered ${status}: ${message}${details.length ? ` (${details.join('; ')})` : ''}`;
}

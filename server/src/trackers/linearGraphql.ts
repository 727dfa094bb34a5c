import { markdownDescription, ticketTitle } from './markdownTicket';
import type { ExportItem, IncidentContext, ItemPriority, TicketState } from './types';

/** What the Linear adapter reads from its `trackers.<name>` entry. */
export interface LinearSettings {
  /** The team issues are created in (its UUID). */
  teamId: string;
  baseUrl?: string;
  labelIds?: string[];
  /** `api-key` (default): a personal API key, sent as it is; `oauth`: an OAuth token, sent as Bearer. */
  auth?: 'api-key' | 'oauth';
}

export const CREATE_ISSUE = `mutation HindsightCreateIssue($input: IssueCreateInput!) {
  issueCreate(input: $input) { success issue { identifier url } }
}`;

export const FIND_USERS = `query HindsightFindUsers($filter: UserFilter) {
  users(filter: $filter, first: 2) { nodes { id } }
}`;

export const ISSUE_STATES = `query HindsightIssueStates($team: String!, $numbers: [Float!]!, $first: Int!) {
  issues(filter: { team: { key: { eq: $team } }, number: { in: $numbers } }, first: $first, includeArchived: true) {
    nodes { identifier state { type } }
  }
}`;

/**
 * The team's issues whose description names the postmortem's file (every description Hindsight
 * writes does), a page at a time: where an earlier run's issues are found before creating again.
 */
export const EARLIER_ISSUES = `query HindsightEarlierIssues(
  $team: ID!, $marker: String!, $first: Int!, $after: String
) {
  issues(filter: { team: { id: { eq: $team } }, description: { contains: $marker } }, first: $first, after: $after) {
    nodes { identifier url title }
    pageInfo { hasNextPage endCursor }
  }
}`;

// Linear: 0 no priority, 1 urgent, 2 high, 3 medium, 4 low (there is nothing below low).
const PRIORITY: Record<ItemPriority, number> = { highest: 1, high: 2, medium: 3, low: 4, lowest: 4 };

export function linearIssueInput(
  item: ExportItem,
  incident: IncidentContext,
  settings: LinearSettings,
  assigneeId: string | undefined,
): Record<string, unknown> {
  const input: Record<string, unknown> = {
    teamId: settings.teamId,
    title: ticketTitle(item),
    description: markdownDescription(item, incident),
    priority: item.priority ? PRIORITY[item.priority] : 0,
  };
  if (item.due) input.dueDate = item.due;
  if (assigneeId) input.assigneeId = assigneeId;
  if (settings.labelIds?.length) input.labelIds = settings.labelIds;
  return input;
}

/** The user filter that finds an owner: by email when one is written, else by handle or name. */
export function ownerFilter(owner: string): Record<string, unknown> {
  const trimmed = owner.trim();
  const email = /<([^>]+@[^>]+)>/.exec(trimmed)?.[1] ?? (/^[^\s@]+@[^\s@]+$/.test(trimmed) ? trimmed : undefined);
  if (email) return { email: { eqIgnoreCase: email } };
  if (trimmed.startsWith('@')) return { displayName: { eqIgnoreCase: trimmed.slice(1) } };
  return { or: [{ name: { eqIgnoreCase: trimmed } }, { displayName: { eqIgnoreCase: trimmed } }] };
}

/** A workflow state's type as the postmortem sees it; undefined for a type Linear may add later. */
export function stateFromLinear(type: string): TicketState | undefined {
  if (type === 'backlog' || type === 'unstarted' || type === 'triage') return 'open';
  if (type === 'started') return 'in-progress';
  if (type === 'completed' || type === 'canceled') return 'done';
  return undefined;
}

/** Issue keys grouped by team key (`ENG-7` → ENG: [7]); keys that are not Linear identifiers come back apart. */
export function keysByTeam(keys: string[]): { teams: Map<string, number[]>; invalid: string[] } {
  const teams = new Map<string, number[]>();
  const invalid: string[] = [];
  for (const key of keys) {
    const match = /^([A-Za-z][A-Za-z0-9_]*)-(\d+)$/.exec(key.trim());
    if (!match) invalid.push(key);
    else teams.set(match[1].toUpperCase(), [...(teams.get(match[1].toUpperCase()) ?? []), Number(match[2])]);
  }
  return { teams, invalid };
}

export interface GraphqlError {
  message?: string;
  extensions?: { code?: string; type?: string; userPresentableMessage?: string };
}

/** The errors of a GraphQL answer, worded as Linear words them for people. */
export function graphqlErrors(json: unknown): { messages: string[]; auth: boolean } {
  const errors = ((json as { errors?: GraphqlError[] } | undefined)?.errors ?? []).filter(Boolean);
  const auth = errors.some(
    (e) =>
      /^(AUTHENTICATION_ERROR|FORBIDDEN)$/.test(e.extensions?.code ?? '') ||
      /authentication/i.test(e.extensions?.type ?? ''),
  );
  return { messages: errors.map((e) => e.extensions?.userPresentableMessage ?? e.message ?? 'unknown error'), auth };
}

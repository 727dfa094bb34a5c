import type { HttpResponse, RemoteTrackerDeps } from './http';
import {
  CREATE_ISSUE,
  EARLIER_ISSUES,
  FIND_USERS,
  graphqlErrors,
  ISSUE_STATES,
  keysByTeam,
  linearIssueInput,
  ownerFilter,
  stateFromLinear,
  type LinearSettings,
} from './linearGraphql';
import { ticketTitle } from './markdownTicket';
import { createOneByOne, notCreated, settingName, type ItemOutcome } from './oneByOne';
import { Reconciler, type ExistingIssue, type IssueLookup } from './reconcile';
import { secureBaseUrl } from './secureBaseUrl';
import { checkSettings } from './settingChecks';
import { LINEAR_SETTINGS } from './settingsSpec';
import {
  TrackerError,
  type CreatedTicket,
  type CreateResult,
  type ExportItem,
  type IncidentContext,
  type StatusResult,
  type TicketState,
  type TrackerAdapter,
} from './types';

const TOKEN = 'HINDSIGHT_LINEAR_TOKEN';
const PAGE = 250;
const LOOKUP_PAGES = 20;

/** Linear, through its GraphQL API: one `issueCreate` per item, keys the issue identifiers (ENG-7). */
export function createLinearAdapter(
  tracker: LinearSettings & { name?: string },
  deps: RemoteTrackerDeps,
): TrackerAdapter {
  const setting = settingName(tracker.name);
  checkSettings(tracker, LINEAR_SETTINGS, setting);
  const url = secureBaseUrl(tracker.baseUrl ?? 'https://api.linear.app/graphql', setting('baseUrl'));
  if (!tracker.teamId)
    throw new TrackerError(
      `${setting('teamId')} is required: the id of the team issues are created in.`,
      setting('teamId'),
    );
  if (tracker.auth !== undefined && tracker.auth !== 'api-key' && tracker.auth !== 'oauth')
    throw new TrackerError(`${setting('auth')} must be "api-key" or "oauth".`, setting('auth'));
  const users = new Map<string, Promise<string | undefined>>();

  const query = linearQuery(tracker, url, deps);

  /** The team's issues made from this postmortem, by the file path every description names. */
  const earlierIssues =
    (incident: IncidentContext): IssueLookup =>
    async (signal) => {
      const found: ExistingIssue[] = [];
      let after: string | undefined;
      for (let page = 0; page < LOOKUP_PAGES; page++) {
        const { data, errors } = await query(
          EARLIER_ISSUES,
          { team: tracker.teamId, marker: incident.file, first: PAGE, ...(after ? { after } : {}) },
          signal,
        );
        const issues = data?.issues as
          | {
              nodes?: { identifier: string; url: string; title: string }[];
              pageInfo?: { hasNextPage: boolean; endCursor?: string | null };
            }
          | undefined;
        if (errors.length > 0 || !Array.isArray(issues?.nodes))
          throw new TrackerError(errors.join('; ') || 'Linear answered without a list of issues');
        found.push(...issues.nodes.map((node) => ({ key: node.identifier, url: node.url, title: node.title })));
        if (!issues.pageInfo?.hasNextPage || !issues.pageInfo.endCursor) return found;
        after = issues.pageInfo.endCursor;
      }
      throw new TrackerError(`Linear listed more than ${LOOKUP_PAGES * PAGE} issues for ${incident.file}`);
    };

  const findUser = (owner: string, signal?: AbortSignal): Promise<string | undefined> => {
    const cacheKey = owner.trim().toLowerCase();
    let found = users.get(cacheKey);
    if (!found) {
      found = query(FIND_USERS, { filter: ownerFilter(owner) }, signal).then(({ data }) => {
        const nodes = (data?.users as { nodes?: { id: string }[] } | undefined)?.nodes ?? [];
        return nodes.length === 1 ? nodes[0].id : undefined;
      });
      // A failed lookup is not remembered: the next run may succeed.
      found.catch(() => users.delete(cacheKey));
      users.set(cacheKey, found);
    }
    return found;
  };

  return {
    kind: 'linear',
    async create(items: ExportItem[], incident: IncidentContext, signal?: AbortSignal): Promise<CreateResult> {
      const reconciler = new Reconciler(earlierIssues(incident), ticketTitle, incident.ticketsInDocument);
      const createIssue = async (item: ExportItem): Promise<ItemOutcome> => {
        const assigneeId = item.owner ? await findUser(item.owner, signal) : undefined;
        // A create that timed out or failed with 5xx may have made the issue: Linear is asked before it is repeated.
        const confirmRetry = () => reconciler.nothingCreated([item], signal);
        const { data, errors, status } = await query(
          CREATE_ISSUE,
          { input: linearIssueInput(item, incident, tracker, assigneeId) },
          signal,
          confirmRetry,
        );
        const payload = data?.issueCreate as
          { success?: boolean; issue?: { identifier: string; url: string } } | undefined;
        if (errors.length > 0 || !payload?.success || !payload.issue) {
          const error = errors.join('; ') || 'Linear did not create the issue and gave no reason';
          return notCreated(item, error, status, reconciler, signal);
        }
        reconciler.take(payload.issue.identifier);
        const ticket: CreatedTicket = { index: item.index, key: payload.issue.identifier, url: payload.issue.url };
        if (item.owner && !assigneeId) ticket.note = `not assigned: no single Linear user matches "${item.owner}"`;
        return { created: [ticket], failed: [] };
      };
      return createOneByOne(items, reconciler, createIssue, signal);
    },

    status: (keys: string[], signal?: AbortSignal) => statesOf(query, keys, signal),
  };
}

/** A GraphQL answer: its data, and its errors as messages. */
interface Answer {
  data?: Record<string, unknown>;
  errors: string[];
  status: number;
}

type Query = (
  document: string,
  variables: Record<string, unknown>,
  signal?: AbortSignal,
  confirmRetry?: () => Promise<boolean>,
) => Promise<Answer>;

/**
 * Asks Linear with the run's credential. The answer's data; GraphQL errors come back as messages, except those
 * about the credential, which stop the run.
 */
function linearQuery(tracker: LinearSettings, url: string, deps: RemoteTrackerDeps): Query {
  return async (document, variables, signal, confirmRetry) => {
    const token = deps.credentials.token;
    if (!token) throw new TrackerError(`No Linear API key: set ${TOKEN}.`, TOKEN);
    const authorization = tracker.auth === 'oauth' ? `Bearer ${token}` : token;
    const response: HttpResponse = await deps.http.send(
      { method: 'POST', url, headers: { authorization }, body: { query: document, variables }, confirmRetry },
      signal,
    );
    const { messages, auth } = graphqlErrors(response.json);
    if (auth || response.status === 401 || response.status === 403) {
      throw new TrackerError(
        `Linear refused the credential (${messages[0] ?? `HTTP ${response.status}`}). Check ${TOKEN}.`,
        TOKEN,
      );
    }
    const data = (response.json as { data?: Record<string, unknown> } | undefined)?.data ?? undefined;
    if (messages.length > 0 || (response.status !== 200 && !data)) {
      return {
        data,
        errors:
          messages.length > 0
            ? messages
            : [`Linear answered ${response.status}: ${response.text.trim().slice(0, 200)}`],
        status: response.status,
      };
    }
    return { data, errors: [], status: response.status };
  };
}

/** The states of the issues `keys` name, a page of numbers per team at a time. */
async function statesOf(query: Query, keys: string[], signal?: AbortSignal): Promise<StatusResult> {
  const states = new Map<string, TicketState>();
  const { teams, invalid } = keysByTeam(keys);
  const failed: StatusResult['failed'] = invalid.map((key) => ({
    key,
    error: 'not a Linear issue identifier (TEAM-123)',
  }));
  const wanted = new Map(keys.map((key) => [key.trim().toUpperCase(), key]));
  const answered = new Set<string>();
  for (const [team, numbers] of teams) {
    for (let start = 0; start < numbers.length; start += PAGE) {
      const chunk = numbers.slice(start, start + PAGE);
      const { data, errors } = await query(ISSUE_STATES, { team, numbers: chunk, first: PAGE }, signal);
      if (errors.length > 0) {
        for (const n of chunk)
          failed.push({ key: wanted.get(`${team}-${n}`) ?? `${team}-${n}`, error: errors.join('; ') });
        continue;
      }
      const nodes =
        (data?.issues as { nodes?: { identifier: string; state: { type: string } }[] } | undefined)?.nodes ?? [];
      for (const node of nodes) {
        const key = wanted.get(node.identifier.toUpperCase());
        if (!key) continue;
        answered.add(key);
        const state = stateFromLinear(node.state.type);
        if (state) states.set(key, state);
        else failed.push({ key, error: `Linear workflow state type "${node.state.type}" is not one Hindsight knows` });
      }
      for (const n of chunk) {
        const key = wanted.get(`${team}-${n}`) ?? `${team}-${n}`;
        if (!answered.has(key) && !failed.some((f) => f.key === key))
          failed.push({ key, error: `Linear has no issue ${key} that this key can see` });
      }
    }
  }
  return { states, failed };
}

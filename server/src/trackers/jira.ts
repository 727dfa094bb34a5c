import type { JiraCloudConfig, JiraConfig, JiraDataCenterConfig } from './config';
import { credentialEnv } from './credentials';
import type { HttpRequest, HttpResponse, RemoteTrackerDeps } from './http';
import { isOk, jiraErrorText, responseError } from './jiraErrors';
import { jiraIssueFields, jiraSummary, ownerEmail, ownerUsername, type JiraAssignee } from './jiraFields';
import { jiraIncidentLookup } from './jiraLookup';
import { jiraStatus } from './jiraStatus';
import { Reconciler } from './reconcile';
import { secureBaseUrl } from './secureBaseUrl';
import {
  TrackerError,
  type CreatedTicket,
  type CreateResult,
  type ExportItem,
  type FailedItem,
  type IncidentContext,
  type TrackerAdapter,
} from './types';

/** Jira accepts at most 50 issues in one bulk create. */
export const JIRA_BULK_LIMIT = 50;

export function createJiraCloudAdapter(tracker: JiraCloudConfig, deps: RemoteTrackerDeps): TrackerAdapter {
  return createJiraAdapter(tracker, deps);
}

export function createJiraDataCenterAdapter(tracker: JiraDataCenterConfig, deps: RemoteTrackerDeps): TrackerAdapter {
  return createJiraAdapter(tracker, deps);
}

/** The connection to one Jira: its API root, how to sign requests, and how to word refusals. */
export interface JiraClient {
  tracker: JiraConfig;
  api: string;
  send(request: Omit<HttpRequest, 'headers'>, signal?: AbortSignal): Promise<HttpResponse>;
  /** Throws the TrackerError a 401 or 403 deserves; `what` says what was being done. */
  refuse(response: HttpResponse, what: string): never;
}

/** Cloud (REST v3: ADF, accountId, /search/jql) and Data Center (REST v2: text, username, /search) share this. */
function createJiraAdapter(tracker: JiraConfig, deps: RemoteTrackerDeps): TrackerAdapter {
  const base = secureBaseUrl(tracker.baseUrl, `trackers.${tracker.name}.baseUrl`);
  const site = tracker.siteUrl ? secureBaseUrl(tracker.siteUrl, `trackers.${tracker.name}.siteUrl`) : base;
  const cloud = tracker.type === 'jira-cloud';
  const tokenEnv = credentialEnv(tracker, 'token');
  const client: JiraClient = {
    tracker,
    api: `${base}/rest/api/${cloud ? 3 : 2}`,
    send: (request, signal) =>
      deps.http.send({ ...request, headers: { authorization: authorization(tracker, deps.credentials) } }, signal),
    refuse(response, what) {
      const detail = responseError(response);
      const who = cloud && tracker.auth === 'basic' ? `${credentialEnv(tracker, 'email')} and ${tokenEnv}` : tokenEnv;
      if (response.status === 401)
        throw new TrackerError(
          `Jira did not accept the credentials while ${what} (${detail}). Check ${who}.`,
          tokenEnv,
        );
      throw new TrackerError(
        `Jira refused access while ${what} (${detail}). ` +
          `Check that ${who} belong to an account allowed to create issues in ${tracker.project}.`,
        tokenEnv,
      );
    },
  };
  const users = new Map<string, Promise<{ accountId?: string; note?: string }>>();

  /** Cloud assigns by accountId, found from the owner's email once per run; no match leaves the issue unassigned. */
  const assignee = async (
    owner: string | undefined,
    signal?: AbortSignal,
  ): Promise<{ assignee?: JiraAssignee; note?: string }> => {
    if (!owner) return {};
    if (!cloud) {
      const name = ownerUsername(owner);
      return name ? { assignee: { name } } : {};
    }
    const email = ownerEmail(owner);
    if (!email)
      return {
        note:
          `left unassigned: the owner "${owner}" is not an email address, ` +
          'which Jira Cloud needs to find the account',
      };
    const key = email.toLowerCase();
    if (!users.has(key)) users.set(key, findAccount(client, email, signal));
    const found = await users.get(key)!;
    return found.accountId ? { assignee: { accountId: found.accountId } } : { note: found.note };
  };

  return {
    kind: tracker.type,
    async create(items: ExportItem[], incident: IncidentContext, signal?: AbortSignal): Promise<CreateResult> {
      await checkProject(client, signal);
      // Without an incident label there is nothing safe to look up by (see jiraIncidentLookup): every item is created.
      const lookup = jiraIncidentLookup(client, incident, site) ?? (async () => []);
      const reconciler = new Reconciler(lookup, (item) => jiraSummary(item.action), incident.ticketsInDocument);
      const { found, missing, failed: unchecked } = await reconciler.reconcile(items, signal);
      const created: CreatedTicket[] = [...found];
      const failed: FailedItem[] = [...unchecked];
      for (let start = 0; start < missing.length; start += JIRA_BULK_LIMIT) {
        const chunk = missing.slice(start, start + JIRA_BULK_LIMIT);
        try {
          const result = await createChunk(client, chunk, incident, assignee, site, reconciler, signal);
          created.push(...result.created);
          failed.push(...result.failed);
        } catch (error) {
          // A whole-run failure before anything exists is thrown; after that, what was created
          // must still be written back.
          if (!(error instanceof TrackerError) || created.length === 0) throw error;
          failed.push(...missing.slice(start).map((item) => ({ index: item.index, error: error.message })));
          break;
        }
      }
      return { created, failed };
    },
    status: (keys, signal) => jiraStatus(client, keys, signal),
  };
}

function authorization(tracker: JiraConfig, credentials: Record<string, string>): string {
  const token = credentials.token;
  const tokenEnv = credentialEnv(tracker, 'token');
  if (!token)
    throw new TrackerError(
      `No Jira ${tracker.type === 'jira-dc' ? 'personal access token' : 'token'}: set ${tokenEnv}.`,
      tokenEnv,
    );
  if (tracker.type === 'jira-dc' || tracker.auth === 'bearer') return `Bearer ${token}`;
  const email = credentials.email;
  const emailEnv = credentialEnv(tracker, 'email');
  if (!email)
    throw new TrackerError(`No Jira account email: set ${emailEnv} or trackers.${tracker.name}.email.`, emailEnv);
  return `Basic ${Buffer.from(`${email}:${token}`).toString('base64')}`;
}

/** One request before creating anything, so a wrong project or credential stops the run with nothing half done. */
async function checkProject(client: JiraClient, signal?: AbortSignal): Promise<void> {
  const { tracker } = client;
  const response = await client.send(
    { method: 'GET', url: `${client.api}/project/${encodeURIComponent(tracker.project)}` },
    signal,
  );
  if (isOk(response)) return;
  if (response.status === 401 || response.status === 403) client.refuse(response, `opening project ${tracker.project}`);
  if (response.status === 404) {
    throw new TrackerError(
      `Jira project "${tracker.project}" was not found at ${tracker.baseUrl} (or the account cannot see it). ` +
        `Check trackers.${tracker.name}.project.`,
      `trackers.${tracker.name}.project`,
    );
  }
  throw new TrackerError(`Jira could not open project ${tracker.project}: ${responseError(response)}`);
}

async function findAccount(
  client: JiraClient,
  email: string,
  signal?: AbortSignal,
): Promise<{ accountId?: string; note?: string }> {
  const response = await client.send(
    { method: 'GET', url: `${client.api}/user/search?query=${encodeURIComponent(email)}` },
    signal,
  );
  if (response.status === 401) client.refuse(response, `looking up ${email}`);
  if (!isOk(response) || !Array.isArray(response.json))
    return { note: `left unassigned: looking up ${email} failed (${responseError(response)})` };
  const users = (response.json as { accountId?: unknown; emailAddress?: unknown; active?: unknown }[]).filter(
    (u) => typeof u.accountId === 'string' && u.active !== false,
  );
  // Email addresses are often hidden by privacy settings; a single answer to an email query is the person.
  const match =
    users.find((u) => typeof u.emailAddress === 'string' && u.emailAddress.toLowerCase() === email.toLowerCase()) ??
    (users.length === 1 ? users[0] : undefined);
  return match
    ? { accountId: match.accountId as string }
    : { note: `left unassigned: no Jira account found for ${email}` };
}

interface BulkAnswer {
  issues?: { key?: unknown }[];
  errors?: { failedElementNumber?: unknown; elementErrors?: unknown; status?: unknown }[];
}

async function createChunk(
  client: JiraClient,
  items: ExportItem[],
  incident: IncidentContext,
  assignee: (owner: string | undefined, signal?: AbortSignal) => Promise<{ assignee?: JiraAssignee; note?: string }>,
  site: string,
  reconciler: Reconciler,
  signal?: AbortSignal,
): Promise<CreateResult> {
  const people = await Promise.all(items.map((item) => assignee(item.owner, signal)));
  const issueUpdates = items.map((item, i) => ({
    fields: jiraIssueFields(item, incident, client.tracker, people[i].assignee),
  }));
  // A bulk create that timed out or failed with 5xx may have created some issues: ask Jira
  // before repeating it, and after giving up.
  const confirmRetry = () => reconciler.nothingCreated(items, signal);
  let response: HttpResponse;
  try {
    response = await client.send(
      { method: 'POST', url: `${client.api}/issue/bulk`, body: { issueUpdates }, confirmRetry },
      signal,
    );
  } catch (error) {
    if (!(error instanceof TrackerError) || signal?.aborted) throw error;
    return reconciler.settle(items, error.message, signal);
  }
  if (response.status === 401 || response.status === 403) client.refuse(response, 'creating issues');
  const answer = (response.json ?? {}) as BulkAnswer;
  const failedAt = new Map<number, string>();
  for (const error of Array.isArray(answer.errors) ? answer.errors : []) {
    if (typeof error.failedElementNumber === 'number')
      failedAt.set(
        error.failedElementNumber,
        jiraErrorText(error.elementErrors, typeof error.status === 'number' ? error.status : undefined),
      );
  }
  const issues = Array.isArray(answer.issues) ? answer.issues : [];
  if (!isOk(response) && failedAt.size === 0) {
    if (response.status >= 500)
      return reconciler.settle(items, `Jira failed while creating the issue: ${responseError(response)}`, signal);
    return {
      created: [],
      failed: items.map((item) => ({
        index: item.index,
        error: `Jira did not create the issue: ${responseError(response)}`,
      })),
    };
  }
  // `issues` lists the created issues in request order, skipping the failed elements.
  const created: CreatedTicket[] = [];
  const failed: FailedItem[] = [];
  let next = 0;
  items.forEach((item, i) => {
    const error = failedAt.get(i);
    if (error !== undefined) return void failed.push({ index: item.index, error });
    const key = issues[next++]?.key;
    if (typeof key !== 'string')
      return void failed.push({ index: item.index, error: 'Jira reported no issue for this item' });
    reconciler.take(key);
    const ticket: CreatedTicket = { index: item.index, key, url: `${site}/browse/${key}` };
    if (people[i].note) ticket.note = people[i].note;
    created.push(ticket);
  });
  return { created, failed };
}

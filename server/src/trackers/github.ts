import {
  githubErrorMessage,
  githubIncidentLabel,
  githubIssueRequest,
  parseGitHubKey,
  type GitHubSettings,
} from './githubIssue';
import { githubIncidentLookup } from './githubLookup';
import type { HttpResponse, RemoteTrackerDeps } from './http';
import { ticketTitle } from './markdownTicket';
import { createOneByOne, notCreated, settingName, type ItemOutcome } from './oneByOne';
import { Reconciler } from './reconcile';
import { secureBaseUrl } from './secureBaseUrl';
import { checkSettings } from './settingChecks';
import { GITHUB_REPO, GITHUB_SETTINGS } from './settingsSpec';
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

const TOKEN = 'HINDSIGHT_GITHUB_TOKEN';

/**
 * GitHub Issues: one `POST /repos/{owner}/{repo}/issues` per item (GitHub has no bulk create),
 * keys `owner/repo#N`, status from the issue's open/closed state.
 */
export function createGitHubAdapter(
  tracker: GitHubSettings & { name?: string },
  deps: RemoteTrackerDeps,
): TrackerAdapter {
  const setting = settingName(tracker.name);
  checkSettings(tracker, GITHUB_SETTINGS, setting);
  const base = secureBaseUrl(tracker.baseUrl ?? 'https://api.github.com', setting('baseUrl'));
  if (!GITHUB_REPO.test(tracker.repo ?? ''))
    throw new TrackerError(`${setting('repo')} must be owner/repo, not "${tracker.repo ?? ''}".`, setting('repo'));
  const [owner, repo] = tracker.repo.split('/');
  const headers = (): Record<string, string> => {
    const token = deps.credentials.token;
    if (!token)
      throw new TrackerError(
        `No GitHub token: set ${TOKEN} (a token allowed to create issues in ${tracker.repo}).`,
        TOKEN,
      );
    return {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      authorization: `Bearer ${token}`,
    };
  };

  return {
    kind: 'github',
    async create(items: ExportItem[], incident: IncidentContext, signal?: AbortSignal): Promise<CreateResult> {
      const url = `${base}/repos/${encodeURIComponent(owner)}/${encodeURIComponent(repo)}/issues`;
      const label = githubIncidentLabel(incident, tracker);
      // Without the incident's label there is nothing safe to look up by: another incident's issue
      // with the same title would be taken for this item's, leaving the item silently untracked.
      const lookup = label
        ? githubIncidentLookup({
            issuesUrl: url,
            repo: tracker.repo,
            label,
            get: (pageUrl, s) => deps.http.send({ method: 'GET', url: pageUrl, headers: headers() }, s),
            runFailure: (r) => runFailure(r, tracker.repo, setting('repo')),
          })
        : async () => [];
      const reconciler = new Reconciler(lookup, ticketTitle, incident.ticketsInDocument);
      const made = (index: number, response: HttpResponse, note: string | undefined): ItemOutcome => {
        const result = ticket(index, response, tracker.repo, note);
        reconciler.take(result.key);
        return { created: [result], failed: [] };
      };
      const failure = (item: ExportItem, response: HttpResponse) =>
        notCreated(
          item,
          githubErrorMessage(response.status, response.json, response.text),
          response.status,
          reconciler,
          signal,
        );
      const createIssue = async (item: ExportItem): Promise<ItemOutcome> => {
        const { request, note } = githubIssueRequest(item, incident, tracker);
        // A create that timed out or failed with 5xx may have made the issue: GitHub is asked before it is repeated.
        const confirmRetry = () => reconciler.nothingCreated([item], signal);
        const post = (body: object) =>
          deps.http.send({ method: 'POST', url, headers: headers(), body, confirmRetry }, signal);
        let response = await post(request);
        // A login GitHub does not accept fails the whole issue: create it unassigned instead.
        if (response.status === 422 && request.assignees && mentionsAssignees(response.json)) {
          const { assignees, ...unassigned } = request;
          response = await post(unassigned);
          if (response.status !== 201) return failure(item, response);
          return made(item.index, response, `not assigned: GitHub refused @${assignees[0]} as an assignee`);
        }
        if (response.status === 201)
          return made(item.index, response, note ?? droppedAssignee(request.assignees, response.json));
        // A failure every other item would meet too ends the run.
        const stop = runFailure(response, tracker.repo, setting('repo'));
        if (stop) throw stop;
        return failure(item, response);
      };
      return createOneByOne(items, reconciler, createIssue, signal);
    },

    async status(keys: string[], signal?: AbortSignal): Promise<StatusResult> {
      const states = new Map<string, TicketState>();
      const failed: StatusResult['failed'] = [];
      for (const key of keys) {
        const parsed = parseGitHubKey(key);
        if (!parsed) {
          failed.push({ key, error: 'not a GitHub issue key (owner/repo#number)' });
          continue;
        }
        const [keyOwner, keyRepo] = parsed.repo.split('/');
        const repoPath = `${encodeURIComponent(keyOwner)}/${encodeURIComponent(keyRepo)}`;
        const url = `${base}/repos/${repoPath}/issues/${parsed.number}`;
        const response = await deps.http.send({ method: 'GET', url, headers: headers() }, signal);
        const stop =
          response.status === 404 || response.status === 410
            ? undefined
            : runFailure(response, parsed.repo, setting('repo'));
        if (stop) throw stop;
        const issue = response.json as { state?: string } | undefined;
        if (response.status === 200 && (issue?.state === 'open' || issue?.state === 'closed')) {
          // Closed as not planned is still closed: nothing is left to do for the postmortem.
          states.set(key, issue.state === 'closed' ? 'done' : 'open');
        } else failed.push({ key, error: githubErrorMessage(response.status, response.json, response.text) });
      }
      return { states, failed };
    },
  };
}

function ticket(index: number, response: HttpResponse, configured: string, note: string | undefined): CreatedTicket {
  const issue = response.json as { number: number; html_url: string; repository_url?: string };
  // The repository's current name, should it have moved since the configuration was written.
  const repo = issue.repository_url?.split('/repos/')[1] || configured;
  const result: CreatedTicket = { index, key: `${decodeURIComponent(repo)}#${issue.number}`, url: issue.html_url };
  if (note) result.note = note;
  return result;
}

/** A status that would fail every other item the same way, worded as what to fix; undefined for per-item failures. */
function runFailure(response: HttpResponse, repo: string, repoSetting: string): TrackerError | undefined {
  const said = githubErrorMessage(response.status, response.json, response.text);
  if (response.status === 401) return new TrackerError(`GitHub refused the token (${said}). Check ${TOKEN}.`, TOKEN);
  if (response.status === 403 && response.headers.get('x-ratelimit-remaining') === '0') {
    const reset = Number(response.headers.get('x-ratelimit-reset'));
    const when = Number.isFinite(reset) && reset > 0 ? ` until ${new Date(reset * 1000).toISOString()}` : '';
    return new TrackerError(`GitHub's rate limit for this token is used up${when} (${said}).`);
  }
  if (response.status === 403)
    return new TrackerError(
      `GitHub refused access to ${repo} (${said}). Check that ${TOKEN} may create issues there.`,
      TOKEN,
    );
  if (response.status === 404)
    return new TrackerError(
      `GitHub does not show ${repo} to this token (${said}). Check ${repoSetting} and ${TOKEN}.`,
      repoSetting,
    );
  if (response.status === 410) return new TrackerError(`Issues are turned off in ${repo} (${said}).`, repoSetting);
  return undefined;
}

function mentionsAssignees(json: unknown): boolean {
  const errors = (json as { errors?: { field?: string }[] } | undefined)?.errors;
  return Array.isArray(errors) && errors.some((e) => e?.field === 'assignees' || e?.field === 'assignee');
}

// GitHub silently drops assignees the token may not assign; say so rather than let it pass unnoticed.
function droppedAssignee(asked: string[] | undefined, json: unknown): string | undefined {
  if (!asked?.length) return undefined;
  const given = ((json as { assignees?: { login?: string }[] }).assignees ?? []).map((a) => a.login?.toLowerCase());
  return given.includes(asked[0].toLowerCase())
    ? undefined
    : `not assigned: GitHub dropped @${asked[0]} (no permission to assign, or not a collaborator)`;
}

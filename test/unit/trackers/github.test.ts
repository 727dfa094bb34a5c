/** The GitHub Issues adapter against GitHub's own OpenAPI description, with no network. */
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { createGitHubAdapter } from '../../../server/src/trackers/github';
import { githubIssueRequest, githubLogin } from '../../../server/src/trackers/githubIssue';
import { Http } from '../../../server/src/trackers/http';
import {
  TrackerError,
  type CreatedTicket,
  type ExportItem,
  type IncidentContext,
} from '../../../server/src/trackers/types';
import { fixture, githubApi, githubFetch, issueAnswer, type Answer, type SeenRequest } from './githubContract';

const incident: IncidentContext = {
  id: 'INC-20250310-checkout-errors',
  title: 'Checkout errors after the payment gateway deploy',
  severity: 'SEV2',
  file: 'postmortems/2025-03-10-checkout-errors.md',
  link: 'https://git.acme.example/web/blob/main/postmortems/2025-03-10-checkout-errors.md',
};
const items: ExportItem[] = [
  {
    index: 0,
    action: 'Add a canary stage for the gateway',
    owner: '@dana',
    due: '2025-04-01',
    priority: 'high',
    state: 'open',
    type: 'prevent',
  },
  {
    index: 1,
    action: 'Alert on checkout error rate',
    owner: 'Sam Lee',
    due: '2025-04-15',
    priority: 'medium',
    state: 'open',
  },
  { index: 3, action: 'Write the rollback runbook', owner: 'Alex Kim <alex@acme.example>', state: 'open' },
];
const settings = { repo: 'acme/web', assignees: { 'sam lee': 'samlee' } };

type StoredIssue = { number: number; title: string; labels: string[] };

/**
 * GitHub as a script: numbers issues from 100, echoes the assignees asked for, and lists what it
 * holds by label, two a page. `override` sees each create with its attempt number, and may answer it.
 */
function creating(override?: (request: SeenRequest, attempt: number) => Answer | undefined, store: StoredIssue[] = []) {
  let attempt = 0;
  const respond = (request: SeenRequest): Answer => {
    if (request.operationId === 'issues/list-for-repo') return listing(store, request);
    const answer = override?.(request, attempt++);
    if (answer) return answer;
    return { status: 201, body: createIn(store, request) };
  };
  return Object.assign(respond, { store });
}

function createIn(store: StoredIssue[], request: SeenRequest) {
  const body = request.body as { title: string; labels: string[]; assignees?: string[] };
  const number = 100 + store.length;
  store.push({ number, title: body.title, labels: body.labels });
  return issueAnswer(`${request.params.owner}/${request.params.repo}`, number, {
    title: body.title,
    assignees: body.assignees,
  });
}

function listing(store: StoredIssue[], request: SeenRequest): Answer {
  const { labels, per_page: perPage, page = '1' } = request.query;
  const size = Math.min(Number(perPage), 2);
  const matching = store.filter((issue) => issue.labels.includes(labels));
  const rows = matching.slice((Number(page) - 1) * size, Number(page) * size);
  const more = Number(page) * size < matching.length;
  const query = `labels=${encodeURIComponent(labels)}&state=all&per_page=${perPage}&page=${Number(page) + 1}`;
  const next = `https://api.github.com/repos/acme/web/issues?${query}`;
  // A pull request with the same title is listed too, as GitHub does: it is not an issue.
  const pullRequest =
    page === '1' && matching[0]
      ? [
          {
            ...issueAnswer('acme/web', 999, { title: matching[0].title }),
            pull_request: {
              url: 'https://api.github.com/repos/acme/web/pulls/999',
              html_url: 'https://github.com/acme/web/pull/999',
              diff_url: null,
              patch_url: null,
            },
          },
        ]
      : [];
  const body = [...pullRequest, ...rows.map((issue) => issueAnswer('acme/web', issue.number, { title: issue.title }))];
  return { status: 200, body, headers: more ? { link: `<${next}>; rel="next"` } : {} };
}

async function adapterWith(
  respond: (request: SeenRequest) => Answer,
  options: { base?: string; token?: string; tracker?: object } = {},
) {
  const contract = await githubFetch(respond, options.base);
  const http = new Http({ fetch: contract.fetch, sleep: async () => undefined, retries: 2 });
  const adapter = createGitHubAdapter(
    { ...settings, ...options.tracker },
    { http, credentials: { token: options.token ?? 'ghp_test' } },
  );
  return { adapter, ...contract };
}

const creates = (seen: SeenRequest[]) => seen.filter((s) => s.operationId === 'issues/create');

describe('GitHub adapter', () => {
  before(async () => {
    const { patched } = await githubApi();
    assert.ok(patched > 0, 'the nullable-without-type schemas were found and patched');
  });

  it('the validating fetch refuses an issue without a title, and one with a wrongly typed field', async () => {
    const { fetch, violations } = await githubFetch(() => ({ status: 201, body: issueAnswer('acme/web', 1) }));
    const headers = {
      accept: 'application/vnd.github+json',
      'x-github-api-version': '2022-11-28',
      authorization: 'Bearer t',
      'content-type': 'application/json',
    };
    const missing = await fetch('https://api.github.com/repos/acme/web/issues', {
      method: 'POST',
      headers,
      body: JSON.stringify({ body: 'no title' }),
    });
    assert.equal(missing.status, 400);
    assert.match(violations[0], /issues\/create.*title/);
    // milestone is the schema that had `nullable` without `type`: it is checked, not skipped.
    const milestone = await fetch('https://api.github.com/repos/acme/web/issues', {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 't', milestone: { n: 1 } }),
    });
    assert.equal(milestone.status, 400);
    assert.match(violations[1], /milestone/);
    const fine = await fetch('https://api.github.com/repos/acme/web/issues', {
      method: 'POST',
      headers,
      body: JSON.stringify({ title: 't', milestone: 3 }),
    });
    assert.equal(fine.status, 201);
    assert.equal(violations.length, 2);
  });

  it('creates one issue per item with the details, labels and assignees GitHub expects', async () => {
    const { adapter, seen, violations } = await adapterWith(creating());
    const result = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key, t.url]),
      [
        [0, 'acme/web#100', 'https://github.com/acme/web/issues/100'],
        [1, 'acme/web#101', 'https://github.com/acme/web/issues/101'],
        [3, 'acme/web#102', 'https://github.com/acme/web/issues/102'],
      ],
    );
    assert.deepEqual(result.failed, []);
    assert.deepEqual(
      seen.map((s) => s.operationId),
      ['issues/list-for-repo', 'issues/create', 'issues/create', 'issues/create'],
    );
    assert.deepEqual(seen[0].query, {
      labels: 'INC-20250310-checkout-errors',
      state: 'all',
      per_page: '100',
      page: '1',
    });
    const [first, second, third] = creates(seen).map(
      (s) => s.body as { title: string; body: string; labels: string[]; assignees?: string[] },
    );
    assert.equal(first.title, 'Add a canary stage for the gateway');
    assert.deepEqual(first.labels, ['postmortem', 'INC-20250310-checkout-errors']);
    assert.deepEqual(first.assignees, ['dana']);
    for (const expected of [
      '@dana',
      '2025-04-01',
      'high',
      'prevent',
      'INC-20250310-checkout-errors',
      incident.link!,
      '`postmortems/2025-03-10-checkout-errors.md`',
    ]) {
      assert.ok(first.body.includes(expected), `body has ${expected}`);
    }
    assert.deepEqual(second.assignees, ['samlee'], 'names map to logins whatever their case');
    assert.equal(third.assignees, undefined, 'an owner with no known login leaves the issue unassigned');
    const notes = (result.created as CreatedTicket[]).map((t) => t.note);
    assert.deepEqual(notes.slice(0, 2), [undefined, undefined]);
    assert.match(notes[2]!, /not assigned: no GitHub login is known for "Alex Kim <alex@acme.example>"/);
  });

  it('waits out a 429 and goes on', async () => {
    const { adapter, seen, violations } = await adapterWith(
      creating((_, attempt) =>
        attempt === 0 ? { status: 429, body: { message: 'slow down' }, headers: { 'retry-after': '0' } } : undefined,
      ),
    );
    const result = await adapter.create(items.slice(0, 1), incident);
    assert.deepEqual(violations, []);
    assert.equal(creates(seen).length, 2);
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['acme/web#100'],
    );
  });

  it('lists an item GitHub keeps failing on with its message, and creates the others', async () => {
    const failing = (request: SeenRequest) =>
      (request.body as { title: string }).title.startsWith('Alert')
        ? { status: 500, body: fixture('github-server-error.json') }
        : undefined;
    const { adapter, seen } = await adapterWith(creating(failing));
    const result = await adapter.create(items, incident);
    assert.deepEqual(
      result.created.map((t) => t.index),
      [0, 3],
    );
    assert.deepEqual(result.failed, [{ index: 1, error: 'GitHub answered 500: Server Error' }]);
    assert.equal(creates(seen).length, 5, 'the failing item was tried three times');
  });

  it('stops at a refused token and names the credential', async () => {
    const { adapter, seen } = await adapterWith(() => ({ status: 401, body: fixture('github-bad-credentials.json') }));
    await assert.rejects(adapter.create(items, incident), (error: unknown) => {
      assert.ok(error instanceof TrackerError);
      assert.equal(error.fix, 'HINDSIGHT_GITHUB_TOKEN');
      assert.match(error.message, /Bad credentials.*HINDSIGHT_GITHUB_TOKEN/);
      assert.doesNotMatch(error.message, /ghp_test/);
      return true;
    });
    assert.equal(seen.length, 1);
  });

  it('keeps what was created when access is refused half-way, so the write-back still happens', async () => {
    const { adapter } = await adapterWith(
      creating((_, attempt) =>
        attempt >= 1
          ? { status: 403, body: { message: 'Resource not accessible by integration', documentation_url: 'x' } }
          : undefined,
      ),
    );
    const result = await adapter.create(items, incident);
    assert.deepEqual(
      result.created.map((t) => t.index),
      [0],
    );
    assert.deepEqual(
      result.failed.map((f) => f.index),
      [1, 3],
    );
    assert.match(result.failed[0].error, /Resource not accessible by integration/);
  });

  it('creates the issue unassigned when GitHub refuses the login', async () => {
    const refuse = (request: SeenRequest) =>
      (request.body as { assignees?: string[] }).assignees
        ? { status: 422, body: fixture('github-validation-failed.json') }
        : undefined;
    const { adapter, seen, violations } = await adapterWith(creating(refuse));
    const result = await adapter.create(items.slice(0, 1), incident);
    assert.deepEqual(violations, []);
    assert.equal(creates(seen).length, 2);
    assert.equal((creates(seen)[1].body as { assignees?: string[] }).assignees, undefined);
    assert.match((result.created[0] as CreatedTicket).note!, /GitHub refused @dana/);
  });

  it('reads the state of each issue: closed, even as not planned, is done', async () => {
    const states: Record<string, Answer> = {
      '1': { status: 200, body: issueAnswer('acme/web', 1) },
      '2': { status: 200, body: issueAnswer('acme/web', 2, { state: 'closed', state_reason: 'completed' }) },
      '3': { status: 200, body: issueAnswer('acme/web', 3, { state: 'closed', state_reason: 'not_planned' }) },
      '4': { status: 404, body: { message: 'Not Found', documentation_url: 'x' } },
    };
    const { adapter, seen, violations } = await adapterWith((request) => states[request.params.issue_number]);
    const result = await adapter.status(['acme/web#1', 'acme/web#2', 'acme/web#3', 'acme/web#4', 'PAY-12']);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      seen.map((s) => s.operationId),
      ['issues/get', 'issues/get', 'issues/get', 'issues/get'],
    );
    assert.deepEqual(
      [...result.states],
      [
        ['acme/web#1', 'open'],
        ['acme/web#2', 'done'],
        ['acme/web#3', 'done'],
      ],
    );
    assert.deepEqual(result.failed, [
      { key: 'acme/web#4', error: 'GitHub answered 404: Not Found' },
      { key: 'PAY-12', error: 'not a GitHub issue key (owner/repo#number)' },
    ]);
  });

  it('talks to GitHub Enterprise at its base URL, and only over HTTPS', async () => {
    const base = 'https://github.acme.example/api/v3';
    const { adapter, seen, violations } = await adapterWith(creating(), { base, tracker: { baseUrl: `${base}/` } });
    await adapter.create(items.slice(0, 1), incident);
    assert.deepEqual(violations, []);
    assert.equal(seen[0].path, '/repos/acme/web/issues');
    const http = new Http({ fetch: globalThis.fetch });
    assert.throws(
      () =>
        createGitHubAdapter(
          { repo: 'acme/web', baseUrl: 'http://github.acme.example/api/v3' },
          { http, credentials: {} },
        ),
      /https/,
    );
    assert.doesNotThrow(() =>
      createGitHubAdapter({ repo: 'acme/web', baseUrl: 'http://127.0.0.1:8080/api/v3' }, { http, credentials: {} }),
    );
    assert.throws(() => createGitHubAdapter({ repo: 'web' }, { http, credentials: {} }), /owner\/repo/);
  });

  it('asks for the token before sending anything', async () => {
    const { adapter, seen } = await adapterWith(creating(), { token: '' });
    await assert.rejects(adapter.create(items, incident), /HINDSIGHT_GITHUB_TOKEN/);
    assert.equal(seen.length, 0);
  });

  it('stops when cancelled and keeps what was created', async () => {
    const controller = new AbortController();
    const { adapter } = await adapterWith(
      creating((_, attempt) => (attempt === 0 ? (controller.abort(), undefined) : undefined)),
    );
    const result = await adapter.create(items, incident, controller.signal);
    assert.deepEqual(
      result.created.map((t) => t.index),
      [0],
    );
    assert.deepEqual(
      result.failed.map((f) => f.index),
      [1, 3],
    );
  });

  it('a re-run finds the issue a 500 hid, not a same-titled pull request, and creates nothing again', async () => {
    const store: StoredIssue[] = [];
    let broken = true;
    const respond = creating((request) => {
      if (!broken || !(request.body as { title: string }).title.startsWith('Alert')) return undefined;
      // GitHub made the issue, then the answer was lost.
      createIn(store, request);
      return { status: 502, body: fixture('github-server-error.json') };
    }, store);
    // While GitHub is failing, its listing fails too: the first run cannot tell that the issue exists.
    const degraded = (request: SeenRequest) =>
      broken && store.length > 0 && request.operationId === 'issues/list-for-repo'
        ? { status: 503, body: fixture('github-server-error.json') }
        : respond(request);
    const { adapter, seen, violations } = await adapterWith(degraded);
    const first = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      first.created.map((t) => t.index),
      [0, 3],
    );
    assert.deepEqual(first.failed, [{ index: 1, error: 'GitHub answered 502: Server Error' }]);
    assert.equal(creates(seen).length, 3, 'the ambiguous create was not repeated blind');
    assert.equal(store.length, 3);

    broken = false;
    const second = await adapter.create(items.slice(1, 2), incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      second.created.map((t) => [t.index, t.key, t.url]),
      [[1, 'acme/web#101', 'https://github.com/acme/web/issues/101']],
    );
    assert.match(second.created[0].note ?? '', /already in the tracker.*not created again/);
    assert.equal(store.length, 3, 'no duplicates');
    assert.equal(creates(seen).length, 3);
    const pages = seen
      .filter((s) => s.operationId === 'issues/list-for-repo')
      .slice(-2)
      .map((s) => s.query.page);
    assert.deepEqual(pages, ['1', '2'], 'pages until a short page');
  });

  it('within a run, repeats a create that failed with 500 only after GitHub says the issue is not there', async () => {
    const store: StoredIssue[] = [];
    const { adapter, seen } = await adapterWith(
      creating(
        (request, attempt) =>
          attempt === 0
            ? (createIn(store, request), { status: 500, body: fixture('github-server-error.json') })
            : undefined,
        store,
      ),
    );
    const result = await adapter.create(items.slice(0, 1), incident);
    assert.equal(store.length, 1, 'no duplicate');
    assert.equal(creates(seen).length, 1);
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['acme/web#100'],
    );
    assert.match(
      result.created[0].note ?? '',
      /created although the tracker answered with an error \(GitHub answered 500: Server Error\)/,
    );
  });

  it('creates nothing when the issue listing fails', async () => {
    const failing = await adapterWith((request) =>
      request.operationId === 'issues/list-for-repo'
        ? { status: 500, body: fixture('github-server-error.json') }
        : creating()(request),
    );
    const result = await failing.adapter.create(items, incident);
    assert.deepEqual(result.created, []);
    assert.deepEqual(
      result.failed.map((f) => f.index),
      [0, 1, 3],
    );
    assert.match(
      result.failed[0].error,
      /^could not check for issues created by an earlier run: GitHub answered 500: Server Error$/,
    );
    assert.equal(creates(failing.seen).length, 0);
  });

  it("does not look up unlabelled issues: a title alone could be another incident's", async () => {
    const { adapter, seen } = await adapterWith(creating(), { tracker: { incidentLabel: false } });
    await adapter.create(items.slice(0, 1), incident);
    assert.deepEqual(
      seen.map((s) => s.operationId),
      ['issues/create'],
    );
  });

  it('reads owners as @login or by the map (name, email, part of Name <email>); labels within 50', () => {
    const map = { 'Dana Smith': '@dana', 'sam@acme.example': 'samlee' };
    assert.equal(githubLogin('@octo-cat', map), 'octo-cat');
    assert.equal(githubLogin('dana smith', map), 'dana');
    assert.equal(githubLogin('Sam Lee <SAM@acme.example>', map), 'samlee');
    assert.equal(githubLogin('Nobody', map), undefined);
    assert.equal(githubLogin('@not a login', map), undefined);
    const long = { ...incident, id: `INC-20250310-${'very-long-slug-'.repeat(5)}` };
    const { request } = githubIssueRequest(items[0], long, { repo: 'acme/web', labels: ['incident', 'postmortem'] });
    assert.deepEqual(
      request.labels.map((l) => l.length <= 50),
      [true, true, true],
    );
    assert.equal(request.labels[0], 'incident');
    assert.equal(
      githubIssueRequest(items[0], long, { repo: 'acme/web', incidentLabel: false }).request.labels.length,
      1,
    );
  });
});

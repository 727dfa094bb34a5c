/**
 * The Jira Cloud adapter against Jira's own API description: every request it sends is validated
 * in-process (jiraContract.ts); answers come from fixtures. No network is used.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { analyzeText } from '../../../server/src/core/analyzer';
import { applyEdits } from '../../../server/src/core/text/edits';
import { parseTracker, type JiraCloudConfig } from '../../../server/src/trackers/config';
import { Http } from '../../../server/src/trackers/http';
import { createAdapter } from '../../../server/src/trackers/index';
import { planExport } from '../../../server/src/trackers/plan';
import { jqlString } from '../../../server/src/trackers/jiraLookup';
import { exportActionItems, refreshStatus } from '../../../server/src/trackers/run';
import { TrackerError, type ExportItem } from '../../../server/src/trackers/types';
import { fixture, JIRA_FIXTURES, jiraFetch, SITE, type Answer, type SeenRequest } from './jiraContract';

const TOKEN = 'super-secret-token-123';
const tracker = (extra: Record<string, unknown> = {}) =>
  parseTracker('jira', {
    type: 'jira-cloud',
    baseUrl: SITE,
    project: 'PAY',
    email: 'bot@example.com',
    labels: ['postmortem', 'game day'],
    parent: 'PAY-1',
    priorities: { P1: 'Critical' },
    customFields: { customfield_10010: 'ops' },
    ...extra,
  }) as JiraCloudConfig;

interface FakeJiraState {
  /** Keys of every issue created, in order: a duplicate shows up as one key too many. */
  created: string[];
  issues: { key: string; summary: string; labels: string[] }[];
}

/**
 * A Jira that creates every issue it is asked for, numbering them from PAY-100, and finds them again
 * by label through /search/jql, a page of two at a time; `override` answers first when it wants.
 */
function fakeJira(override?: (request: SeenRequest, jira: FakeJiraState) => Answer | undefined) {
  const jira: FakeJiraState = { created: [], issues: [] };
  const respond = (request: SeenRequest): Answer => {
    const custom = override?.(request, jira);
    if (custom) return custom;
    if (request.operationId === 'getProject') return { status: 200, body: fixture('project.json') };
    if (request.operationId === 'findUsers')
      return { status: 200, body: request.query.query === 'ana@example.com' ? fixture('user-search-ana.json') : [] };
    if (request.operationId === 'createIssues')
      return { status: 201, body: { issues: createAll(jira, request), errors: [] } };
    if (request.operationId === 'searchAndReconsileIssuesUsingJqlPost')
      return searchByLabel(jira, request.body as { jql: string; nextPageToken?: string });
    return { status: 500, body: fixture('server-error.json') };
  };
  return { jira, respond };
}

function createAll(jira: FakeJiraState, request: SeenRequest) {
  const updates = (request.body as { issueUpdates: { fields: { summary: string; labels?: string[] } }[] }).issueUpdates;
  return updates.map(({ fields }) => {
    const key = `PAY-${100 + jira.created.length}`;
    jira.created.push(key);
    jira.issues.push({ key, summary: fields.summary, labels: fields.labels ?? [] });
    return { id: String(10000 + jira.created.length), key, self: `${SITE}/rest/api/3/issue/${key}` };
  });
}

/** Understands just the JQL the adapter sends for earlier issues: project = "PAY" AND labels = "…". */
function searchByLabel(jira: FakeJiraState, body: { jql: string; nextPageToken?: string }): Answer {
  const label = /^project = "PAY" AND labels = "([^"]+)"$/.exec(body.jql)?.[1];
  if (!label) return { status: 400, body: { errorMessages: [`the fake does not understand ${body.jql}`] } };
  const matching = jira.issues.filter((issue) => issue.labels.includes(label));
  const start = Number(body.nextPageToken ?? 0);
  const page = matching
    .slice(start, start + 2)
    .map((issue) => ({ id: issue.key, key: issue.key, fields: { summary: issue.summary } }));
  const isLast = start + 2 >= matching.length;
  return { status: 200, body: { issues: page, isLast, ...(isLast ? {} : { nextPageToken: String(start + 2) }) } };
}

async function setUp(
  override?: Parameters<typeof fakeJira>[0],
  options: { timeoutMs?: number; retries?: number; config?: Record<string, unknown> } = {},
) {
  const { jira, respond } = fakeJira(override);
  const contract = await jiraFetch(respond);
  const slept: number[] = [];
  const http = new Http({
    fetch: contract.fetch,
    sleep: async (ms) => void slept.push(ms),
    timeoutMs: options.timeoutMs,
    retries: options.retries,
  });
  const adapter = createAdapter(tracker(options.config), {
    http,
    credentials: { email: 'bot@example.com', token: TOKEN },
  });
  return { jira, adapter, slept, ...contract };
}

const incident = {
  id: 'INC-20250310-checkout-errors',
  title: 'Checkout errors',
  file: 'postmortems/checkout.md',
  link: 'https://docs.example.com/postmortems/checkout.md',
};
const item = (index: number, extra: Partial<ExportItem> = {}): ExportItem => ({
  index,
  action: `Action number ${index}`,
  state: 'open',
  ...extra,
});
const postmortem = (name: string) => readFileSync(join(JIRA_FIXTURES, name), 'utf8');

describe('Jira Cloud export', () => {
  it('sends bulk creates with ADF, labels, priority, parent, custom fields and accountId', async () => {
    const { adapter, seen, violations } = await setUp();
    const items = [
      item(0, {
        action: 'Add a canary stage',
        owner: 'Ana Lima <ana@example.com>',
        due: '2025-04-01',
        priority: 'high',
        priorityText: 'P1',
      }),
      item(1, { action: 'Alert on errors', owner: 'ana@example.com', priority: 'medium', priorityText: 'Medium' }),
      item(2, { action: 'Write the runbook', owner: 'Carol Diaz' }),
      item(3, { action: 'Ask around', owner: 'zed@example.com' }),
    ];
    const result = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key, t.url]),
      [0, 1, 2, 3].map((i) => [i, `PAY-${100 + i}`, `${SITE}/browse/PAY-${100 + i}`]),
    );
    assert.match(result.created[2].note ?? '', /unassigned.*"Carol Diaz" is not an email/);
    assert.match(result.created[3].note ?? '', /unassigned.*no Jira account found for zed@example.com/);
    assert.equal(result.created[0].note, undefined);
    // One lookup per email address, cached for the run.
    assert.deepEqual(
      seen.filter((r) => r.operationId === 'findUsers').map((r) => r.query.query),
      ['ana@example.com', 'zed@example.com'],
    );
    const bulk = seen.filter((r) => r.operationId === 'createIssues');
    assert.equal(bulk.length, 1);
    const [first, , third] = (bulk[0].body as { issueUpdates: { fields: Record<string, unknown> }[] }).issueUpdates.map(
      (u) => u.fields,
    );
    assert.equal(first.summary, 'Add a canary stage');
    assert.equal(first.duedate, '2025-04-01');
    assert.deepEqual(first.assignee, { accountId: '5b10a2844c20165700ede21g' });
    assert.deepEqual(first.priority, { name: 'Critical' }, 'the priorities map is read by the cell as written');
    assert.deepEqual(first.labels, ['postmortem', 'game-day', 'INC-20250310-checkout-errors']);
    assert.deepEqual(first.parent, { key: 'PAY-1' });
    assert.deepEqual(first.project, { key: 'PAY' });
    assert.deepEqual(first.issuetype, { name: 'Task' });
    assert.equal(first.customfield_10010, 'ops');
    assert.equal(third.assignee, undefined);
    const description = JSON.stringify(first.description);
    for (const expected of [
      'Checkout errors',
      'https://docs.example.com/postmortems/checkout.md',
      'postmortems/checkout.md',
      'INC-20250310-checkout-errors',
      'Ana Lima <ana@example.com>',
      '2025-04-01',
    ]) {
      assert.ok(description.includes(expected), `description lacks ${expected}`);
    }
    assert.equal(bulk[0].headers.authorization, `Basic ${Buffer.from(`bot@example.com:${TOKEN}`).toString('base64')}`);
  });

  it('sends OAuth tokens as Bearer', async () => {
    const { adapter, seen, violations } = await setUp(undefined, { config: { auth: 'bearer' } });
    await adapter.create([item(0)], incident);
    assert.deepEqual(violations, []);
    assert.ok(seen.every((r) => r.headers.authorization === `Bearer ${TOKEN}`));
  });

  it('creates at most 50 issues a call and maps each answer back to its item', async () => {
    const { adapter, seen, violations } = await setUp();
    const items = Array.from({ length: 120 }, (_, i) => item(i * 2));
    const result = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    const sizes = seen
      .filter((r) => r.operationId === 'createIssues')
      .map((r) => (r.body as { issueUpdates: unknown[] }).issueUpdates.length);
    assert.deepEqual(sizes, [50, 50, 20]);
    assert.equal(result.created.length, 120);
    assert.deepEqual(
      result.created.map((t) => t.index),
      items.map((i) => i.index),
    );
    assert.equal(result.created[119].key, 'PAY-219');
  });

  it('maps failedElementNumber errors back to their items and keeps the others', async () => {
    const { adapter, violations } = await setUp((request) =>
      request.operationId === 'createIssues' ? { status: 201, body: fixture('bulk-partial.json') } : undefined,
    );
    const result = await adapter.create([item(4), item(7), item(9)], incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key]),
      [
        [4, 'PAY-101'],
        [9, 'PAY-103'],
      ],
    );
    assert.deepEqual(result.failed, [
      { index: 7, error: 'priority: Specify the Priority (id or name) in the string format' },
    ]);
  });
});

describe('the contract check itself', () => {
  const send = async (fetch: typeof globalThis.fetch, path: string, body: unknown) =>
    fetch(`${SITE}${path}`, {
      method: 'POST',
      headers: { authorization: 'Bearer x', 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
  const fields = {
    project: { key: 'PAY' },
    issuetype: { name: 'Task' },
    summary: 'Do it',
    description: { version: 1, type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text: 'ok' }] }] },
  };

  it('accepts a well-formed bulk create', async () => {
    const { fetch, violations } = await jiraFetch(() => ({ status: 201, body: { issues: [], errors: [] } }));
    assert.equal((await send(fetch, '/rest/api/3/issue/bulk', { issueUpdates: [{ fields }] })).status, 201);
    assert.deepEqual(violations, []);
  });

  it('rejects a bulk body whose issueUpdates is not an array', async () => {
    const { fetch, violations } = await jiraFetch(() => ({ status: 201 }));
    assert.equal((await send(fetch, '/rest/api/3/issue/bulk', { issueUpdates: { fields } })).status, 400);
    assert.match(violations.join(), /createIssues.*issueUpdates/);
  });

  it('rejects a string description, an empty text node, a bad due date and more than 50 issues', async () => {
    const { fetch, violations } = await jiraFetch(() => ({ status: 201 }));
    await send(fetch, '/rest/api/3/issue/bulk', {
      issueUpdates: [{ fields: { ...fields, description: 'plain text' } }],
    });
    await send(fetch, '/rest/api/3/issue/bulk', {
      issueUpdates: [
        {
          fields: {
            ...fields,
            description: {
              version: 1,
              type: 'doc',
              content: [{ type: 'paragraph', content: [{ type: 'text', text: '' }] }],
            },
          },
        },
      ],
    });
    await send(fetch, '/rest/api/3/issue/bulk', {
      issueUpdates: [{ fields: { ...fields, duedate: '01/04/2025', assignee: { name: 'ana' } } }],
    });
    await send(fetch, '/rest/api/3/issue/bulk', { issueUpdates: Array.from({ length: 51 }, () => ({ fields })) });
    assert.equal(violations.length, 4);
    assert.match(violations[0], /description is not ADF/);
    assert.match(violations[1], /description is not ADF/);
    assert.match(violations[2], /duedate 01\/04\/2025.*assignee/);
    assert.match(violations[3], /51 issues/);
  });

  it('rejects the retired /rest/api/3/search and unknown paths', async () => {
    const { fetch, violations } = await jiraFetch(() => ({ status: 200 }));
    await send(fetch, '/rest/api/3/search', { jql: 'key in (PAY-1)' });
    await send(fetch, '/rest/api/3/issues/bulk', { issueUpdates: [] });
    assert.equal(violations.length, 2);
  });
});

describe('Jira Cloud faults', () => {
  it('waits as long as Retry-After says after a 429, then creates each issue once', async () => {
    let limited = false;
    const { adapter, slept, jira, violations } = await setUp((request) => {
      if (request.operationId !== 'createIssues' || limited) return undefined;
      limited = true;
      return { status: 429, body: { errorMessages: ['Rate limit exceeded'] }, headers: { 'retry-after': '7' } };
    });
    const result = await adapter.create([item(0), item(1)], incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(slept, [7000]);
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['PAY-100', 'PAY-101'],
    );
    assert.deepEqual(jira.created, ['PAY-100', 'PAY-101']);
  });

  it('writes back what a batch created before a later 500, and a re-run creates only the rest', async () => {
    const rows = Array.from({ length: 60 }, (_, i) => `| Fix thing ${i + 1} | ana@example.com | 2025-04-01 | Open |`);
    const text = [
      '# Outage',
      '',
      '## Action items',
      '',
      '| Action | Owner | Due | Status |',
      '| --- | --- | --- | --- |',
      ...rows,
      '',
    ].join('\n');
    let broken = true;
    let bulkCalls = 0;
    const { adapter, jira, slept, violations } = await setUp((request) => {
      if (request.operationId !== 'createIssues') return undefined;
      bulkCalls++;
      return broken && bulkCalls > 1 ? { status: 500, body: fixture('server-error.json') } : undefined;
    });
    const doc = analyzeText(text);
    const first = await exportActionItems(doc, adapter, planExport(doc, { file: 'outage.md' }));
    assert.deepEqual(violations, []);
    assert.equal(first.result.created.length, 50);
    assert.deepEqual(
      first.result.failed.map((f) => f.index),
      Array.from({ length: 10 }, (_, i) => 50 + i),
    );
    assert.match(first.result.failed[0].error, /Internal server error/);
    assert.equal(slept.length, 3, 'the 500 was retried before giving up');
    const afterFirst = applyEdits(text, doc.lines, first.edits);
    assert.match(
      afterFirst,
      /\| Fix thing 50 \| ana@example\.com \| 2025-04-01 \| Open \| \[PAY-149\]\(http:\/\/127\.0\.0\.1:9\/browse\/PAY-149\) \|/,
    );
    assert.match(afterFirst, /\| Fix thing 51 \| ana@example\.com \| 2025-04-01 \| Open \| {2}\|/);

    broken = false;
    const again = analyzeText(afterFirst);
    const plan = planExport(again, { file: 'outage.md' });
    assert.equal(plan.toCreate.length, 10);
    assert.equal(plan.skipped.length, 50);
    const second = await exportActionItems(again, adapter, plan);
    assert.equal(second.result.failed.length, 0);
    const final = applyEdits(afterFirst, again.lines, second.edits);
    assert.equal(jira.created.length, 60, 'no duplicates');
    assert.equal(new Set(analyzeText(final).actionItems.map((i) => i.ticket?.text)).size, 60);
    const third = planExport(analyzeText(final), { file: 'outage.md' });
    assert.equal(third.toCreate.length, 0, 'running again creates nothing');
  });

  it('bounds a request that never answers, and lists the items as failed', async () => {
    const { respond } = fakeJira();
    const contract = await jiraFetch(respond);
    const hanging: typeof fetch = async (input, init) => {
      if (!String(input).includes('/issue/bulk')) return contract.fetch(input, init);
      // A real socket keeps the process alive while it waits (AbortSignal.timeout's timer does not).
      const socket = setInterval(() => undefined, 1000);
      return new Promise((_, reject) =>
        init?.signal?.addEventListener('abort', () => (clearInterval(socket), reject(init.signal?.reason))),
      );
    };
    const http = new Http({ fetch: hanging, timeoutMs: 30, retries: 1, sleep: async () => undefined });
    const adapter = createAdapter(tracker(), { http, credentials: { email: 'bot@example.com', token: TOKEN } });
    const result = await adapter.create([item(0), item(1)], incident);
    assert.deepEqual(result.created, []);
    assert.deepEqual(
      result.failed.map((f) => f.index),
      [0, 1],
    );
    assert.match(result.failed[0].error, /failed after 2 attempts: no answer within/);
  });

  it('names the credential to fix on 401, without the token', async () => {
    const { adapter } = await setUp((request) =>
      request.operationId === 'getProject' ? { status: 401, body: fixture('unauthorized.json') } : undefined,
    );
    await assert.rejects(adapter.create([item(0)], incident), (error: unknown) => {
      assert.ok(error instanceof TrackerError);
      assert.match(error.message, /HINDSIGHT_JIRA_EMAIL and HINDSIGHT_JIRA_TOKEN/);
      assert.match(error.message, /Client must be authenticated/);
      assert.equal(error.fix, 'HINDSIGHT_JIRA_TOKEN');
      assert.ok(!error.message.includes(TOKEN));
      return true;
    });
  });

  it('says the project was not found on 404, before creating anything', async () => {
    const { adapter, seen } = await setUp((request) =>
      request.operationId === 'getProject' ? { status: 404, body: fixture('project-not-found.json') } : undefined,
    );
    await assert.rejects(adapter.create([item(0)], incident), /Jira project "PAY" was not found/);
    assert.equal(seen.filter((r) => r.operationId === 'createIssues').length, 0);
  });

  it('asks for the missing credential by its environment variable', async () => {
    const contract = await jiraFetch(() => ({ status: 200 }));
    const adapter = createAdapter(tracker({ email: undefined }), {
      http: new Http({ fetch: contract.fetch }),
      credentials: {},
    });
    await assert.rejects(adapter.create([item(0)], incident), /set HINDSIGHT_JIRA_TOKEN/);
    const noEmail = createAdapter(tracker({ email: undefined }), {
      http: new Http({ fetch: contract.fetch }),
      credentials: { token: TOKEN },
    });
    await assert.rejects(noEmail.create([item(0)], incident), /set HINDSIGHT_JIRA_EMAIL or trackers\.jira\.email/);
  });
});

describe('Jira Cloud: no duplicates after a create that failed without saying whether it happened', () => {
  const text = [
    '---',
    'id: INC-20250310-checkout-errors',
    '---',
    '# Checkout errors',
    '',
    '## Action items',
    '',
    '| Action | Owner | Due | Status |',
    '| --- | --- | --- | --- |',
    '| Add a canary stage | ana@example.com | 2025-04-01 | Open |',
    '| Alert   on ERRORS | ana@example.com | 2025-04-01 | Open |',
    '',
  ].join('\n');
  const searches = (seen: SeenRequest[]) =>
    seen.filter((r) => r.operationId === 'searchAndReconsileIssuesUsingJqlPost');

  it('a re-run finds the issues a 500 hid, writes their keys back and creates nothing', async () => {
    let failCreate = true;
    let searchDown = false;
    const { adapter, jira, seen, violations } = await setUp((request, state) => {
      if (request.operationId === 'createIssues' && failCreate) {
        // Jira made the issues, then the answer was lost: the gateway says 500.
        createAll(state, request);
        searchDown = true;
        return { status: 500, body: fixture('server-error.json') };
      }
      if (request.operationId === 'searchAndReconsileIssuesUsingJqlPost' && searchDown)
        return { status: 503, body: fixture('server-error.json') };
      return undefined;
    });
    const doc = analyzeText(text);
    const first = await exportActionItems(doc, adapter, planExport(doc, { file: 'checkout.md' }));
    assert.deepEqual(violations, []);
    assert.deepEqual(first.result.created, []);
    assert.deepEqual(
      first.result.failed.map((f) => f.index),
      [0, 1],
    );
    assert.match(first.result.failed[0].error, /Internal server error/);
    assert.equal(
      seen.filter((r) => r.operationId === 'createIssues').length,
      1,
      'not repeated while Jira cannot say whether it was done',
    );
    assert.deepEqual(jira.created, ['PAY-100', 'PAY-101']);

    failCreate = false;
    searchDown = false;
    const before = seen.length;
    const second = await exportActionItems(doc, adapter, planExport(doc, { file: 'checkout.md' }));
    assert.deepEqual(violations, []);
    assert.deepEqual(jira.created, ['PAY-100', 'PAY-101'], 'no duplicates');
    assert.deepEqual(second.result.failed, []);
    assert.deepEqual(
      second.result.created.map((t) => [t.index, t.key, t.url]),
      [
        [0, 'PAY-100', `${SITE}/browse/PAY-100`],
        [1, 'PAY-101', `${SITE}/browse/PAY-101`],
      ],
    );
    assert.match(second.result.created[0].note ?? '', /already in the tracker.*not created again/);
    const rerun = seen.slice(before);
    assert.equal(rerun.filter((r) => r.operationId === 'createIssues').length, 0);
    assert.deepEqual(searches(rerun)[0].body, {
      jql: 'project = "PAY" AND labels = "INC-20250310-checkout-errors"',
      fields: ['summary'],
      maxResults: 100,
    });
    const out = applyEdits(text, doc.lines, second.edits);
    assert.match(
      out,
      /\| Add a canary stage \| ana@example\.com \| 2025-04-01 \| Open \| \[PAY-100\]\(http:\/\/127\.0\.0\.1:9\/browse\/PAY-100\) \|/,
    );
    assert.match(out, /\| Alert {3}on ERRORS \| .* \| \[PAY-101\]/, 'titles match whatever their case and spacing');
  });

  it('pages through every earlier issue, and creates only the items none of them is', async () => {
    const { adapter, jira, seen, violations } = await setUp();
    await adapter.create([item(0), item(1), item(2)], incident);
    const result = await adapter.create([item(0), item(1), item(2), item(3), item(4)], incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key]),
      [
        [0, 'PAY-100'],
        [1, 'PAY-101'],
        [2, 'PAY-102'],
        [3, 'PAY-103'],
        [4, 'PAY-104'],
      ],
    );
    assert.equal(jira.created.length, 5);
    assert.deepEqual(
      searches(seen)
        .slice(1)
        .map((r) => (r.body as { nextPageToken?: string }).nextPageToken),
      [undefined, '2'],
    );
  });

  it('creates within the run only what a 500 did not: the tracker is asked before repeating, and after', async () => {
    let failed = false;
    const { adapter, jira, slept, violations } = await setUp((request, state) => {
      if (request.operationId !== 'createIssues' || failed) return undefined;
      failed = true;
      createAll(state, request);
      return { status: 500, body: fixture('server-error.json') };
    });
    const result = await adapter.create([item(0), item(1)], incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(jira.created, ['PAY-100', 'PAY-101'], 'the bulk create was not repeated');
    assert.deepEqual(slept, []);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['PAY-100', 'PAY-101'],
    );
    assert.match(
      result.created[0].note ?? '',
      /created although the tracker answered with an error \(Jira failed while creating the issue: Internal server error\)/,
    );
  });

  it('creates nothing when it cannot check for earlier issues', async () => {
    const { adapter, seen } = await setUp((request) =>
      request.operationId === 'searchAndReconsileIssuesUsingJqlPost'
        ? { status: 500, body: fixture('server-error.json') }
        : undefined,
    );
    const result = await adapter.create([item(0), item(1)], incident);
    assert.deepEqual(result.created, []);
    assert.deepEqual(
      result.failed.map((f) => f.index),
      [0, 1],
    );
    assert.match(
      result.failed[0].error,
      /^could not check for issues created by an earlier run: Jira could not search for the issues: Internal server error$/,
    );
    assert.equal(seen.filter((r) => r.operationId === 'createIssues').length, 0);
  });

  it("never hands one row's issue to another row with the same action", async () => {
    const { adapter, jira } = await setUp();
    await adapter.create([item(0, { action: 'Update the runbook' })], incident);
    const twice = text.replace(
      '| Add a canary stage | ana@example.com | 2025-04-01 | Open |',
      '| Update the runbook | ana@example.com | 2025-04-01 | Open | PAY-100 |\n' +
        '| Update the runbook | ana@example.com | 2025-04-01 | Open | |',
    );
    const doc = analyzeText(
      twice.replace(
        '| Action | Owner | Due | Status |\n| --- | --- | --- | --- |',
        '| Action | Owner | Due | Status | Ticket |\n| --- | --- | --- | --- | --- |',
      ),
    );
    const plan = planExport(doc, { file: 'checkout.md' });
    assert.deepEqual(
      plan.toCreate.map((i) => i.action),
      ['Update the runbook', 'Alert on ERRORS'],
    );
    const run = await exportActionItems(doc, adapter, plan);
    assert.deepEqual(
      run.result.created.map((t) => t.key),
      ['PAY-101', 'PAY-102'],
    );
    assert.equal(jira.created.length, 3);
  });

  it('quotes JQL strings so a label cannot change the query', () => {
    assert.equal(jqlString('INC-1" OR project = "X'), '"INC-1\\" OR project = \\"X"');
    assert.equal(jqlString('a\\b'), '"a\\\\b"');
  });
});

describe('Jira Cloud status refresh', () => {
  it('pages through /search/jql with nextPageToken and maps status categories', async () => {
    let page = 0;
    const { adapter, seen, violations } = await setUp((request) => {
      if (request.operationId !== 'searchAndReconsileIssuesUsingJqlPost') return undefined;
      return { status: 200, body: fixture(++page === 1 ? 'search-page-1.json' : 'search-page-2.json') };
    });
    const result = await adapter.status(['PAY-100', 'PAY-101', 'PAY-7', 'PAY-100', 'owner/repo#4']);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      [...result.states],
      [
        ['PAY-100', 'done'],
        ['PAY-101', 'in-progress'],
        ['PAY-7', 'open'],
      ],
    );
    assert.deepEqual(result.failed, [{ key: 'owner/repo#4', error: 'not a Jira issue key' }]);
    const searches = seen.filter((r) => r.path === '/rest/api/3/search/jql');
    assert.equal(searches.length, 2);
    assert.deepEqual(searches[0].body, {
      jql: 'key in (PAY-100, PAY-101, PAY-7)',
      fields: ['status'],
      maxResults: 100,
    });
    assert.equal((searches[1].body as { nextPageToken?: string }).nextPageToken, 'CAEaAggD');
  });

  it('sets aside a key Jira says does not exist and asks again for the others', async () => {
    const { adapter, seen } = await setUp((request) => {
      if (request.path !== '/rest/api/3/search/jql') return undefined;
      const jql = (request.body as { jql: string }).jql;
      return jql.includes('PAY-999')
        ? { status: 400, body: fixture('search-unknown-key.json') }
        : { status: 200, body: fixture('search-page-2.json') };
    });
    const result = await adapter.status(['PAY-7', 'PAY-999']);
    assert.deepEqual([...result.states], [['PAY-7', 'open']]);
    assert.deepEqual(
      result.failed.map((f) => f.key),
      ['PAY-999'],
    );
    assert.match(result.failed[0].error, /does not exist/);
    assert.equal(seen.filter((r) => r.path === '/rest/api/3/search/jql').length, 2);
  });

  it("updates the Status column from the fresh states, in the document's words, so overdue uses them", async () => {
    const { adapter } = await setUp((request) =>
      request.path === '/rest/api/3/search/jql'
        ? {
            status: 200,
            body: {
              issues: [
                ...fixture<{ issues: unknown[] }>('search-page-1.json').issues,
                ...fixture<{ issues: unknown[] }>('search-page-2.json').issues,
              ],
              isLast: true,
            },
          }
        : undefined,
    );
    const text = postmortem('postmortem-ticket-column.md')
      .replace('| open | |', '| open | PAY-100 |')
      .replace('| in progress | TBD |', '| in progress | PAY-101 |');
    const doc = analyzeText(text);
    const run = await refreshStatus(doc, adapter);
    const out = applyEdits(text, doc.lines, run.edits);
    assert.match(out, /\| Rotate certificates automatically \| ana@example\.com \| 2025-04-01 \| open \| PAY-7 \|/);
    assert.match(out, /\| Page on certificate expiry \| bob@example\.com \| 2025-04-10 \| done \| PAY-100 \|/);
    assert.match(out, /\| Test failover monthly \| carol \| 2025-05-01 \| in progress \| PAY-101 \|/);
    assert.deepEqual(
      analyzeText(out).actionItems.map((i) => i.state),
      ['open', 'done', 'in-progress'],
    );
  });
});

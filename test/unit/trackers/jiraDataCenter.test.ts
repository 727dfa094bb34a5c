/** The Jira Data Center adapter: REST v2, plain-text descriptions, usernames, a PAT as Bearer, /search with startAt. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTracker, type JiraDataCenterConfig } from '../../../server/src/trackers/config';
import { Http } from '../../../server/src/trackers/http';
import { createAdapter } from '../../../server/src/trackers/index';
import { TrackerError } from '../../../server/src/trackers/types';

interface Seen {
  method: string;
  path: string;
  headers: Record<string, string>;
  // A parsed JSON body; the assertions reach into it freely.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  body: any;
}

function fakeDataCenter(answer: (request: Seen) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const fetch = (async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    assert.equal(url.origin, 'http://localhost:8080');
    const request = {
      method: init.method ?? 'GET',
      path: url.pathname,
      headers: Object.fromEntries(new Headers(init.headers).entries()),
      body: init.body ? JSON.parse(String(init.body)) : undefined,
    };
    seen.push(request);
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const tracker = parseTracker('dc', {
  type: 'jira-dc',
  baseUrl: 'http://localhost:8080/jira',
  project: 'OPS',
  issueType: 'Story',
}) as JiraDataCenterConfig;
const incident = { id: 'INC-1', title: 'Disk full', file: 'postmortems/disk.md' };

describe('Jira Data Center', () => {
  it('creates through /rest/api/2/issue/bulk: string description, assignee by username, Bearer PAT', async () => {
    const { fetch, seen } = fakeDataCenter((r) =>
      r.path.endsWith('/issue/bulk')
        ? {
            status: 201,
            body: {
              issues: [
                { id: '1', key: 'OPS-1' },
                { id: '2', key: 'OPS-2' },
              ],
              errors: [],
            },
          }
        : r.path.endsWith('/search')
          ? { status: 200, body: { startAt: 0, maxResults: 100, total: 0, issues: [] } }
          : { status: 200, body: { key: 'OPS' } },
    );
    const adapter = createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'pat-123' } });
    const result = await adapter.create(
      [
        { index: 0, action: 'Alert on disk', owner: '@jdoe', due: '2025-05-01', state: 'open' },
        { index: 3, action: 'Rotate logs', state: 'open' },
      ],
      incident,
    );
    assert.deepEqual(result.created, [
      { index: 0, key: 'OPS-1', url: 'http://localhost:8080/jira/browse/OPS-1' },
      { index: 3, key: 'OPS-2', url: 'http://localhost:8080/jira/browse/OPS-2' },
    ]);
    assert.deepEqual(
      seen.map((r) => `${r.method} ${r.path}`),
      ['GET /jira/rest/api/2/project/OPS', 'POST /jira/rest/api/2/search', 'POST /jira/rest/api/2/issue/bulk'],
    );
    assert.ok(seen.every((r) => r.headers.authorization === 'Bearer pat-123'));
    assert.deepEqual(seen[1].body, {
      jql: 'project = "OPS" AND labels = "INC-1"',
      fields: ['summary'],
      maxResults: 100,
      startAt: 0,
    });
    const fields = seen[2].body.issueUpdates[0].fields;
    assert.deepEqual(fields.assignee, { name: 'jdoe' });
    assert.equal(typeof fields.description, 'string');
    assert.match(fields.description, /Disk full.*postmortems\/disk\.md/);
    assert.match(fields.description, /\* Incident: INC-1/);
    assert.deepEqual(fields.issuetype, { name: 'Story' });
    assert.equal(fields.duedate, '2025-05-01');
    assert.equal(seen[2].body.issueUpdates[1].fields.assignee, undefined);
  });

  it('reads status through /rest/api/2/search, paging with startAt', async () => {
    const issue = (key: string, category: string) => ({
      key,
      fields: { status: { statusCategory: { key: category } } },
    });
    const { fetch, seen } = fakeDataCenter((r) =>
      r.body.startAt === 0
        ? {
            status: 200,
            body: {
              startAt: 0,
              maxResults: 2,
              total: 3,
              issues: [issue('OPS-1', 'done'), issue('OPS-2', 'indeterminate')],
            },
          }
        : { status: 200, body: { startAt: 2, maxResults: 2, total: 3, issues: [issue('OPS-3', 'new')] } },
    );
    const adapter = createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'pat-123' } });
    const result = await adapter.status(['OPS-1', 'OPS-2', 'OPS-3']);
    assert.deepEqual(
      [...result.states],
      [
        ['OPS-1', 'done'],
        ['OPS-2', 'in-progress'],
        ['OPS-3', 'open'],
      ],
    );
    assert.deepEqual(
      seen.map((r) => [r.path, r.body.startAt]),
      [
        ['/jira/rest/api/2/search', 0],
        ['/jira/rest/api/2/search', 2],
      ],
    );
    assert.equal(seen[0].body.jql, 'key in (OPS-1, OPS-2, OPS-3)');
  });

  it('names HINDSIGHT_JIRA_DC_TOKEN when the token is missing or refused', async () => {
    const { fetch } = fakeDataCenter(() => ({ status: 401, body: { errorMessages: ['Unauthorized'] } }));
    await assert.rejects(
      createAdapter(tracker, { http: new Http({ fetch }), credentials: {} }).create(
        [{ index: 0, action: 'x', state: 'open' }],
        incident,
      ),
      /set HINDSIGHT_JIRA_DC_TOKEN/,
    );
    await assert.rejects(
      createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'bad' } }).create(
        [{ index: 0, action: 'x', state: 'open' }],
        incident,
      ),
      (e: unknown) =>
        e instanceof TrackerError &&
        e.fix === 'HINDSIGHT_JIRA_DC_TOKEN' &&
        /Check HINDSIGHT_JIRA_DC_TOKEN/.test(e.message),
    );
  });

  /** A Data Center that keeps what it creates and finds it by label, two issues a page; `fault` may answer first. */
  function storingDataCenter(
    fault?: (
      request: Seen,
      issues: { key: string; summary: string; labels: string[] }[],
    ) => { status: number; body?: unknown } | undefined,
  ) {
    const issues: { key: string; summary: string; labels: string[] }[] = [];
    const create = (r: Seen) =>
      r.body.issueUpdates.map((u: { fields: { summary: string; labels: string[] } }) => {
        const key = `OPS-${issues.length + 1}`;
        issues.push({ key, summary: u.fields.summary, labels: u.fields.labels });
        return { id: key, key };
      });
    const fake = fakeDataCenter((r) => {
      const custom = fault?.(r, issues);
      if (custom) return custom;
      if (r.path.endsWith('/issue/bulk')) return { status: 201, body: { issues: create(r), errors: [] } };
      if (r.path.endsWith('/search')) {
        const label = /labels = "([^"]+)"$/.exec(r.body.jql)![1];
        const matching = issues.filter((i) => i.labels.includes(label));
        const page = matching
          .slice(r.body.startAt, r.body.startAt + 2)
          .map((i) => ({ key: i.key, fields: { summary: i.summary } }));
        return { status: 200, body: { startAt: r.body.startAt, maxResults: 2, total: matching.length, issues: page } };
      }
      return { status: 200, body: { key: 'OPS' } };
    });
    return { ...fake, issues, create };
  }
  const three = [0, 1, 2].map((index) => ({ index, action: `Fix part ${index}`, state: 'open' as const }));

  it('after a bulk create that worked but timed out, a re-run pages through /search and creates nothing', async () => {
    let hang = true;
    const { fetch, seen, issues, create } = storingDataCenter((r) => {
      if (!r.path.endsWith('/issue/bulk') || !hang) return undefined;
      create(r);
      // The answer never comes: the adapter sees a timeout.
      return { status: 504, body: { errorMessages: ['Gateway Timeout'] } };
    });
    const http = new Http({ fetch, sleep: async () => undefined, retries: 2 });
    const adapter = createAdapter(tracker, { http, credentials: { token: 'pat-123' } });
    const first = await adapter.create(three, incident);
    assert.deepEqual(first.failed, [], 'the search after the failure found all three');
    assert.deepEqual(
      first.created.map((t) => t.key),
      ['OPS-1', 'OPS-2', 'OPS-3'],
    );
    assert.equal(issues.length, 3, 'the bulk create was not repeated');
    hang = false;
    const bulkBefore = seen.filter((r) => r.path.endsWith('/issue/bulk')).length;
    const second = await adapter.create([...three, { index: 5, action: 'Fix part 5', state: 'open' }], incident);
    assert.deepEqual(
      second.created.map((t) => [t.index, t.key, t.url]),
      [
        [0, 'OPS-1', 'http://localhost:8080/jira/browse/OPS-1'],
        [1, 'OPS-2', 'http://localhost:8080/jira/browse/OPS-2'],
        [2, 'OPS-3', 'http://localhost:8080/jira/browse/OPS-3'],
        [5, 'OPS-4', 'http://localhost:8080/jira/browse/OPS-4'],
      ],
    );
    assert.match(second.created[0].note ?? '', /already in the tracker/);
    assert.equal(issues.length, 4, 'no duplicates');
    assert.equal(seen.filter((r) => r.path.endsWith('/issue/bulk')).length, bulkBefore + 1);
    assert.deepEqual(
      seen
        .filter((r) => r.path.endsWith('/search'))
        .slice(-2)
        .map((r) => r.body.startAt),
      [0, 2],
    );
  });

  it('a re-run after a 500 whose issues Jira had made writes their keys back instead of creating them', async () => {
    let broken = true;
    const { fetch, issues, create } = storingDataCenter((r) => {
      if (!broken) return undefined;
      if (r.path.endsWith('/issue/bulk'))
        return (create(r), { status: 500, body: { errorMessages: ['Internal server error'] } });
      if (r.path.endsWith('/search') && issues.length > 0)
        return { status: 500, body: { errorMessages: ['Internal server error'] } };
      return undefined;
    });
    const adapter = createAdapter(tracker, {
      http: new Http({ fetch, sleep: async () => undefined, retries: 1 }),
      credentials: { token: 'pat-123' },
    });
    const first = await adapter.create(three.slice(0, 1), incident);
    assert.deepEqual(first.created, []);
    assert.match(first.failed[0].error, /Internal server error/);
    broken = false;
    const second = await adapter.create(three.slice(0, 1), incident);
    assert.deepEqual(
      second.created.map((t) => t.key),
      ['OPS-1'],
    );
    assert.equal(issues.length, 1, 'no duplicates');
  });

  it('creates nothing when /search fails', async () => {
    const { fetch, seen } = storingDataCenter((r) =>
      r.path.endsWith('/search') ? { status: 502, body: { errorMessages: ['Bad gateway'] } } : undefined,
    );
    const adapter = createAdapter(tracker, {
      http: new Http({ fetch, sleep: async () => undefined, retries: 1 }),
      credentials: { token: 'pat-123' },
    });
    const result = await adapter.create(three, incident);
    assert.deepEqual(result.created, []);
    assert.deepEqual(
      result.failed.map((f) => f.error),
      three.map(
        () => 'could not check for issues created by an earlier run: Jira could not search for the issues: Bad gateway',
      ),
    );
    assert.equal(seen.filter((r) => r.path.endsWith('/issue/bulk')).length, 0);
  });

  it('refuses plain http except to this machine', () => {
    const remote = parseTracker('dc', { type: 'jira-dc', baseUrl: 'http://jira.example.com', project: 'OPS' });
    assert.throws(
      () => createAdapter(remote, { http: new Http({ fetch }), credentials: { token: 't' } }),
      /must use https/,
    );
    const local = parseTracker('dc', { type: 'jira-dc', baseUrl: 'http://[::1]:8080', project: 'OPS' });
    assert.doesNotThrow(() => createAdapter(local, { http: new Http({ fetch }), credentials: { token: 't' } }));
  });
});

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
  body: any;
}

function fakeDataCenter(answer: (request: Seen) => { status: number; body?: unknown }) {
  const seen: Seen[] = [];
  const fetch = (async (input: string, init: RequestInit = {}) => {
    const url = new URL(input);
    assert.equal(url.origin, 'http://localhost:8080');
    const request = { method: init.method ?? 'GET', path: url.pathname, headers: Object.fromEntries(new Headers(init.headers).entries()), body: init.body ? JSON.parse(String(init.body)) : undefined };
    seen.push(request);
    const { status, body } = answer(request);
    return new Response(body === undefined ? null : JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
  }) as typeof globalThis.fetch;
  return { fetch, seen };
}

const tracker = parseTracker('dc', { type: 'jira-dc', baseUrl: 'http://localhost:8080/jira', project: 'OPS', issueType: 'Story' }) as JiraDataCenterConfig;
const incident = { id: 'INC-1', title: 'Disk full', file: 'postmortems/disk.md' };

describe('Jira Data Center', () => {
  it('creates through /rest/api/2/issue/bulk with a string description, assignee by username and a Bearer PAT', async () => {
    const { fetch, seen } = fakeDataCenter((r) =>
      r.path.endsWith('/issue/bulk') ? { status: 201, body: { issues: [{ id: '1', key: 'OPS-1' }, { id: '2', key: 'OPS-2' }], errors: [] } } : { status: 200, body: { key: 'OPS' } },
    );
    const adapter = createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'pat-123' } });
    const result = await adapter.create([{ index: 0, action: 'Alert on disk', owner: '@jdoe', due: '2025-05-01', state: 'open' }, { index: 3, action: 'Rotate logs', state: 'open' }], incident);
    assert.deepEqual(result.created, [
      { index: 0, key: 'OPS-1', url: 'http://localhost:8080/jira/browse/OPS-1' },
      { index: 3, key: 'OPS-2', url: 'http://localhost:8080/jira/browse/OPS-2' },
    ]);
    assert.deepEqual(seen.map((r) => `${r.method} ${r.path}`), ['GET /jira/rest/api/2/project/OPS', 'POST /jira/rest/api/2/issue/bulk']);
    assert.ok(seen.every((r) => r.headers.authorization === 'Bearer pat-123'));
    const fields = seen[1].body.issueUpdates[0].fields;
    assert.deepEqual(fields.assignee, { name: 'jdoe' });
    assert.equal(typeof fields.description, 'string');
    assert.match(fields.description, /Disk full.*postmortems\/disk\.md/);
    assert.match(fields.description, /\* Incident: INC-1/);
    assert.deepEqual(fields.issuetype, { name: 'Story' });
    assert.equal(fields.duedate, '2025-05-01');
    assert.equal(seen[1].body.issueUpdates[1].fields.assignee, undefined);
  });

  it('reads status through /rest/api/2/search, paging with startAt', async () => {
    const issue = (key: string, category: string) => ({ key, fields: { status: { statusCategory: { key: category } } } });
    const { fetch, seen } = fakeDataCenter((r) =>
      r.body.startAt === 0
        ? { status: 200, body: { startAt: 0, maxResults: 2, total: 3, issues: [issue('OPS-1', 'done'), issue('OPS-2', 'indeterminate')] } }
        : { status: 200, body: { startAt: 2, maxResults: 2, total: 3, issues: [issue('OPS-3', 'new')] } },
    );
    const adapter = createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'pat-123' } });
    const result = await adapter.status(['OPS-1', 'OPS-2', 'OPS-3']);
    assert.deepEqual([...result.states], [['OPS-1', 'done'], ['OPS-2', 'in-progress'], ['OPS-3', 'open']]);
    assert.deepEqual(seen.map((r) => [r.path, r.body.startAt]), [['/jira/rest/api/2/search', 0], ['/jira/rest/api/2/search', 2]]);
    assert.equal(seen[0].body.jql, 'key in (OPS-1, OPS-2, OPS-3)');
  });

  it('names HINDSIGHT_JIRA_DC_TOKEN when the token is missing or refused', async () => {
    const { fetch } = fakeDataCenter(() => ({ status: 401, body: { errorMessages: ['Unauthorized'] } }));
    await assert.rejects(createAdapter(tracker, { http: new Http({ fetch }), credentials: {} }).create([{ index: 0, action: 'x', state: 'open' }], incident), /set HINDSIGHT_JIRA_DC_TOKEN/);
    await assert.rejects(createAdapter(tracker, { http: new Http({ fetch }), credentials: { token: 'bad' } }).create([{ index: 0, action: 'x', state: 'open' }], incident), (e: unknown) => e instanceof TrackerError && e.fix === 'HINDSIGHT_JIRA_DC_TOKEN' && /Check HINDSIGHT_JIRA_DC_TOKEN/.test(e.message));
  });

  it('refuses plain http except to this machine', () => {
    const remote = parseTracker('dc', { type: 'jira-dc', baseUrl: 'http://jira.example.com', project: 'OPS' });
    assert.throws(() => createAdapter(remote, { http: new Http({ fetch }), credentials: { token: 't' } }), /must use https/);
    const local = parseTracker('dc', { type: 'jira-dc', baseUrl: 'http://[::1]:8080', project: 'OPS' });
    assert.doesNotThrow(() => createAdapter(local, { http: new Http({ fetch }), credentials: { token: 't' } }));
  });
});

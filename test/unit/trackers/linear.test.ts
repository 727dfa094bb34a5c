/** The Linear adapter against Linear's own GraphQL schema, with no network. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Http } from '../../../server/src/trackers/http';
import { createLinearAdapter } from '../../../server/src/trackers/linear';
import { CREATE_ISSUE } from '../../../server/src/trackers/linearGraphql';
import {
  TrackerError,
  type CreatedTicket,
  type ExportItem,
  type IncidentContext,
} from '../../../server/src/trackers/types';
import { checkOperation, linearFetch, linearFixture, type LinearAnswer, type SeenOperation } from './linearContract';

type User = { id: string; name: string; displayName: string; email: string };
type Issue = { identifier: string; url: string; state: { type: string; name: string } };
type Comparator = { eqIgnoreCase?: string };
type UserFilter = { email?: Comparator; displayName?: Comparator; name?: Comparator; or?: UserFilter[] };

const USERS = linearFixture('linear-users.json') as User[];
const ISSUES = linearFixture('linear-issues.json') as Issue[];
const incident: IncidentContext = {
  id: 'INC-20250310-checkout-errors',
  title: 'Checkout errors',
  file: 'postmortems/2025-03-10-checkout-errors.md',
};
const items: ExportItem[] = [
  {
    index: 0,
    action: 'Add a canary stage for the gateway',
    owner: '@dana',
    due: '2025-04-01',
    priority: 'highest',
    state: 'open',
  },
  {
    index: 1,
    action: 'Alert on checkout error rate',
    owner: 'Alex Kim <alex@acme.example>',
    due: '2025-04-15',
    priority: 'low',
    state: 'open',
  },
  { index: 2, action: 'Write the rollback runbook', owner: 'Sam Lee', state: 'open' },
  { index: 4, action: 'Review the deploy checklist', owner: '@DANA', priority: 'medium', state: 'open' },
];

const matches = (user: User, filter: UserFilter): boolean =>
  (filter.email ? user.email.toLowerCase() === filter.email.eqIgnoreCase?.toLowerCase() : true) &&
  (filter.displayName ? user.displayName.toLowerCase() === filter.displayName.eqIgnoreCase?.toLowerCase() : true) &&
  (filter.name ? user.name.toLowerCase() === filter.name.eqIgnoreCase?.toLowerCase() : true) &&
  (filter.or ? filter.or.some((f) => matches(user, f)) : true);

type Created = { identifier: string; url: string; title: string; description: string };
type IssuesArgs = {
  filter: {
    team: { key?: { eq: string }; id?: { eq: string } };
    number?: { in: number[] };
    description?: { contains: string };
  };
  first: number;
  after?: string;
};

/** Linear as a script: users from the fixture, issues numbered ENG-20 on (kept in `store`), states from the fixture. */
function linear(
  override?: (operation: SeenOperation, attempt: number) => LinearAnswer | undefined,
  store: Created[] = [],
) {
  let attempt = 0;
  const create = ({ input }: { input: { title: string; description: string } }) => {
    const identifier = `ENG-${20 + store.length}`;
    store.push({
      identifier,
      url: `https://linear.app/acme/issue/${identifier}`,
      title: input.title,
      description: input.description,
    });
    return { success: true, lastSyncId: 1, issue: store[store.length - 1] };
  };
  const respond = (operation: SeenOperation): LinearAnswer =>
    override?.(operation, attempt++) ?? {
      root: {
        users: ({ filter }: { filter: UserFilter }) => ({ nodes: USERS.filter((u) => matches(u, filter)).slice(0, 2) }),
        issueCreate: create,
        issues: ({ filter, after }: IssuesArgs) => {
          if (filter.number)
            return {
              nodes: ISSUES.filter(
                (i) =>
                  i.identifier.startsWith(`${filter.team.key!.eq}-`) &&
                  filter.number!.in.includes(Number(i.identifier.split('-')[1])),
              ),
            };
          // Earlier issues, two a page, by team id and description marker.
          const matching =
            filter.team.id?.eq === 'team-eng'
              ? store.filter((i) => i.description.includes(filter.description!.contains))
              : [];
          const start = Number(after ?? 0);
          return {
            nodes: matching.slice(start, start + 2),
            pageInfo: {
              hasNextPage: start + 2 < matching.length,
              hasPreviousPage: start > 0,
              endCursor: String(start + 2),
            },
          };
        },
      },
    };
  return Object.assign(respond, { store, create });
}

function adapterWith(respond: (operation: SeenOperation) => LinearAnswer, tracker: object = {}) {
  const contract = linearFetch(respond);
  const http = new Http({ fetch: contract.fetch, sleep: async () => undefined, retries: 2 });
  const adapter = createLinearAdapter(
    { teamId: 'team-eng', labelIds: ['label-postmortem'], ...tracker },
    { http, credentials: { token: 'lin_api_test' } },
  );
  return { adapter, ...contract };
}

const inputs = (seen: SeenOperation[]) =>
  seen
    .filter((s) => s.name === 'HindsightCreateIssue')
    .map((s) => (s.variables as { input: Record<string, unknown> }).input);

describe('Linear adapter', () => {
  it('the schema check refuses a priority given as a string, an unknown field and a malformed date', () => {
    const input = { teamId: 'team-eng', title: 'x' };
    assert.deepEqual(checkOperation(CREATE_ISSUE, { input: { ...input, priority: 2 } }).problems, []);
    assert.match(checkOperation(CREATE_ISSUE, { input: { ...input, priority: '2' } }).problems.join(), /priority.*Int/);
    assert.match(checkOperation(CREATE_ISSUE, { input: { ...input, assignee: 'dana' } }).problems.join(), /assignee/);
    assert.match(
      checkOperation(CREATE_ISSUE, { input: { ...input, dueDate: '1 April' } }).problems.join(),
      /TimelessDate/,
    );
    assert.match(checkOperation('query { issue(id: 1) { nope } }', {}).problems.join(), /nope/);
  });

  it('the validating fetch refuses such a request before it reaches the answer', async () => {
    const { fetch, violations, seen } = linearFetch(linear());
    const response = await fetch('https://api.linear.app/graphql', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'k' },
      body: JSON.stringify({
        query: CREATE_ISSUE,
        variables: { input: { teamId: 't', title: 'x', priority: 'high' } },
      }),
    });
    assert.equal(response.status, 400);
    assert.equal(violations.length, 1);
    assert.equal(seen.length, 0);
  });

  it('creates one issue per item with priority, due date, labels and the owner found by email or handle', async () => {
    const { adapter, seen, violations } = adapterWith(linear());
    const result = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(result.failed, []);
    assert.deepEqual(
      result.created.map((t) => [t.index, t.key, t.url]),
      [
        [0, 'ENG-20', 'https://linear.app/acme/issue/ENG-20'],
        [1, 'ENG-21', 'https://linear.app/acme/issue/ENG-21'],
        [2, 'ENG-22', 'https://linear.app/acme/issue/ENG-22'],
        [4, 'ENG-23', 'https://linear.app/acme/issue/ENG-23'],
      ],
    );
    const sent = inputs(seen);
    assert.deepEqual(
      sent.map((i) => [i.priority, i.dueDate, i.assigneeId]),
      [
        [1, '2025-04-01', USERS[0].id],
        [4, '2025-04-15', USERS[1].id],
        [0, undefined, undefined],
        [3, undefined, USERS[0].id],
      ],
    );
    assert.ok(sent.every((i) => i.teamId === 'team-eng' && (i.labelIds as string[])[0] === 'label-postmortem'));
    assert.match(String(sent[0].description), /INC-20250310-checkout-errors[\s\S]*@dana[\s\S]*2025-04-01/);
    assert.equal(seen.filter((s) => s.name === 'HindsightFindUsers').length, 3, '@dana and @DANA are looked up once');
    assert.ok(
      seen.every((s) => s.authorization === 'lin_api_test'),
      'a personal API key is sent without a scheme',
    );
    assert.match((result.created[2] as CreatedTicket).note!, /no single Linear user matches "Sam Lee"/);
  });

  it('sends an OAuth token as Bearer', async () => {
    const { adapter, seen } = adapterWith(linear(), { auth: 'oauth' });
    await adapter.create(items.slice(2, 3), incident);
    assert.equal(seen[0].authorization, 'Bearer lin_api_test');
  });

  it('waits out a 429 and goes on', async () => {
    const { adapter, seen } = adapterWith(
      linear((_, attempt) =>
        attempt === 0
          ? { status: 429, body: { errors: [{ message: 'Rate limit exceeded' }] }, headers: { 'retry-after': '0' } }
          : undefined,
      ),
    );
    const result = await adapter.create(items.slice(2, 3), incident);
    assert.equal(seen.length, 4, 'the lookup for earlier issues twice, then the user lookup and the create');
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['ENG-20'],
    );
  });

  it('lists an item Linear keeps failing on, creates the others, words a GraphQL error as Linear does', async () => {
    const failing = (operation: SeenOperation): LinearAnswer | undefined => {
      const title = (operation.variables.input as { title?: string } | undefined)?.title ?? '';
      if (title.startsWith('Alert')) return { status: 500, body: { errors: [{ message: 'Internal server error' }] } };
      if (title.startsWith('Write')) return { status: 200, body: linearFixture('linear-invalid-input.json') };
      return undefined;
    };
    const { adapter, violations } = adapterWith(linear(failing));
    const result = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      result.created.map((t) => t.index),
      [0, 4],
    );
    assert.deepEqual(result.failed, [
      { index: 1, error: 'Internal server error' },
      { index: 2, error: 'dueDate must be a valid date in the future or past.' },
    ]);
  });

  it('stops at a refused key and names the credential', async () => {
    const { adapter, seen } = adapterWith(() => ({
      status: 400,
      body: linearFixture('linear-authentication-error.json'),
    }));
    await assert.rejects(adapter.create(items, incident), (error: unknown) => {
      assert.ok(error instanceof TrackerError);
      assert.equal(error.fix, 'HINDSIGHT_LINEAR_TOKEN');
      assert.match(error.message, /HINDSIGHT_LINEAR_TOKEN/);
      assert.doesNotMatch(error.message, /lin_api_test/);
      return true;
    });
    assert.equal(seen.length, 1);
    const { adapter: plain } = adapterWith(() => ({ status: 401, body: 'Unauthorized' }));
    await assert.rejects(plain.status(['ENG-7']), /HINDSIGHT_LINEAR_TOKEN/);
  });

  it('reads states per team: backlog/triage/unstarted open, started in progress, completed/canceled done', async () => {
    const { adapter, seen, violations } = adapterWith(linear());
    const result = await adapter.status(['ENG-7', 'ENG-8', 'ENG-9', 'OPS-3', 'OPS-4', 'ENG-99', 'acme/web#3']);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      seen.map((s) => [s.name, s.variables.team]),
      [
        ['HindsightIssueStates', 'ENG'],
        ['HindsightIssueStates', 'OPS'],
      ],
    );
    assert.deepEqual(Object.fromEntries(result.states), {
      'ENG-7': 'open',
      'ENG-8': 'in-progress',
      'ENG-9': 'done',
      'OPS-3': 'done',
      'OPS-4': 'open',
    });
    assert.deepEqual(result.failed, [
      { key: 'acme/web#3', error: 'not a Linear issue identifier (TEAM-123)' },
      { key: 'ENG-99', error: 'Linear has no issue ENG-99 that this key can see' },
    ]);
  });

  it('a re-run finds the issue a 500 hid and creates nothing again; pages through earlier issues', async () => {
    const store: Created[] = [];
    let broken = true;
    const respond = linear((operation) => {
      if (!broken) return undefined;
      if (operation.name === 'HindsightEarlierIssues' && store.length > 0)
        return { status: 503, body: { errors: [{ message: 'Service unavailable' }] } };
      if (operation.name !== 'HindsightCreateIssue') return undefined;
      // Linear made the issue, then the answer was lost.
      respond.create(operation.variables as { input: { title: string; description: string } });
      return { status: 500, body: { errors: [{ message: 'Internal server error' }] } };
    }, store);
    const { adapter, seen, violations } = adapterWith(respond);
    const first = await adapter.create(items.slice(0, 1), incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(first.created, []);
    assert.deepEqual(first.failed, [{ index: 0, error: 'Internal server error' }]);
    assert.equal(store.length, 1);

    broken = false;
    const second = await adapter.create(items, incident);
    assert.deepEqual(violations, []);
    assert.deepEqual(
      second.created.map((t) => [t.index, t.key]),
      [
        [0, 'ENG-20'],
        [1, 'ENG-21'],
        [2, 'ENG-22'],
        [4, 'ENG-23'],
      ],
    );
    assert.match(second.created[0].note ?? '', /already in the tracker.*not created again/);
    assert.equal(store.length, 4, 'no duplicates');
    const third = await adapter.create(items, incident);
    assert.equal(store.length, 4, 'a third run finds all four, over two pages');
    assert.deepEqual(
      third.created.map((t) => t.key),
      ['ENG-20', 'ENG-21', 'ENG-22', 'ENG-23'],
    );
    const lookups = seen.filter((s) => s.name === 'HindsightEarlierIssues');
    assert.deepEqual(lookups.at(-1)!.variables, { team: 'team-eng', marker: incident.file, first: 250, after: '2' });
  });

  it('within a run, does not repeat a create Linear made before failing with 500', async () => {
    const store: Created[] = [];
    let failed = false;
    const respond = linear((operation) => {
      if (operation.name !== 'HindsightCreateIssue' || failed) return undefined;
      failed = true;
      respond.create(operation.variables as { input: { title: string; description: string } });
      return { status: 500, body: { errors: [{ message: 'Internal server error' }] } };
    }, store);
    const { adapter } = adapterWith(respond);
    const result = await adapter.create(items.slice(2, 3), incident);
    assert.equal(store.length, 1, 'no duplicate');
    assert.deepEqual(
      result.created.map((t) => t.key),
      ['ENG-20'],
    );
    assert.match(
      result.created[0].note ?? '',
      /created although the tracker answered with an error \(Internal server error\)/,
    );
  });

  it('creates nothing when the lookup for earlier issues fails', async () => {
    const { adapter, seen } = adapterWith(
      linear((operation) =>
        operation.name === 'HindsightEarlierIssues'
          ? { status: 200, body: { errors: [{ message: 'Query too complex' }] } }
          : undefined,
      ),
    );
    const result = await adapter.create(items, incident);
    assert.deepEqual(result.created, []);
    assert.deepEqual(
      result.failed.map((f) => f.error),
      items.map(() => 'could not check for issues created by an earlier run: Query too complex'),
    );
    assert.equal(seen.filter((s) => s.name === 'HindsightCreateIssue').length, 0);
  });

  it('is reached over HTTPS only, except on this machine', () => {
    const http = new Http({ fetch: globalThis.fetch });
    assert.throws(
      () =>
        createLinearAdapter({ teamId: 't', baseUrl: 'http://linear.acme.example/graphql' }, { http, credentials: {} }),
      /https/,
    );
    assert.doesNotThrow(() =>
      createLinearAdapter({ teamId: 't', baseUrl: 'http://[::1]:4000/graphql' }, { http, credentials: {} }),
    );
    assert.throws(() => createLinearAdapter({ teamId: '' }, { http, credentials: {} }), /teamId/);
  });
});

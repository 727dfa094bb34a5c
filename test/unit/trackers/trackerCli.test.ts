/**
 * `hindsight export` and `hindsight refresh` as users run them: the CLI spawned on real files.
 * Dry runs send nothing; the real runs talk to a fake Jira on 127.0.0.1 started by the test.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync, readdirSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const CLI_FIXTURES = join(ROOT, 'test', 'fixtures', 'trackers', 'jira', 'cli');
const FILE = join(CLI_FIXTURES, 'login-outage.md');
const TOKEN = 'tok-5ecret-value';

function run(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'src', 'cli.ts'), ...args], {
      cwd: ROOT,
      env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

describe('hindsight export --dry-run', () => {
  it('prints each request as a JSON line with Authorization redacted, and changes nothing', async () => {
    const before = readFileSync(FILE, 'utf8');
    const r = await run(['export', 'jira', FILE, '--dry-run', '--format', 'json'], { HINDSIGHT_JIRA_TOKEN: TOKEN });
    assert.equal(r.code, 0, r.stderr);
    assert.ok(!r.stdout.includes(TOKEN) && !r.stderr.includes(TOKEN), 'the token is never printed');
    assert.ok(!r.stdout.includes(Buffer.from(`bot@example.com:${TOKEN}`).toString('base64')));
    // Parsed JSON bodies; the assertions reach into them freely.
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    type Sent = { method: string; url: string; headers: Record<string, string>; body: any };
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as Sent);
    assert.deepEqual(
      lines.map((l) => Object.keys(l)),
      lines.map(() => ['method', 'url', 'headers', 'body']),
    );
    assert.deepEqual(
      lines.map((l) => `${l.method} ${l.url}`),
      [
        'GET https://acme.atlassian.net/rest/api/3/project/PAY',
        'POST https://acme.atlassian.net/rest/api/3/search/jql',
        'GET https://acme.atlassian.net/rest/api/3/user/search?query=bob%40example.com',
        'POST https://acme.atlassian.net/rest/api/3/issue/bulk',
      ],
    );
    assert.equal(
      lines[1].body.jql,
      'project = "PAY" AND labels = "INC-20250311-login"',
      'earlier issues are looked up before anything is created',
    );
    assert.ok(lines.every((l) => l.headers.authorization === 'Basic <redacted>'));
    const fields = lines[3].body.issueUpdates.map((u: { fields: Record<string, unknown> }) => u.fields);
    assert.deepEqual(
      fields.map((f: { summary: string }) => f.summary),
      ['Page on certificate expiry', 'Test failover monthly'],
    );
    assert.deepEqual(fields[0].labels, ['postmortem', 'follow-up', 'INC-20250311-login']);
    assert.equal(fields[0].assignee, undefined, 'no user found in a dry run: unassigned');
    assert.match(JSON.stringify(fields[0].description), /https:\/\/docs\.example\.com\/postmortems\//);
    assert.equal(readFileSync(FILE, 'utf8'), before);
  });

  it('works without credentials, and redacts a Data Center token to its Bearer scheme', async () => {
    const r = await run(['export', 'dc', FILE, '--dry-run', '--format', 'json']);
    assert.equal(r.code, 0, r.stderr);
    const lines = r.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    assert.ok(lines.length >= 2);
    assert.ok(
      lines.every(
        (l: { headers: Record<string, string>; url: string }) =>
          l.headers.authorization === 'Bearer <redacted>' && l.url.includes('/rest/api/2/'),
      ),
    );
    assert.equal(typeof lines.at(-1).body.issueUpdates[0].fields.description, 'string');
  });

  it('exits 2 on an unknown tracker or a missing credential', async () => {
    const unknown = await run(['export', 'nope', FILE, '--dry-run']);
    assert.equal(unknown.code, 2);
    assert.match(unknown.stderr, /No tracker named "nope".*configured: jira, dc/);
    const noToken = await run(['export', 'jira', FILE]);
    assert.equal(noToken.code, 2);
    assert.match(noToken.stderr, /set HINDSIGHT_JIRA_TOKEN/);
  });
});

describe('hindsight export and refresh against a fake Jira on 127.0.0.1', () => {
  let server: Server;
  let base = '';
  let created = 0;
  let failNext = false;
  let dir = '';
  const requests: string[] = [];

  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (d) => (body += d));
      req.on('end', () => {
        requests.push(`${req.method} ${req.url}`);
        const send = (status: number, value: unknown) => (
          res.writeHead(status, { 'content-type': 'application/json' }),
          res.end(JSON.stringify(value))
        );
        if (req.url?.startsWith('/rest/api/3/project/')) return send(200, { key: 'PAY' });
        if (req.url?.startsWith('/rest/api/3/user/search')) return send(200, []);
        if (req.url === '/rest/api/3/issue/bulk') {
          const updates = (JSON.parse(body) as { issueUpdates: unknown[] }).issueUpdates;
          const errors = failNext
            ? [
                {
                  status: 400,
                  failedElementNumber: updates.length - 1,
                  elementErrors: { errors: { duedate: 'Due date is not allowed here' } },
                },
              ]
            : [];
          const issues = updates
            .slice(0, updates.length - errors.length)
            .map(() => ({ key: `PAY-${++created + 100}` }));
          return send(201, { issues, errors });
        }
        if (req.url === '/rest/api/3/search/jql') {
          // The lookup for earlier issues (by label) finds none: this fake keeps no labels.
          if ((JSON.parse(body) as { jql: string }).jql.includes('labels ='))
            return send(200, { issues: [], isLast: true });
          return send(200, {
            issues: [{ key: 'PAY-7', fields: { status: { statusCategory: { key: 'done' } } } }],
            isLast: true,
          });
        }
        send(404, { errorMessages: ['not here'] });
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'hindsight-export-'));
    cpSync(FILE, join(dir, 'login-outage.md'));
    writeFileSync(
      join(dir, '.hindsight.json'),
      JSON.stringify({
        trackers: { jira: { type: 'jira-cloud', baseUrl: base, project: 'PAY', email: 'bot@example.com' } },
      }),
    );
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("lists a failed item with Jira's error, exits 1, writes the key back; a re-run creates the rest", async () => {
    const file = join(dir, 'login-outage.md');
    failNext = true;
    const first = await run(['export', 'jira', file], { HINDSIGHT_JIRA_TOKEN: TOKEN });
    assert.equal(first.code, 1, first.stderr);
    assert.match(first.stdout, /:12 created PAY-101 http:\/\/127\.0\.0\.1:\d+\/browse\/PAY-101/);
    assert.match(first.stdout, /:11 skipped: already tracked as PAY-7/);
    assert.match(first.stdout, /:13 failed: duedate: Due date is not allowed here/);
    const text = readFileSync(file, 'utf8');
    assert.match(
      text,
      /\| Page on certificate expiry \| bob@example\.com \| 2025-04-10 \| open \| \[PAY-101\]\(http:\/\/127\.0\.0\.1:\d+\/browse\/PAY-101\) \|/,
    );
    assert.match(text, /\| Test failover monthly \| carol \| 2025-05-01 \| in progress \| TBD \|/);
    assert.deepEqual(
      readdirSync(dir).filter((f) => f.includes('.tmp')),
      [],
      'no temporary file left',
    );

    failNext = false;
    const second = await run(['export', 'jira', file, '--format', 'json'], { HINDSIGHT_JIRA_TOKEN: TOKEN });
    assert.equal(second.code, 0, second.stderr);
    const report = JSON.parse(second.stdout);
    assert.deepEqual(
      report.created.map((c: { key: string; line: number }) => [c.line, c.key]),
      [[13, 'PAY-102']],
    );
    assert.equal(report.skipped.length, 2);
    assert.equal(created, 2, 'no duplicates');

    const third = await run(['export', 'jira', file], { HINDSIGHT_JIRA_TOKEN: TOKEN });
    assert.equal(third.code, 0);
    assert.match(third.stdout, /0 created, 3 skipped, 0 failed/);
    assert.equal(created, 2);
  });

  it('refresh writes the fresh status into the file', async () => {
    const file = join(dir, 'login-outage.md');
    const r = await run(['refresh', 'jira', file], { HINDSIGHT_JIRA_TOKEN: TOKEN });
    assert.match(
      readFileSync(file, 'utf8'),
      /\| Rotate certificates automatically \| ana@example\.com \| 2025-04-01 \| done \| PAY-7 \|/,
    );
    assert.match(r.stdout, /PAY-7 done/);
    assert.match(r.stdout, /PAY-101 failed: Jira did not return this issue/);
    assert.equal(r.code, 1);
  });
});

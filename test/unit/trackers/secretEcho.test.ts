/**
 * A tracker, proxy or error page that quotes the request's headers in its error body must not get
 * the credentials printed: `hindsight export` and `refresh` are spawned against a server on
 * 127.0.0.1 that echoes every header back (as JSON, as text, URL-encoded) with 401, 403 and 500,
 * for each tracker. No form of the secret may reach stdout, stderr or the document.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';

const ROOT = join(__dirname, '..', '..', '..');
const CLI = join(ROOT, 'dist', 'cli.js');
const FIXTURE = join(ROOT, 'test', 'fixtures', 'trackers', 'echo', 'queue-backlog.md');
const EMAIL = 'bot@example.com';
// Characters that URL-encoding and base64 both change, so each form is a different string.
const TOKEN = 'Zq9/x+Vt3=Echo-Secret-Value';

/** Every spelling of the secret a careless path could print. */
const FORMS: Record<string, string> = {
  raw: TOKEN,
  'URL-encoded': encodeURIComponent(TOKEN),
  'base64 of the token': Buffer.from(TOKEN).toString('base64'),
  'Basic pair': `${EMAIL}:${TOKEN}`,
  'base64 of the Basic pair': Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64'),
  'URL-encoded base64 of the pair': encodeURIComponent(Buffer.from(`${EMAIL}:${TOKEN}`).toString('base64')),
};

const TRACKERS: Record<string, { config: (base: string) => Record<string, unknown>; env: string }> = {
  'Jira Cloud': {
    config: (base) => ({ type: 'jira-cloud', baseUrl: base, project: 'ECHO', email: EMAIL }),
    env: 'HINDSIGHT_JIRA_TOKEN',
  },
  'Jira Data Center': {
    config: (base) => ({ type: 'jira-dc', baseUrl: base, project: 'ECHO' }),
    env: 'HINDSIGHT_JIRA_DC_TOKEN',
  },
  GitHub: { config: (base) => ({ type: 'github', baseUrl: base, repo: 'acme/echo' }), env: 'HINDSIGHT_GITHUB_TOKEN' },
  Linear: {
    config: (base) => ({ type: 'linear', baseUrl: `${base}/graphql`, teamId: 'team-echo' }),
    env: 'HINDSIGHT_LINEAR_TOKEN',
  },
};

/** The error body, in the shape each tracker's own errors take, quoting the headers every way. */
function echoBody(status: number, headers: IncomingHttpHeaders): { type: string; body: string } {
  const auth = String(headers.authorization ?? '');
  const said = `Denied (you sent Authorization: ${auth}; as a link /login?auth=${encodeURIComponent(auth)})`;
  if (status === 500)
    return {
      type: 'text/html',
      body: `<html><body><h1>Proxy error</h1><pre>${JSON.stringify(headers)}</pre>${said}</body></html>`,
    };
  return {
    type: 'application/json',
    body: JSON.stringify({ message: said, errorMessages: [said], errors: [{ message: said }], headers }),
  };
}

function run(
  args: string[],
  env: Record<string, string>,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, ...args], {
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

function assertNoSecret(where: string, text: string): void {
  for (const [form, value] of Object.entries(FORMS))
    assert.ok(!text.includes(value), `${where} holds the secret (${form}):\n${text}`);
}

/** The tracker's name in the configuration: its kind and the status its server answers with. */
const configName = (tracker: string, status: number) => `${tracker.replace(/\s+/g, '-').toLowerCase()}-${status}`;
const STATUSES = [401, 403, 500];

describe('no form of a credential is printed when a tracker echoes the request headers', { concurrency: 4 }, () => {
  let server: Server;
  /** Requests received, by the configuration name that sent them. */
  const echoed = new Map<string, number>();
  let dir = '';

  before(async () => {
    server = createServer((req, res) => {
      req.resume();
      req.on('end', () => {
        // Each tracker's base URL says which status to answer with and who is asking: /s401/github-401/…
        const [, code, asking] = /^\/s(\d{3})\/([\w-]+)/.exec(req.url ?? '') ?? [];
        echoed.set(asking, (echoed.get(asking) ?? 0) + 1);
        const status = Number(code ?? 404);
        const { type, body } = echoBody(status, req.headers);
        // Retry-After: 0, so the retries after a 500 cost no waiting.
        res.writeHead(status, { 'content-type': type, 'retry-after': '0' });
        res.end(body);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    dir = mkdtempSync(join(tmpdir(), 'hindsight-echo-'));
    const trackers: Record<string, unknown> = {};
    for (const [name, t] of Object.entries(TRACKERS))
      for (const status of STATUSES)
        trackers[configName(name, status)] = t.config(`${base}/s${status}/${configName(name, status)}`);
    writeFileSync(join(dir, '.hindsight.json'), JSON.stringify({ trackers }));
  });
  after(() => {
    server.close();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const [name, tracker] of Object.entries(TRACKERS)) {
    for (const [i, status] of STATUSES.entries()) {
      for (const command of ['export', 'refresh']) {
        // Text and JSON output in turn: both go through the same redaction.
        const format = (i + (command === 'refresh' ? 1 : 0)) % 2 ? 'json' : 'text';
        it(`${name}, ${command} (${format}), answered ${status}`, async () => {
          const file = join(dir, `${configName(name, status)}-${command}.md`);
          cpSync(FIXTURE, file);
          const before = echoed.get(configName(name, status)) ?? 0;
          const env = { [tracker.env]: TOKEN, HINDSIGHT_JIRA_EMAIL: EMAIL };
          const r = await run([command, configName(name, status), file, '--format', format], env);
          assert.ok((echoed.get(configName(name, status)) ?? 0) > before, 'the request reached the echoing server');
          assert.notEqual(r.code, 0, 'a refused request is a failure');
          assert.match(r.stdout + r.stderr, /\S/, 'the failure is reported');
          assertNoSecret('stdout', r.stdout);
          assertNoSecret('stderr', r.stderr);
          assertNoSecret('the document', readFileSync(file, 'utf8'));
        });
      }
    }
  }
});

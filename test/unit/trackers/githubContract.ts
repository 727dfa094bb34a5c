/**
 * A `fetch` that checks every request against GitHub's own OpenAPI description (from
 * @octokit/openapi), in-process, and answers from a test's script. Nothing leaves the process.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Request as ApiRequest } from 'openapi-backend';

const DESCRIPTION = join(
  __dirname,
  '..',
  '..',
  '..',
  'node_modules',
  '@octokit',
  'openapi',
  'generated',
  'api.github.com.json',
);
export const GITHUB_FIXTURES = join(__dirname, '..', '..', 'fixtures', 'trackers');

let loaded: Promise<{ api: OpenAPIBackend; patched: number }> | undefined;

/** The description, parsed and compiled once per test file (it is 13 MB). */
export function githubApi(): Promise<{ api: OpenAPIBackend; patched: number }> {
  loaded ??= (async () => {
    const document = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as object;
    const patched = addMissingTypes(document);
    // Formats (uri, date-time) are checked too, rather than ignored with a warning each.
    const api = new OpenAPIBackend({
      definition: document as never,
      quick: true,
      strict: false,
      validate: true,
      customizeAjv: (ajv) => (addFormats(ajv), ajv),
    });
    await api.init();
    return { api, patched };
  })();
  return loaded;
}

/**
 * GitHub writes `nullable: true` beside a `oneOf` with no `type` (create-issue's `milestone`). Ajv
 * refuses to compile that, which would leave the whole operation unchecked; the schema means
 * "one of these types, or null", so give it the branches' types.
 */
export function addMissingTypes(node: unknown): number {
  if (!node || typeof node !== 'object') return 0;
  if (Array.isArray(node)) return node.reduce((n: number, child) => n + addMissingTypes(child), 0);
  const schema = node as Record<string, unknown>;
  let count = 0;
  if (schema.nullable === true && schema.type === undefined) {
    const branches = [
      ...((schema.oneOf as { type?: string }[]) ?? []),
      ...((schema.anyOf as { type?: string }[]) ?? []),
    ];
    const types = [...new Set(branches.map((b) => b.type).filter((t): t is string => typeof t === 'string'))];
    if (types.length > 0) {
      schema.type = types;
      count++;
    }
  }
  for (const child of Object.values(schema)) count += addMissingTypes(child);
  return count;
}

export interface SeenRequest {
  operationId: string;
  method: string;
  path: string;
  params: Record<string, string>;
  /** The query string, as sent. */
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/**
 * The validating fetch. A request GitHub's description does not allow, or without the headers
 * GitHub asks for, is answered 400 and recorded in `violations`, which a test expects empty.
 */
export async function githubFetch(
  respond: (request: SeenRequest) => Answer | Promise<Answer>,
  base = 'https://api.github.com',
) {
  const { api } = await githubApi();
  const violations: string[] = [];
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const method = (init.method ?? 'GET').toLowerCase();
    if (init.signal?.aborted) throw init.signal.reason;
    const problem = (message: string) => (
      violations.push(message),
      new Response(JSON.stringify({ message: `contract: ${message}` }), { status: 400 })
    );
    if (!`${url.origin}${url.pathname}`.startsWith(base)) return problem(`${url.href} is not under ${base}`);
    const request: ApiRequest = {
      method,
      path: url.pathname.slice(new URL(base).pathname.replace(/\/$/, '').length),
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    const operation = api.router.matchOperation(request);
    if (!operation) return problem(`${method.toUpperCase()} ${request.path} is not in GitHub's API`);
    const result = api.validator.validateRequest(request, operation);
    if (!result.valid) return problem(`${operation.operationId}: ${JSON.stringify(result.errors)}`);
    if (headers.accept !== 'application/vnd.github+json') return problem(`accept is ${headers.accept}`);
    if (headers['x-github-api-version'] !== '2022-11-28')
      return problem(`x-github-api-version is ${headers['x-github-api-version']}`);
    if (!/^Bearer \S+$/.test(headers.authorization ?? '')) return problem('no Bearer authorization');
    const params = api.router.parseRequest(request, operation).params as Record<string, string>;
    const entry = {
      operationId: operation.operationId!,
      method,
      path: request.path,
      params,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    seen.push(entry);
    const answer = await respond(entry);
    if (answer.status < 300) {
      const checked = api.validator.validateResponse(answer.body, operation, answer.status);
      if (checked.errors?.length)
        violations.push(
          `fixture for ${operation.operationId} does not match GitHub's description: ${JSON.stringify(checked.errors)}`,
        );
    }
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, violations, seen };
}

const ISSUE = JSON.parse(readFileSync(join(GITHUB_FIXTURES, 'github-issue.json'), 'utf8')) as Record<string, unknown>;
const USER = JSON.parse(readFileSync(join(GITHUB_FIXTURES, 'github-user.json'), 'utf8')) as Record<string, unknown>;

/** The issue GitHub would answer with, from the fixture, for the request and number given. */
export function issueAnswer(
  repo: string,
  number: number,
  fields: { title?: string; state?: 'open' | 'closed'; state_reason?: string | null; assignees?: string[] } = {},
) {
  const api = `https://api.github.com/repos/${repo}`;
  const user = (login: string) => ({
    ...USER,
    login,
    url: `https://api.github.com/users/${login}`,
    html_url: `https://github.com/${login}`,
  });
  const { state_reason: _unset, ...issue } = ISSUE;
  return {
    ...issue,
    number,
    url: `${api}/issues/${number}`,
    repository_url: api,
    html_url: `https://github.com/${repo}/issues/${number}`,
    title: fields.title ?? ISSUE.title,
    state: fields.state ?? 'open',
    // GitHub sends null, which its description's enum does not list: leave it out instead.
    ...(fields.state_reason ? { state_reason: fields.state_reason } : {}),
    closed_at: fields.state === 'closed' ? '2025-04-02T10:00:00Z' : null,
    assignees: (fields.assignees ?? []).map(user),
  };
}

export function fixture(name: string): unknown {
  return JSON.parse(readFileSync(join(GITHUB_FIXTURES, name), 'utf8'));
}

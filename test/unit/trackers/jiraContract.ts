/**
 * A `fetch` that checks every request against Jira Cloud's own OpenAPI description (vendored in
 * test/contracts), in-process, plus what that description leaves free-form in an issue's `fields`:
 * the description must be valid ADF (Atlassian's JSON Schema), the summary present, the due date
 * YYYY-MM-DD, the assignee an accountId, labels without spaces, at most 50 issues a bulk call.
 * Nothing leaves the process; answers come from each test's script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { OpenAPIBackend, type Request as ApiRequest } from 'openapi-backend';

const ROOT = join(__dirname, '..', '..', '..');
const DESCRIPTION = join(ROOT, 'test', 'contracts', 'jira-cloud-platform-v3.openapi.json');
const ADF_SCHEMA = join(ROOT, 'node_modules', '@atlaskit', 'adf-schema', 'json-schema', 'v1', 'full.json');
export const JIRA_FIXTURES = join(ROOT, 'test', 'fixtures', 'trackers', 'jira');
export const SITE = 'http://127.0.0.1:9';

let loaded: Promise<OpenAPIBackend> | undefined;

export function jiraApi(): Promise<OpenAPIBackend> {
  loaded ??= (async () => {
    const document = JSON.parse(readFileSync(DESCRIPTION, 'utf8')) as object;
    const api = new OpenAPIBackend({
      definition: document as never,
      quick: true,
      strict: false,
      validate: true,
      customizeAjv: (ajv) => (addFormats(ajv), ajv),
    });
    await api.init();
    return api;
  })();
  return loaded;
}

let adf: ReturnType<Ajv['compile']> | undefined;
/** Atlassian's ADF schema is draft-04; without its `$schema` line Ajv 8 reads it as it is meant. */
export function adfValidator() {
  if (!adf) {
    const { $schema: _draft, ...schema } = JSON.parse(readFileSync(ADF_SCHEMA, 'utf8')) as Record<string, unknown>;
    adf = new Ajv({ strict: false, allErrors: true }).compile(schema);
  }
  return adf;
}

export interface SeenRequest {
  operationId: string;
  method: string;
  path: string;
  query: Record<string, string>;
  headers: Record<string, string>;
  body: unknown;
}

export type Answer = { status: number; body?: unknown; headers?: Record<string, string> };

/** What the description allows but Jira does not: checks on each issue of a bulk create. */
export function fieldProblems(body: unknown): string[] {
  const updates = (body as { issueUpdates?: unknown }).issueUpdates;
  if (!Array.isArray(updates)) return [];
  const problems: string[] = [];
  if (updates.length > 50) problems.push(`${updates.length} issues in one bulk call (Jira takes 50)`);
  const validate = adfValidator();
  updates.forEach((update: { fields?: Record<string, unknown> }, i) => {
    const fields = update.fields ?? {};
    if (typeof fields.summary !== 'string' || !fields.summary.trim()) problems.push(`#${i}: no summary`);
    if (!validate(fields.description))
      problems.push(`#${i}: description is not ADF: ${JSON.stringify(validate.errors?.slice(0, 3))}`);
    if (fields.duedate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(String(fields.duedate)))
      problems.push(`#${i}: duedate ${String(fields.duedate)}`);
    const assignee = fields.assignee as Record<string, unknown> | undefined;
    if (assignee !== undefined && (typeof assignee.accountId !== 'string' || Object.keys(assignee).length !== 1))
      problems.push(`#${i}: assignee ${JSON.stringify(assignee)}`);
    for (const label of (fields.labels as unknown[]) ?? [])
      if (typeof label !== 'string' || /\s/.test(label)) problems.push(`#${i}: label ${JSON.stringify(label)}`);
    if (!(fields.project as { key?: unknown })?.key) problems.push(`#${i}: no project`);
  });
  return problems;
}

/**
 * The validating fetch. A request the description (or the checks above) rejects is answered 400
 * and recorded in `violations`, which a test expects empty. `respond` scripts the answers.
 */
/** `site`: where the fake Jira lives; requests anywhere else are violations. */
export async function jiraFetch(respond: (request: SeenRequest) => Answer | Promise<Answer>, site = SITE) {
  const api = await jiraApi();
  const violations: string[] = [];
  const seen: SeenRequest[] = [];
  const fetch = async (input: string | URL | Request, init: RequestInit = {}): Promise<Response> => {
    const url = new URL(String(input));
    if (init.signal?.aborted) throw init.signal.reason;
    const headers = Object.fromEntries(new Headers(init.headers).entries());
    const body = typeof init.body === 'string' ? (JSON.parse(init.body) as unknown) : undefined;
    const method = (init.method ?? 'GET').toLowerCase();
    const problem = (message: string) => (
      violations.push(message),
      new Response(JSON.stringify({ errorMessages: [`contract: ${message}`] }), { status: 400 })
    );
    if (url.origin !== site) return problem(`${url.href} is not under ${site}`);
    if (url.pathname === '/rest/api/3/search' || url.pathname === '/rest/api/2/search')
      return problem('the retired /search endpoint (Jira Cloud answers 410)');
    const request: ApiRequest = {
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    const operation = api.router.matchOperation(request);
    if (!operation) return problem(`${method.toUpperCase()} ${url.pathname} is not in Jira's API`);
    const result = api.validator.validateRequest(request, operation);
    if (!result.valid) return problem(`${operation.operationId}: ${JSON.stringify(result.errors)}`);
    if (!/^(?:Basic|Bearer) \S+$/.test(headers.authorization ?? '')) return problem('no Basic or Bearer authorization');
    const fields = operation.operationId === 'createIssues' ? fieldProblems(body) : [];
    if (fields.length > 0) return problem(`createIssues: ${fields.join('; ')}`);
    const entry = {
      operationId: operation.operationId!,
      method,
      path: url.pathname,
      query: Object.fromEntries(url.searchParams),
      headers,
      body,
    };
    seen.push(entry);
    const answer = await respond(entry);
    return new Response(answer.body === undefined ? null : JSON.stringify(answer.body), {
      status: answer.status,
      headers: { 'content-type': 'application/json', ...answer.headers },
    });
  };
  return { fetch: fetch as typeof globalThis.fetch, violations, seen };
}

export function fixture<T = unknown>(name: string): T {
  return JSON.parse(readFileSync(join(JIRA_FIXTURES, name), 'utf8')) as T;
}

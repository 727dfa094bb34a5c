/**
 * The `--dry-run` stand-in for the network: every request is printed instead of sent, and answered
 * as a tracker would answer when nothing is there yet (no users found, no issues), so the run goes
 * on to show each request it would make: the lookup for earlier issues first, then the creates.
 */

export interface PrintedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Authorization shows only its scheme (`Basic <redacted>`); other secret-looking headers nothing. */
export function redactHeaders(headers: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (/^(?:authorization|proxy-authorization)$/i.test(name)) {
      const scheme = /^([A-Za-z][\w-]*)\s+\S/.exec(value)?.[1];
      out[name] = scheme ? `${scheme} <redacted>` : '<redacted>';
    } else if (/token|secret|api-?key|cookie|password/i.test(name)) out[name] = '<redacted>';
    else out[name] = value;
  }
  return out;
}

function headerRecord(init: ConstructorParameters<typeof Headers>[0]): Record<string, string> {
  const out: Record<string, string> = {};
  new Headers(init).forEach((value, name) => (out[name] = value));
  return out;
}

export function dryRunFetch(print: (request: PrintedRequest) => void): typeof fetch {
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    let body: unknown = null;
    if (typeof init?.body === 'string') {
      try {
        body = JSON.parse(init.body);
      } catch {
        body = init.body;
      }
    }
    const method = init?.method ?? 'GET';
    print({ method, url, headers: redactHeaders(headerRecord(init?.headers)), body });
    return new Response(emptyAnswer(method, new URL(url).pathname, body), {
      status: 200,
      headers: { 'content-type': 'application/json' },
    });
  };
}

/**
 * What a tracker with nothing in it yet answers. Adapters look for issues an earlier run created
 * before creating any, and refuse to go on from an answer that is not a list: so each lookup gets
 * an empty list in its tracker's shape, and the creates that follow are printed too.
 */
function emptyAnswer(method: string, path: string, body: unknown): string {
  if (/\/user\/search\b|\/users?\b/.test(path)) return '[]';
  // Jira: /search/jql (Cloud) and /search (Data Center).
  if (/\/rest\/api\/\d+\/search(?:\/jql)?$/.test(path))
    return JSON.stringify({ issues: [], isLast: true, startAt: 0, maxResults: 0, total: 0 });
  // GitHub: the repository's issue listing.
  if (method === 'GET' && /\/repos\/[^/]+\/[^/]+\/issues$/.test(path)) return '[]';
  // Linear: any `issues` query.
  const query = (body as { query?: unknown } | null)?.query;
  if (typeof query === 'string' && /\bissues\s*\(/.test(query))
    return JSON.stringify({ data: { issues: { nodes: [], pageInfo: { hasNextPage: false, endCursor: null } } } });
  return '{}';
}

/** Credentials a dry run signs with when the real ones are not set: never sent, and redacted when printed. */
export function placeholderCredentials(ids: string[], given: Record<string, string>): Record<string, string> {
  const out = { ...given };
  for (const id of ids) out[id] ??= id === 'email' ? 'dry-run@example.invalid' : 'dry-run';
  return out;
}

import { redactSecrets } from '../core/secrets';
import { TrackerError } from './types';

/**
 * The one way adapters talk HTTP: JSON in and out, a bounded timeout per attempt, and 429 / 5xx /
 * network failures retried a bounded number of times with exponential backoff, honouring
 * Retry-After. Other statuses are returned for the adapter to word.
 */
export interface HttpRequest {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  url: string;
  headers: Record<string, string>;
  /** Sent as JSON when present. */
  body?: unknown;
  /**
   * For a request that must not be carried out twice (a create): asked before repeating it after a
   * failure that leaves unknown whether it was carried out (5xx, no answer). False gives up with
   * that failure instead of risking a duplicate. Not asked after 429, which means "not done".
   */
  confirmRetry?: () => Promise<boolean>;
}

export interface HttpResponse {
  status: number;
  headers: Headers;
  /** The body parsed as JSON, or undefined when it is not JSON. */
  json: unknown;
  text: string;
}

export interface HttpOptions {
  fetch: typeof fetch;
  /** Per attempt. */
  timeoutMs?: number;
  /** Attempts after the first, for 429, 5xx and network errors. */
  retries?: number;
  /** Base of the exponential backoff when the server gives no Retry-After. */
  backoffMs?: number;
  /** Longest wait honoured from a Retry-After header; longer ones give up instead. */
  maxWaitMs?: number;
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
}

const RETRYABLE = (status: number) => status === 429 || status >= 500;

export class Http {
  private readonly fetch: typeof fetch;
  private readonly timeoutMs: number;
  private readonly retries: number;
  private readonly backoffMs: number;
  private readonly maxWaitMs: number;
  private readonly sleep: (ms: number, signal?: AbortSignal) => Promise<void>;

  constructor(options: HttpOptions) {
    this.fetch = options.fetch;
    this.timeoutMs = options.timeoutMs ?? 30_000;
    this.retries = options.retries ?? 3;
    this.backoffMs = options.backoffMs ?? 500;
    this.maxWaitMs = options.maxWaitMs ?? 60_000;
    this.sleep = options.sleep ?? abortableSleep;
  }

  /** Throws TrackerError when every attempt failed on the network, timed out, or was cancelled. */
  async send(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    for (let attempt = 0; ; attempt++) {
      const last = attempt >= this.retries;
      let response: HttpResponse;
      try {
        response = await this.once(request, signal);
      } catch (error) {
        if (signal?.aborted) throw new TrackerError(`${request.method} ${request.url} was cancelled.`);
        if (last || !(await this.mayRepeat(request)))
          throw new TrackerError(
            `${request.method} ${request.url} failed after ${attempt + 1} attempts: ${describe(error)}`,
          );
        await this.sleep(this.backoffMs * 2 ** attempt, signal);
        continue;
      }
      if (!RETRYABLE(response.status) || last) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? this.backoffMs * 2 ** attempt;
      if (wait > this.maxWaitMs) return response;
      if (response.status >= 500 && !(await this.mayRepeat(request))) return response;
      await this.sleep(wait, signal);
    }
  }

  private async mayRepeat(request: HttpRequest): Promise<boolean> {
    return request.confirmRetry ? request.confirmRetry() : true;
  }

  private async once(request: HttpRequest, signal?: AbortSignal): Promise<HttpResponse> {
    const timeout = AbortSignal.timeout(this.timeoutMs);
    const combined = signal ? AbortSignal.any([signal, timeout]) : timeout;
    const headers = {
      accept: 'application/json',
      ...request.headers,
      ...(request.body !== undefined ? { 'content-type': 'application/json' } : {}),
    };
    try {
      const response = await this.fetch(request.url, {
        method: request.method,
        headers,
        body: request.body !== undefined ? JSON.stringify(request.body) : undefined,
        signal: combined,
      });
      // A body may echo the request's headers (a proxy, an error page, a hostile server), and its
      // words end up in messages and in the document: it is only ever kept redacted.
      const text = redactSecrets(await response.text());
      let json: unknown;
      try {
        json = text ? JSON.parse(text) : undefined;
      } catch {
        json = undefined;
      }
      return { status: response.status, headers: response.headers, json, text };
    } catch (error) {
      if (timeout.aborted && !signal?.aborted) {
        throw new Error(`no answer within ${Math.round(this.timeoutMs / 1000)} s`, { cause: error });
      }
      throw error;
    }
  }
}

/** Retry-After as delta-seconds or an HTTP date, in milliseconds from now. */
export function retryAfterMs(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

function describe(error: unknown): string {
  if (error instanceof Error)
    return redactSecrets(error.cause instanceof Error ? `${error.message} (${error.cause.message})` : error.message);
  return redactSecrets(String(error));
}

function abortableSleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(() => (signal?.removeEventListener('abort', onAbort), resolve()), ms);
    const onAbort = () => (clearTimeout(timer), reject(signal?.reason));
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}

/** What an adapter that talks to a tracker over HTTP is given: the client, and the credentials of this run. */
export interface RemoteTrackerDeps {
  http: Http;
  /** The secrets for this run only (`token`, `email`), from the environment or the editor. */
  credentials: Record<string, string>;
}

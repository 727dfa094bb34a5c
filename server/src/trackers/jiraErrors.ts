import type { HttpResponse } from './http';

/** Jira's own words from an error body (`errorMessages` and per-field `errors`), else the status. */
export function jiraErrorText(body: unknown, status?: number, raw?: string): string {
  const parts: string[] = [];
  const value = body as { errorMessages?: unknown; errors?: unknown; message?: unknown } | undefined;
  if (value && typeof value === 'object') {
    if (Array.isArray(value.errorMessages))
      parts.push(...value.errorMessages.filter((m): m is string => typeof m === 'string' && m !== ''));
    if (value.errors && typeof value.errors === 'object' && !Array.isArray(value.errors)) {
      for (const [field, message] of Object.entries(value.errors)) parts.push(`${field}: ${String(message)}`);
    }
    if (parts.length === 0 && typeof value.message === 'string') parts.push(value.message);
  }
  if (parts.length > 0) return parts.join('; ');
  const snippet = raw
    ?.replace(/<[^>]*>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    .slice(0, 200);
  return status === undefined ? snippet || 'no answer' : `HTTP ${status}${snippet ? `: ${snippet}` : ''}`;
}

export function responseError(response: HttpResponse): string {
  return jiraErrorText(response.json, response.status, response.text);
}

export const isOk = (response: HttpResponse) => response.status >= 200 && response.status < 300;

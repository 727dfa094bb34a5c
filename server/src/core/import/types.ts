import type { MilestoneKind } from '../model';

/**
 * One moment read from an export (a chat message, a page, a commit, an annotation, an alert),
 * before it is written into a postmortem's timeline.
 */
export interface ImportedRow {
  /** Epoch milliseconds (UTC). */
  instant: number;
  text: string;
  /** Who did it, as a display name ("Priya Raman", "Alertmanager"). */
  actor?: string;
  /** Where the evidence can be opened (a Slack permalink, the incident page, the commit). */
  link?: string;
  /** Stable across re-imports of the same export: what keeps a row from being added twice. */
  sourceId: string;
  /** The milestone this evidence marks, when the source says so (a page, an acknowledgement, a resolve). */
  milestone?: MilestoneKind;
  /** For chat replies: the id of the message that opened the thread. */
  threadOf?: string;
}

/** The sources `hindsight import` reads. */
export const IMPORT_SOURCES = ['slack', 'pagerduty', 'git', 'grafana', 'alertmanager', 'csv', 'jsonl'] as const;
export type ImportSource = (typeof IMPORT_SOURCES)[number];

/** What the user chose to import: a window and, for chat, channels and a reaction. */
export interface ImportFilter {
  /** Epoch milliseconds, inclusive. */
  from?: number;
  /** Epoch milliseconds, inclusive. */
  to?: number;
  channels?: string[];
  /** Only messages with this reaction (a name such as "pushpin", colons optional). */
  onlyReacted?: string;
  /** The workspace, PagerDuty, Grafana or repository web address, for links the export does not hold. */
  baseUrl?: string;
}

/** Input that cannot be imported, with a message meant for the user. */
export class ImportInputError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportInputError';
  }
}

export function inWindow(instant: number, filter: ImportFilter): boolean {
  return (filter.from === undefined || instant >= filter.from) && (filter.to === undefined || instant <= filter.to);
}

/** The value under a key of a JSON object, or undefined for anything else. */
export function field(value: unknown, key: string): unknown {
  return value !== null && typeof value === 'object' && !Array.isArray(value)
    ? (value as Record<string, unknown>)[key]
    : undefined;
}

export function text(value: unknown): string | undefined {
  return typeof value === 'string' && value.trim() !== '' ? value : undefined;
}

/** Parses JSON, naming the file when it is not JSON. */
export function parseJson(source: string, name: string): unknown {
  try {
    return JSON.parse(source);
  } catch (error) {
    throw new ImportInputError(`${name} is not JSON (${(error as Error).message})`);
  }
}

/** An instant from an ISO 8601 / RFC 3339 string or epoch milliseconds; undefined when unreadable. */
export function readInstant(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  if (/^\d{12,14}$/.test(value.trim())) return Number(value);
  // A bare date-time without a zone is ambiguous: refuse it rather than read it in the machine's zone.
  if (!/(?:Z|[+-]\d{2}:?\d{2})$/i.test(value.trim())) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

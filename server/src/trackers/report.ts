import { redactSecrets } from '../core/secrets';
import type { CreatedTicket, FailedItem } from './types';

export interface Report {
  level: 'info' | 'warning' | 'error';
  /** One message for the notification. */
  message: string;
  /** Everything worth keeping, one line each, for the output channel. */
  log: string[];
}

export interface ExportOutcome {
  tracker: string;
  created: (CreatedTicket & { note?: string })[];
  /** Items left alone because they already carry a ticket. */
  skipped: number;
  /** Items the plan could not export (no action text…), with why. */
  unusable: { index: number; reason: string }[];
  failed: FailedItem[];
  /** Tickets created whose row could not be found again after the document changed. */
  unplaced: CreatedTicket[];
  /** The action of each item by index, to name items in the report. */
  actions: Map<number, string>;
}

const LISTED = 5;

/** What the user is told after an export: created, skipped and failed (with the tracker's own words). */
export function exportReport(outcome: ExportOutcome): Report {
  const { tracker, created, failed, unplaced } = outcome;
  const name = (index: number) => `"${clip(outcome.actions.get(index) ?? `item ${index + 1}`)}"`;
  const parts = [
    created.length === 0
      ? `no tickets created in ${tracker}`
      : `created ${count(created.length, 'ticket')} in ${tracker} (${list(created.map((t) => t.key))})`,
  ];
  if (outcome.skipped > 0)
    parts.push(`${outcome.skipped} skipped (already ${outcome.skipped === 1 ? 'has a ticket' : 'have tickets'})`);
  if (outcome.unusable.length > 0)
    parts.push(
      `${outcome.unusable.length} not exportable (${outcome.unusable
        .map((u) => `${name(u.index)}: ${u.reason}`)
        .slice(0, 2)
        .join('; ')})`,
    );
  if (failed.length > 0)
    parts.push(
      `${failed.length} failed: ${failed
        .slice(0, 2)
        .map((f) => `${name(f.index)}: ${f.error}`)
        .join('; ')}${failed.length > 2 ? '; …' : ''}`,
    );
  const notes = created.filter((t) => t.note);
  if (notes.length > 0)
    parts.push(
      `${notes.length} ${notes.length === 1 ? 'needs' : 'need'} attention (${notes
        .map((t) => `${t.key}: ${t.note}`)
        .slice(0, 1)
        .join('')}${notes.length > 1 ? '; see the output' : ''})`,
    );
  if (unplaced.length > 0) {
    const rows = unplaced.length === 1 ? 'its row' : 'their rows';
    const tickets = list(unplaced.map((t) => `${t.key} ${t.url}`));
    const what = `${count(unplaced.length, 'ticket')} could not be written back`;
    parts.push(`${what} because ${rows} changed meanwhile: ${tickets}`);
  }

  const log = [
    ...created.map((t) => `created ${t.key} ${t.url} for ${name(t.index)}${t.note ? ` — ${t.note}` : ''}`),
    ...failed.map((f) => `failed ${name(f.index)}: ${f.error}`),
    ...outcome.unusable.map((u) => `not exportable ${name(u.index)}: ${u.reason}`),
    ...unplaced.map((t) => `not written back ${t.key} ${t.url}: its row changed while the ticket was created`),
  ];
  const level =
    failed.length > 0 || unplaced.length > 0
      ? created.length === 0
        ? 'error'
        : 'warning'
      : notes.length > 0
        ? 'warning'
        : 'info';
  return redacted({ level, message: sentence(parts), log });
}

export interface RefreshOutcome {
  tracker: string;
  read: number;
  /** Rows whose status cell changed. */
  updated: number;
  failed: { key: string; error: string }[];
  /** Rows with a ticket the tracker knows nothing of (the document has no ticket keys, say). */
  noTickets: boolean;
}

export function refreshReport(outcome: RefreshOutcome): Report {
  if (outcome.noTickets)
    return { level: 'info', message: 'Hindsight: no action item has a ticket yet; export them first.', log: [] };
  const parts = [
    `read ${count(outcome.read, 'status', 'statuses')} from ${outcome.tracker}`,
    outcome.updated === 0 ? 'every row was up to date' : `${count(outcome.updated, 'row')} updated`,
  ];
  const { failed } = outcome;
  if (failed.length > 0)
    parts.push(
      `${failed.length} could not be read: ${failed
        .slice(0, 2)
        .map((f) => `${f.key}: ${f.error}`)
        .join('; ')}${failed.length > 2 ? '; …' : ''}`,
    );
  return redacted({
    level: failed.length === 0 ? 'info' : outcome.read === 0 ? 'error' : 'warning',
    message: sentence(parts),
    log: failed.map((f) => `status of ${f.key} not read: ${f.error}`),
  });
}

/** The report as it may be shown: a tracker's words quoted in it could echo a credential. */
function redacted(report: Report): Report {
  return { ...report, message: redactSecrets(report.message), log: report.log.map((line) => redactSecrets(line)) };
}

/** The parts as one sentence; a tracker's own message may already end with a full stop. */
function sentence(parts: string[]): string {
  return `Hindsight: ${parts.join('; ').replace(/\.$/, '')}.`;
}

function count(n: number, one: string, many = `${one}s`): string {
  return `${n} ${n === 1 ? one : many}`;
}

function list(values: string[]): string {
  return values.length > LISTED ? `${values.slice(0, LISTED).join(', ')}, …` : values.join(', ');
}

function clip(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 60 ? `${flat.slice(0, 59)}…` : flat;
}

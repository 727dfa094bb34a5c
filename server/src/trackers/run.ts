import type { PostmortemDocument } from '../core/model';
import type { TextEdit } from '../core/rules/rule';
import type { ExportPlan } from './plan';
import { itemTicketKey } from './tickets';
import type { CreateResult, TicketState, TrackerAdapter } from './types';
import { statusEdits, ticketEdits } from './writeBack';

export interface ExportRun {
  plan: ExportPlan;
  result: CreateResult;
  /** The new keys written into the document, to be applied all at once. */
  edits: TextEdit[];
}

export interface RefreshRun {
  states: Map<string, TicketState>;
  failed: { key: string; error: string }[];
  edits: TextEdit[];
}

/** Creates the plan's tickets and computes the write-back; nothing is applied here. */
export async function exportActionItems(
  doc: PostmortemDocument,
  adapter: TrackerAdapter,
  plan: ExportPlan,
  signal?: AbortSignal,
): Promise<ExportRun> {
  if (plan.toCreate.length === 0) return { plan, result: { created: [], failed: [] }, edits: [] };
  const result = await adapter.create(plan.toCreate, plan.incident, signal);
  // Only what was asked for is written back, once per item, whatever the adapter answered.
  const wanted = new Set(plan.toCreate.map((item) => item.index));
  const seen = new Set<number>();
  const created = result.created.filter(
    (ticket) => wanted.has(ticket.index) && !seen.has(ticket.index) && seen.add(ticket.index),
  );
  const answered = new Set([...created.map((t) => t.index), ...result.failed.map((f) => f.index)]);
  const failed = [
    ...result.failed.filter((f) => wanted.has(f.index) && !seen.has(f.index)),
    ...plan.toCreate
      .filter((item) => !answered.has(item.index))
      .map((item) => ({ index: item.index, error: 'the tracker gave no answer for this item' })),
  ];
  return { plan, result: { created, failed }, edits: ticketEdits(doc, created) };
}

/** Reads the state of every ticket the document names and computes the Status updates. */
export async function refreshStatus(
  doc: PostmortemDocument,
  adapter: TrackerAdapter,
  signal?: AbortSignal,
): Promise<RefreshRun> {
  const keys = [...new Set(doc.actionItems.map(itemTicketKey).filter((key): key is string => key !== undefined))];
  if (keys.length === 0) return { states: new Map(), failed: [], edits: [] };
  const { states, failed } = await adapter.status(keys, signal);
  return { states, failed, edits: statusEdits(doc, states) };
}

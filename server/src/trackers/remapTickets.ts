import type { CreatedTicket, ExportItem } from './types';

/**
 * The document was edited while tickets were being created, so item indices may have moved. Each
 * ticket goes to the item that now carries the same action text and still has no ticket (equal
 * texts are matched in order); a ticket whose action is gone or already has a ticket is left
 * unplaced, for the report to name, rather than written on the wrong row.
 */
export function remapTickets(
  planned: ExportItem[],
  created: CreatedTicket[],
  current: ExportItem[],
): { tickets: CreatedTicket[]; unplaced: CreatedTicket[] } {
  const actionOf = new Map(planned.map((item) => [item.index, normalise(item.action)]));
  const free = current.map((item) => ({ index: item.index, action: normalise(item.action), taken: false }));
  const tickets: CreatedTicket[] = [];
  const unplaced: CreatedTicket[] = [];
  for (const ticket of [...created].sort((a, b) => a.index - b.index)) {
    const action = actionOf.get(ticket.index);
    const target = action === undefined ? undefined : free.find((item) => !item.taken && item.action === action);
    if (!target) {
      unplaced.push(ticket);
      continue;
    }
    target.taken = true;
    tickets.push({ ...ticket, index: target.index });
  }
  return { tickets, unplaced };
}

function normalise(action: string): string {
  return action.replace(/\s+/g, ' ').trim().toLowerCase();
}

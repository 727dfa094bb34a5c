import type { ActionItem } from '../../model';
import type { Finding, Fix, Rule } from '../rule';
import { quoteItem } from './quote';

type Field = 'owner' | 'due' | 'status';
const FIELD_NAMES: Record<Field, string> = { owner: 'an owner', due: 'a due date', status: 'a status' };

/** The fields an item lacks, in the order a reader fills them in. */
function missingFields(item: ActionItem, options: Record<string, unknown>): Field[] {
  const skipped = new Set((options.skipFields as string[] | undefined) ?? []);
  const done = item.state === 'done';
  if (done && !options.checkDone) return [];
  // An item that links its ticket is tracked there, owner and date included.
  if (options.ticketCompletes && item.ticket?.text) return [];
  const missing: Field[] = [];
  if (!item.owner?.text) missing.push('owner');
  if (!done && !item.due?.text) missing.push('due');
  // A plain list item with no status reads as open; a table has a place for one.
  const statusExpected = item.origin === 'table' || (item.origin === 'list' && options.listStatus === true);
  if (statusExpected && !item.stateFromHeading && !item.status?.text) missing.push('status');
  return missing.filter((field) => !skipped.has(field));
}

function list(names: string[], conjunction: 'or' | 'and'): string {
  return names.length <= 1
    ? names.join('')
    : `${names.slice(0, -1).join(', ')} ${conjunction} ${names[names.length - 1]}`;
}

/** When only the status is missing and its cell is there, "open" is the safe value to fill in. */
function statusFix(item: ActionItem, missing: Field[]): Fix[] {
  const cell = item.status;
  if (
    missing.length !== 1 ||
    missing[0] !== 'status' ||
    !cell ||
    cell.range.start.character !== cell.range.end.character
  )
    return [];
  return [{ title: 'Set the status to "open"', edits: [{ range: cell.range, newText: 'open' }] }];
}

/** The finding for one item, naming what it lacks. */
function itemFinding(item: ActionItem, missing: Field[]): Finding {
  const anchor = missing.length === 1 ? (item[missing[0]]?.range ?? item.action.range) : item.action.range;
  const lacks = list(
    missing.map((f) => FIELD_NAMES[f].replace(/^an? /, '')),
    'or',
  );
  const message = `${quoteItem(item.action.text)} has no ${lacks}: add ${list(
    missing.map((f) => FIELD_NAMES[f]),
    'and',
  )} so it can be followed up.`;
  return { range: anchor, message, fixes: statusFix(item, missing) };
}

interface Lacking {
  item: ActionItem;
  missing: Field[];
}

/** Items next to each other in one list or table (a blank line between list items allowed). */
const adjacent = (a: ActionItem, b: ActionItem) => a.origin === b.origin && b.range.start.line - a.range.end.line <= 2;

/**
 * Runs of neighbouring items that lack the same fields. A list where no item names an owner is one
 * convention, not seven slips: it gets one finding, so the file does not fill with the same squiggle.
 */
function runs(lacking: Lacking[], all: ActionItem[]): Lacking[][] {
  const out: Lacking[][] = [];
  for (const entry of lacking) {
    const run = out[out.length - 1];
    const last = run?.[run.length - 1];
    const between = last ? all.indexOf(entry.item) - all.indexOf(last.item) : 0;
    const same =
      last && between === 1 && adjacent(last.item, entry.item) && last.missing.join() === entry.missing.join();
    if (same) run.push(entry);
    else out.push([entry]);
  }
  return out;
}

/** One finding for a run of at least `minimum` items, anchored on the first; else one per item. */
function runFindings(run: Lacking[], minimum: number): Finding[] {
  const perItem = run.map(({ item, missing }) => itemFinding(item, missing));
  if (run.length < minimum || perItem.some((f) => (f.fixes ?? []).length > 0)) return perItem;
  const { item, missing } = run[0];
  const lacks = list(
    missing.map((f) => FIELD_NAMES[f]),
    'or',
  );
  const last = run[run.length - 1].item;
  const what = missing.length === 1 ? 'one' : 'them';
  const message =
    `None of these ${run.length} action items has ${lacks} (${quoteItem(item.action.text, 40)} to ` +
    `${quoteItem(last.action.text, 40)}): add ${what} to each so it can be followed up.`;
  return [{ range: item.action.range, message }];
}

const rule: Rule = {
  id: 'actions/incomplete',
  level: 'warning',
  description:
    'An open action item lacks an owner, a due date or a status (one finding an item, naming all that is missing; ' +
    'one for a run of neighbouring items that lack the same).',
  rationale:
    'An action item nobody owns, with no date and no status, is one nobody does: ' +
    'it drifts behind newer work and no one can tell at 30, 60 or 90 days whether it happened. ' +
    'Items under a "Completed" or "Done" heading or worded as done ("Added…", "has been fixed"), ' +
    'checked boxes and items that link a ticket (which tracks owner and date) are not asked for more by default, ' +
    'and a plain list item without a status reads as open; `hindsight:strict` asks every item for every field. ' +
    'Three or more neighbouring items that lack the same fields get one finding on the first, ' +
    'since a list where nobody is named is one habit to fix, not many. ' +
    'The former rules `actions/missing-owner`, `actions/missing-due-date` and `actions/missing-status` are names ' +
    'for the parts of this one: turning one off stops that field being asked for.',
  example: {
    flagged: '| Add zone-file validation | | | |',
    better: '| Add zone-file validation | @marc | 2025-07-01 | open |',
  },
  options: {
    ticketCompletes: {
      type: 'boolean',
      default: true,
      description: 'An item that links a ticket is complete: the tracker holds its owner, date and status.',
    },
    checkDone: { type: 'boolean', default: false, description: 'Also ask done items for an owner and a status.' },
    listStatus: {
      type: 'boolean',
      default: false,
      description: 'Also ask plain list items (not checkboxes) for a status; without one they read as open.',
    },
    groupAtLeast: {
      type: 'number',
      default: 3,
      description:
        'Neighbouring items that lack the same fields get one finding when there are at least this many (0: never).',
    },
    skipFields: {
      type: 'string[]',
      default: [],
      description: 'Fields not asked for: any of "owner", "due", "status".',
    },
  },
  fixable: true,
  check: ({ doc, options }) => {
    const lacking = doc.actionItems
      .map((item) => ({ item, missing: missingFields(item, options) }))
      .filter((entry) => entry.missing.length > 0);
    const minimum = Number(options.groupAtLeast ?? 3) || Infinity;
    return runs(lacking, doc.actionItems).flatMap((run) => runFindings(run, minimum));
  },
};
export default rule;

import type { InsightsReport, ItemRef } from './aggregate';
import type { Collation } from './collation';
import { addDays, daysBetween } from './days';
import { perIncident } from './durationFigures';
import type { ActionRecord, IncidentRecord } from './model';
import { median } from './percentile';

const NO_OWNER = '(no owner)';
const OLDEST_SHOWN = 10;

export interface PlacedItem extends ActionRecord {
  file: string;
  date: string;
}

const isDone = (item: ActionRecord) => item.state === 'done';
const rate = (done: number, total: number) => (total === 0 ? undefined : done / total);

/** Each action item with its postmortem's file and day; written out field by field, so all have one shape. */
const placedItemsOf = perIncident((i): PlacedItem[] =>
  i.actionItems.map((a) => ({
    action: a.action,
    owner: a.owner,
    due: a.due,
    state: a.state,
    ticket: a.ticket,
    line: a.line,
    file: i.file,
    date: i.date!,
  })),
);

/** Items by their postmortem's day, then file, then line. */
const byDayFileLine =
  (order: Collation) =>
  (a: PlacedItem, b: PlacedItem): number =>
    order.compare(a.date, b.date) || order.compare(a.file, b.file) || a.line - b.line;

/** Items by due day, then file, then line. */
const byDueFileLine =
  (order: Collation) =>
  (a: PlacedItem, b: PlacedItem): number =>
    order.compare(a.due!, b.due!) || order.compare(a.file, b.file) || a.line - b.line;

/**
 * The first `count` of `items` in a stable sort by `compare`, without sorting them all: each item
 * goes after the kept ones it does not precede, and displaces the last only when it precedes it.
 */
export function firstInOrder<T>(items: readonly T[], count: number, compare: (a: T, b: T) => number): T[] {
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === count && (count === 0 || compare(item, kept[count - 1]!) >= 0)) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at--;
    kept.splice(at, 0, item);
    if (kept.length > count) kept.pop();
  }
  return kept;
}

/**
 * Lists each already sorted by `compare`, merged into one sorted list; on a tie the earlier list
 * comes first, so merging the parts of a stable sort in their order gives the stable sort of all.
 */
export function mergeSorted<T>(lists: readonly (readonly T[])[], compare: (a: T, b: T) => number): T[] {
  let merged: readonly T[] = [];
  for (const list of lists) {
    if (list.length === 0) continue;
    const out: T[] = [];
    let i = 0;
    let j = 0;
    while (i < merged.length && j < list.length)
      out.push(compare(list[j]!, merged[i]!) < 0 ? list[j++]! : merged[i++]!);
    while (i < merged.length) out.push(merged[i++]!);
    while (j < list.length) out.push(list[j++]!);
    merged = out;
  }
  return [...merged];
}

function itemRef(item: PlacedItem): ItemRef {
  return {
    file: item.file,
    line: item.line,
    action: item.action,
    owner: item.owner,
    due: item.due,
    ticket: item.ticket,
  };
}

interface OwnerCounts {
  total: number;
  done: number;
  overdue: number;
}

/** What the action-item figures read of one period's postmortems. */
export interface PeriodItems {
  total: number;
  done: number;
  open: number;
  overdue: number;
  untracked: number;
  openAges: number[];
  /** By owner, in the order owners first appear. */
  owners: Map<string, OwnerCounts>;
  /** The period's oldest open items, enough to pick the report's oldest from. */
  oldest: PlacedItem[];
  /** Open items due within the window (overdue ones too), by due day, file and line; with their rows. */
  due: { item: PlacedItem; row: ItemRef & { daysLeft: number } }[];
}

export interface ItemWindow {
  today: string;
  dueWithinDays: number;
}

export function periodItems(incidents: readonly IncidentRecord[], window: ItemWindow, order: Collation): PeriodItems {
  const { today } = window;
  const last = addDays(today, window.dueWithinDays);
  const sums = { total: 0, done: 0, overdue: 0, untracked: 0 };
  const owners = new Map<string, OwnerCounts>();
  const openAges: number[] = [];
  const open: PlacedItem[] = [];
  const due: PlacedItem[] = [];
  for (const incident of incidents) {
    for (const item of placedItemsOf(incident)) {
      const owner = item.owner ?? NO_OWNER;
      const counts = owners.get(owner) ?? { total: 0, done: 0, overdue: 0 };
      owners.set(owner, counts);
      sums.total++;
      counts.total++;
      if (isDone(item)) {
        sums.done++;
        counts.done++;
        continue;
      }
      open.push(item);
      openAges.push(daysBetween(item.date, today));
      if (item.ticket === undefined) sums.untracked++;
      if (item.due === undefined) continue;
      if (item.due < today) {
        sums.overdue++;
        counts.overdue++;
      }
      if (item.due <= last) due.push(item);
    }
  }
  return {
    ...sums,
    open: open.length,
    openAges,
    owners,
    oldest: firstInOrder(open, OLDEST_SHOWN, byDayFileLine(order)),
    due: due
      .sort(byDueFileLine(order))
      .map((item) => ({ item, row: { ...itemRef(item), daysLeft: daysBetween(today, item.due!) } })),
  };
}

/** Keys sorted as the report lists them: by collation, and on a tie in the order first met. */
const collated = (keys: Iterable<string>) => [...keys].sort((a, b) => a.localeCompare(b));

/** The action-item figures of the report, from its periods' figures (in period order). */
export function actionItemFigures(
  periods: readonly { period: string; items: PeriodItems }[],
  today: string,
  order: Collation,
): InsightsReport['actionItems'] {
  let total = 0;
  let done = 0;
  let open = 0;
  let overdue = 0;
  let untracked = 0;
  const owners = new Map<string, OwnerCounts>();
  for (const { items } of periods) {
    total += items.total;
    done += items.done;
    open += items.open;
    overdue += items.overdue;
    untracked += items.untracked;
    for (const [owner, counts] of items.owners) {
      const sum = owners.get(owner) ?? { total: 0, done: 0, overdue: 0 };
      owners.set(owner, {
        total: sum.total + counts.total,
        done: sum.done + counts.done,
        overdue: sum.overdue + counts.overdue,
      });
    }
  }
  const oldest = firstInOrder(
    periods.flatMap((p) => p.items.oldest),
    OLDEST_SHOWN,
    byDayFileLine(order),
  );
  return {
    total,
    open,
    done,
    overdue,
    untracked,
    medianOpenAgeDays: median(periods.flatMap((p) => p.items.openAges)),
    completionRate: rate(done, total),
    byPeriod: periods
      .filter((p) => p.items.total > 0)
      .map(({ period, items: p }) => ({ period, total: p.total, done: p.done, completionRate: rate(p.done, p.total) })),
    byOwner: collated(owners.keys()).map((owner) => {
      const { total: all, done: finished, overdue: late } = owners.get(owner)!;
      return {
        owner,
        total: all,
        done: finished,
        open: all - finished,
        overdue: late,
        completionRate: rate(finished, all),
      };
    }),
    oldestOpen: oldest.map((item) => ({ ...itemRef(item), ageDays: daysBetween(item.date, today) })),
  };
}

/** Open items due within the window from today, overdue ones included, by owner: from the periods' figures. */
export function dueSoonFigures(
  periods: readonly { items: PeriodItems }[],
  window: ItemWindow,
  order: Collation,
): InsightsReport['dueSoon'] {
  const compare = byDueFileLine(order);
  const due = mergeSorted(
    periods.map((p) => p.items.due),
    (a, b) => compare(a.item, b.item),
  );
  const byOwner = new Map<string, (ItemRef & { daysLeft: number })[]>();
  for (const { item, row } of due) {
    const owner = item.owner ?? NO_OWNER;
    const list = byOwner.get(owner);
    if (list) list.push(row);
    else byOwner.set(owner, [row]);
  }
  return {
    withinDays: window.dueWithinDays,
    overdue: due.filter(({ item }) => item.due! < window.today).length,
    byOwner: collated(byOwner.keys()).map((owner) => ({ owner, items: byOwner.get(owner)! })),
  };
}

import { Collation } from './collation';
import type { IncidentRecord } from './model';

/** A service, tag or cause that came back: its name and the postmortems it appears in, oldest first. */
export interface RecurringGroup {
  name: string;
  postmortems: { file: string; date: string; title: string | undefined }[];
}

export interface Recurring {
  /** A group recurs when it appears in at least this many postmortems. */
  minPostmortems: number;
  services: RecurringGroup[];
  tags: RecurringGroup[];
  /**
   * Key terms of the cause sections (stemmed words and two-word phrases), each group named by its
   * most frequent wording. A word is left out when a phrase holding it covers the same postmortems,
   * and, over ten postmortems or more, a term in more than half of them says nothing about causes.
   */
  causes: RecurringGroup[];
}

export const MIN_RECURRING = 2;
const MAX_CAUSES = 20;
const COMMON_SHARE = 0.5;
const COMMON_FLOOR = 10;

/** The ranking of the incidents' days and files that their groups are sorted by. */
const collationOf = (incidents: readonly IncidentRecord[]) =>
  new Collation(incidents.flatMap((i) => [i.date!, i.file]));

/** Incidents by day, then file. */
const chronological = (incidents: readonly IncidentRecord[], order: Collation) =>
  order.sorted(incidents, (incident) => [incident.date!, incident.file]);

/** A group of incidents already in chronological order (gathered from a chronological list). */
function groupOf(name: string, ordered: readonly IncidentRecord[]): RecurringGroup {
  return { name, postmortems: ordered.map((i) => ({ file: i.file, date: i.date!, title: i.title })) };
}

const bySize = (a: RecurringGroup, b: RecurringGroup) =>
  b.postmortems.length - a.postmortems.length || a.name.localeCompare(b.name);

/** Incidents grouped by the names `namesOf` gives them, keeping groups of at least `minimum`, biggest first. */
export function groupsByName(
  incidents: readonly IncidentRecord[],
  namesOf: (i: IncidentRecord) => string[],
  minimum = MIN_RECURRING,
  order = collationOf(incidents),
): RecurringGroup[] {
  return groupsIn(chronological(incidents, order), namesOf, minimum);
}

/** As groupsByName, over incidents in chronological order: each group's members come in that order. */
function groupsIn(
  ordered: readonly IncidentRecord[],
  namesOf: (i: IncidentRecord) => string[],
  minimum: number,
): RecurringGroup[] {
  const members = new Map<string, IncidentRecord[]>();
  for (const incident of ordered) {
    for (const name of new Set(namesOf(incident))) {
      const list = members.get(name);
      if (list) list.push(incident);
      else members.set(name, [incident]);
    }
  }
  return [...members]
    .filter(([, list]) => list.length >= minimum)
    .map(([name, list]) => groupOf(name, list))
    .sort(bySize);
}

interface TermGroup {
  key: string;
  incidents: IncidentRecord[];
  labels: Map<string, number>;
}

function termGroups(incidents: readonly IncidentRecord[]): Map<string, TermGroup> {
  const groups = new Map<string, TermGroup>();
  for (const incident of incidents) {
    for (const term of incident.causeTerms) {
      const group: TermGroup = groups.get(term.key) ?? { key: term.key, incidents: [], labels: new Map() };
      group.incidents.push(incident);
      group.labels.set(term.label, (group.labels.get(term.label) ?? 0) + 1);
      groups.set(term.key, group);
    }
  }
  return groups;
}

/** Whether two groups hold the same postmortems (both gathered in chronological order). */
function samePostmortems(a: TermGroup, b: TermGroup): boolean {
  return a.incidents.length === b.incidents.length && a.incidents.every((i, n) => i.file === b.incidents[n]!.file);
}

/** The wording most postmortems used; the alphabetically first on a tie, so the report is stable. */
function labelOf(group: TermGroup): string {
  return [...group.labels].sort(([a, n], [b, m]) => m - n || a.localeCompare(b))[0]![0];
}

function recurringCauses(ordered: readonly IncidentRecord[]): RecurringGroup[] {
  const tooCommon = ordered.length >= COMMON_FLOOR ? ordered.length * COMMON_SHARE : Infinity;
  const kept = [...termGroups(ordered).values()].filter(
    (g) => g.incidents.length >= MIN_RECURRING && g.incidents.length <= tooCommon,
  );
  // Each phrase under each of its words, so a word is compared only with the phrases that hold it.
  const phrasesByWord = new Map<string, TermGroup[]>();
  for (const phrase of kept.filter((g) => g.key.includes(' ')))
    for (const word of new Set(phrase.key.split(' '))) {
      const list = phrasesByWord.get(word);
      if (list) list.push(phrase);
      else phrasesByWord.set(word, [phrase]);
    }
  const coveredByPhrase = (word: TermGroup) =>
    (phrasesByWord.get(word.key) ?? []).some((p) => samePostmortems(p, word));
  return kept
    .filter((g) => g.key.includes(' ') || !coveredByPhrase(g))
    .map((g) => groupOf(labelOf(g), g.incidents))
    .sort(bySize)
    .slice(0, MAX_CAUSES);
}

/** Everything of one incident that its recurring groups read, as one string, made once per record. */
const signatures = new WeakMap<IncidentRecord, string>();

function signatureOf(incident: IncidentRecord): string {
  let signature = signatures.get(incident);
  if (signature === undefined) {
    const { date, file, title, services, tags, causeTerms } = incident;
    signature = JSON.stringify([date, file, title, services, tags, causeTerms.map((t) => [t.key, t.label])]);
    signatures.set(incident, signature);
  }
  return signature;
}

/**
 * The last groups made and the signatures of the incidents they were made from: a report after a
 * save that changed no service, tag, cause, title, day or file (a severity, an action's state)
 * reuses them instead of grouping every postmortem again.
 */
let last: { signatures: string[]; result: Recurring } | undefined;

/** Which services, tags and kinds of cause came back across the postmortems. */
export function recurring(incidents: readonly IncidentRecord[], order?: Collation): Recurring {
  const current = incidents.map(signatureOf);
  const previous = last?.signatures;
  if (previous && previous.length === current.length && current.every((s, i) => s === previous[i])) return last!.result;
  const result = groupRecurring(incidents, order ?? collationOf(incidents));
  last = { signatures: current, result };
  return result;
}

function groupRecurring(incidents: readonly IncidentRecord[], order: Collation): Recurring {
  const ordered = chronological(incidents, order);
  return {
    minPostmortems: MIN_RECURRING,
    services: groupsIn(ordered, (i) => i.services, MIN_RECURRING),
    tags: groupsIn(ordered, (i) => i.tags, MIN_RECURRING),
    causes: recurringCauses(ordered),
  };
}

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

function groupOf(name: string, incidents: readonly IncidentRecord[]): RecurringGroup {
  const postmortems = [...incidents]
    .sort((a, b) => a.date!.localeCompare(b.date!) || a.file.localeCompare(b.file))
    .map((i) => ({ file: i.file, date: i.date!, title: i.title }));
  return { name, postmortems };
}

const bySize = (a: RecurringGroup, b: RecurringGroup) =>
  b.postmortems.length - a.postmortems.length || a.name.localeCompare(b.name);

/** Incidents grouped by the names `namesOf` gives them, keeping groups of at least `minimum`, biggest first. */
export function groupsByName(
  incidents: readonly IncidentRecord[],
  namesOf: (i: IncidentRecord) => string[],
  minimum = MIN_RECURRING,
): RecurringGroup[] {
  const members = new Map<string, IncidentRecord[]>();
  for (const incident of incidents) {
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

const fileSet = (group: TermGroup) => group.incidents.map((i) => i.file).join('\n');

/** The wording most postmortems used; the alphabetically first on a tie, so the report is stable. */
function labelOf(group: TermGroup): string {
  return [...group.labels].sort(([a, n], [b, m]) => m - n || a.localeCompare(b))[0]![0];
}

function recurringCauses(incidents: readonly IncidentRecord[]): RecurringGroup[] {
  const tooCommon = incidents.length >= COMMON_FLOOR ? incidents.length * COMMON_SHARE : Infinity;
  const kept = [...termGroups(incidents).values()].filter(
    (g) => g.incidents.length >= MIN_RECURRING && g.incidents.length <= tooCommon,
  );
  const phrases = kept.filter((g) => g.key.includes(' '));
  const coveredByPhrase = (word: TermGroup) =>
    phrases.some((p) => p.key.split(' ').includes(word.key) && fileSet(p) === fileSet(word));
  return kept
    .filter((g) => g.key.includes(' ') || !coveredByPhrase(g))
    .map((g) => groupOf(labelOf(g), g.incidents))
    .sort(bySize)
    .slice(0, MAX_CAUSES);
}

/** Which services, tags and kinds of cause came back across the postmortems. */
export function recurring(incidents: readonly IncidentRecord[]): Recurring {
  return {
    minPostmortems: MIN_RECURRING,
    services: groupsByName(incidents, (i) => i.services),
    tags: groupsByName(incidents, (i) => i.tags),
    causes: recurringCauses(incidents),
  };
}

import type { CauseTerm } from './causeTerms';
import type { ActionItem, MetricName, MilestoneConfidence, MilestoneKind } from '../model';

/**
 * One postmortem as the insights report sees it: read from the same `PostmortemDocument` that the
 * checker and the language server use, reduced to what aggregates need.
 */
export interface IncidentRecord {
  /** The path as shown to the user. */
  file: string;
  /** Calendar day of the incident, YYYY-MM-DD, or undefined when neither frontmatter nor file name gives one. */
  date: string | undefined;
  title: string | undefined;
  severity: string | undefined;
  /** Normalised as the frontmatter rules do: lower case, "review" read as "in-review". */
  status: string | undefined;
  services: string[];
  teams: string[];
  /** Owners and systems of the services, from the repository's Backstage catalog; empty without one. */
  owners: string[];
  systems: string[];
  tags: string[];
  /** Incident ids the frontmatter names (`id`, `incident`, `incident_id`), to match an incident list. */
  ids: string[];
  /** Key terms of the contributing-factors, root-cause and trigger sections, each once. */
  causeTerms: CauseTerm[];
  milestones: MilestoneRecord[];
  durations: DurationRecord[];
  actionItems: ActionRecord[];
}

export interface MilestoneRecord {
  kind: MilestoneKind;
  /** Epoch milliseconds (UTC). */
  time: number;
  confidence: MilestoneConfidence;
  /** One-based line. */
  line: number;
}

export interface DurationRecord {
  metric: MetricName;
  /** Minutes; undefined when a milestone is missing or the two are out of order. */
  minutes: number | undefined;
  /** The weaker confidence of the two milestones it is measured between, when both exist. */
  confidence: MilestoneConfidence | undefined;
}

export interface ActionRecord {
  action: string;
  owner: string | undefined;
  /** YYYY-MM-DD when the due cell holds a date. */
  due: string | undefined;
  state: ActionItem['state'];
  ticket: string | undefined;
  /** One-based line of the item's row or list entry. */
  line: number;
}

/** A file the report could not use, and why: reported beside the figures, never fatal. */
export interface SkippedFile {
  file: string;
  reason: string;
}

import type { Block } from './parse/blocks';
import type { Fix } from './rules/rule';
import type { LineIndex } from './text/lineIndex';

/**
 * The postmortem document model: what one parse of one document version yields.
 * Every consumer (rules, LSP providers, CLI, preview, exporters) reads this; none re-parses.
 * Positions are zero-based; `character` counts UTF-16 code units, as LSP does.
 */

export interface Position {
  line: number;
  character: number;
}

export interface Range {
  start: Position;
  end: Position;
}

export type Severity = 'error' | 'warning' | 'info' | 'hint';

/** Something the engine itself found wrong with the document (rules add more later). */
export interface Problem {
  code: string;
  severity: Severity;
  message: string;
  range: Range;
  /** Quick fixes a rule offers for this problem. */
  fixes?: Fix[];
}

// ---------------------------------------------------------------- frontmatter

export interface FrontmatterField {
  key: string;
  value: unknown;
  keyRange: Range;
  valueRange: Range;
}

export interface Frontmatter {
  /** The whole block, fences included. */
  range: Range;
  /** Parsed values; empty when the YAML could not be read. */
  data: Record<string, unknown>;
  fields: Map<string, FrontmatterField>;
  errors: Problem[];
  /** `toml` for a `+++`-fenced block (a site generator's): edits must be written in TOML. YAML otherwise. */
  syntax?: 'toml';
}

// ---------------------------------------------------------------- sections

export type SectionKind =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'detection'
  | 'response'
  | 'contributing-factors'
  | 'root-cause'
  | 'trigger'
  | 'resolution'
  | 'what-went-well'
  | 'what-could-be-improved'
  | 'where-we-got-lucky'
  | 'action-items'
  | 'lessons-learned'
  | 'customer-message'
  | 'background'
  | 'five-whys'
  | 'supporting-information'
  | 'communication'
  | 'compliance'
  | 'evidence-log'
  | 'audit-trail'
  | 'risk-assessment'
  | 'project-overview'
  | 'highlights'
  | 'challenges'
  | 'post-project-tasks'
  | 'actions-taken';

export interface Section {
  heading: string;
  depth: number;
  /** Canonical kinds the heading maps to ("Root cause & contributing factors" maps to two). */
  kinds: SectionKind[];
  headingRange: Range;
  /** From the heading to the line before the next heading of the same or a shallower depth. */
  range: Range;
  /** Body range (after the heading line), own content only up to the first subheading. */
  bodyRange: Range;
  /** True when neither the section nor any subsection has content other than comments and whitespace. */
  empty: boolean;
  parent: Section | undefined;
  children: Section[];
}

// ---------------------------------------------------------------- timeline

/** How confident the parser is in an entry's instant. */
export type Confidence =
  /** Full date, time and an explicit or declared zone. */
  | 'exact'
  /** Time with a zone, but the date or zone came from context (a date line, frontmatter, a default). */
  | 'inferred'
  /** A date with no time of day, or a time whose zone is unknown (UTC assumed). */
  | 'approximate';

export type MilestoneKind =
  'started' | 'detected' | 'acknowledged' | 'mitigated' | 'resolved' | 'impactStart' | 'impactEnd';

export interface TimelineEntry {
  /** The entry's text without the time stamp and list/table punctuation. */
  text: string;
  /** The source text as written (row or item). */
  raw: string;
  range: Range;
  /** Range of the time stamp itself, when there is one. */
  timeRange: Range | undefined;
  /** Epoch milliseconds (UTC), or undefined when the entry has no usable time. */
  time: number | undefined;
  /** Whether the entry gives a time of day or only a date. */
  hasTimeOfDay: boolean;
  confidence: Confidence | undefined;
  /** Zone the time was read in, as an IANA name or fixed offset ("UTC", "Europe/Paris", "UTC+01:00"). */
  zone: string | undefined;
  /** Where the zone came from. */
  zoneSource: 'entry' | 'column' | 'sentence' | 'frontmatter' | 'default' | undefined;
  /** Milestones this entry was marked with explicitly (column or marker). */
  markers: MilestoneKind[];
  /** Whether the markers came from a Milestone column or from words in the entry. */
  markedBy: 'column' | 'marker' | undefined;
  /** Links found in the entry (evidence). */
  links: string[];
  /** For a time range ("23:15-00:30"), the end instant. */
  endTime: number | undefined;
  /** A bare time read as the next day because the clock passed midnight since the last entry. */
  dayRollover: boolean;
  /** No date was found for the entry anywhere: `time` is a time of day on 1970-01-01. */
  dateUnknown: boolean;
  /** The document states no zone: the time was read in the team's default zone from the configuration. */
  zoneFromConfig?: boolean;
}

export interface Timeline {
  /** The section(s) the entries came from; empty when entries came from elsewhere. */
  sections: Section[];
  entries: TimelineEntry[];
  /** The zone declared for the timeline as a whole, if any. */
  declaredZone: string | undefined;
  /** Entries are written newest first. */
  newestFirst: boolean;
}

// ---------------------------------------------------------------- milestones and metrics

export type MilestoneSource = 'frontmatter' | 'marker' | 'column' | 'wording' | 'key-events' | 'prose';

export interface Milestone {
  kind: MilestoneKind;
  time: number;
  source: MilestoneSource;
  /** The line it came from (zero-based). */
  line: number;
  range: Range;
  /** The words that gave it away ("alert fired", "[detected]", "started:"). */
  evidence: string;
  /**
   * How sure the engine is: `marked` when the author said so (marker, Milestone column, frontmatter),
   * `high` or `low` for a choice scored from evidence.
   */
  confidence: MilestoneConfidence;
  /** The features that counted most for this choice, strongest first ("first_alert", "says_alert"). */
  features: string[];
  /** It gives a day and no time of day: its `time` is that day's midnight, UTC, which no duration may count from. */
  dayOnly?: boolean;
}

export type MilestoneConfidence = 'marked' | 'high' | 'low';

export type Milestones = Record<MilestoneKind, Milestone | undefined>;

export type MetricName = 'ttd' | 'tta' | 'ttm' | 'ttr' | 'impact';

export interface MetricDefinition {
  from: MilestoneKind;
  to: MilestoneKind;
}

export type MetricDefinitions = Record<MetricName, MetricDefinition>;

export interface Metric {
  name: MetricName;
  definition: MetricDefinition;
  /** Minutes, or undefined when a milestone is missing or the result is negative. */
  minutes: number | undefined;
}

/** A duration the author wrote down ("down for 66 minutes", `duration: 45m`, "Time to repair: 1h 28m"). */
export interface StatedDuration {
  minutes: number;
  /** What it claims to measure, when it says. */
  metric: MetricName | undefined;
  text: string;
  range: Range;
  source: 'prose' | 'frontmatter';
  /** Approximate statements ("about an hour", "~4h") carry a wider tolerance. */
  approximate: boolean;
}

// ---------------------------------------------------------------- action items

export interface ActionCell {
  text: string;
  range: Range;
}

export interface ActionItem {
  action: ActionCell;
  owner: ActionCell | undefined;
  due: ActionCell | undefined;
  /** Parsed due date as YYYY-MM-DD, when the due cell holds a date. */
  dueDate: string | undefined;
  status: ActionCell | undefined;
  /** Normalised status. */
  state: 'open' | 'in-progress' | 'done' | 'unknown';
  priority: ActionCell | undefined;
  ticket: ActionCell | undefined;
  type: ActionCell | undefined;
  range: Range;
  origin: 'table' | 'checkbox' | 'list';
  /** Set when the state comes from the heading above the item ("Completed", "Immediate actions (done)"). */
  stateFromHeading?: boolean;
  /** For table rows, the column index of each field, so edits (ticket write-back) can target cells. */
  columns: Partial<Record<'action' | 'owner' | 'due' | 'status' | 'priority' | 'ticket' | 'type', number>>;
}

// ---------------------------------------------------------------- the document

export interface PostmortemDocument {
  uri: string;
  version: number;
  text: string;
  /** Line starts and line texts, for converting positions. */
  lines: LineIndex;
  /** The body's blocks (headings, paragraphs, lists, tables, code), for rules that read prose. */
  blocks: Block[];
  frontmatter: Frontmatter | undefined;
  sections: Section[];
  timeline: Timeline;
  milestones: Milestones;
  metrics: Record<MetricName, Metric>;
  statedDurations: StatedDuration[];
  actionItems: ActionItem[];
  problems: Problem[];
}

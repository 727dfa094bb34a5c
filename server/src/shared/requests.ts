/**
 * Hindsight's own requests between the VS Code client and the server, typed once for both.
 * Must not import `vscode` or the LSP libraries: both sides load it.
 */
export interface UriParams {
  uri: string;
}

/** `hindsight/classify`: whether the file is treated as a postmortem, and why. */
export const CLASSIFY_REQUEST = 'hindsight/classify';
export interface ClassifyResult {
  postmortem: boolean;
  reason: string;
}

/** `hindsight/summary`: what the status bar shows for a postmortem. */
export const SUMMARY_REQUEST = 'hindsight/summary';
export interface SummaryResult {
  postmortem: boolean;
  severity?: string;
  /** Time to resolve, in minutes, when the timeline gives both ends. */
  ttrMinutes?: number;
}

/** `hindsight/statusPage`: a customer-facing status page update drafted from the postmortem. */
export const STATUS_PAGE_REQUEST = 'hindsight/statusPage';
export interface StatusPageResult {
  markdown: string;
}

/**
 * `hindsight/importTimeline`: rows read from an export on disk, and the one edit that merges them
 * into the open postmortem's timeline. Sent once to preview every row, then again with `only`
 * naming the rows the user kept.
 */
export const IMPORT_TIMELINE_REQUEST = 'hindsight/importTimeline';
export interface ImportTimelineParams {
  uri: string;
  /** slack, pagerduty, git, grafana, alertmanager, csv or jsonl. */
  source: string;
  /** The export: a file, a folder or zip (Slack), a repository (git). */
  path: string;
  /** ISO times or "YYYY-MM-DD HH:MM" in the timeline's zone; the incident's window when both are absent. */
  from?: string;
  to?: string;
  channels?: string[];
  onlyReacted?: string;
  baseUrl?: string;
  /** CSV / JSON lines column mapping ("time=When,text=What"). */
  mapping?: string;
  /** The ids of the rows to insert; every new row when absent. */
  only?: string[];
}
export interface ImportTimelineRow {
  id: string;
  /** ISO 8601, UTC. */
  time: string;
  text: string;
  actor?: string;
  link?: string;
  milestone?: string;
  /** The table line or list item as it will be written. */
  line: string;
}
export interface ImportTimelineResult {
  rows: ImportTimelineRow[];
  /** Undefined when there is nothing new to insert. */
  edit?: {
    range: { start: { line: number; character: number }; end: { line: number; character: number } };
    newText: string;
  };
  zone: string;
  duplicates: number;
  redacted: number;
  notes: string[];
}

/**
 * `hindsight/insights`: the insights report over a workspace folder, as a page for a webview. The
 * server keeps each file's analysis between requests; `changed` names files saved since the last
 * request, so only they are read again (without it, the folder is walked and changed files re-read).
 */
export const INSIGHTS_REQUEST = 'hindsight/insights';
export interface InsightsParams {
  /** The workspace folder, as a file URI. */
  folder: string;
  /** File URIs saved since the last request. */
  changed?: string[];
  /** The nonce for the page's one script (opening postmortems). */
  nonce: string;
}
export interface InsightsResult {
  html: string;
  postmortems: number;
  skipped: number;
}

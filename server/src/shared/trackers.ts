/**
 * The tracker commands' requests: the VS Code client asks, picks and shows; the server, which
 * holds the analysed document, plans, talks to the tracker and writes the keys back. Typed once
 * for both sides. Must not import `vscode` or the LSP libraries: both sides load it.
 */

/** A credential a tracker needs: kept in SecretStorage under `id`, or read from `env`. */
export interface CredentialSpec {
  /** Key in the credentials record handed to the adapter (and in SecretStorage). */
  id: string;
  env: string;
  label: string;
  /** Not secret: may also come from the configuration (the Jira account's email). */
  secret: boolean;
}

/** `hindsight/trackers`: the trackers the configuration governing `uri` (a file, or a folder) names. */
export const TRACKERS_REQUEST = 'hindsight/trackers';
export interface TrackersParams {
  uri: string;
  /** True when `uri` is a folder rather than a document. */
  folder?: boolean;
}
export interface TrackerChoice {
  name: string;
  type: string;
  credentials: CredentialSpec[];
  /** Why this tracker's settings cannot work, when they cannot. */
  problem?: string;
  /** Credentials the configuration itself gives (the Jira Cloud account's email), by id. */
  configured: Record<string, string>;
}
export interface TrackersResult {
  trackers: TrackerChoice[];
  /** The configuration file read, to say where a tracker should be added. */
  configFile?: string;
  /** Why the configuration, or the tracker, cannot be used. */
  error?: string;
}

/** What is said to the user after a run: one notification, and lines for the output channel. */
export interface TrackerReport {
  level: 'info' | 'warning' | 'error';
  message: string;
  log: { level: 'info' | 'warn' | 'error'; line: string }[];
}

/** `hindsight/trackerPlan`: what an export of the open document would create, nothing sent. */
export const TRACKER_PLAN_REQUEST = 'hindsight/trackerPlan';
/** Which document, and which tracker of the configuration governing it. */
export interface TrackerTarget {
  uri: string;
  tracker: string;
  /** For a document not on disk (untitled): the folder whose configuration applies. */
  configFolder?: string;
}
export type TrackerPlanParams = TrackerTarget;
export interface PlannedTicket {
  /** The item's index among the document's action items: the export names items by it. */
  index: number;
  action: string;
  owner?: string;
  due?: string;
  priority?: string;
}
export interface TrackerPlanResult {
  /** The document version planned; the export refers to this plan by it. */
  version: number;
  actionItems: number;
  toCreate: PlannedTicket[];
  skipped: { index: number; ticket: string; action: string }[];
  unusable: { index: number; reason: string }[];
}

/**
 * `hindsight/trackerExport`: creates tickets for the chosen items of a plan and writes their keys
 * back in one edit. The credentials serve this call only: the server never stores or logs them.
 */
export const TRACKER_EXPORT_REQUEST = 'hindsight/trackerExport';
export interface TrackerExportParams extends TrackerTarget {
  /** The planned version (`TrackerPlanResult.version`). */
  version: number;
  /** The confirmed items, by index. */
  items: number[];
  credentials: Record<string, string>;
}
export interface TrackerExportResult {
  report: TrackerReport;
  created: { index: number; key: string; url: string }[];
  /** Whether the write-back reached the document. */
  applied: boolean;
}

/** `hindsight/trackerRefresh`: reads each ticket's state and updates the Status cells in one edit. */
export const TRACKER_REFRESH_REQUEST = 'hindsight/trackerRefresh';
export interface TrackerRefreshParams extends TrackerTarget {
  credentials: Record<string, string>;
}
export interface TrackerRefreshResult {
  report: TrackerReport;
  applied: boolean;
}

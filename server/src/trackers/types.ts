import { redactSecrets } from '../core/secrets';
/**
 * What every tracker adapter (Jira Cloud, Jira Data Center, GitHub, Linear, CSV/JSON) receives and
 * returns. Adapters know nothing of VS Code or LSP, and never read the environment or the network
 * on their own: credentials and `fetch` are handed to them, so tests and the CLI's dry run can
 * stand in for both.
 */

/** The trackers a project can configure under `trackers` in `.hindsight.json`. */
export type TrackerKind = 'jira-cloud' | 'jira-dc' | 'github' | 'linear' | 'csv' | 'json';

export type TicketState = 'open' | 'in-progress' | 'done';

export type ItemPriority = 'highest' | 'high' | 'medium' | 'low' | 'lowest';

/** One action item to be tracked, read from the postmortem's action-items table. */
export interface ExportItem {
  /** Index of the item in the document's action items: results refer to items by it. */
  index: number;
  /** The action, as plain text (Markdown emphasis and links flattened). */
  action: string;
  /** The owner as written: a name, an @handle or an email address. */
  owner?: string;
  /** Due date as YYYY-MM-DD, when the due cell holds a date. */
  due?: string;
  priority?: ItemPriority;
  /** The priority cell as written (P1, Critical…), so a tracker's priority map can use the team's own words. */
  priorityText?: string;
  state: TicketState | 'unknown';
  /** The item's kind when the table says it (prevent, mitigate, detect, process…). */
  type?: string;
}

/** What a ticket says about the incident it came from. */
export interface IncidentContext {
  /** Frontmatter `id`, e.g. INC-20250310-checkout-errors. */
  id?: string;
  title: string;
  severity?: string;
  /** The postmortem's path relative to its repository or workspace folder. */
  file: string;
  /** A URL to the postmortem, when the configuration gives a base URL for documents. */
  link?: string;
  /**
   * Keys the postmortem's other rows already hold. Looking for issues an earlier run created, an
   * adapter never hands one of these to an item, even one with the same action.
   */
  ticketsInDocument?: string[];
}

export interface CreatedTicket {
  index: number;
  /** The tracker's own key: PAY-123, owner/repo#45, ENG-7, or a row number for files. */
  key: string;
  url: string;
  /** What the reader should know about how it was created (e.g. left unassigned, and why). */
  note?: string;
}

export interface FailedItem {
  index: number;
  /** The tracker's own error, readable as it stands. */
  error: string;
}

/** A batch never throws for a per-item failure: what was created and what was not are both said. */
export interface CreateResult {
  created: CreatedTicket[];
  failed: FailedItem[];
}

export interface StatusResult {
  /** State of each ticket the tracker answered for, by key. */
  states: Map<string, TicketState>;
  /** Keys the tracker did not know, or could not be asked about, with why. */
  failed: { key: string; error: string }[];
}

export interface TrackerAdapter {
  readonly kind: TrackerKind;
  create(items: ExportItem[], incident: IncidentContext, signal?: AbortSignal): Promise<CreateResult>;
  /** Trackers without status (CSV/JSON) answer every key as failed with a reason. */
  status(keys: string[], signal?: AbortSignal): Promise<StatusResult>;
}

/** A whole-run failure the user must act on (credential, project, configuration), worded for them. */
export class TrackerError extends Error {
  constructor(
    message: string,
    /** Which setting or credential to fix, when one is to blame: `HINDSIGHT_JIRA_TOKEN`, `trackers.jira.project`… */
    readonly fix?: string,
  ) {
    // A tracker's own words may quote the request: nothing leaves through an error unredacted.
    super(redactSecrets(message));
    this.name = 'TrackerError';
  }
}

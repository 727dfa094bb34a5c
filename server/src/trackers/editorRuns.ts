import type { LoadedConfig } from '../core/config/load';
import type { PostmortemDocument } from '../core/model';
import type { TextEdit } from '../core/rules/rule';
import { redactSecrets } from '../core/secrets';
import type {
  TrackerChoice,
  TrackerExportResult,
  TrackerPlanResult,
  TrackerRefreshResult,
  TrackerReport,
  TrackersResult,
} from '../shared/trackers';
import { resolveTracker, trackerNames, type TrackerConfig } from './config';
import { credentialSpecs } from './credentials';
import { Http } from './http';
import { createAdapter } from './index';
import { planExport, type ExportPlan } from './plan';
import { remapTickets } from './remapTickets';
import { exportReport, refreshReport, type Report } from './report';
import { exportActionItems, refreshStatus, type ExportRun, type RefreshRun } from './run';
import { TrackerError, type CreatedTicket } from './types';
import { statusEdits, ticketEdits } from './writeBack';

/**
 * The tracker commands as an editor runs them on an open document: the language server calls
 * these with its own analysis of the document, so nothing is parsed twice and no engine runs in
 * the editor. Nothing here knows LSP: the document, the network and the write-back are handed in.
 */

/** One version of an open document, analysed. */
export interface DocumentSnapshot {
  version: number;
  doc: PostmortemDocument;
  /** The path relative to its workspace folder, with forward slashes. */
  file: string;
}

/** A plan handed to the editor, kept until it is confirmed. */
export interface PlannedExport {
  tracker: TrackerConfig;
  plan: ExportPlan;
  snapshot: DocumentSnapshot;
}

export interface RunDeps {
  fetch: typeof fetch;
  /** Where relative paths in the configuration start: the configuration file's folder. */
  cwd?: string;
  /** The document as it is now: it may have been edited while the tracker answered. */
  current(): DocumentSnapshot | undefined;
  /** Applies the edits to that version of the document as one undoable edit; false when refused. */
  apply(edits: TextEdit[], version: number): Promise<boolean>;
  signal?: AbortSignal;
}

/** The trackers the configuration names, each with the credentials it needs. */
export function trackerChoices(loaded: LoadedConfig): TrackersResult {
  const { config, error } = loaded;
  if (error && !error.consequence) {
    return { trackers: [], configFile: error.file, error: `${error.file} cannot be used: ${error.message}` };
  }
  const trackers = trackerNames(config).map((name) => trackerChoice(loaded, name));
  return { trackers, ...(config.files[0] ? { configFile: config.files[0] } : {}) };
}

function trackerChoice({ config }: LoadedConfig, name: string): TrackerChoice {
  const type = String(config.trackers[name].type);
  try {
    const tracker = resolveTracker(config, name);
    const configured: Record<string, string> =
      tracker.type === 'jira-cloud' && tracker.email ? { email: tracker.email } : {};
    return { name, type, credentials: credentialSpecs(tracker), configured };
  } catch (error) {
    return { name, type, credentials: [], configured: {}, problem: errorText(error) };
  }
}

/** What an export to the named tracker would do. Throws TrackerError when the tracker cannot work. */
export function planForEditor(loaded: LoadedConfig, trackerName: string, snapshot: DocumentSnapshot): PlannedExport {
  const tracker = resolveTracker(loaded.config, trackerName);
  const plan = planExport(snapshot.doc, { file: snapshot.file, documentUrl: loaded.config.documentUrl });
  return { tracker, plan, snapshot };
}

/** The plan as the editor's confirmation shows it. */
export function planView({ plan, snapshot }: PlannedExport): TrackerPlanResult {
  const actionOf = (index: number) => snapshot.doc.actionItems[index]?.action.text.trim() ?? `item ${index + 1}`;
  return {
    version: snapshot.version,
    actionItems: snapshot.doc.actionItems.length,
    toCreate: plan.toCreate.map(({ index, action, owner, due, priority }) => ({ index, action, owner, due, priority })),
    skipped: plan.skipped.map((skipped) => ({ ...skipped, action: actionOf(skipped.index) })),
    unusable: plan.unusable,
  };
}

/**
 * Creates tickets for the confirmed items and writes their keys back in one edit. A failure of the
 * whole run is reported, not thrown; a per-item failure is named beside what was created.
 */
export async function exportFromEditor(
  planned: PlannedExport,
  items: number[],
  credentials: Record<string, string>,
  deps: RunDeps,
): Promise<TrackerExportResult> {
  const { tracker, snapshot } = planned;
  const confirmed = new Set(items);
  const plan = { ...planned.plan, toCreate: planned.plan.toCreate.filter((item) => confirmed.has(item.index)) };
  let run: ExportRun;
  try {
    const adapter = createAdapter(tracker, { http: new Http({ fetch: deps.fetch }), credentials, cwd: deps.cwd });
    run = await exportActionItems(snapshot.doc, adapter, plan, deps.signal);
  } catch (error) {
    const why = errorText(error);
    return {
      report: failure(`nothing was exported to ${tracker.name}: ${why}`, `export to ${tracker.name} failed: ${why}`),
      created: [],
      applied: false,
    };
  }
  const created = run.result.created;
  const written = await writeBack(deps, (now) =>
    now.version === snapshot.version ? { edits: run.edits, unplaced: [] } : placeAfterChange(plan, created, now),
  );
  const actions = new Map(snapshot.doc.actionItems.map((item, index) => [index, item.action.text.trim()]));
  const report = exportReport({
    tracker: tracker.name,
    created,
    skipped: plan.skipped.length,
    unusable: plan.unusable,
    failed: run.result.failed,
    unplaced: written.applied ? written.unplaced : created,
    actions,
  });
  const log: TrackerReport['log'] = [
    { level: 'info', line: `export of ${snapshot.file} to ${tracker.name}: ${report.message}` },
  ];
  for (const line of report.log) log.push({ level: line.startsWith('created') ? 'info' : 'warn', line });
  return {
    report: { level: report.level, message: report.message, log },
    created: created.map(publicTicket),
    applied: written.applied,
  };
}

/** Reads the state of every ticket the document names and updates the Status cells in one edit. */
export async function refreshFromEditor(
  tracker: TrackerConfig,
  snapshot: DocumentSnapshot,
  credentials: Record<string, string>,
  deps: RunDeps,
): Promise<TrackerRefreshResult> {
  if (tracker.type === 'csv' || tracker.type === 'json') {
    const kind = tracker.type.toUpperCase();
    const message = `Hindsight: ${tracker.name} is a ${kind} export, which has no status to read.`;
    return { report: { level: 'info', message, log: [] }, applied: false };
  }
  let run: RefreshRun;
  try {
    const adapter = createAdapter(tracker, { http: new Http({ fetch: deps.fetch }), credentials, cwd: deps.cwd });
    run = await refreshStatus(snapshot.doc, adapter, deps.signal);
  } catch (error) {
    const why = errorText(error);
    const report = failure(
      `no status was read from ${tracker.name}: ${why}`,
      `status refresh from ${tracker.name} failed: ${why}`,
    );
    return { report, applied: false };
  }
  // States are by ticket key, so an edited document only needs its rows found again.
  const written = await writeBack(deps, (now) => ({
    edits: now.version === snapshot.version ? run.edits : statusEdits(now.doc, run.states),
    unplaced: [],
  }));
  const report: Report = refreshReport({
    tracker: tracker.name,
    read: run.states.size,
    updated: written.applied ? written.edits : 0,
    failed: run.failed,
    noTickets: run.states.size === 0 && run.failed.length === 0,
  });
  const log: TrackerReport['log'] = report.log.map((line) => ({ level: 'warn', line }));
  if (written.applied) return { report: { level: report.level, message: report.message, log }, applied: true };
  log.push({ level: 'error', line: 'The editor did not apply the status edits; the document is unchanged.' });
  const message = `${report.message} The document could not be edited.`;
  return { report: { level: 'error', message, log }, applied: false };
}

const WRITE_ATTEMPTS = 2;

/**
 * Applies the edits computed for the document as it is now. The editor refuses an edit made for
 * a version it has moved past (the author typed meanwhile), so a refusal after a change is tried
 * once more against the newer version.
 */
async function writeBack(
  deps: RunDeps,
  place: (now: DocumentSnapshot) => { edits: TextEdit[]; unplaced: CreatedTicket[] },
): Promise<{ applied: boolean; unplaced: CreatedTicket[]; edits: number }> {
  for (let attempt = 1; attempt <= WRITE_ATTEMPTS; attempt++) {
    const now = deps.current();
    if (!now) break;
    const placed = place(now);
    if (placed.edits.length === 0 || (await deps.apply(placed.edits, now.version))) {
      return { applied: true, unplaced: placed.unplaced, edits: placed.edits.length };
    }
    if (deps.current()?.version === now.version) break;
  }
  return { applied: false, unplaced: [], edits: 0 };
}

/** The write-back for a document edited meanwhile: tickets go to the rows that now hold their action. */
function placeAfterChange(plan: ExportPlan, created: CreatedTicket[], now: DocumentSnapshot) {
  // Only the rows still without a ticket matter here, so the plan needs no document URL.
  const current = planExport(now.doc, { file: now.file });
  const { tickets, unplaced } = remapTickets(plan.toCreate, created, current.toCreate);
  return { edits: ticketEdits(now.doc, tickets), unplaced };
}

function publicTicket({ index, key, url }: CreatedTicket) {
  return { index, key, url };
}

function failure(message: string, logLine: string): TrackerReport {
  return { level: 'error', message: `Hindsight: ${message}`, log: [{ level: 'error', line: logLine }] };
}

/** A message fit to show: a tracker's own words may quote a credential. */
export function errorText(error: unknown): string {
  if (error instanceof TrackerError) return error.message;
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

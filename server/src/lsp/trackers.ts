import { dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  TextDocumentEdit,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver';
import { defaultConfig } from '../core/config/config';
import { loadConfig, type LoadedConfig } from '../core/config/load';
import type { TextEdit } from '../core/rules/rule';
import { redactSecrets } from '../core/secrets';
import {
  TRACKER_EXPORT_REQUEST,
  TRACKER_PLAN_REQUEST,
  TRACKER_REFRESH_REQUEST,
  TRACKERS_REQUEST,
  type TrackerExportParams,
  type TrackerExportResult,
  type TrackerPlanParams,
  type TrackerPlanResult,
  type TrackerRefreshParams,
  type TrackerRefreshResult,
  type TrackersParams,
  type TrackerTarget,
  type TrackersResult,
} from '../shared/trackers';
import { resolveTracker } from '../trackers/config';
import {
  errorText,
  exportFromEditor,
  planForEditor,
  planView,
  refreshFromEditor,
  trackerChoices,
  type DocumentSnapshot,
  type PlannedExport,
  type RunDeps,
} from '../trackers/editorRuns';
import type { DocumentStore } from './documents';

/** The global fetch, looked up when used, so a test may stand in for the network. */
const networkFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/**
 * The tracker commands' requests. The client picks, confirms and hands over the credentials for
 * one call; the plan, the tracker's answers and the write-back (one `workspace/applyEdit`, so one
 * undo) happen here, on the document's one analysis per version.
 */
export function registerTrackers(connection: Connection, store: DocumentStore, fetch = networkFetch): void {
  /** The last plan shown for each document, until it is confirmed. */
  const plans = new Map<string, PlannedExport>();
  store.documents.onDidClose(({ document }) => plans.delete(document.uri));

  const snapshot = (uri: string): DocumentSnapshot | undefined => {
    const document = store.documents.get(uri);
    return document && { version: document.version, doc: store.analyze(document), file: store.relativePath(uri) };
  };
  const openSnapshot = (uri: string): DocumentSnapshot => {
    const found = snapshot(uri);
    if (!found) throw new ResponseError(LSPErrorCodes.RequestFailed, 'The file is not open in the editor.');
    return found;
  };
  const deps = (uri: string, loaded: LoadedConfig, label: string, token: CancellationToken): RunDeps => {
    const controller = new AbortController();
    token.onCancellationRequested(() => controller.abort());
    const configFile = loaded.config.files[0];
    return {
      fetch,
      cwd: configFile ? dirname(configFile) : undefined,
      current: () => snapshot(uri),
      apply: (edits, version) => applyAsOneEdit(connection, uri, version, edits, label),
      signal: controller.signal,
    };
  };

  /** The configuration governing a document: from its folder upward, or the folder named for an untitled one. */
  const configFor = (target: TrackerTarget): LoadedConfig => {
    const { uri, configFolder } = checkedTarget(target);
    return uri.startsWith('file:') || !configFolder ? store.config(uri) : folderConfig(configFolder);
  };

  connection.onRequest(TRACKERS_REQUEST, ({ uri, folder }: TrackersParams): TrackersResult =>
    answering(() => trackerChoices(folder ? folderConfig(checkedUri(uri)) : store.config(checkedUri(uri)))),
  );

  connection.onRequest(TRACKER_PLAN_REQUEST, (params: TrackerPlanParams): TrackerPlanResult =>
    answering(() => {
      const { uri, tracker } = params;
      const planned = planForEditor(configFor(params), tracker, openSnapshot(uri));
      plans.set(uri, planned);
      return planView(planned);
    }),
  );

  connection.onRequest(TRACKER_EXPORT_REQUEST, (params: TrackerExportParams, token): Promise<TrackerExportResult> =>
    answering(() => {
      const loaded = configFor(params);
      const planned = confirmedPlan(plans.get(params.uri), params) ?? replan(loaded, params, openSnapshot(params.uri));
      plans.delete(params.uri);
      return exportFromEditor(
        planned,
        checkedItems(params.items),
        checkedCredentials(params.credentials),
        deps(params.uri, loaded, 'Ticket keys', token),
      );
    }),
  );

  connection.onRequest(TRACKER_REFRESH_REQUEST, (params: TrackerRefreshParams, token): Promise<TrackerRefreshResult> =>
    answering(() => {
      const loaded = configFor(params);
      const tracker = resolveTracker(loaded.config, params.tracker);
      const run = deps(params.uri, loaded, 'Action item status', token);
      return refreshFromEditor(tracker, openSnapshot(params.uri), checkedCredentials(params.credentials), run);
    }),
  );
}

function folderConfig(folderUri: string): LoadedConfig {
  return folderUri.startsWith('file:')
    ? loadConfig(fileURLToPath(folderUri))
    : { config: defaultConfig(), error: undefined };
}

/** The plan the user confirmed, if it is the one remembered. */
function confirmedPlan(planned: PlannedExport | undefined, params: TrackerExportParams): PlannedExport | undefined {
  const same = planned && planned.snapshot.version === params.version && planned.tracker.name === params.tracker;
  return same ? planned : undefined;
}

/** No plan remembered (a restarted server): plan again, but only for the very version confirmed. */
function replan(loaded: LoadedConfig, params: TrackerExportParams, now: DocumentSnapshot): PlannedExport {
  if (now.version !== params.version) {
    throw new ResponseError(
      LSPErrorCodes.ContentModified,
      'The document changed before the export began; run the export again.',
    );
  }
  return planForEditor(loaded, params.tracker, now);
}

/** A request's parameters as sent by any client: a wrong shape is refused with what was expected. */
const refused = (what: string) => new ResponseError(ErrorCodes.InvalidParams, `The request needs ${what}.`);

function checkedUri(uri: unknown): string {
  if (typeof uri !== 'string' || uri === '') throw refused('"uri", the document or folder URI');
  return uri;
}

function checkedTarget(target: TrackerTarget): TrackerTarget {
  checkedUri(target?.uri);
  if (typeof target.tracker !== 'string') throw refused('"tracker", the name of a configured tracker');
  if (target.configFolder !== undefined) checkedUri(target.configFolder);
  return target;
}

function checkedItems(items: unknown): number[] {
  if (!Array.isArray(items) || !items.every((item) => Number.isInteger(item))) throw refused('"items", item indices');
  return items;
}

function checkedCredentials(credentials: unknown): Record<string, string> {
  const record = credentials as Record<string, unknown>;
  const ok =
    typeof credentials === 'object' &&
    credentials !== null &&
    Object.values(record).every((v) => typeof v === 'string');
  if (!ok) throw refused('"credentials", an object of strings');
  return record as Record<string, string>;
}

/** Runs a handler; any failure leaves as a request error whose text is redacted of credentials. */
function answering<T>(handler: () => T): T {
  try {
    const result = handler();
    if (result instanceof Promise) return result.catch((error: unknown) => Promise.reject(asResponseError(error))) as T;
    return result;
  } catch (error) {
    throw asResponseError(error);
  }
}

function asResponseError(error: unknown): ResponseError<void> {
  if (error instanceof ResponseError) return new ResponseError(error.code, redactSecrets(error.message));
  return new ResponseError(LSPErrorCodes.RequestFailed, errorText(error));
}

/** One edit on one version of the document: a later version makes the editor refuse it, rather than misplace it. */
async function applyAsOneEdit(
  connection: Connection,
  uri: string,
  version: number,
  edits: TextEdit[],
  label: string,
): Promise<boolean> {
  if (edits.length === 0) return true;
  const change = TextDocumentEdit.create({ uri, version }, edits);
  const result = await connection.workspace.applyEdit({
    label: `Hindsight: ${label}`,
    edit: { documentChanges: [change] },
  });
  return result.applied;
}

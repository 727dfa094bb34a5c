import { window, workspace, type TextDocument } from 'vscode';
import { redactSecrets } from '../../../server/src/core/secrets';
import {
  TRACKERS_REQUEST,
  type TrackerChoice,
  type TrackerReport,
  type TrackersParams,
  type TrackerTarget,
  type TrackersResult,
} from '../../../server/src/shared/trackers';
import { noTrackerMessage } from './planSummary';
import type { TrackerServer } from './trackerServer';
import { trackerLog } from './trackerLog';

/** The Markdown file in the active editor, or undefined after saying why there is none. */
export function activePostmortem(): TextDocument | undefined {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void window.showWarningMessage('Hindsight: open the postmortem (a Markdown file) in the editor first.');
    return undefined;
  }
  return document;
}

/** What the configuration is looked up from: the document, else its workspace folder, else the first one. */
export function configTarget(document: TextDocument | undefined): TrackersParams | undefined {
  if (document?.uri.scheme === 'file') return { uri: document.uri.toString() };
  const folder = (document && workspace.getWorkspaceFolder(document.uri)) ?? workspace.workspaceFolders?.[0];
  return folder && { uri: folder.uri.toString(), folder: true };
}

/** What the server needs to find the document and its configuration again. */
export function trackerTarget(document: TextDocument, tracker: TrackerChoice, config: TrackersParams): TrackerTarget {
  const target: TrackerTarget = { uri: document.uri.toString(), tracker: tracker.name };
  return config.folder ? { ...target, configFolder: config.uri } : target;
}

/** The tracker to use (asked when there are several); undefined when the user must act first. */
export async function chooseTracker(
  server: TrackerServer,
  target: TrackersParams | undefined,
  purpose: string,
): Promise<TrackerChoice | undefined> {
  if (!target) {
    void window.showWarningMessage('Hindsight: open a folder with a .hindsight.json that configures a tracker.');
    return undefined;
  }
  const { trackers, configFile, error } = await server.sendRequest<TrackersResult>(TRACKERS_REQUEST, target);
  if (error) {
    void window.showErrorMessage(`Hindsight: ${error}`);
    return undefined;
  }
  if (trackers.length === 0) {
    void window.showWarningMessage(noTrackerMessage(configFile));
    return undefined;
  }
  let tracker = trackers[0];
  if (trackers.length > 1) {
    const items = trackers.map((t) => ({ label: t.name, description: t.type }));
    const picked = await window.showQuickPick(items, {
      title: purpose,
      placeHolder: 'Which tracker?',
      ignoreFocusOut: true,
    });
    if (!picked) return undefined;
    tracker = trackers.find((t) => t.name === picked.label)!;
  }
  if (tracker.problem) {
    void window.showErrorMessage(`Hindsight: ${tracker.problem}`);
    return undefined;
  }
  return tracker;
}

/** Shows a run's outcome: its lines in the output channel, its message at its level. */
export function showReport(report: TrackerReport): void {
  const log = trackerLog();
  for (const { level, line } of report.log) log[level](line);
  const shown = redactSecrets(report.message);
  if (report.level === 'error') void window.showErrorMessage(shown);
  else if (report.level === 'warning') void window.showWarningMessage(shown);
  else void window.showInformationMessage(shown);
}

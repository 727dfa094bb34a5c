import { dirname } from 'node:path';
import { Range, window, workspace, WorkspaceEdit, type TextDocument } from 'vscode';
import type { ResolvedConfig } from '../../../server/src/core/config/config';
import { loadConfig } from '../../../server/src/core/config/load';
import type { TextEdit } from '../../../server/src/core/rules/rule';
import { resolveTracker, trackerNames, type TrackerConfig } from '../../../server/src/trackers/config';
import { redactSecrets } from '../../../server/src/core/secrets';
import { TrackerError } from '../../../server/src/trackers/types';
import { noTrackerMessage } from './planSummary';

/** What a tracker command works with: the postmortem, its configuration and the tracker chosen. */
export interface TrackerSession {
  document: TextDocument;
  config: ResolvedConfig;
  tracker: TrackerConfig;
  /** Where relative paths in the configuration start: the configuration file's folder. */
  cwd: string;
}

/** The Markdown file in the active editor, or undefined after saying why there is none. */
export function activePostmortem(): TextDocument | undefined {
  const document = window.activeTextEditor?.document;
  if (!document || document.languageId !== 'markdown') {
    void window.showWarningMessage('Hindsight: open the postmortem (a Markdown file) in the editor first.');
    return undefined;
  }
  return document;
}

/** The folder a document's configuration is looked up from. */
export function configFolder(document: TextDocument | undefined): string | undefined {
  if (document?.uri.scheme === 'file') return dirname(document.uri.fsPath);
  const folder = (document && workspace.getWorkspaceFolder(document.uri)) ?? workspace.workspaceFolders?.[0];
  return folder?.uri.fsPath;
}

/** The configuration and the tracker to use (asked when there are several); undefined when the user must act first. */
export async function chooseTracker(folder: string | undefined, purpose: string): Promise<Omit<TrackerSession, 'document'> | undefined> {
  if (!folder) {
    void window.showWarningMessage('Hindsight: open a folder with a .hindsight.json that configures a tracker.');
    return undefined;
  }
  const { config, error } = loadConfig(folder);
  if (error && !error.consequence) {
    void window.showErrorMessage(`Hindsight: ${error.file} cannot be used: ${error.message}`);
    return undefined;
  }
  const names = trackerNames(config);
  if (names.length === 0) {
    void window.showWarningMessage(noTrackerMessage(config.files[0]));
    return undefined;
  }
  let name = names[0];
  if (names.length > 1) {
    const items = names.map((n) => ({ label: n, description: String(config.trackers[n].type) }));
    const picked = await window.showQuickPick(items, { title: purpose, placeHolder: 'Which tracker?', ignoreFocusOut: true });
    if (!picked) return undefined;
    name = picked.label;
  }
  try {
    const tracker = resolveTracker(config, name);
    return { config, tracker, cwd: config.files[0] ? dirname(config.files[0]) : folder };
  } catch (error) {
    void window.showErrorMessage(`Hindsight: ${errorText(error)}`);
    return undefined;
  }
}

/** Applies every edit as one WorkspaceEdit, so one undo takes it all back; false when VS Code refused it. */
export async function applyAll(document: TextDocument, edits: TextEdit[]): Promise<boolean> {
  if (edits.length === 0) return true;
  const edit = new WorkspaceEdit();
  for (const e of edits) edit.replace(document.uri, new Range(e.range.start.line, e.range.start.character, e.range.end.line, e.range.end.character), e.newText);
  return workspace.applyEdit(edit);
}

export function errorText(error: unknown): string {
  if (error instanceof TrackerError) return error.message;
  return redactSecrets(error instanceof Error ? error.message : String(error));
}

/** Shows a report at its level. */
export function show(level: 'info' | 'warning' | 'error', message: string): void {
  const shown = redactSecrets(message);
  if (level === 'error') void window.showErrorMessage(shown);
  else if (level === 'warning') void window.showWarningMessage(shown);
  else void window.showInformationMessage(shown);
}

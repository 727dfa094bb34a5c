import { ProgressLocation, window, type ExtensionContext } from 'vscode';
import { analyzeText } from '../../../server/src/core/analyzer';
import { Http } from '../../../server/src/trackers/http';
import { createAdapter } from '../../../server/src/trackers/index';
import { refreshStatus, type RefreshRun } from '../../../server/src/trackers/run';
import { statusEdits } from '../../../server/src/trackers/writeBack';
import { credentialsFor } from './credentialsCommand';
import { networkFetch } from './exportCommand';
import { refreshReport } from './reportMessage';
import { activePostmortem, applyAll, chooseTracker, configFolder, errorText, show } from './session';
import { trackerLog } from './trackerLog';

/** Hindsight: Refresh Action Item Status — reads each ticket's state and updates the Status cells. */
export async function refreshActionItemStatusCommand(context: ExtensionContext): Promise<void> {
  const document = activePostmortem();
  if (!document) return;
  const chosen = await chooseTracker(configFolder(document), 'Refresh Action Item Status');
  if (!chosen) return;
  const { tracker, cwd } = chosen;
  if (tracker.type === 'csv' || tracker.type === 'json') {
    void window.showInformationMessage(`Hindsight: ${tracker.name} is a ${tracker.type.toUpperCase()} export, which has no status to read.`);
    return;
  }
  const version = document.version;
  const doc = analyzeText(document.getText(), document.uri.toString());
  const credentials = await credentialsFor(context, tracker);
  if (!credentials) return;

  let run: RefreshRun;
  try {
    const adapter = createAdapter(tracker, { http: new Http({ fetch: networkFetch }), credentials, cwd });
    run = await window.withProgress(
      { location: ProgressLocation.Notification, title: `Hindsight: reading ticket status from ${tracker.name}…`, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return refreshStatus(doc, adapter, controller.signal);
      },
    );
  } catch (error) {
    trackerLog().error(`status refresh from ${tracker.name} failed: ${errorText(error)}`);
    void window.showErrorMessage(`Hindsight: no status was read from ${tracker.name}: ${errorText(error)}`);
    return;
  }

  // States are by ticket key, so an edited document only needs its rows found again.
  const edits = document.version === version ? run.edits : statusEdits(analyzeText(document.getText(), document.uri.toString()), run.states);
  const applied = await applyAll(document, edits);
  const report = refreshReport({ tracker: tracker.name, read: run.states.size, updated: applied ? edits.length : 0, failed: run.failed, noTickets: run.states.size === 0 && run.failed.length === 0 });
  for (const line of report.log) trackerLog().warn(line);
  if (!applied) trackerLog().error('VS Code did not apply the status edits; the document is unchanged.');
  show(applied ? report.level : 'error', applied ? report.message : `${report.message} The document could not be edited.`);
}

import { ProgressLocation, window, type ExtensionContext } from 'vscode';
import {
  TRACKER_REFRESH_REQUEST,
  type TrackerRefreshParams,
  type TrackerRefreshResult,
} from '../../../server/src/shared/trackers';
import { credentialsFor } from './credentialsCommand';
import { activePostmortem, chooseTracker, configTarget, showReport, trackerTarget } from './session';
import type { TrackerServer } from './trackerServer';

/** Hindsight: Refresh Action Item Status — reads each ticket's state and updates the Status cells. */
export async function refreshActionItemStatusCommand(context: ExtensionContext, server: TrackerServer): Promise<void> {
  const document = activePostmortem();
  if (!document) return;
  const config = configTarget(document);
  const tracker = await chooseTracker(server, config, 'Refresh Action Item Status');
  if (!tracker || !config) return;
  const credentials = await credentialsFor(context, tracker);
  if (!credentials) return;
  const params: TrackerRefreshParams = { ...trackerTarget(document, tracker, config), credentials };
  const result = await window.withProgress(
    {
      location: ProgressLocation.Notification,
      title: `Hindsight: reading ticket status from ${tracker.name}…`,
      cancellable: true,
    },
    (_progress, token) => server.sendRequest<TrackerRefreshResult>(TRACKER_REFRESH_REQUEST, params, token),
  );
  showReport(result.report);
}

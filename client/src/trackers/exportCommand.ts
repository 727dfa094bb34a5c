import { ProgressLocation, window, type ExtensionContext } from 'vscode';
import {
  TRACKER_EXPORT_REQUEST,
  TRACKER_PLAN_REQUEST,
  type TrackerExportParams,
  type TrackerExportResult,
  type TrackerPlanParams,
  type TrackerPlanResult,
} from '../../../server/src/shared/trackers';
import { credentialsFor } from './credentialsCommand';
import { planSummary } from './planSummary';
import { activePostmortem, chooseTracker, configTarget, showReport, trackerTarget } from './session';
import type { TrackerServer } from './trackerServer';

/** Hindsight: Export Action Items… — creates tickets for the items without one and writes their keys back. */
export async function exportActionItemsCommand(context: ExtensionContext, server: TrackerServer): Promise<void> {
  const document = activePostmortem();
  if (!document) return;
  const config = configTarget(document);
  const tracker = await chooseTracker(server, config, 'Export Action Items');
  if (!tracker || !config) return;
  const target: TrackerPlanParams = trackerTarget(document, tracker, config);
  const plan = await server.sendRequest<TrackerPlanResult>(TRACKER_PLAN_REQUEST, target);
  if (plan.toCreate.length === 0) {
    const why =
      plan.actionItems === 0
        ? 'this document has no action items'
        : 'every action item already has a ticket or cannot be exported ' +
          `(${plan.skipped.length} tracked, ${plan.unusable.length} not exportable)`;
    void window.showInformationMessage(`Hindsight: nothing to export to ${tracker.name}: ${why}.`);
    return;
  }

  const summary = planSummary(plan, `${tracker.name} (${tracker.type})`);
  const picked = await window.showQuickPick(summary.items, {
    canPickMany: true,
    ignoreFocusOut: true,
    title: summary.title,
    placeHolder: summary.placeholder,
  });
  if (!picked || picked.length === 0) return;
  const credentials = await credentialsFor(context, tracker);
  if (!credentials) return;

  const params: TrackerExportParams = {
    ...target,
    version: plan.version,
    items: picked.map((item) => item.index),
    credentials,
  };
  const result = await window.withProgress(
    {
      location: ProgressLocation.Notification,
      title: `Hindsight: creating ${params.items.length} ticket(s) in ${tracker.name}…`,
      cancellable: true,
    },
    // Cancelling asks the server to stop; it still answers with what was created, and writes that back.
    (_progress, token) => server.sendRequest<TrackerExportResult>(TRACKER_EXPORT_REQUEST, params, token),
  );
  showReport(result.report);
}

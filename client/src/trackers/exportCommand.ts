import { ProgressLocation, window, workspace, type ExtensionContext } from 'vscode';
import { analyzeText } from '../../../server/src/core/analyzer';
import { Http } from '../../../server/src/trackers/http';
import { createAdapter } from '../../../server/src/trackers/index';
import { planExport, type ExportPlan } from '../../../server/src/trackers/plan';
import { exportActionItems } from '../../../server/src/trackers/run';
import { ticketEdits } from '../../../server/src/trackers/writeBack';
import type { CreatedTicket, CreateResult } from '../../../server/src/trackers/types';
import { credentialsFor } from './credentialsCommand';
import { planSummary } from './planSummary';
import { remapTickets } from './remapTickets';
import { exportReport } from './reportMessage';
import { activePostmortem, applyAll, chooseTracker, configFolder, errorText, show } from './session';
import { trackerLog } from './trackerLog';

/** The global fetch, looked up when used (VS Code's Node provides it). */
export const networkFetch: typeof fetch = (input, init) => globalThis.fetch(input, init);

/** Hindsight: Export Action Items… — creates tickets for the items without one and writes their keys back. */
export async function exportActionItemsCommand(context: ExtensionContext): Promise<void> {
  const document = activePostmortem();
  if (!document) return;
  const chosen = await chooseTracker(configFolder(document), 'Export Action Items');
  if (!chosen) return;
  const { config, tracker, cwd } = chosen;

  const file = workspace.asRelativePath(document.uri, false).replace(/\\/g, '/');
  const version = document.version;
  const doc = analyzeText(document.getText(), document.uri.toString());
  const proposed = planExport(doc, { file, documentUrl: config.documentUrl });
  const actions = new Map(doc.actionItems.map((item, index) => [index, item.action.text.trim()]));
  const label = `${tracker.name} (${tracker.type})`;
  if (proposed.toCreate.length === 0) {
    const why = doc.actionItems.length === 0 ? 'this document has no action items' : `every action item already has a ticket or cannot be exported (${proposed.skipped.length} tracked, ${proposed.unusable.length} not exportable)`;
    void window.showInformationMessage(`Hindsight: nothing to export to ${tracker.name}: ${why}.`);
    return;
  }

  const summary = planSummary(proposed, label, actions);
  const picked = await window.showQuickPick(summary.items, { canPickMany: true, ignoreFocusOut: true, title: summary.title, placeHolder: summary.placeholder });
  if (!picked || picked.length === 0) return;
  const confirmed = new Set(picked.map((item) => item.index));
  const plan = { ...proposed, toCreate: proposed.toCreate.filter((item) => confirmed.has(item.index)) };
  const credentials = await credentialsFor(context, tracker);
  if (!credentials) return;

  let result: CreateResult;
  let edits;
  try {
    const adapter = createAdapter(tracker, { http: new Http({ fetch: networkFetch }), credentials, cwd });
    ({ result, edits } = await window.withProgress(
      { location: ProgressLocation.Notification, title: `Hindsight: creating ${plan.toCreate.length} ticket(s) in ${tracker.name}…`, cancellable: true },
      (_progress, token) => {
        const controller = new AbortController();
        token.onCancellationRequested(() => controller.abort());
        return exportActionItems(doc, adapter, plan, controller.signal);
      },
    ));
  } catch (error) {
    trackerLog().error(`export to ${tracker.name} failed: ${errorText(error)}`);
    void window.showErrorMessage(`Hindsight: nothing was exported to ${tracker.name}: ${errorText(error)}`);
    return;
  }

  const placed = document.version === version ? { edits, unplaced: [] as CreatedTicket[] } : placeAfterChange(document.getText(), document.uri.toString(), file, config.documentUrl, plan, result.created);
  const applied = await applyAll(document, placed.edits);
  const report = exportReport({
    tracker: tracker.name,
    created: result.created,
    skipped: plan.skipped.length,
    unusable: plan.unusable,
    failed: result.failed,
    unplaced: applied ? placed.unplaced : result.created,
    actions,
  });
  trackerLog().info(`export of ${file} to ${tracker.name}: ${report.message}`);
  for (const line of report.log) {
    if (line.startsWith('created')) trackerLog().info(line);
    else trackerLog().warn(line);
  }
  show(report.level, report.message);
}

/** The write-back for a document edited meanwhile: tickets go to the rows that now hold their action. */
function placeAfterChange(text: string, uri: string, file: string, documentUrl: string | undefined, plan: ExportPlan, created: CreatedTicket[]) {
  const current = analyzeText(text, uri);
  const { tickets, unplaced } = remapTickets(plan.toCreate, created, planExport(current, { file, documentUrl }).toCreate);
  return { edits: ticketEdits(current, tickets), unplaced };
}

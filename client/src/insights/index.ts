import { commands, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { InsightsPanel } from './insightsPanel';

/** "Hindsight: Show Insights" for the active file's workspace folder, else the first one (or a choice). */
export function registerInsights(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('hindsight.showInsights', async () => {
      const active = window.activeTextEditor?.document.uri;
      const folders = workspace.workspaceFolders ?? [];
      const folder =
        (active && workspace.getWorkspaceFolder(active)) ??
        (folders.length > 1 ? await window.showWorkspaceFolderPick() : folders[0]);
      if (!folder) {
        void window.showWarningMessage('Hindsight: open a folder of postmortems to see its insights.');
        return;
      }
      InsightsPanel.show(client, folder);
    }),
  );
}

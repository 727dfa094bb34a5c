import { commands, ViewColumn, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { STATUS_PAGE_REQUEST, type StatusPageResult } from '../../../server/src/shared/requests';

/** "Hindsight: Draft Status Page Update": the server drafts it, a new untitled editor shows it. */
export function registerStatusPage(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('hindsight.draftStatusPage', async () => {
      const document = window.activeTextEditor?.document;
      if (!document || document.languageId !== 'markdown') {
        void window.showWarningMessage('Hindsight: open a postmortem to draft a status page update from it.');
        return;
      }
      try {
        const { markdown } = await client.sendRequest<StatusPageResult>(STATUS_PAGE_REQUEST, {
          uri: document.uri.toString(),
        });
        const draft = await workspace.openTextDocument({ language: 'markdown', content: markdown });
        await window.showTextDocument(draft, { preview: false, viewColumn: ViewColumn.Beside });
      } catch (error) {
        void window.showErrorMessage(
          `Hindsight could not draft a status page update: ${error instanceof Error ? error.message : String(error)}`,
        );
      }
    }),
  );
}

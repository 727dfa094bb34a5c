import { commands, languages, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLASSIFY_REQUEST, type ClassifyResult } from '../../../server/src/shared/requests';
import { whyNoDiagnosticsMessage, type WhyInput } from '../whyNoDiagnosticsMessage';

/** "Hindsight: Why No Diagnostics?": whether the active file is a postmortem, and why. */
export function registerWhyNoDiagnostics(context: ExtensionContext, client: LanguageClient): void {
  context.subscriptions.push(
    commands.registerCommand('hindsight.whyNoDiagnostics', async () => {
      const document = window.activeTextEditor?.document;
      if (!document) {
        void window.showInformationMessage('Hindsight: open a Markdown file, then run this command again.');
        return;
      }
      const input: WhyInput = {
        fileName: document.uri.path.split('/').pop() || document.uri.toString(),
        languageId: document.languageId,
        scheme: document.uri.scheme,
        problems: languages.getDiagnostics(document.uri).filter((d) => d.source === 'hindsight').length,
        run: workspace.getConfiguration('hindsight', document.uri).get('run') === 'onSave' ? 'onSave' : 'onType',
        dirty: document.isDirty,
      };
      if (input.languageId === 'markdown' && (input.scheme === 'file' || input.scheme === 'untitled')) {
        try {
          input.classification = await client.sendRequest<ClassifyResult>(CLASSIFY_REQUEST, {
            uri: document.uri.toString(),
          });
        } catch (error) {
          input.error = error instanceof Error ? error.message : String(error);
        }
      }
      const { message, setting } = whyNoDiagnosticsMessage(input);
      const choice = await window.showInformationMessage(message, ...(setting ? ['Open Setting'] : []));
      if (choice && setting) await commands.executeCommand('workbench.action.openSettings', setting);
    }),
  );
}

import { commands, Uri, window, workspace, type ExtensionContext, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { exportHtml } from './exportHtml';
import { PreviewPanel } from './previewPanel';

/** The Markdown document a command is for: the one clicked in the explorer, else the active editor's. */
async function target(uri: unknown): Promise<TextDocument | undefined> {
  const document = uri instanceof Uri ? await workspace.openTextDocument(uri) : window.activeTextEditor?.document;
  if (document?.languageId === 'markdown') return document;
  void window.showWarningMessage('Hindsight: open a Markdown postmortem first.');
  return undefined;
}

export function registerPreview(context: ExtensionContext, client: LanguageClient): void {
  const open = (locked: boolean) => async (uri?: unknown) => {
    const document = await target(uri);
    if (document) PreviewPanel.show(client, document, { locked });
  };
  context.subscriptions.push(
    commands.registerCommand('hindsight.openPreview', open(false)),
    commands.registerCommand('hindsight.openLockedPreview', open(true)),
    commands.registerCommand('hindsight.togglePreviewLock', () => PreviewPanel.toggleLock()),
    window.onDidChangeActiveTextEditor(
      (editor) => void PreviewPanel.activeEditorChanged(client, editor).catch(() => undefined),
    ),
    commands.registerCommand('hindsight.exportHtml', async (uri?: unknown) => {
      const document = await target(uri);
      if (document) await exportHtml(client, document);
    }),
  );
}

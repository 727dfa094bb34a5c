import { posix } from 'node:path';
import { env, Uri, window, workspace, type TextDocument } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestPreview } from './protocol';

/** Writes the document as one standalone HTML file (no script, nothing remote), where the user picks. */
export async function exportHtml(client: LanguageClient, document: TextDocument): Promise<void> {
  const result = await requestPreview(client, document.uri.toString(), { standalone: true });
  if (!result) {
    void window.showWarningMessage(
      'Hindsight: this file is not open as Markdown in the editor, so it cannot be exported.',
    );
    return;
  }
  const target = await window.showSaveDialog({
    defaultUri: defaultTarget(document),
    filters: { HTML: ['html'] },
    saveLabel: 'Export',
  });
  if (!target) return;
  await workspace.fs.writeFile(target, new TextEncoder().encode(result.html));
  const choice = await window.showInformationMessage(`Hindsight: exported ${posix.basename(target.path)}.`, 'Open');
  if (choice === 'Open') await env.openExternal(target);
}

/** `<name>.html` next to the file; for an unsaved file, in the first workspace folder. */
function defaultTarget(document: TextDocument): Uri | undefined {
  if (document.uri.scheme === 'file')
    return document.uri.with({ path: document.uri.path.replace(/\.(md|markdown)$/i, '') + '.html' });
  const folder = workspace.workspaceFolders?.[0]?.uri;
  return folder
    ? Uri.joinPath(folder, `${posix.basename(document.uri.path).replace(/\.(md|markdown)$/i, '') || 'postmortem'}.html`)
    : undefined;
}

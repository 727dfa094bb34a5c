import { languages, StatusBarAlignment, window, workspace, type ExtensionContext } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { SUMMARY_REQUEST, type SummaryResult } from '../../server/src/shared/requests';
import { statusBarText } from './statusBarText';

/** Severity, time to resolve and problem count of the active postmortem; hidden for other files. */
export function registerStatusBar(context: ExtensionContext, client: LanguageClient): void {
  const item = window.createStatusBarItem('hindsight.summary', StatusBarAlignment.Left, 50);
  item.name = 'Hindsight';
  item.command = 'workbench.actions.view.problems';
  let summary: { uri: string; result: SummaryResult } | undefined;
  let request = 0;
  let timer: NodeJS.Timeout | undefined;

  const activeUri = () => window.activeTextEditor?.document.uri.toString();

  const render = () => {
    const editor = window.activeTextEditor;
    if (!editor || !summary?.result.postmortem || summary.uri !== editor.document.uri.toString()) return item.hide();
    const problems = languages.getDiagnostics(editor.document.uri).filter((d) => d.source === 'hindsight').length;
    const { text, tooltip } = statusBarText({ ...summary.result, problems });
    item.text = text;
    item.tooltip = tooltip;
    item.show();
  };

  const refresh = async () => {
    const mine = ++request;
    const document = window.activeTextEditor?.document;
    if (!document || document.languageId !== 'markdown' || !['file', 'untitled'].includes(document.uri.scheme)) {
      summary = undefined;
      return render();
    }
    const uri = document.uri.toString();
    try {
      const result = await client.sendRequest<SummaryResult>(SUMMARY_REQUEST, { uri });
      if (mine === request) summary = { uri, result };
    } catch {
      if (mine === request) summary = undefined;
    }
    if (mine === request) render();
  };

  const soon = () => {
    clearTimeout(timer);
    timer = setTimeout(() => void refresh(), 300);
  };

  context.subscriptions.push(
    item,
    { dispose: () => clearTimeout(timer) },
    window.onDidChangeActiveTextEditor(() => {
      render();
      void refresh();
    }),
    workspace.onDidChangeTextDocument(({ document }) => document.uri.toString() === activeUri() && soon()),
    workspace.onDidSaveTextDocument((document) => document.uri.toString() === activeUri() && soon()),
    workspace.onDidChangeConfiguration((e) => e.affectsConfiguration('hindsight') && soon()),
    languages.onDidChangeDiagnostics(({ uris }) => uris.some((u) => u.toString() === activeUri()) && render()),
  );
  void refresh();
}

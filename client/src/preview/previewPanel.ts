import { posix } from 'node:path';
import { ViewColumn, window, workspace, type Disposable, type TextDocument, type WebviewPanel } from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { requestPreview } from './protocol';

const DEBOUNCE_MS = 200;

/** One preview panel a document, beside its editor, re-rendered by the server as the text changes. */
export class PreviewPanel {
  private static readonly open = new Map<string, PreviewPanel>();

  static show(client: LanguageClient, document: TextDocument): void {
    const key = document.uri.toString();
    const existing = PreviewPanel.open.get(key);
    if (existing) existing.panel.reveal(ViewColumn.Beside, true);
    else PreviewPanel.open.set(key, new PreviewPanel(client, document));
  }

  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private timer: NodeJS.Timeout | undefined;
  /** Only the latest request may set the page. */
  private generation = 0;
  private topLine = 0;

  private constructor(
    private readonly client: LanguageClient,
    private readonly document: TextDocument,
  ) {
    // Scripts only for the page's own nonce'd scroll script; no local or remote resources at all.
    this.panel = window.createWebviewPanel('hindsight.preview', `Preview ${posix.basename(document.uri.path)}`, { viewColumn: ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [],
      enableFindWidget: true,
    });
    const uri = document.uri.toString();
    this.disposables.push(
      workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === uri && this.schedule()),
      window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== uri || e.visibleRanges.length === 0) return;
        this.topLine = e.visibleRanges[0].start.line;
        void this.panel.webview.postMessage({ type: 'scroll', line: this.topLine });
      }),
      // The page says when it has loaded: put it where the editor is.
      this.panel.webview.onDidReceiveMessage((message) => {
        if (message?.type === 'ready') void this.panel.webview.postMessage({ type: 'scroll', line: this.topLine });
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === uri);
    this.topLine = editor?.visibleRanges[0]?.start.line ?? 0;
    void this.refresh();
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    try {
      const result = await requestPreview(this.client, this.document.uri.toString(), { cspSource: this.panel.webview.cspSource });
      if (generation !== this.generation) return;
      this.panel.webview.html = result ? result.html : message('Hindsight has not read this file: it is not open as a Markdown file in the editor.');
      // The server answered for an older version than the editor holds: ask again.
      const current = workspace.textDocuments.find((d) => d.uri.toString() === this.document.uri.toString());
      if (result && current && result.version !== current.version) this.schedule();
    } catch (error) {
      if (generation === this.generation) this.panel.webview.html = message(`The preview could not be rendered: ${(error as Error)?.message ?? error}`);
    }
  }

  private dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    PreviewPanel.open.delete(this.document.uri.toString());
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A page of plain text, for when there is no preview to show. */
function message(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!DOCTYPE html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'"></head><body><p>${escaped}</p></body></html>`;
}

import { randomBytes } from 'node:crypto';
import {
  Range,
  Selection,
  TextEditorRevealType,
  Uri,
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type WebviewPanel,
  type WorkspaceFolder,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { INSIGHTS_REQUEST, type InsightsParams, type InsightsResult } from '../../../server/src/shared/requests';
import { message } from '../preview/previewPanel';
import { linkTarget } from './links';

const DEBOUNCE_MS = 300;

/**
 * "Hindsight: Show Insights": the report the language server computes over a workspace folder, in
 * a webview. It is asked for again when a Markdown file is saved (naming the file, so the server
 * re-reads only it); a link to a postmortem opens it at its line.
 */
export class InsightsPanel {
  private static current: InsightsPanel | undefined;

  static show(client: LanguageClient, folder: WorkspaceFolder): void {
    const current = InsightsPanel.current;
    if (current && current.folder.uri.toString() === folder.uri.toString()) {
      current.panel.reveal(undefined, false);
      return;
    }
    current?.panel.dispose();
    InsightsPanel.current = new InsightsPanel(client, folder);
  }

  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private readonly saved = new Set<string>();
  private timer: NodeJS.Timeout | undefined;
  private generation = 0;

  private constructor(
    private readonly client: LanguageClient,
    private readonly folder: WorkspaceFolder,
  ) {
    // The page's only script is the server's nonce'd link handler; no local or remote resources.
    this.panel = window.createWebviewPanel(
      'hindsight.insights',
      `Insights: ${folder.name}`,
      { viewColumn: ViewColumn.Active },
      { enableScripts: true, localResourceRoots: [], enableFindWidget: true },
    );
    this.disposables.push(
      workspace.onDidSaveTextDocument((document) => this.documentSaved(document)),
      this.panel.webview.onDidReceiveMessage((message) => void this.open(message)),
      this.panel.onDidDispose(() => this.dispose()),
    );
    void this.refresh();
  }

  private documentSaved(document: TextDocument): void {
    if (document.languageId !== 'markdown' || workspace.getWorkspaceFolder(document.uri) !== this.folder) return;
    this.saved.add(document.uri.toString());
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const changed = [...this.saved];
    this.saved.clear();
    const params: InsightsParams = {
      folder: this.folder.uri.toString(),
      changed,
      nonce: randomBytes(18).toString('base64'),
    };
    try {
      const result = await this.client.sendRequest<InsightsResult | null>(INSIGHTS_REQUEST, params);
      if (generation !== this.generation) return;
      this.panel.webview.html = result?.html ?? message('Hindsight cannot read this folder.');
    } catch (error) {
      if (generation === this.generation)
        this.panel.webview.html = message(`The insights could not be computed: ${(error as Error)?.message ?? error}`);
    }
  }

  private async open(message: unknown): Promise<void> {
    const target = linkTarget(message);
    if (!target) return;
    const uri = Uri.joinPath(this.folder.uri, target.path);
    const document = await workspace.openTextDocument(uri);
    const line = Math.min(Math.max(target.line - 1, 0), document.lineCount - 1);
    const editor = await window.showTextDocument(document, { viewColumn: ViewColumn.Beside });
    const range = new Range(line, 0, line, 0);
    editor.selection = new Selection(range.start, range.start);
    editor.revealRange(range, TextEditorRevealType.InCenterIfOutsideViewport);
  }

  private dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    if (InsightsPanel.current === this) InsightsPanel.current = undefined;
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

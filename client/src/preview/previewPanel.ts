import { posix } from 'node:path';
import {
  ViewColumn,
  window,
  workspace,
  type Disposable,
  type TextDocument,
  type TextEditor,
  type WebviewPanel,
} from 'vscode';
import type { LanguageClient } from 'vscode-languageclient/node';
import { CLASSIFY_REQUEST, type ClassifyResult } from '../../../server/src/shared/requests';
import { followTarget, previewTitle, ScrollFollower } from './follow';
import { requestPreview } from './protocol';

const DEBOUNCE_MS = 200;

/**
 * Previews rendered by the server, as VS Code's Markdown preview does it: one preview follows the active postmortem;
 * a locked one stays on its document. Scrolling goes from the editor to the page only.
 */
export class PreviewPanel {
  private static following: PreviewPanel | undefined;
  private static readonly locked = new Map<string, PreviewPanel>();

  static show(client: LanguageClient, document: TextDocument, options: { locked: boolean }): void {
    const key = document.uri.toString();
    if (options.locked) {
      const existing = PreviewPanel.locked.get(key);
      if (existing) existing.panel.reveal(undefined, true);
      else PreviewPanel.locked.set(key, new PreviewPanel(client, document, true));
      return;
    }
    const following = PreviewPanel.following;
    if (!following) PreviewPanel.following = new PreviewPanel(client, document, false);
    else {
      following.showDocument(document);
      following.panel.reveal(undefined, true);
    }
  }

  /** Locks the preview in front (or the following one), or lets a locked one follow again. */
  static toggleLock(): void {
    const all = [...PreviewPanel.locked.values(), ...(PreviewPanel.following ? [PreviewPanel.following] : [])];
    const preview = all.find((p) => p.panel.active) ?? PreviewPanel.following;
    preview?.setLocked(!preview.locked);
  }

  /** The active editor changed: the following preview moves to it when it is a postmortem. */
  static async activeEditorChanged(client: LanguageClient, editor: TextEditor | undefined): Promise<void> {
    const preview = PreviewPanel.following;
    if (!preview || !editor || editor.document.languageId !== 'markdown') return;
    const uri = editor.document.uri.toString();
    // Locked, or already there: no need to ask the server whether the file is a postmortem.
    if (!followTarget(preview, { uri, postmortem: true })) return;
    const { postmortem } = await client.sendRequest<ClassifyResult>(CLASSIFY_REQUEST, { uri });
    if (PreviewPanel.following === preview && followTarget(preview, { uri, postmortem }))
      preview.showDocument(editor.document);
  }

  private readonly panel: WebviewPanel;
  private readonly disposables: Disposable[] = [];
  private readonly scroll = new ScrollFollower();
  private timer: NodeJS.Timeout | undefined;
  /** Only the latest request may set the page. */
  private generation = 0;
  private topLine = 0;

  private constructor(
    private readonly client: LanguageClient,
    private document: TextDocument,
    private isLocked: boolean,
  ) {
    // Scripts only for the page's own nonce'd scroll script; no local or remote resources at all.
    const title = previewTitle(posix.basename(document.uri.path), isLocked);
    this.panel = window.createWebviewPanel(
      'hindsight.preview',
      title,
      { viewColumn: ViewColumn.Beside, preserveFocus: true },
      {
        enableScripts: true,
        localResourceRoots: [],
        enableFindWidget: true,
      },
    );
    this.disposables.push(
      workspace.onDidChangeTextDocument((e) => e.document.uri.toString() === this.uri && this.schedule()),
      window.onDidChangeTextEditorVisibleRanges((e) => {
        if (e.textEditor.document.uri.toString() !== this.uri || e.visibleRanges.length === 0) return;
        this.topLine = e.visibleRanges[0].start.line;
        this.postScroll();
      }),
      // The page says when it has loaded: put it where the editor is.
      this.panel.webview.onDidReceiveMessage((message) => {
        if (message?.type !== 'ready') return;
        this.scroll.forget();
        this.postScroll();
      }),
      this.panel.onDidDispose(() => this.dispose()),
    );
    this.showDocument(document, true);
  }

  get uri(): string {
    return this.document.uri.toString();
  }

  get locked(): boolean {
    return this.isLocked;
  }

  private showDocument(document: TextDocument, first = false): void {
    if (!first && document.uri.toString() === this.uri) return;
    this.document = document;
    this.panel.title = previewTitle(posix.basename(document.uri.path), this.isLocked);
    const editor = window.visibleTextEditors.find((e) => e.document.uri.toString() === this.uri);
    this.topLine = editor?.visibleRanges[0]?.start.line ?? 0;
    this.scroll.forget();
    void this.refresh();
  }

  private setLocked(locked: boolean): void {
    if (locked === this.isLocked) return;
    if (locked) {
      if (PreviewPanel.following === this) PreviewPanel.following = undefined;
      PreviewPanel.locked.get(this.uri)?.panel.dispose();
      PreviewPanel.locked.set(this.uri, this);
    } else {
      PreviewPanel.locked.delete(this.uri);
      PreviewPanel.following?.panel.dispose();
      PreviewPanel.following = this;
    }
    this.isLocked = locked;
    this.panel.title = previewTitle(posix.basename(this.document.uri.path), locked);
  }

  private postScroll(): void {
    const line = this.scroll.next(this.uri, this.topLine);
    if (line !== undefined) void this.panel.webview.postMessage({ type: 'scroll', line });
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.refresh(), DEBOUNCE_MS);
  }

  private async refresh(): Promise<void> {
    const generation = ++this.generation;
    const uri = this.uri;
    try {
      const result = await requestPreview(this.client, uri, { cspSource: this.panel.webview.cspSource });
      if (generation !== this.generation) return;
      this.panel.webview.html = result
        ? result.html
        : message('Hindsight has not read this file: it is not open as a Markdown file in the editor.');
      // The server answered for an older version than the editor holds: ask again.
      const current = workspace.textDocuments.find((d) => d.uri.toString() === uri);
      if (result && current && result.version !== current.version) this.schedule();
    } catch (error) {
      if (generation === this.generation)
        this.panel.webview.html = message(`The preview could not be rendered: ${(error as Error)?.message ?? error}`);
    }
  }

  private dispose(): void {
    clearTimeout(this.timer);
    this.generation++;
    if (PreviewPanel.following === this) PreviewPanel.following = undefined;
    if (PreviewPanel.locked.get(this.uri) === this) PreviewPanel.locked.delete(this.uri);
    for (const d of this.disposables.splice(0)) d.dispose();
  }
}

/** A page of plain text, for when there is no preview (or insights page) to show. */
export function message(text: string): string {
  const escaped = text.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  const head = `<meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="default-src 'none'">`;
  return `<!DOCTYPE html><html><head>${head}</head><body><p>${escaped}</p></body></html>`;
}

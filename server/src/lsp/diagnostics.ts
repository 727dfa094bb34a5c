import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type DocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './documents';

const PUSH_DELAY_MS = 150;

export interface DiagnosticsMode {
  /** Push with `textDocument/publishDiagnostics` (clients without pull diagnostics, e.g. Neovim). */
  push: boolean;
  /** The client accepts `workspace/diagnostic/refresh`. */
  refresh: boolean;
}

/**
 * Diagnostics, pulled by clients that can (VS Code) and pushed to those that cannot (Neovim).
 * Results computed for a version that is no longer current are dropped, never shown.
 */
export class DiagnosticsProvider {
  private readonly timers = new Map<string, ReturnType<typeof setTimeout>>();

  constructor(
    private readonly connection: Connection,
    private readonly store: DocumentStore,
    private readonly mode: DiagnosticsMode,
  ) {}

  /** Diagnostics for the document as it is now; undefined when it changed (or the request was cancelled) meanwhile. */
  async compute(document: TextDocument, token?: CancellationToken): Promise<Diagnostic[] | undefined> {
    const { uri, version } = document;
    try {
      const classification = await this.store.classify(document);
      if (token?.isCancellationRequested || !this.store.isCurrent(uri, version)) return undefined;
      if (!classification.postmortem) return [];
      const subject = await this.store.subject(document);
      if (token?.isCancellationRequested || !this.store.isCurrent(uri, version)) return undefined;
      const problems = await this.store.checkYielding(
        subject,
        () => !token?.isCancellationRequested && this.store.isCurrent(uri, version),
      );
      return problems?.map(toDiagnostic);
    } catch (error) {
      // One bad document must not take the server down: say so in the log and show nothing for it.
      this.connection.console.error(`Analysis of ${uri} failed: ${(error as Error)?.stack ?? error}`);
      return [];
    }
  }

  /** `textDocument/diagnostic` */
  async pull(uri: string, token: CancellationToken): Promise<DocumentDiagnosticReport> {
    const document = this.store.documents.get(uri);
    if (!document) return { kind: DocumentDiagnosticReportKind.Full, items: [] };
    const items = await this.compute(document, token);
    if (token.isCancellationRequested) throw new ResponseError(LSPErrorCodes.RequestCancelled, 'Request cancelled.');
    if (items === undefined) {
      throw new ResponseError(LSPErrorCodes.ServerCancelled, 'The document changed; diagnostics are stale.', {
        retriggerRequest: true,
      });
    }
    return { kind: DocumentDiagnosticReportKind.Full, items };
  }

  /** Schedules a push after the document settles, for clients without pull diagnostics. */
  schedule(document: TextDocument): void {
    if (!this.mode.push) return;
    clearTimeout(this.timers.get(document.uri));
    this.timers.set(
      document.uri,
      setTimeout(() => {
        this.timers.delete(document.uri);
        void this.publish(document.uri);
      }, PUSH_DELAY_MS),
    );
  }

  async publish(uri: string): Promise<void> {
    const document = this.store.documents.get(uri);
    if (!document) return;
    const items = await this.compute(document);
    // A newer version has its own push scheduled; a closed document has been cleared.
    if (items === undefined || !this.store.isCurrent(uri, document.version)) return;
    await this.connection
      .sendDiagnostics({ uri, version: document.version, diagnostics: items })
      .catch(() => undefined);
  }

  clear(uri: string): void {
    clearTimeout(this.timers.get(uri));
    this.timers.delete(uri);
    if (this.mode.push) void this.connection.sendDiagnostics({ uri, diagnostics: [] }).catch(() => undefined);
  }

  /** After a settings or folder change: ask pull clients to pull again, re-push for the others. */
  refreshAll(): void {
    if (this.mode.push) for (const document of this.store.documents.all()) this.schedule(document);
    else if (this.mode.refresh) void this.connection.languages.diagnostics.refresh().catch(() => undefined);
  }
}

import { basename } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  DocumentDiagnosticReportKind,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
  type Diagnostic,
  type FileEvent,
  type PreviousResultId,
  type ResultProgressReporter,
  type WorkspaceDiagnosticReport,
  type WorkspaceDiagnosticReportPartialResult,
  type WorkspaceDocumentDiagnosticReport,
} from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { CATALOG_NAMES } from '../core/catalog/catalog';
import { CONFIG_NAMES } from '../core/config/load';
import { toDiagnostic } from './convert';
import type { DocumentStore } from './documents';
import { ClosedFileChecker } from './workspaceChecker';
import { FolderIndex, stampOf, yieldToEventLoop, type Stamp } from './workspaceIndex';

/** How the answer reaches the client besides the response: streamed batches and a progress bar. */
export interface PullProgress {
  /** Sends reports ahead of the response; given when the client sent a `partialResultToken`. */
  partial?: (items: WorkspaceDocumentDiagnosticReport[]) => void;
  /** Shows progress while `total` files are checked; called only when there is real work. */
  begin?: (total: number) => Promise<ProgressBar>;
}

export interface ProgressBar {
  report(done: number, total: number): void;
  done(): void;
}

interface Entry {
  stamp: Stamp;
  generation: number;
  resultId: string;
  items: Diagnostic[];
  /** The open document's analysed text (itself, or its saved copy under `run: onSave`). */
  subject?: TextDocument;
  version?: number;
}

/** A configuration file, a team template or a service catalog: a change to one changes every report below it. */
export function isConfigurationFile(uri: string): boolean {
  const name = basename(uri);
  return (
    CONFIG_NAMES.includes(name) || CATALOG_NAMES.includes(name) || /\/\.hindsight\/templates\/[^/]+\.md$/i.test(uri)
  );
}

/** Fewer files than this are checked without a progress bar: a save should not flash one. */
const PROGRESS_FROM = 20;
/** Streamed batches go out at least this often while files are being checked. */
const BATCH_MS = 100;
/** Closed files handed to the worker thread ahead of the one awaited. */
const CHECKS_AHEAD = 4;

const cancelled = () => new ResponseError(LSPErrorCodes.RequestCancelled, 'Workspace diagnostics cancelled.');

/**
 * `workspace/diagnostic` for every postmortem in the workspace folders, open or not.
 * A file is checked again only when its size, modification time or the configuration changed;
 * otherwise it is answered `unchanged` with the result id the client already holds. Closed files are
 * checked on a worker thread and the scan yields between files, so requests such as hover are answered
 * while it runs.
 */
export class WorkspaceDiagnostics {
  private readonly indexes = new Map<string, FolderIndex>();
  private readonly entries = new Map<string, Entry>();
  private readonly changedPaths = new Set<string>();
  private readonly uris = new Map<string, string>();
  private readonly idPrefix = Date.now().toString(36);
  private generation = 0;
  private ids = 0;
  /**
   * Whether the client reports file changes (`workspace/didChangeWatchedFiles`): then a pull with
   * nothing changed neither walks the folders nor looks at any file.
   */
  watching = false;

  constructor(
    private readonly store: DocumentStore,
    private readonly log: (message: string) => void,
    private readonly checker = new ClosedFileChecker(),
  ) {}

  /** A configuration file or template changed: every report is computed again. */
  configurationChanged(): void {
    this.generation++;
  }

  /** Settings (include globs, run mode) or folders changed: walk again and check again. */
  settingsChanged(): void {
    this.generation++;
    this.indexes.clear();
  }

  /** Postmortems created, changed or deleted, as the client's file watcher saw them. */
  filesChanged(changes: readonly FileEvent[]): void {
    for (const { uri } of changes) {
      if (!uri.startsWith('file:')) continue;
      if (isConfigurationFile(uri)) this.configurationChanged();
      else this.changedPaths.add(fileURLToPath(uri));
    }
  }

  async pull(
    folders: readonly string[],
    previous: readonly PreviousResultId[],
    token: CancellationToken,
    progress: PullProgress = {},
  ): Promise<WorkspaceDiagnosticReport> {
    // Result ids are unique to this server's run, so the id alone says what the client holds,
    // however its URIs are spelt.
    const held = new Set(previous.map((p) => p.value));
    const paths = await this.postmortemPaths(folders, token);
    const output = new ReportStream(progress.partial);
    for (const uri of this.forgottenUris(paths))
      output.add({ uri, version: null, kind: DocumentDiagnosticReportKind.Full, items: [] });
    const stale: string[] = [];
    for (const path of paths) {
      const uri = this.uriOf(path);
      const entry = this.store.documents.get(uri)
        ? await this.currentOpenEntry(uri)
        : this.currentClosedEntry(path, uri);
      if (entry) output.add(this.report(uri, entry, held));
      else stale.push(path);
    }
    output.flush();
    const bar = stale.length >= PROGRESS_FROM ? await progress.begin?.(stale.length) : undefined;
    try {
      const checks = this.checksAhead(stale);
      for (const [done, path] of stale.entries()) {
        await yieldToEventLoop();
        if (token.isCancellationRequested) throw cancelled();
        const entry = await checks.next(done);
        if (token.isCancellationRequested) throw cancelled();
        output.add(this.report(this.uriOf(path), entry, held));
        output.flushEvery(BATCH_MS);
        bar?.report(done + 1, stale.length);
      }
    } finally {
      bar?.done();
    }
    return output.finish();
  }

  /** Every postmortem path of the folders, walking only those not already known. */
  private async postmortemPaths(folders: readonly string[], token: CancellationToken): Promise<string[]> {
    const indexes: FolderIndex[] = [];
    for (const folder of folders) {
      if (!folder.startsWith('file:')) continue;
      const index = await this.indexFor(folder);
      if (!this.watching) index.markStale();
      if (!index.current && !(await index.refresh(() => token.isCancellationRequested))) throw cancelled();
      indexes.push(index);
    }
    this.applyWatchedChanges();
    return [...new Set(indexes.flatMap((index) => [...index.postmortems]))];
  }

  private async indexFor(folder: string): Promise<FolderIndex> {
    let index = this.indexes.get(folder);
    if (!index) {
      const settings = await this.store.settingsFor(folder);
      index = new FolderIndex(fileURLToPath(folder), settings.include, (unreadable, error) =>
        this.log(`Workspace check skipped ${unreadable}: ${error.message}`),
      );
      this.indexes.set(folder, index);
    }
    return index;
  }

  /** Watcher events since the last pull: those files are read again, and may join or leave. */
  private applyWatchedChanges(): void {
    for (const path of this.changedPaths) {
      this.entries.delete(this.uriOf(path));
      for (const index of this.indexes.values()) if (index.current && index.contains(path)) index.update(path);
    }
    this.changedPaths.clear();
  }

  /** Files reported before that are no longer postmortems (deleted, moved, reclassified): cleared once. */
  private forgottenUris(paths: readonly string[]): string[] {
    const current = new Set(paths.map((path) => this.uriOf(path)));
    const gone = [...this.entries.keys()].filter((uri) => !current.has(uri));
    for (const uri of gone) this.entries.delete(uri);
    return gone;
  }

  private uriOf(path: string): string {
    let uri = this.uris.get(path);
    if (uri === undefined) this.uris.set(path, (uri = pathToFileURL(path).toString()));
    return uri;
  }

  /** The cached report of a closed file, when neither the file nor the configuration changed. */
  private currentClosedEntry(path: string, uri: string): Entry | undefined {
    const entry = this.entries.get(uri);
    if (!entry || entry.generation !== this.generation || entry.subject) return undefined;
    return this.watching || entry.stamp === stampOf(path) ? entry : undefined;
  }

  /** The cached report of an open document, when the text it was computed for is still the one checked. */
  private async currentOpenEntry(uri: string): Promise<Entry | undefined> {
    const entry = this.entries.get(uri);
    const open = this.store.documents.get(uri);
    if (!entry?.subject || !open || entry.generation !== this.generation) return undefined;
    // Under `run: onSave` the subject is the saved copy, replaced on each save.
    const subject = await this.store.subject(open);
    return entry.subject === subject && entry.version === subject.version ? entry : undefined;
  }

  private report(uri: string, entry: Entry, held: ReadonlySet<string>): WorkspaceDocumentDiagnosticReport {
    const version = this.store.documents.get(uri)?.version ?? null;
    if (held.has(entry.resultId))
      return { uri, version, kind: DocumentDiagnosticReportKind.Unchanged, resultId: entry.resultId };
    return { uri, version, kind: DocumentDiagnosticReportKind.Full, resultId: entry.resultId, items: entry.items };
  }

  /**
   * The checks of `paths` in order, a few started ahead of the one awaited, so the worker thread is
   * never idle waiting for the server's turn. In-process (no worker) one at a time, as each blocks.
   */
  private checksAhead(paths: readonly string[]): { next(index: number): Promise<Entry> } {
    const ahead = this.checker.threaded ? CHECKS_AHEAD : 1;
    const started = new Map<number, Promise<Entry>>();
    return {
      next: (index) => {
        for (let i = index; i < Math.min(paths.length, index + ahead); i++)
          if (!started.has(i)) started.set(i, this.check(paths[i], this.uriOf(paths[i])));
        const entry = started.get(index)!;
        started.delete(index);
        return entry;
      },
    };
  }

  private async check(path: string, uri: string): Promise<Entry> {
    const generation = this.generation;
    const resultId = `${this.idPrefix}.${++this.ids}`;
    const open = this.store.documents.get(uri);
    try {
      if (open) {
        const subject = await this.store.subject(open);
        const items = this.store.check(subject).map(toDiagnostic);
        return this.remember(uri, { stamp: '', generation, resultId, items, subject, version: subject.version });
      }
      // The stamp is taken before the read: a change while the file is checked is seen next time.
      const stamp = stampOf(path) ?? '';
      const items = await this.checker.check({ path, uri });
      return this.remember(uri, { stamp, generation, resultId, items });
    } catch (error) {
      // One unreadable or hostile file must not stop the others: log it and show nothing for it.
      this.log(`Workspace check of ${uri} failed: ${(error as Error)?.stack ?? error}`);
      return { stamp: '', generation: -1, resultId, items: [] };
    }
  }

  private remember(uri: string, entry: Entry): Entry {
    this.entries.set(uri, entry);
    return entry;
  }
}

/** Reports sent as partial results while the pull runs when the client asked for that, else in the response. */
class ReportStream {
  private pending: WorkspaceDocumentDiagnosticReport[] = [];
  private lastFlush = performance.now();

  constructor(private readonly partial: PullProgress['partial']) {}

  add(report: WorkspaceDocumentDiagnosticReport): void {
    this.pending.push(report);
  }

  flushEvery(ms: number): void {
    if (performance.now() - this.lastFlush >= ms) this.flush();
  }

  flush(): void {
    this.lastFlush = performance.now();
    if (!this.partial || this.pending.length === 0) return;
    this.partial(this.pending);
    this.pending = [];
  }

  /** With partial results the response itself must be empty: everything went ahead of it. */
  finish(): WorkspaceDiagnosticReport {
    this.flush();
    return { items: this.partial ? [] : this.pending };
  }
}

/**
 * Streaming as the client asked for it (the library hands us a reporter only when the client sent a
 * partial result token) and a progress bar the server creates, when the client supports that.
 */
export function workspacePullProgress(
  connection: Connection,
  partial: ResultProgressReporter<WorkspaceDiagnosticReportPartialResult> | undefined,
): PullProgress {
  return {
    partial: partial && ((items) => partial.report({ items })),
    begin: async (total) => {
      const reporter = await connection.window.createWorkDoneProgress().catch(() => undefined);
      reporter?.begin('Hindsight', 0, `Checking ${total} postmortems`);
      return {
        report: (done, of) => reporter?.report(Math.floor((done / of) * 100), `${done} of ${of} postmortems`),
        done: () => reporter?.done(),
      };
    },
  };
}

import {
  CodeActionKind,
  createConnection,
  type CancellationToken,
  DidChangeConfigurationNotification,
  DidChangeWatchedFilesNotification,
  FileChangeType,
  ProposedFeatures,
  TextDocumentSyncKind,
  type InitializeResult,
} from 'vscode-languageserver/node';
import type { Provider } from './lsp/analysed';
import { codeActions, FIX_ALL_KIND } from './lsp/codeActions';
import { completion, servicesNamed } from './lsp/completion';
import { DiagnosticsProvider } from './lsp/diagnostics';
import { hover } from './lsp/hover';
import { codeLenses, documentSymbols, foldingRanges } from './lsp/outline';
import { registerImportTimeline } from './lsp/importTimeline';
import { FolderInsights, registerInsights } from './lsp/insights';
import { registerPreview } from './lsp/preview';
import { SEMANTIC_TOKENS_LEGEND, semanticTokens } from './lsp/semanticTokens';
import { registerStatusPage } from './lsp/statusPage';
import { registerSummary } from './lsp/summary';
import { registerTrackers } from './lsp/trackers';
import { isConfigurationFile, WorkspaceDiagnostics, workspacePullProgress } from './lsp/workspace';
import { DocumentStore } from './lsp/documents';
import { redactSecrets } from './core/secrets';
import { CLASSIFY_REQUEST, type ClassifyResult, type UriParams } from './shared/requests';

// Wiring only: each feature lives in its own module under lsp/.
// The transport (--stdio, --node-ipc, --socket=, --pipe=) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore(connection);
let diagnostics: DiagnosticsProvider | undefined;
let dynamicConfiguration = false;
let workspaceFolders = false;
let watchFiles = false;
let pullClient = false;
let folderUris: string[] = [];
const insights = new FolderInsights();
const workspace = new WorkspaceDiagnostics(store, (message) => connection.console.error(message));

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const pull = !!capabilities.textDocument?.diagnostic;
  pullClient = pull;
  dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  workspaceFolders = !!capabilities.workspace?.workspaceFolders;
  watchFiles = !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration;
  folderUris = (params.workspaceFolders ?? []).map((f) => f.uri);
  if (folderUris.length === 0 && params.rootUri) folderUris = [params.rootUri];
  store.configure(params.workspaceFolders, !!capabilities.workspace?.configuration);
  diagnostics = new DiagnosticsProvider(connection, store, {
    push: !pull,
    refresh: !!capabilities.workspace?.diagnostics?.refreshSupport,
  });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pull
        ? { diagnosticProvider: { identifier: 'hindsight', interFileDependencies: false, workspaceDiagnostics: true } }
        : {}),
      codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, FIX_ALL_KIND, CodeActionKind.SourceFixAll] },
      hoverProvider: true,
      completionProvider: { triggerCharacters: [':', ' ', '#', '['] },
      documentSymbolProvider: true,
      foldingRangeProvider: true,
      codeLensProvider: { resolveProvider: false },
      semanticTokensProvider: { legend: SEMANTIC_TOKENS_LEGEND, full: true },
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'hindsight', version: process.env.HINDSIGHT_VERSION ?? '0.0.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration)
    void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  if (watchFiles) {
    const watchers = [
      { globPattern: '**/.hindsight.{json,yaml,yml}' },
      { globPattern: '**/.hindsight/templates/*.md' },
      { globPattern: '**/catalog-info.{yaml,yml}' },
    ];
    // Markdown files too: workspace diagnostics then rest until the watcher says something changed.
    watchers.push({ globPattern: '**/*.{md,markdown}' });
    void connection.client.register(DidChangeWatchedFilesNotification.type, { watchers }).then(
      () => (workspace.watching = true),
      () => undefined,
    );
  }
  if (workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      const folders = (await connection.workspace.getWorkspaceFolders()) ?? [];
      folderUris = folders.map((f) => f.uri);
      store.setFolders(folders);
      workspace.settingsChanged();
      diagnostics?.refreshAll();
    });
  }
});

connection.onDidChangeConfiguration(({ settings }) => {
  store.settingsChanged(settings);
  workspace.settingsChanged();
  diagnostics?.refreshAll();
});

connection.onDidChangeWatchedFiles(({ changes }) => {
  workspace.filesChanged(changes);
  if (changes.some((change) => change.type !== FileChangeType.Changed)) insights.filesChanged();
  // A postmortem changed on disk: the next workspace pull reads it. Configuration changes them all.
  if (!changes.some((change) => isConfigurationFile(change.uri))) return;
  store.configurationChanged();
  insights.forget();
  diagnostics?.refreshAll();
});

connection.languages.diagnostics.on((params, token) => diagnostics!.pull(params.textDocument.uri, token));
connection.languages.diagnostics.onWorkspace((params, token, _workDone, partial) =>
  workspace.pull(folderUris, params.previousResultIds, token, workspacePullProgress(connection, partial)),
);

// Features that read the analysis of postmortems only: other Markdown gets nothing from us.
function provide<Request, Result>(
  empty: Result,
  provider: Provider<Request, Result>,
): (params: Request & { textDocument: { uri: string } }, token: CancellationToken) => Promise<Result> {
  return async (params, token) => {
    const found = await store.postmortem(params.textDocument.uri, token);
    return found ? provider(found.subject, params, found.settings, token) : empty;
  };
}
const neighbours = {
  knownServices: () => servicesNamed(store.documents.all().map((document) => store.analyze(document))),
};
connection.onCodeAction(provide([], codeActions));
connection.onHover(provide(null, hover));
connection.onCompletion(
  provide([], (subject, params, settings, token) => completion(subject, params, settings, token, neighbours)),
);
connection.onDocumentSymbol(provide([], documentSymbols));
connection.onFoldingRanges(provide([], foldingRanges));
connection.onCodeLens(provide([], codeLenses));
connection.languages.semanticTokens.on(provide(semanticTokens(undefined), semanticTokens));

store.documents.onDidOpen(({ document }) => {
  store.markSaved(document);
  diagnostics?.schedule(document);
});
store.documents.onDidSave(({ document }) => {
  store.markSaved(document);
  diagnostics?.schedule(document);
  if (!pullClient) return;
  diagnostics?.refreshAll();
});
store.documents.onDidChangeContent(({ document }) => diagnostics?.schedule(document));
store.documents.onDidClose(({ document }) => {
  diagnostics?.clear(document.uri);
  store.forget(document.uri);
});

// Requests of our own, for the client's status bar and commands.
connection.onRequest(CLASSIFY_REQUEST, async ({ uri }: UriParams): Promise<ClassifyResult> => {
  const document = store.documents.get(uri);
  if (!document) return { postmortem: false, reason: 'the file is not open in the editor' };
  return store.classify(document);
});

registerPreview(connection, store);
registerInsights(connection, store, insights);
registerStatusPage(connection, store);
registerImportTimeline(connection, store);
registerSummary(connection, store);
registerTrackers(connection, store);

// Last line of defence: log and keep serving. Redacted: a tracker's failure may quote a credential.
process.on('uncaughtException', (error) =>
  connection.console.error(redactSecrets(`Unexpected error: ${error?.stack ?? error}`)),
);
process.on('unhandledRejection', (reason) =>
  connection.console.error(redactSecrets(`Unhandled rejection: ${(reason as Error)?.stack ?? reason}`)),
);

store.documents.listen(connection);
connection.listen();

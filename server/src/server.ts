import { createConnection, DidChangeConfigurationNotification, ProposedFeatures, TextDocumentSyncKind, type InitializeResult } from 'vscode-languageserver/node';
import { DiagnosticsProvider } from './lsp/diagnostics';
import { DocumentStore } from './lsp/documents';

// Wiring only: each feature lives in its own module under lsp/.
// The transport (--stdio, --node-ipc, --socket=, --pipe=) comes from the command line.
const connection = createConnection(ProposedFeatures.all);
const store = new DocumentStore(connection);
let diagnostics: DiagnosticsProvider | undefined;
let dynamicConfiguration = false;
let workspaceFolders = false;

connection.onInitialize((params): InitializeResult => {
  const capabilities = params.capabilities;
  const pull = !!capabilities.textDocument?.diagnostic;
  dynamicConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
  workspaceFolders = !!capabilities.workspace?.workspaceFolders;
  store.configure(params.workspaceFolders, !!capabilities.workspace?.configuration);
  diagnostics = new DiagnosticsProvider(connection, store, { push: !pull, refresh: !!capabilities.workspace?.diagnostics?.refreshSupport });
  return {
    capabilities: {
      textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
      ...(pull ? { diagnosticProvider: { identifier: 'hindsight', interFileDependencies: false, workspaceDiagnostics: false } } : {}),
      workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
    },
    serverInfo: { name: 'hindsight', version: process.env.HINDSIGHT_VERSION ?? '0.0.0' },
  };
});

connection.onInitialized(() => {
  if (dynamicConfiguration) void connection.client.register(DidChangeConfigurationNotification.type, undefined).catch(() => undefined);
  if (workspaceFolders) {
    connection.workspace.onDidChangeWorkspaceFolders(async () => {
      store.setFolders((await connection.workspace.getWorkspaceFolders()) ?? []);
      diagnostics?.refreshAll();
    });
  }
});

connection.onDidChangeConfiguration(({ settings }) => {
  store.settingsChanged(settings);
  diagnostics?.refreshAll();
});

connection.languages.diagnostics.on((params, token) => diagnostics!.pull(params.textDocument.uri, token));

store.documents.onDidOpen(({ document }) => diagnostics?.schedule(document));
store.documents.onDidChangeContent(({ document }) => diagnostics?.schedule(document));
store.documents.onDidClose(({ document }) => {
  diagnostics?.clear(document.uri);
  store.forget(document.uri);
});

// Requests of our own, for the client's "Why no diagnostics?" command.
connection.onRequest('hindsight/classify', async ({ uri }: { uri: string }) => {
  const document = store.documents.get(uri);
  if (!document) return { postmortem: false, reason: 'the file is not open in the editor' };
  return store.classify(document);
});

// Last line of defence: log and keep serving.
process.on('uncaughtException', (error) => connection.console.error(`Unexpected error: ${error?.stack ?? error}`));
process.on('unhandledRejection', (reason) => connection.console.error(`Unhandled rejection: ${(reason as Error)?.stack ?? reason}`));

store.documents.listen(connection);
connection.listen();

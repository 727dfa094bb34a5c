import * as path from 'node:path';
import { commands, Uri, window, type ExtensionContext } from 'vscode';
import {
  LanguageClient,
  TransportKind,
  type LanguageClientOptions,
  type ServerOptions,
} from 'vscode-languageclient/node';
import { SETTINGS_SECTION } from '../../server/src/shared/settings';
import { registerNewPostmortem } from './newPostmortem/command';
import { registerStatusPage } from './commands/statusPage';
import { registerImportTimeline } from './import/command';
import { registerWhyNoDiagnostics } from './commands/whyNoDiagnostics';
import { registerInsights } from './insights';
import { registerPreview } from './preview';
import { registerStatusBar } from './statusBar';
import { registerTrackerCommands } from './trackers';

let client: LanguageClient | undefined;

export async function activate(context: ExtensionContext): Promise<void> {
  const output = window.createOutputChannel('Hindsight', { log: true });
  const module = context.asAbsolutePath(path.join('dist', 'server.js'));
  const serverOptions: ServerOptions = {
    run: { module, transport: TransportKind.ipc },
    debug: { module, transport: TransportKind.ipc, options: { execArgv: ['--nolazy', '--inspect=6011'] } },
  };
  const clientOptions: LanguageClientOptions = {
    documentSelector: [
      { language: 'markdown', scheme: 'file' },
      { language: 'markdown', scheme: 'untitled' },
    ],
    synchronize: { configurationSection: SETTINGS_SECTION },
    outputChannel: output,
  };
  // Before the server starts, so that creating a postmortem works even if the server cannot.
  registerNewPostmortem(context);
  client = new LanguageClient('hindsight', 'Hindsight', serverOptions, clientOptions);
  registerTrackerCommands(context, client);
  registerPreview(context, client);
  registerInsights(context, client);
  registerStatusPage(context, client);
  registerImportTimeline(context, client);
  registerWhyNoDiagnostics(context, client);
  context.subscriptions.push(output, { dispose: () => void client?.stop() });
  context.subscriptions.push(
    commands.registerCommand('hindsight.openRuleDoc', (href: string) =>
      commands.executeCommand('vscode.open', Uri.parse(href)),
    ),
  );
  await client.start();
  // After start: the status bar asks the server at once.
  registerStatusBar(context, client);
}

export async function deactivate(): Promise<void> {
  await client?.stop();
  client = undefined;
}

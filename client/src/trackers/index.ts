import { commands, window, type ExtensionContext } from 'vscode';
import { redactSecrets } from '../../../server/src/core/secrets';
import type * as Commands from './commands';
import { disposeTrackerLog } from './trackerLog';

type Command = (context: ExtensionContext) => Promise<void>;

// A plain require, so the bundle keeps it a require of dist/trackers.js (see scripts/build.mjs).
// eslint-disable-next-line @typescript-eslint/no-require-imports -- an import would be bundled in
const commandsModule = (): typeof Commands => require('./commands');

/**
 * Export Action Items…, Refresh Action Item Status and Set Tracker Credentials. The commands pull
 * in the whole analysis engine, so they live in their own bundle, loaded when one first runs.
 */
export function registerTrackerCommands(context: ExtensionContext): void {
  const guarded = (name: string, load: () => Promise<Command>) => async () => {
    try {
      await (await load())(context);
    } catch (error) {
      // Only the message, redacted: a tracker's answer quoted in it could echo a credential.
      void window.showErrorMessage(redactSecrets(`Hindsight: ${name} failed: ${(error as Error).message}`));
    }
  };
  context.subscriptions.push(
    commands.registerCommand('hindsight.exportActionItems', guarded('Export Action Items', async () => commandsModule().exportActionItemsCommand)),
    commands.registerCommand('hindsight.refreshActionItemStatus', guarded('Refresh Action Item Status', async () => commandsModule().refreshActionItemStatusCommand)),
    commands.registerCommand('hindsight.setTrackerCredentials', guarded('Set Tracker Credentials', async () => commandsModule().setTrackerCredentials)),
    { dispose: disposeTrackerLog },
  );
}

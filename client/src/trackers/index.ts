import { commands, window, type ExtensionContext } from 'vscode';
import { redactSecrets } from '../../../server/src/core/secrets';
import { setTrackerCredentials } from './credentialsCommand';
import { exportActionItemsCommand } from './exportCommand';
import { refreshActionItemStatusCommand } from './refreshCommand';
import type { TrackerServer } from './trackerServer';
import { disposeTrackerLog } from './trackerLog';

type Command = (context: ExtensionContext, server: TrackerServer) => Promise<void>;

/**
 * Export Action Items…, Refresh Action Item Status and Set Tracker Credentials. The language
 * server does the work; these only ask, confirm, hand over the credentials and show the outcome.
 */
export function registerTrackerCommands(context: ExtensionContext, server: TrackerServer): void {
  const guarded = (name: string, command: Command) => async () => {
    try {
      await command(context, server);
    } catch (error) {
      // Only the message, redacted: a tracker's answer quoted in it could echo a credential.
      void window.showErrorMessage(redactSecrets(`Hindsight: ${name} failed: ${(error as Error).message}`));
    }
  };
  context.subscriptions.push(
    commands.registerCommand('hindsight.exportActionItems', guarded('Export Action Items', exportActionItemsCommand)),
    commands.registerCommand(
      'hindsight.refreshActionItemStatus',
      guarded('Refresh Action Item Status', refreshActionItemStatusCommand),
    ),
    commands.registerCommand(
      'hindsight.setTrackerCredentials',
      guarded('Set Tracker Credentials', setTrackerCredentials),
    ),
    { dispose: disposeTrackerLog },
  );
}

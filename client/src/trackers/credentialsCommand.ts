import { window, type ExtensionContext } from 'vscode';
import { rememberSecrets } from '../../../server/src/core/secrets';
import type { TrackerChoice } from '../../../server/src/shared/trackers';
import { collectCredentials, secretKey } from './secretKeys';
import { chooseTracker, configTarget } from './session';
import type { TrackerServer } from './trackerServer';

/** Hindsight: Set Tracker Credentials — asks for each credential and keeps it in SecretStorage only. */
export async function setTrackerCredentials(context: ExtensionContext, server: TrackerServer): Promise<void> {
  const tracker = await chooseTracker(
    server,
    configTarget(window.activeTextEditor?.document),
    'Set Tracker Credentials',
  );
  if (!tracker) return;
  const specs = tracker.credentials;
  if (specs.length === 0) {
    void window.showInformationMessage(`Hindsight: ${tracker.name} (${tracker.type}) needs no credentials.`);
    return;
  }
  const stored = await storedCredentials(context, tracker);
  if (Object.values(stored).some((v) => v !== undefined)) {
    const set = `Set credentials for ${tracker.name}`;
    const clear = `Clear stored credentials for ${tracker.name}`;
    const action = await window.showQuickPick([set, clear], { title: 'Set Tracker Credentials', ignoreFocusOut: true });
    if (!action) return;
    if (action === clear) {
      await Promise.all(specs.map((spec) => context.secrets.delete(secretKey(tracker.name, spec.id))));
      void window.showInformationMessage(`Hindsight: the credentials stored for ${tracker.name} were cleared.`);
      return;
    }
  }
  if (await askAndStore(context, tracker, stored)) {
    void window.showInformationMessage(
      `Hindsight: the credentials for ${tracker.name} are kept in VS Code's secret storage.`,
    );
  }
}

/**
 * Asks for each credential in turn; stores them only when every box was answered, so a cancel
 * leaves what was stored before. An empty answer keeps the stored value.
 */
export async function askAndStore(
  context: ExtensionContext,
  tracker: TrackerChoice,
  stored: Record<string, string | undefined>,
): Promise<boolean> {
  const answers: [string, string][] = [];
  for (const spec of tracker.credentials) {
    const has = stored[spec.id] !== undefined;
    const value = await window.showInputBox({
      title: `${tracker.name}: ${spec.label}`,
      prompt:
        `${spec.label} for the ${tracker.type} tracker "${tracker.name}" (the CLI reads ${spec.env}).` +
        (has ? ' Leave empty to keep the stored one.' : ''),
      password: spec.secret,
      ignoreFocusOut: true,
      validateInput: (text) => (text.trim() === '' && !has ? `${spec.label} is needed.` : undefined),
    });
    if (value === undefined) return false;
    if (value.trim() !== '') answers.push([spec.id, value.trim()]);
  }
  for (const [id, value] of answers) await context.secrets.store(secretKey(tracker.name, id), value);
  return true;
}

export async function storedCredentials(
  context: ExtensionContext,
  tracker: TrackerChoice,
): Promise<Record<string, string | undefined>> {
  const stored: Record<string, string | undefined> = {};
  for (const spec of tracker.credentials) stored[spec.id] = await context.secrets.get(secretKey(tracker.name, spec.id));
  return stored;
}

/**
 * The credentials for a run: SecretStorage, then the environment, then (Jira's email) the
 * configuration. When some are missing the user is offered to set them; undefined when they do not.
 */
export async function credentialsFor(
  context: ExtensionContext,
  tracker: TrackerChoice,
): Promise<Record<string, string> | undefined> {
  const stored = async () => ({ ...tracker.configured, ...definedOnly(await storedCredentials(context, tracker)) });
  const collect = async () => collectCredentials(tracker.credentials, await stored(), process.env);
  let { credentials, missing } = await collect();
  if (missing.length === 0) return remembered(credentials);
  const set = 'Set Credentials';
  const answer = await window.showWarningMessage(
    `Hindsight: ${tracker.name} needs ${missing.map((m) => m.label).join(' and ')}, ` +
      `which ${missing.length === 1 ? 'is' : 'are'} not set. Set ${missing.length === 1 ? 'it' : 'them'} now? ` +
      "They are kept in VS Code's secret storage.",
    set,
  );
  if (answer !== set || !(await askAndStore(context, tracker, await storedCredentials(context, tracker))))
    return undefined;
  ({ credentials, missing } = await collect());
  return missing.length === 0 ? remembered(credentials) : undefined;
}

/** Known to this process's redaction too, so nothing the server answers is shown with them in it. */
function remembered(credentials: Record<string, string>): Record<string, string> {
  rememberSecrets(credentials);
  return credentials;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined),
  );
}

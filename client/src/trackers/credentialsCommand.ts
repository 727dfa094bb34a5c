import { window, type ExtensionContext } from 'vscode';
import type { TrackerConfig } from '../../../server/src/trackers/config';
import { credentialSpecs } from '../../../server/src/trackers/credentials';
import { collectCredentials, secretKey } from './secretKeys';
import { chooseTracker, configFolder } from './session';

/** Hindsight: Set Tracker Credentials — asks for each credential and keeps it in SecretStorage only. */
export async function setTrackerCredentials(context: ExtensionContext): Promise<void> {
  const chosen = await chooseTracker(configFolder(window.activeTextEditor?.document), 'Set Tracker Credentials');
  if (!chosen) return;
  const { tracker } = chosen;
  const specs = credentialSpecs(tracker);
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
    void window.showInformationMessage(`Hindsight: the credentials for ${tracker.name} are kept in VS Code's secret storage.`);
  }
}

/**
 * Asks for each credential in turn; stores them only when every box was answered, so a cancel
 * leaves what was stored before. An empty answer keeps the stored value.
 */
export async function askAndStore(context: ExtensionContext, tracker: TrackerConfig, stored: Record<string, string | undefined>): Promise<boolean> {
  const answers: [string, string][] = [];
  for (const spec of credentialSpecs(tracker)) {
    const has = stored[spec.id] !== undefined;
    const value = await window.showInputBox({
      title: `${tracker.name}: ${spec.label}`,
      prompt: `${spec.label} for the ${tracker.type} tracker "${tracker.name}" (the CLI reads ${spec.env}).${has ? ' Leave empty to keep the stored one.' : ''}`,
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

export async function storedCredentials(context: ExtensionContext, tracker: TrackerConfig): Promise<Record<string, string | undefined>> {
  const stored: Record<string, string | undefined> = {};
  for (const spec of credentialSpecs(tracker)) stored[spec.id] = await context.secrets.get(secretKey(tracker.name, spec.id));
  return stored;
}

/**
 * The credentials for a run: SecretStorage, then the environment, then (Jira's email) the
 * configuration. When some are missing the user is offered to set them; undefined when they do not.
 */
export async function credentialsFor(context: ExtensionContext, tracker: TrackerConfig): Promise<Record<string, string> | undefined> {
  const specs = credentialSpecs(tracker);
  const fromConfig: Record<string, string> = tracker.type === 'jira-cloud' && tracker.email ? { email: tracker.email } : {};
  const collect = async () => collectCredentials(specs, { ...fromConfig, ...definedOnly(await storedCredentials(context, tracker)) }, process.env);
  let { credentials, missing } = await collect();
  if (missing.length === 0) return credentials;
  const set = 'Set Credentials';
  const answer = await window.showWarningMessage(
    `Hindsight: ${tracker.name} needs ${missing.map((m) => m.label).join(' and ')}, which ${missing.length === 1 ? 'is' : 'are'} not set. Set ${missing.length === 1 ? 'it' : 'them'} now? They are kept in VS Code's secret storage.`,
    set,
  );
  if (answer !== set || !(await askAndStore(context, tracker, await storedCredentials(context, tracker)))) return undefined;
  ({ credentials, missing } = await collect());
  return missing.length === 0 ? credentials : undefined;
}

function definedOnly(values: Record<string, string | undefined>): Record<string, string> {
  return Object.fromEntries(Object.entries(values).filter((entry): entry is [string, string] => entry[1] !== undefined));
}

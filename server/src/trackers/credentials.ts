import type { CredentialSpec } from '../shared/trackers';
import type { TrackerConfig } from './config';

export type { CredentialSpec };

/**
 * What each tracker needs to sign in, and where each piece comes from: an environment variable
 * for the CLI, the same `id` in VS Code's SecretStorage for the extension. Adapters read
 * `credentials[id]`.
 */
export function credentialSpecs(tracker: TrackerConfig): CredentialSpec[] {
  switch (tracker.type) {
    case 'jira-cloud':
      return tracker.auth === 'bearer'
        ? [{ id: 'token', env: 'HINDSIGHT_JIRA_TOKEN', label: 'Jira Cloud OAuth access token', secret: true }]
        : [
            { id: 'email', env: 'HINDSIGHT_JIRA_EMAIL', label: 'Jira Cloud account email', secret: false },
            { id: 'token', env: 'HINDSIGHT_JIRA_TOKEN', label: 'Jira Cloud API token', secret: true },
          ];
    case 'jira-dc':
      return [
        { id: 'token', env: 'HINDSIGHT_JIRA_DC_TOKEN', label: 'Jira Data Center personal access token', secret: true },
      ];
    case 'github':
      return [{ id: 'token', env: 'HINDSIGHT_GITHUB_TOKEN', label: 'GitHub token', secret: true }];
    case 'linear':
      return [{ id: 'token', env: 'HINDSIGHT_LINEAR_TOKEN', label: 'Linear API key', secret: true }];
    case 'csv':
    case 'json':
      return [];
  }
}

/** The credentials found in `env`; a non-secret one may fall back to the configuration (Jira email). */
export function credentialsFromEnv(
  tracker: TrackerConfig,
  env: Record<string, string | undefined> = process.env,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of credentialSpecs(tracker)) {
    const value = env[spec.env]?.trim();
    if (value) out[spec.id] = value;
  }
  if (tracker.type === 'jira-cloud' && !out.email && tracker.email) out.email = tracker.email;
  return out;
}

/** The environment variable behind a credential id, for messages ("set HINDSIGHT_JIRA_TOKEN"). */
export function credentialEnv(tracker: TrackerConfig, id: string): string {
  return credentialSpecs(tracker).find((spec) => spec.id === id)?.env ?? id;
}

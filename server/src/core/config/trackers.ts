/**
 * The `trackers` and `documentUrl` settings as the loader sees them: their shape is checked here
 * (so a mistake shows as `config/invalid` in the editor), each tracker's own fields when it is used
 * (server/src/trackers/config.ts).
 */

export const TRACKER_TYPES = ['jira-cloud', 'jira-dc', 'github', 'linear', 'csv', 'json'] as const;

/** One `trackers.<name>` entry as written: a type and that tracker's settings. */
export interface TrackerEntry {
  type: (typeof TRACKER_TYPES)[number];
  [setting: string]: unknown;
}

/** The environment variable that holds each tracker's secret; secrets never live in configuration files. */
export const TRACKER_SECRET_ENV: Record<string, string> = {
  'jira-cloud': 'HINDSIGHT_JIRA_TOKEN',
  'jira-dc': 'HINDSIGHT_JIRA_DC_TOKEN',
  github: 'HINDSIGHT_GITHUB_TOKEN',
  linear: 'HINDSIGHT_LINEAR_TOKEN',
};

const SECRET_NAMES = [
  'tokens?',
  'password',
  'passwd',
  'secret',
  'client[-_]?secret',
  'pat',
  'personal[-_]?access[-_]?token',
  'api[-_]?(?:token|key)',
  '(?:access|auth|bearer|oauth)[-_]?token',
  'credentials?',
];

/** Setting names that can only hold a secret. */
export const SECRET_KEY = new RegExp(`^(?:${SECRET_NAMES.join('|')})$`, 'i');

export function validateTrackers(value: unknown): Record<string, TrackerEntry> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error('"trackers" must be an object of trackers by name');
  const out: Record<string, TrackerEntry> = {};
  for (const [name, entry] of Object.entries(value)) {
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry))
      throw new Error(`trackers.${name} must be an object with a "type"`);
    const type = (entry as { type?: unknown }).type;
    if (typeof type !== 'string' || !(TRACKER_TYPES as readonly string[]).includes(type)) {
      throw new Error(`trackers.${name}.type must be one of ${TRACKER_TYPES.join(', ')}`);
    }
    for (const key of Object.keys(entry)) {
      if (SECRET_KEY.test(key)) {
        const env = TRACKER_SECRET_ENV[type];
        const instead = env ? `set ${env} in the environment` : 'use an environment variable';
        throw new Error(
          `trackers.${name}.${key}: secrets are never read from configuration files; ` +
            `${instead} or, in VS Code, run "Hindsight: Set Tracker Credentials"`,
        );
      }
    }
    out[name] = entry as TrackerEntry;
  }
  return out;
}

export function validateDocumentUrl(value: unknown): string {
  if (typeof value !== 'string') throw new Error('"documentUrl" must be a URL');
  try {
    const url = new URL(value);
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new Error();
  } catch {
    throw new Error(`"documentUrl" must be an http(s) URL, not "${value}"`);
  }
  return value;
}

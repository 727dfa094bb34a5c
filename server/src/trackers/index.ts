import { rememberSecrets } from '../core/secrets';
import type { TrackerConfig } from './config';
import { createFileAdapter } from './fileExport';
import { createGitHubAdapter } from './github';
import type { Http } from './http';
import { createJiraCloudAdapter, createJiraDataCenterAdapter } from './jira';
import { createLinearAdapter } from './linear';
import type { TrackerAdapter } from './types';

export interface AdapterDeps {
  http: Http;
  /** By credential id (see credentials.ts): `token`, `email`. */
  credentials: Record<string, string>;
  writeFile?: (path: string, text: string) => Promise<void>;
  /** Folder relative paths in the configuration are read from. */
  cwd?: string;
}

/** The adapter for a configured tracker. Throws TrackerError when its settings cannot work. */
export function createAdapter(tracker: TrackerConfig, deps: AdapterDeps): TrackerAdapter {
  // From here on, every message and log line is redacted of these credentials in every form.
  rememberSecrets(deps.credentials);
  switch (tracker.type) {
    case 'jira-cloud':
      return createJiraCloudAdapter(tracker, deps);
    case 'jira-dc':
      return createJiraDataCenterAdapter(tracker, deps);
    case 'github':
      return createGitHubAdapter(tracker, deps);
    case 'linear':
      return createLinearAdapter(tracker, deps);
    case 'csv':
    case 'json':
      return createFileAdapter(tracker, deps);
  }
}

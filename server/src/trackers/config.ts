import type { ResolvedConfig } from '../core/config/config';
import type { TrackerEntry } from '../core/config/trackers';
import type { FileSettings } from './fileExport';
import type { GitHubSettings } from './githubIssue';
import type { LinearSettings } from './linearGraphql';
import { JIRA_PROJECT_KEY } from './settingsSpec';
import { TrackerError } from './types';

/** Jira settings after defaults; Cloud and Data Center share them (DC ignores `auth` and `email`). */
export interface JiraSettings {
  baseUrl: string;
  /** Project key, e.g. PAY. */
  project: string;
  issueType: string;
  /** Labels for every ticket; Jira labels cannot hold spaces, so spaces become dashes. */
  labels: string[];
  /** Whether the incident id is added as a label too. */
  incidentLabel: boolean;
  /** Key of the epic or incident ticket the new tickets go under. */
  parent?: string;
  /** Item priority (highest…lowest, or the cell's own text such as P1) to a Jira priority name. */
  priorities: Record<string, string>;
  /** Merged into every issue's `fields` (custom field ids to values). */
  customFields: Record<string, unknown>;
  /** Cloud only: `basic` (email + API token) or `bearer` (OAuth access token). */
  auth: 'basic' | 'bearer';
  /** Cloud basic auth: the account's email, unless HINDSIGHT_JIRA_EMAIL gives it. */
  email?: string;
  /** Where people open tickets, when baseUrl is an API gateway (api.atlassian.com); default baseUrl. */
  siteUrl?: string;
}

interface Named {
  /** The name under `trackers`, for messages. */
  name: string;
}

export type JiraCloudConfig = Named & JiraSettings & { type: 'jira-cloud' };
export type JiraDataCenterConfig = Named & JiraSettings & { type: 'jira-dc' };
export type JiraConfig = JiraCloudConfig | JiraDataCenterConfig;
export type GitHubConfig = Named & GitHubSettings & { type: 'github' };
export type LinearConfig = Named & LinearSettings & { type: 'linear' };
export type FileConfig = Named & FileSettings;

export type TrackerConfig = JiraCloudConfig | JiraDataCenterConfig | GitHubConfig | LinearConfig | FileConfig;

export const DEFAULT_JIRA_PRIORITIES: Record<string, string> = {
  highest: 'Highest',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
  lowest: 'Lowest',
};

export function trackerNames(config: ResolvedConfig): string[] {
  return Object.keys(config.trackers ?? {});
}

/** The tracker called `name`, or the only one configured when no name is given. */
export function resolveTracker(config: ResolvedConfig, name?: string): TrackerConfig {
  const names = trackerNames(config);
  const where = config.files[0] ?? '.hindsight.json';
  if (names.length === 0)
    throw new TrackerError(`No tracker is configured: add one under "trackers" in ${where}.`, 'trackers');
  if (name === undefined) {
    if (names.length > 1)
      throw new TrackerError(`Several trackers are configured (${names.join(', ')}): say which one.`, 'trackers');
    name = names[0];
  }
  const entry = config.trackers[name];
  if (!entry)
    throw new TrackerError(`No tracker named "${name}" in ${where}; configured: ${names.join(', ')}.`, 'trackers');
  return parseTracker(name, entry);
}

/** Checks one entry's settings for its type and fills in defaults. */
export function parseTracker(name: string, entry: TrackerEntry): TrackerConfig {
  switch (entry.type) {
    case 'jira-cloud':
    case 'jira-dc':
      return parseJira(name, entry.type, entryReader(name, entry));
    // The other adapters check their own settings when they are created.
    case 'github':
      return { ...(entry as unknown as GitHubSettings), type: 'github', name };
    case 'linear':
      return { ...(entry as unknown as LinearSettings), type: 'linear', name };
    case 'csv':
    case 'json':
      return { ...(entry as unknown as FileSettings), type: entry.type, name };
    default:
      throw new TrackerError(
        `trackers.${name}.type: unknown tracker type "${String((entry as { type: unknown }).type)}".`,
        `trackers.${name}.type`,
      );
  }
}

/** Reads an entry's keys by the type each must have, naming the key (`trackers.<name>.<key>`) when one is wrong. */
function entryReader(name: string, entry: TrackerEntry) {
  const at = (key: string) => `trackers.${name}.${key}`;
  const str = (key: string, required = false): string | undefined => {
    const value = entry[key];
    if (value === undefined || value === '') {
      if (required) throw new TrackerError(`${at(key)} is required for a ${entry.type} tracker.`, at(key));
      return undefined;
    }
    if (typeof value !== 'string') throw new TrackerError(`${at(key)} must be a string.`, at(key));
    return value;
  };
  const strings = (key: string): string[] | undefined => {
    const value = entry[key];
    if (value === undefined) return undefined;
    if (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))
      throw new TrackerError(`${at(key)} must be a list of strings.`, at(key));
    return value as string[];
  };
  const object = (key: string): Record<string, unknown> | undefined => {
    const value = entry[key];
    if (value === undefined) return undefined;
    if (typeof value !== 'object' || value === null || Array.isArray(value))
      throw new TrackerError(`${at(key)} must be an object.`, at(key));
    return value as Record<string, unknown>;
  };
  return { entry, at, str, strings, object };
}

function parseJira(name: string, type: JiraConfig['type'], read: ReturnType<typeof entryReader>): JiraConfig {
  const { entry, at, str, strings, object } = read;
  const auth = str('auth') ?? (type === 'jira-cloud' ? 'basic' : 'bearer');
  if (auth !== 'basic' && auth !== 'bearer')
    throw new TrackerError(`${at('auth')} must be "basic" or "bearer".`, at('auth'));
  if (type === 'jira-dc' && auth !== 'bearer')
    throw new TrackerError(
      `${at('auth')}: Jira Data Center is reached with a personal access token ("bearer").`,
      at('auth'),
    );
  const priorities = object('priorities') ?? {};
  for (const [key, value] of Object.entries(priorities)) {
    if (typeof value !== 'string')
      throw new TrackerError(`${at('priorities')}.${key} must be a Jira priority name.`, at('priorities'));
  }
  const incidentLabel = entry.incidentLabel ?? true;
  if (typeof incidentLabel !== 'boolean')
    throw new TrackerError(`${at('incidentLabel')} must be true or false.`, at('incidentLabel'));
  const project = str('project', true)!;
  if (!JIRA_PROJECT_KEY.test(project))
    throw new TrackerError(`${at('project')} must be a project key such as PAY, not "${project}".`, at('project'));
  return {
    type,
    name,
    baseUrl: str('baseUrl', true)!,
    project,
    issueType: str('issueType') ?? 'Task',
    labels: strings('labels') ?? ['postmortem'],
    incidentLabel,
    parent: str('parent'),
    priorities: { ...DEFAULT_JIRA_PRIORITIES, ...(priorities as Record<string, string>) },
    customFields: object('customFields') ?? {},
    auth,
    email: str('email'),
    siteUrl: str('siteUrl'),
  };
}

/**
 * Each tracker type's settings described once: the adapters check their entries against these,
 * and `npm run docs` turns them into the schema's per-type settings and the tracker tables of
 * docs/configuration.md. Typed over each adapter's settings, so a setting added there must be
 * described here.
 */
import type { TrackerEntry } from '../core/config/trackers';
import { choice, field, flag, text, texts, type Field } from '../core/config/shape';
import type { JiraSettings } from './config';
import type { FileSettings } from './fileExport';
import type { GitHubSettings } from './githubIssue';
import type { LinearSettings } from './linearGraphql';

type Described<T> = { [K in keyof Required<T>]: Field };

export interface TrackerVariant {
  types: readonly TrackerEntry['type'][];
  fields: Readonly<Record<string, Field>>;
  required: readonly string[];
  /** Whether settings other than these are refused. */
  closed: boolean;
}

const WEB_URL = /^https?:\/\//;
export const JIRA_PROJECT_KEY = /^[A-Za-z][A-Za-z0-9_]*$/;
export const GITHUB_REPO = /^[\w.-]+\/[\w.-]+$/;
const stringMap = { kind: 'map', key: 'name', of: text() } as const;

const JIRA: Described<JiraSettings> = {
  baseUrl: field(
    text({ pattern: WEB_URL }),
    'The Jira site, e.g. https://acme.atlassian.net (Data Center: https://jira.example.com). ' +
      'HTTPS only, except for localhost.',
  ),
  project: field(text({ pattern: JIRA_PROJECT_KEY }), 'Project key the tickets are created in, e.g. PAY.'),
  issueType: field(text(), 'Issue type name.', { default: 'Task' }),
  labels: field(texts, 'Labels for every ticket; spaces become dashes.', { default: ['postmortem'] }),
  incidentLabel: field(flag, 'Also label each ticket with the incident id.', { default: true }),
  parent: field(text(), 'Key of an epic or incident ticket the new tickets go under.'),
  priorities: field(
    stringMap,
    'Item priority (highest, high, medium, low, lowest, or the cell as written, e.g. P1) to a Jira priority name.',
  ),
  customFields: field(
    { kind: 'object', fields: {}, open: true },
    'Merged into every issue\'s fields, e.g. {"customfield_10010": "ops"}.',
  ),
  auth: field(
    choice(['basic', 'bearer']),
    'Jira Cloud: basic (email + API token from HINDSIGHT_JIRA_TOKEN, the default) or bearer (OAuth access token). ' +
      'Data Center always uses a personal access token (HINDSIGHT_JIRA_DC_TOKEN) as bearer.',
  ),
  email: field(text(), 'Jira Cloud account email for basic auth (HINDSIGHT_JIRA_EMAIL overrides it).'),
  siteUrl: field(
    text({ pattern: WEB_URL }),
    'Where people open tickets, when baseUrl is an API gateway such as api.atlassian.com (default baseUrl).',
  ),
};

const GITHUB: Described<GitHubSettings> = {
  repo: field(text({ pattern: GITHUB_REPO }), 'The repository issues are created in: owner/repo.'),
  baseUrl: field(
    text({ pattern: WEB_URL }),
    'GitHub Enterprise Server API root, e.g. https://github.example.com/api/v3.',
    { default: 'https://api.github.com' },
  ),
  labels: field(texts, 'Labels for every issue.', { default: ['postmortem'] }),
  incidentLabel: field(flag, 'Also label each issue with the incident id.', { default: true }),
  assignees: field(stringMap, 'Owner names or emails, as written in postmortems, to GitHub logins.'),
};

const LINEAR: Described<LinearSettings> = {
  teamId: field(text(), 'The team issues are created in (its id).'),
  baseUrl: field(text({ pattern: WEB_URL }), "Linear's GraphQL endpoint.", {
    default: 'https://api.linear.app/graphql',
  }),
  labelIds: field(texts, 'Label ids for every issue.'),
  auth: field(
    choice(['api-key', 'oauth']),
    'api-key: a personal API key, sent as it is; oauth: an OAuth token, sent as Bearer.',
    { default: 'api-key' },
  ),
};

const FILE: Described<Omit<FileSettings, 'type'>> = {
  path: field(text(), 'File the items are written to, relative to this configuration file.'),
};

export const GITHUB_SETTINGS = GITHUB;
export const LINEAR_SETTINGS = LINEAR;

/** Every tracker type's settings; the two Jira flavours share theirs. */
export const TRACKER_VARIANTS: readonly TrackerVariant[] = [
  { types: ['jira-cloud', 'jira-dc'], fields: JIRA, required: ['baseUrl', 'project'], closed: true },
  { types: ['github'], fields: GITHUB, required: ['repo'], closed: false },
  { types: ['linear'], fields: LINEAR, required: ['teamId'], closed: false },
  { types: ['csv', 'json'], fields: FILE, required: ['path'], closed: false },
];

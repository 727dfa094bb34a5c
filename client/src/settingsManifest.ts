/**
 * The extension's settings as package.json declares them (`contributes.configuration`), written
 * here once: `npm run docs` writes package.json's block and the README's settings table from it,
 * and `--check` fails when either differs. The settings the server reads take their defaults and
 * choices from its own `HindsightSettings`, so the two cannot drift. Loads no `vscode`.
 */
import { DEFAULT_SETTINGS, SETTINGS_SECTION, type HindsightSettings } from '../../server/src/shared/settings';

export interface SettingContribution {
  type: 'string' | 'array';
  items?: { type: 'string' };
  enum?: readonly string[];
  enumDescriptions?: readonly string[];
  default: unknown;
  scope?: 'resource';
  /** Plain text, or Markdown when `markdown` is set. */
  description: string;
  markdown?: boolean;
  /** The meaning in the README's table, when it says more or less than the description. */
  readme: string;
}

/** `hindsight.run`'s choices and what each does; a `Record` over the type, so none is forgotten. */
const RUN_CHOICES: Record<HindsightSettings['run'], string> = {
  onType: 'Check postmortems as you type.',
  onSave: 'Check postmortems when they are saved; findings stay those of the saved file while you type.',
};

/** What the server reads, keyed by `HindsightSettings`: a setting it gains must be declared here. */
const SERVER_SETTINGS: { [K in keyof HindsightSettings]: SettingContribution } = {
  include: {
    type: 'array',
    items: { type: 'string' },
    default: DEFAULT_SETTINGS.include,
    description:
      'Glob patterns (relative to the workspace folder) of Markdown files treated as postmortems. ' +
      'Files whose frontmatter says `type: postmortem` are always included.',
    readme:
      'globs, from the workspace folder, of files treated as postmortems ' +
      '(besides those whose frontmatter says `type: postmortem`)',
  },
  run: {
    type: 'string',
    enum: Object.keys(RUN_CHOICES),
    enumDescriptions: Object.values(RUN_CHOICES),
    default: DEFAULT_SETTINGS.run,
    description: 'When Hindsight checks a postmortem.',
    readme: '`onSave` keeps the findings of the saved file while you type',
  },
};

/** Where **New Postmortem…** creates files unless `hindsight.folder` says otherwise. */
export const DEFAULT_POSTMORTEM_FOLDER = 'postmortems';

/** Settings only the client reads. */
const CLIENT_SETTINGS = {
  'trace.server': {
    type: 'string',
    enum: ['off', 'messages', 'verbose'],
    default: 'off',
    description: 'Traces the communication between VS Code and the Hindsight language server.',
    readme: 'log the protocol traffic to the Hindsight output channel',
  },
  folder: {
    type: 'string',
    default: DEFAULT_POSTMORTEM_FOLDER,
    scope: 'resource',
    markdown: true,
    description:
      'Folder, relative to the workspace folder (or absolute), ' +
      'where **Hindsight: New Postmortem…** creates postmortems.',
    readme: 'where **New Postmortem…** creates files, from the workspace folder (or an absolute path)',
  },
} satisfies Record<string, SettingContribution>;

const ORDER: [string, SettingContribution][] = [
  ['include', SERVER_SETTINGS.include],
  ['trace.server', CLIENT_SETTINGS['trace.server']],
  ['run', SERVER_SETTINGS.run],
  ['folder', CLIENT_SETTINGS.folder],
];

/** Every setting by its full name, in the order the settings page and the README list them. */
export const EDITOR_SETTINGS = ORDER.map(([name, setting]) => [`${SETTINGS_SECTION}.${name}`, setting] as const);

/** package.json's `contributes.configuration`. */
export function contributedConfiguration(): { title: string; properties: Record<string, unknown> } {
  const properties = Object.fromEntries(
    EDITOR_SETTINGS.map(([name, { description, markdown, readme: _readme, ...rest }]) => [
      name,
      { ...rest, [markdown ? 'markdownDescription' : 'description']: description },
    ]),
  );
  return { title: 'Hindsight', properties };
}

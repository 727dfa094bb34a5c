import type { ConfigFile } from './config';

/**
 * Named profiles a configuration can extend (`"extends": "hindsight:strict"`), as linters ship them.
 * `recommended` is what applies with no configuration at all: the rules' own defaults, which say
 * only what matters on a postmortem a team already has. `strict` holds every document to its full
 * template and every action item to an owner, a due date and a status, drafts included.
 */
export const PRESETS: Record<string, ConfigFile> = {
  'hindsight:recommended': {},
  'hindsight:strict': {
    rules: {
      'sections/missing': { level: 'warning', options: { undeclaredTemplate: 'full' } },
      'sections/empty': { level: 'warning', options: { hintInDrafts: false } },
      'actions/incomplete': {
        level: 'warning',
        options: { ticketCompletes: false, checkDone: true, listStatus: true },
      },
      'actions/not-a-verb': 'warning',
      'frontmatter/missing-key': { level: 'warning', options: { hintUnlessAdopted: false } },
      'frontmatter/unknown-key': { level: 'warning', options: { onlyWhenAdopted: false } },
      'frontmatter/invalid-value': { level: 'error', options: { hintUnlessAdopted: false } },
    },
  },
};

export const PRESET_PREFIX = 'hindsight:';

export function isPresetName(name: string): boolean {
  return name.startsWith(PRESET_PREFIX);
}

/** The preset's settings, or a clear error naming the presets that exist. */
export function presetFile(name: string): ConfigFile {
  const preset = PRESETS[name];
  if (!preset)
    throw new Error(`extends "${name}", which is not a preset (there are ${Object.keys(PRESETS).join(' and ')})`);
  return preset;
}

/** How a preset sets one rule: its level (the rule's own when the preset leaves it) and the options it changes. */
export function presetRule(
  name: string,
  id: string,
  ownLevel: string,
): { level: string; options: Record<string, unknown> } {
  const value = presetFile(name).rules?.[id];
  if (value === undefined) return { level: ownLevel, options: {} };
  if (typeof value === 'string') return { level: value, options: {} };
  if (Array.isArray(value)) return { level: value[0], options: value[1] ?? {} };
  return { level: value.level ?? ownLevel, options: value.options ?? {} };
}

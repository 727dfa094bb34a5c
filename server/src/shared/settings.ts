/**
 * Editor settings (`hindsight.*`), typed once for the client and the server.
 * Must not import `vscode` or the LSP libraries: both sides load it.
 */
export interface HindsightSettings {
  /** Globs (relative to the workspace folder) of Markdown files treated as postmortems. */
  include: string[];
  /** When findings are computed: as you type, or for the file as last saved. */
  run: 'onType' | 'onSave';
}

export const SETTINGS_SECTION = 'hindsight';

/**
 * Same globs as the engine's defaults and the `hindsight.include` default in package.json
 * (a test keeps them equal).
 */
export const DEFAULT_SETTINGS: HindsightSettings = {
  include: ['**/postmortems/**/*.md', '**/post-mortems/**/*.md', '**/*.postmortem.md'],
  run: 'onType',
};

/** Takes what a client sent and fills the gaps with defaults, ignoring values of the wrong type. */
export function normaliseSettings(value: unknown): HindsightSettings {
  const raw = (value && typeof value === 'object' ? value : {}) as Record<string, unknown>;
  const include =
    Array.isArray(raw.include) && raw.include.every((g) => typeof g === 'string')
      ? (raw.include as string[])
      : DEFAULT_SETTINGS.include;
  const run = raw.run === 'onSave' ? 'onSave' : 'onType';
  return { include, run };
}

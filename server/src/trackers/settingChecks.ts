import type { Field, Shape } from '../core/config/shape';
import { TrackerError } from './types';

type Kind = 'string' | 'strings' | 'boolean' | 'map';

/** The check a described setting gets here; limits beyond the type (choices, patterns) are each adapter's. */
function kindOf(shape: Shape): Kind | undefined {
  if (shape.kind === 'string' || shape.kind === 'choice') return 'string';
  if (shape.kind === 'boolean') return 'boolean';
  if (shape.kind === 'list') return 'strings';
  if (shape.kind === 'map') return 'map';
  return undefined;
}

const EXPECTED: Record<Kind, string> = {
  string: 'a string',
  boolean: 'true or false',
  strings: 'a list of strings',
  map: 'an object of strings',
};

function hasKind(value: unknown, kind: Kind): boolean {
  if (kind === 'string') return typeof value === 'string';
  if (kind === 'boolean') return typeof value === 'boolean';
  if (kind === 'strings') return Array.isArray(value) && value.every((v) => typeof v === 'string');
  return (
    typeof value === 'object' &&
    value !== null &&
    !Array.isArray(value) &&
    Object.values(value).every((v) => typeof v === 'string')
  );
}

/**
 * Type checks for the settings a GitHub, Linear or file tracker reads, as settingsSpec.ts describes
 * them: the configuration loader only knows each entry's `type`, and a wrong shape should be named,
 * not crash an export.
 */
export function checkSettings(
  settings: object,
  fields: Readonly<Record<string, Field>>,
  setting: (key: string) => string,
): void {
  for (const [key, described] of Object.entries(fields)) {
    const value = (settings as Record<string, unknown>)[key];
    const kind = kindOf(described.shape);
    if (value === undefined || !kind || hasKind(value, kind)) continue;
    throw new TrackerError(`${setting(key)} must be ${EXPECTED[kind]}.`, setting(key));
  }
}

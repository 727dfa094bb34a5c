import { TrackerError } from './types';

/**
 * Type checks for the settings a GitHub, Linear or file tracker reads: the configuration loader
 * only knows each entry's `type`, and a wrong shape should be named, not crash an export.
 */
export function checkSettings(
  settings: object,
  shape: Record<string, 'string' | 'strings' | 'boolean' | 'map'>,
  setting: (key: string) => string,
): void {
  for (const [key, kind] of Object.entries(shape)) {
    const value = (settings as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const ok =
      kind === 'string'
        ? typeof value === 'string'
        : kind === 'boolean'
          ? typeof value === 'boolean'
          : kind === 'strings'
            ? Array.isArray(value) && value.every((v) => typeof v === 'string')
            : typeof value === 'object' &&
              value !== null &&
              !Array.isArray(value) &&
              Object.values(value).every((v) => typeof v === 'string');
    if (!ok) {
      const expected = {
        string: 'a string',
        boolean: 'true or false',
        strings: 'a list of strings',
        map: 'an object of strings',
      }[kind];
      throw new TrackerError(`${setting(key)} must be ${expected}.`, setting(key));
    }
  }
}

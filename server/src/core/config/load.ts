import { readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, resolve } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { catalogFor } from '../catalog/catalog';
import { applyConfig, defaultConfig, type ConfigFile, type ResolvedConfig } from './config';
import { findUpward } from './findUpward';
import { isPresetName, presetFile } from './presets';
import { findTemplateFolder, loadWorkspaceTemplates } from './workspaceTemplates';

export const CONFIG_NAMES = ['.hindsight.json', '.hindsight.yaml', '.hindsight.yml'];

export interface LoadedConfig {
  config: ResolvedConfig;
  /** A configuration file that could not be used, why, and what happens meanwhile. */
  error: { file: string; message: string; consequence?: string } | undefined;
}

const cache = new Map<string, { mtimeMs: number; file: ConfigFile }>();

function readConfigFile(path: string): ConfigFile {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = cache.get(path);
  if (cached && cached.mtimeMs === mtimeMs) return cached.file;
  const text = readFileSync(path, 'utf8');
  let value: unknown;
  try {
    value = path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    throw new Error(`cannot be read: ${(error as Error).message.split('\n')[0]}`, { cause: error });
  }
  if (value === null || value === undefined) value = {};
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('must hold an object of settings');
  cache.set(path, { mtimeMs, file: value as ConfigFile });
  return value as ConfigFile;
}

/** The nearest configuration file at or above `folder`, if any. */
export function findConfigFile(folder: string): string | undefined {
  return findUpward(folder, CONFIG_NAMES, 'file');
}

function resolveFile(path: string, chain: string[]): ResolvedConfig {
  if (chain.includes(path)) throw new Error(`extends itself through ${[...chain, path].join(' → ')}`);
  const file = readConfigFile(path);
  let base = defaultConfig();
  for (const parent of [file.extends ?? []].flat()) {
    if (isPresetName(parent)) {
      base = { ...applyConfig(base, presetFile(parent), parent), files: base.files };
      continue;
    }
    const parentPath = isAbsolute(parent) ? parent : resolve(dirname(path), parent);
    try {
      statSync(parentPath);
    } catch {
      throw new Error(`extends "${parent}", which does not exist`);
    }
    const resolved = resolveFile(parentPath, [...chain, path]);
    base = { ...resolved, files: [...resolved.files, ...base.files] };
  }
  return applyConfig(base, file, path);
}

/** The configuration in force for a file in `folder`: the nearest file, its `extends`, then the defaults. */
export function loadConfig(folder: string): LoadedConfig {
  const path = findConfigFile(folder);
  let loaded: LoadedConfig = { config: defaultConfig(), error: undefined };
  if (path) {
    try {
      loaded = { config: resolveFile(path, []), error: undefined };
    } catch (error) {
      loaded = { config: defaultConfig(), error: { file: path, message: (error as Error).message } };
    }
  }
  return withCatalog(withWorkspaceTemplates(loaded, folder), folder);
}

/** Adds the repository's Backstage catalog, whose names the `services:` of a postmortem are checked against. */
function withCatalog(loaded: LoadedConfig, folder: string): LoadedConfig {
  const catalog = catalogFor(folder);
  if (!catalog) return loaded;
  const broken = catalog.errors[0];
  const error =
    loaded.error ?? (broken ? { ...broken, consequence: 'the rest of the catalog still counts' } : undefined);
  return { config: { ...loaded.config, catalog }, error };
}

/** Adds the team's own templates (`.hindsight/templates/*.md`); a broken one is reported, the rest still apply. */
function withWorkspaceTemplates(loaded: LoadedConfig, folder: string): LoadedConfig {
  const templateFolder = findTemplateFolder(folder);
  if (!templateFolder) return loaded;
  const { templates, errors } = loadWorkspaceTemplates(templateFolder);
  const config = { ...loaded.config, templates: { ...loaded.config.templates, ...templates } };
  const error =
    loaded.error ??
    (errors[0]
      ? { file: errors[0].file, message: errors[0].message, consequence: 'this template is skipped until it is fixed' }
      : undefined);
  return { config, error };
}

import { readFileSync, statSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { findUpward } from '../config/findUpward';
import { filesUnder } from '../files/discover';

/** A Backstage entity the postmortems may name as a service. */
export interface CatalogEntity {
  kind: 'Component' | 'System';
  name: string;
  /** The owning group or user, without the default kind and namespace ("group:default/payments" → "payments"). */
  owner: string | undefined;
  /** The system a component belongs to; a system's own name for a system. */
  system: string | undefined;
  file: string;
  /** One-based line of the entity's document. */
  line: number;
}

export interface ServiceCatalog {
  /** The folder the catalog was gathered from: the nearest one holding a catalog file. */
  root: string;
  entities: CatalogEntity[];
  /** Catalog files that could not be read, each with why; the others still count. */
  errors: { file: string; message: string }[];
}

export const CATALOG_NAMES = ['catalog-info.yaml', 'catalog-info.yml'];
const KINDS = new Set(['component', 'system']);

/** "group:default/payments" → "payments"; "group:ops/payments" → "ops/payments"; other values as written. */
export function shortRef(ref: unknown): string | undefined {
  if (typeof ref !== 'string' || ref.trim() === '') return undefined;
  return ref
    .trim()
    .replace(/^[a-z]+:/i, '')
    .replace(/^default\//, '');
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < offset; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/** The Components and Systems of one catalog file, which may hold several YAML documents. */
export function parseCatalogFile(text: string, file: string): { entities: CatalogEntity[]; errors: string[] } {
  const entities: CatalogEntity[] = [];
  const errors: string[] = [];
  for (const document of parseAllDocuments(text)) {
    const line = lineOf(text, document.contents?.range?.[0] ?? document.range[0]);
    if (document.errors.length > 0) {
      errors.push(`line ${line}: ${document.errors[0]!.message.split('\n')[0]}`);
      continue;
    }
    const value = document.toJS() as { kind?: unknown; metadata?: { name?: unknown }; spec?: Record<string, unknown> };
    if (typeof value?.kind !== 'string' || !KINDS.has(value.kind.toLowerCase())) continue;
    const name = value.metadata?.name;
    if (typeof name !== 'string' || name.trim() === '') {
      errors.push(`line ${line}: a ${value.kind} with no metadata.name`);
      continue;
    }
    const kind = value.kind.toLowerCase() === 'system' ? 'System' : 'Component';
    const system = kind === 'System' ? name.trim() : shortRef(value.spec?.system);
    entities.push({ kind, name: name.trim(), owner: shortRef(value.spec?.owner), system, file, line });
  }
  return { entities, errors };
}

interface CachedFile {
  mtimeMs: number;
  parsed: ReturnType<typeof parseCatalogFile>;
}

/** Per catalog root: the catalog files below it, and the folders the walk could not read. */
const filesByRoot = new Map<string, { files: string[]; unreadable: ServiceCatalog['errors'] }>();
const parsedFiles = new Map<string, CachedFile>();

function readCatalogFile(path: string): ReturnType<typeof parseCatalogFile> {
  const mtimeMs = statSync(path).mtimeMs;
  const cached = parsedFiles.get(path);
  if (cached?.mtimeMs === mtimeMs) return cached.parsed;
  const parsed = parseCatalogFile(readFileSync(path, 'utf8'), path);
  parsedFiles.set(path, { mtimeMs, parsed });
  return parsed;
}

/**
 * The catalog in force for a postmortem in `folder`: the nearest folder at or above it that holds a
 * `catalog-info.yaml`, and every catalog file below that folder. Undefined when there is none. The
 * files found are remembered per root (a changed file is read again; call `forgetCatalogs` when files
 * are added or removed).
 */
export function catalogFor(folder: string): ServiceCatalog | undefined {
  const nearest = findUpward(folder, CATALOG_NAMES, 'file');
  if (!nearest) return undefined;
  const root = dirname(nearest);
  if (!filesByRoot.has(root)) filesByRoot.set(root, catalogFiles(root));
  const { files, unreadable } = filesByRoot.get(root)!;
  const entities: CatalogEntity[] = [];
  const errors: ServiceCatalog['errors'] = [...unreadable];
  for (const file of files) {
    try {
      const parsed = readCatalogFile(file);
      entities.push(...parsed.entities);
      errors.push(...parsed.errors.map((message) => ({ file, message })));
    } catch (error) {
      errors.push({ file, message: `cannot be read: ${(error as Error).message}` });
    }
  }
  return { root, entities, errors };
}

function catalogFiles(root: string): { files: string[]; unreadable: ServiceCatalog['errors'] } {
  const unreadable: ServiceCatalog['errors'] = [];
  const files = [
    ...filesUnder(
      root,
      (name) => CATALOG_NAMES.includes(name),
      (folder, error) => unreadable.push({ file: folder, message: `folder cannot be read: ${error.message}` }),
    ),
  ];
  return { files, unreadable };
}

/** Forget which catalog files exist, after files were created, deleted or renamed. */
export function forgetCatalogs(): void {
  filesByRoot.clear();
}

/** The entity a service name stands for, compared without case; a Component wins over a System of one name. */
export function findService(catalog: ServiceCatalog, service: string): CatalogEntity | undefined {
  const wanted = shortRef(service)?.toLowerCase();
  const matches = catalog.entities.filter((e) => e.name.toLowerCase() === wanted);
  return matches.find((e) => e.kind === 'Component') ?? matches[0];
}

/** Every name a postmortem may use as a service, sorted. */
export function serviceNames(catalog: ServiceCatalog): string[] {
  return [...new Set(catalog.entities.map((e) => e.name))].sort((a, b) => a.localeCompare(b));
}

import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, relative, sep } from 'node:path';
import { unzipSync } from 'fflate';
import { alertmanagerRows } from '../core/import/alertmanager';
import { GIT_LOG_FORMAT, gitRows } from '../core/import/git';
import { grafanaRows } from '../core/import/grafana';
import { pagerDutyRows } from '../core/import/pagerduty';
import type { SourceResult } from '../core/import/result';
import { slackRows, type ExportFiles } from '../core/import/slack';
import { csvRows, jsonLinesRows, parseMapping } from '../core/import/table';
import { ImportInputError, type ImportFilter, type ImportSource } from '../core/import/types';

/**
 * Reads an export from disk for the pure source readers in core/import: the one place import
 * touches files and runs git. Shared by the CLI and the language server.
 */
export interface SourceRequest {
  source: ImportSource;
  path: string;
  filter: ImportFilter;
  /** CSV / JSON lines: "time=When,text=What,…". */
  mapping?: string;
  /** git: only commits touching these paths. */
  paths?: string[];
}

/** Larger single files are refused rather than read into memory. */
const MAX_FILE_BYTES = 256 * 1024 * 1024;

export function readSource(request: SourceRequest): SourceResult {
  const { source, path, filter } = request;
  if (!existsSync(path)) throw new ImportInputError(`no such file or folder: ${path}`);
  switch (source) {
    case 'slack':
      return slackRows(statSync(path).isDirectory() ? folderFiles(path) : zipFiles(path), filter);
    case 'git':
      return gitSource(path, filter, request.paths);
    case 'pagerduty':
      return pagerDutyRows(readText(path), basename(path), filter);
    case 'grafana':
      return grafanaRows(readText(path), basename(path), filter);
    case 'alertmanager':
      return alertmanagerRows(readText(path), basename(path), filter);
    case 'csv':
      return csvRows(readText(path), basename(path), filter, parseMapping(request.mapping));
    case 'jsonl':
      return jsonLinesRows(readText(path), basename(path), filter, parseMapping(request.mapping));
  }
}

function readText(path: string): string {
  const stat = statSync(path);
  if (stat.isDirectory()) throw new ImportInputError(`${path} is a folder; this source reads one file`);
  if (stat.size > MAX_FILE_BYTES)
    throw new ImportInputError(`${path} is larger than ${MAX_FILE_BYTES / 1024 / 1024} MB`);
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 4).toString('latin1') === 'PK\u0003\u0004')
    throw new ImportInputError(`${path} is a zip file; this source reads a JSON or text file`);
  if (bytes.subarray(0, 8000).includes(0)) throw new ImportInputError(`${path} is a binary file, not an export`);
  return bytes.toString('utf8');
}

function folderFiles(root: string): ExportFiles {
  const names: string[] = [];
  const walk = (folder: string, depth: number) => {
    for (const entry of readdirSync(folder, { withFileTypes: true })) {
      const full = join(folder, entry.name);
      if (entry.isDirectory() && depth < 3) walk(full, depth + 1);
      else if (entry.isFile() && entry.name.endsWith('.json')) names.push(relative(root, full).split(sep).join('/'));
    }
  };
  walk(root, 0);
  return {
    names: () => names,
    read: (name) => (names.includes(name) ? readFileSync(join(root, name), 'utf8') : undefined),
  };
}

/** A zip read once for its list of names; each file is inflated only when a reader asks for it. */
function zipFiles(path: string): ExportFiles {
  const bytes = readFileSync(path);
  if (bytes.subarray(0, 2).toString('latin1') !== 'PK')
    throw new ImportInputError(`${path} is not a zip file or a folder of a Slack export`);
  const names: string[] = [];
  const unzip = (keep: (name: string) => boolean) => {
    try {
      return unzipSync(bytes, { filter: (file) => keep(file.name) });
    } catch (error) {
      throw new ImportInputError(
        `${path} cannot be read as a zip (${(error as Error).message}): it may be truncated or damaged`,
      );
    }
  };
  unzip((name) => {
    if (!name.endsWith('/')) names.push(name);
    return false;
  });
  const decoder = new TextDecoder();
  return {
    names: () => names,
    read: (name) => {
      const file = unzip((n) => n === name)[name];
      return file ? decoder.decode(file) : undefined;
    },
  };
}

function gitSource(path: string, filter: ImportFilter, paths: string[] | undefined): SourceResult {
  const git = (args: string[]) =>
    execFileSync('git', ['-C', path, ...args], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
  try {
    git(['rev-parse', '--git-dir']);
  } catch {
    throw new ImportInputError(`${path} is not a git repository (or git is not installed)`);
  }
  const window = [
    ...(filter.from !== undefined ? [`--since=${new Date(filter.from).toISOString()}`] : []),
    ...(filter.to !== undefined ? [`--until=${new Date(filter.to).toISOString()}`] : []),
  ];
  let remote: string | undefined;
  try {
    remote = git(['remote', 'get-url', 'origin']).trim();
  } catch {
    remote = undefined;
  }
  const log = git([
    'log',
    '--all',
    '--decorate=short',
    `--format=${GIT_LOG_FORMAT}`,
    ...window,
    '--',
    ...(paths ?? []),
  ]);
  if (log.trim() === '')
    throw new ImportInputError(
      `no commits in ${path} within the window${paths?.length ? ' touching those paths' : ''}`,
    );
  return gitRows(log, remote, filter);
}

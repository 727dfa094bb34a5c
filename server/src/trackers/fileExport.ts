import { mkdir, readFile as readFileFromDisk, writeFile as writeFileToDisk } from 'node:fs/promises';
import { basename, dirname, resolve } from 'node:path';
import { redactSecrets } from '../core/secrets';
import { csvText, parseCsv, spreadsheetSafe } from './csvText';
import {
  TrackerError,
  type CreatedTicket,
  type CreateResult,
  type ExportItem,
  type IncidentContext,
  type StatusResult,
  type TrackerAdapter,
} from './types';

/** What the CSV/JSON exporter reads from its `trackers.<name>` entry. */
export interface FileSettings {
  type: 'csv' | 'json';
  /** Where the file goes, relative to `cwd` (the configuration's folder) or absolute. */
  path: string;
}

export interface FileAdapterDeps {
  writeFile?: (path: string, text: string) => Promise<void>;
  /** The file's current text, or undefined when there is none yet. */
  readFile?: (path: string) => Promise<string | undefined>;
  cwd?: string;
}

export const FILE_COLUMNS = ['action', 'owner', 'due', 'priority', 'status', 'type', 'incident', 'postmortem'] as const;
type Row = Record<(typeof FILE_COLUMNS)[number], string>;

/**
 * CSV or JSON, for trackers Hindsight cannot reach (or a spreadsheet). The file collects items
 * over runs and postmortems: rows already in it stay, new ones are appended, so a row's number
 * never changes. A ticket's key is `<file name>#<row>` (1-based, header not counted), which the
 * write-back puts in the item's ticket cell (as plain text: there is no URL) so that the next run
 * skips it; an item whose action and postmortem already have a row gets that row's key instead of
 * a second row.
 */
export function createFileAdapter(
  tracker: FileSettings & { name?: string },
  deps: FileAdapterDeps = {},
): TrackerAdapter {
  const setting = tracker.name ? `trackers.${tracker.name}.path` : 'path';
  if (typeof tracker.path !== 'string' || !tracker.path)
    throw new TrackerError(
      `${setting} is required: the file the ${tracker.type.toUpperCase()} export writes.`,
      setting,
    );
  const path = resolve(deps.cwd ?? process.cwd(), tracker.path);
  const name = basename(path);
  const write = deps.writeFile ?? writeCreatingFolder;
  const read = deps.readFile ?? readIfPresent;

  return {
    kind: tracker.type,
    async create(items: ExportItem[], incident: IncidentContext, signal?: AbortSignal): Promise<CreateResult> {
      const previous = await read(path);
      const rows =
        previous === undefined || previous.trim() === '' ? [] : existingRows(previous, tracker.type, path, setting);
      const created: CreatedTicket[] = [];
      // CSV rows hold cells as the file has them (formula-safe); JSON keeps the values as they are.
      const cell = tracker.type === 'csv' ? spreadsheetSafe : (value: string) => value;
      for (const item of items) {
        // A pasted token in an action item must not land in a shared file.
        const row = Object.fromEntries(
          Object.entries(toRow(item, incident)).map(([column, value]) => [column, cell(redactSecrets(value))]),
        ) as Row;
        let at = rows.findIndex((r) => cell(r.action) === row.action && cell(r.postmortem) === row.postmortem);
        if (at < 0) at = rows.push(row) - 1;
        // No URL: a file:// link would put this machine's paths into a committed postmortem.
        created.push({ index: item.index, key: `${name}#${at + 1}`, url: '' });
      }
      if (signal?.aborted) throw new TrackerError(`Writing ${name} was cancelled.`);
      try {
        await write(
          path,
          tracker.type === 'csv'
            ? csvText([[...FILE_COLUMNS], ...rows.map((r) => FILE_COLUMNS.map((c) => cell(r[c])))])
            : `${JSON.stringify(rows, null, 2)}\n`,
        );
      } catch (error) {
        throw new TrackerError(`${path} could not be written: ${(error as Error).message}`, setting);
      }
      return { created, failed: [] };
    },

    async status(keys: string[]): Promise<StatusResult> {
      return { states: new Map(), failed: keys.map((key) => ({ key, error: 'a file export has no status to read' })) };
    },
  };
}

function toRow(item: ExportItem, incident: IncidentContext): Row {
  return {
    action: item.action,
    owner: item.owner ?? '',
    due: item.due ?? '',
    priority: item.priority ?? '',
    status: item.state === 'unknown' ? '' : item.state,
    type: item.type ?? '',
    incident: incident.id ?? '',
    postmortem: incident.file,
  };
}

/** The rows a previous export wrote; anything else at that path is not overwritten. */
function existingRows(text: string, type: 'csv' | 'json', path: string, setting: string): Row[] {
  const refuse = (why: string) =>
    new TrackerError(
      `${path} already exists and is not a Hindsight ${type.toUpperCase()} export (${why}); ` +
        `move it or choose another ${setting}.`,
      setting,
    );
  if (type === 'json') {
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch (error) {
      throw refuse((error as Error).message);
    }
    if (
      !Array.isArray(value) ||
      value.some((v) => typeof v !== 'object' || v === null || typeof (v as Row).action !== 'string')
    )
      throw refuse('not a list of items');
    return value.map((v) => Object.fromEntries(FILE_COLUMNS.map((c) => [c, String((v as Row)[c] ?? '')])) as Row);
  }
  let records: string[][];
  try {
    records = parseCsv(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    throw refuse((error as Error).message);
  }
  if (records[0]?.join(',') !== FILE_COLUMNS.join(',')) throw refuse(`its header is not ${FILE_COLUMNS.join(',')}`);
  return records
    .slice(1)
    .filter((r) => r.some((f) => f !== ''))
    .map((r) => Object.fromEntries(FILE_COLUMNS.map((c, i) => [c, r[i] ?? ''])) as Row);
}

async function writeCreatingFolder(path: string, text: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFileToDisk(path, text, 'utf8');
}

async function readIfPresent(path: string): Promise<string | undefined> {
  try {
    return await readFileFromDisk(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new TrackerError(`${path} could not be read: ${(error as Error).message}`, 'path');
  }
}

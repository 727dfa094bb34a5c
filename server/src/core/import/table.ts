import { createHash } from 'node:crypto';
import { parse } from 'csv-parse/sync';
import { DateTime } from 'luxon';
import { RowCollector, type SourceResult } from './result';
import { field, ImportInputError, parseJson, readInstant, type ImportFilter } from './types';

/** Which column holds what; unnamed ones are guessed from the header. */
export interface ColumnMapping {
  time?: string;
  text?: string;
  actor?: string;
  link?: string;
  id?: string;
  /** The zone of times written without one ("Europe/Paris", "UTC"). */
  zone?: string;
}

const MAPPING_KEYS = ['time', 'text', 'actor', 'link', 'id', 'zone'] as const;

/** Header names each field is guessed from, most specific first. */
const GUESSES: Record<'time' | 'text' | 'actor' | 'link' | 'id', RegExp> = {
  time: /^(?:time(?:stamp)?|date|datetime|when|created(?:_at)?|at|ts)$/i,
  text: /^(?:text|message|event|description|summary|what|title|body)$/i,
  actor: /^(?:actor|user(?:name)?|who|author|by|agent|owner)$/i,
  link: /^(?:link|url|href|permalink|evidence|source)$/i,
  id: /^(?:id|key|uuid)$/i,
};

/** Reads "time=When,text=What" into a mapping; unknown keys are an error. */
export function parseMapping(spec: string | undefined): ColumnMapping {
  const mapping: ColumnMapping = {};
  if (!spec) return mapping;
  for (const part of spec.split(',')) {
    const [key, ...rest] = part.split('=');
    const value = rest.join('=').trim();
    const name = key.trim() as (typeof MAPPING_KEYS)[number];
    if (!MAPPING_KEYS.includes(name) || !value) {
      throw new ImportInputError(
        `"${part}" is not a column mapping: write key=column with keys ${MAPPING_KEYS.join(', ')}`,
      );
    }
    mapping[name] = value;
  }
  if (mapping.zone && !DateTime.now().setZone(mapping.zone).isValid)
    throw new ImportInputError(`unknown zone "${mapping.zone}"`);
  return mapping;
}

export function csvRows(source: string, name: string, filter: ImportFilter, mapping: ColumnMapping): SourceResult {
  let records: Record<string, string>[];
  try {
    records = parse(source, { columns: true, skip_empty_lines: true, trim: true, bom: true, relax_column_count: true });
  } catch (error) {
    throw new ImportInputError(`${name} is not a readable CSV file (${(error as Error).message})`);
  }
  return tableRows(records, name, filter, mapping, 'csv');
}

export function jsonLinesRows(
  source: string,
  name: string,
  filter: ImportFilter,
  mapping: ColumnMapping,
): SourceResult {
  const records = source
    .split('\n')
    .map((line, i) => [line, i] as const)
    .filter(([line]) => line.trim() !== '')
    .map(([line, i]) => {
      const record = parseJson(line, `${name} line ${i + 1}`);
      if (record === null || typeof record !== 'object' || Array.isArray(record))
        throw new ImportInputError(`${name} line ${i + 1} is not a JSON object`);
      return record as Record<string, unknown>;
    });
  return tableRows(records, name, filter, mapping, 'jsonl');
}

function tableRows(
  records: Record<string, unknown>[],
  name: string,
  filter: ImportFilter,
  given: ColumnMapping,
  kind: string,
): SourceResult {
  const headers = [...new Set(records.flatMap((r) => Object.keys(r)))];
  const mapping = completeMapping(given, headers, name);
  const collector = new RowCollector(filter, 'rows');
  for (const record of records) {
    const instant = readTableTime(field(record, mapping.time), mapping.zone);
    const body = cell(field(record, mapping.text));
    if (!body) continue;
    if (instant === undefined) {
      collector.untimed++;
      continue;
    }
    const id = mapping.id ? cell(field(record, mapping.id)) : undefined;
    collector.add({
      instant,
      text: body,
      actor: mapping.actor ? cell(field(record, mapping.actor)) : undefined,
      link: mapping.link ? cell(field(record, mapping.link)) : undefined,
      sourceId: `${kind}:${id ?? createHash('sha1').update(`${instant}\n${body}`).digest('hex').slice(0, 12)}`,
    });
  }
  if (collector.untimed > 0 && !mapping.zone)
    collector.notes.push('times without a zone need one: add zone=… to the mapping');
  return collector.finish();
}

function completeMapping(
  given: ColumnMapping,
  headers: string[],
  name: string,
): Required<Pick<ColumnMapping, 'time' | 'text'>> & ColumnMapping {
  const guess = (key: keyof typeof GUESSES) => given[key] ?? headers.find((h) => GUESSES[key].test(h.trim()));
  const mapping = {
    ...given,
    time: guess('time'),
    text: guess('text'),
    actor: guess('actor'),
    link: guess('link'),
    id: guess('id'),
  };
  for (const key of ['time', 'text'] as const) {
    if (!mapping[key])
      throw new ImportInputError(
        `${name}: no column for the ${key}; name it with --map ${key}=COLUMN (columns: ${headers.join(', ')})`,
      );
    if (!headers.includes(mapping[key]!))
      throw new ImportInputError(`${name} has no column "${mapping[key]}" (columns: ${headers.join(', ')})`);
  }
  return mapping as Required<Pick<ColumnMapping, 'time' | 'text'>> & ColumnMapping;
}

function cell(value: unknown): string | undefined {
  if (value === undefined || value === null) return undefined;
  const s = String(value).trim();
  return s === '' ? undefined : s;
}

/** An instant from a zoned ISO time, epoch seconds or milliseconds, or a local time in the mapping's zone. */
function readTableTime(value: unknown, zone: string | undefined): number | undefined {
  if (typeof value === 'number') return value < 1e11 ? value * 1000 : value;
  const s = cell(value);
  if (!s) return undefined;
  if (/^\d{9,10}(?:\.\d+)?$/.test(s)) return Math.round(Number(s) * 1000);
  const zoned = readInstant(s);
  if (zoned !== undefined || !zone) return zoned;
  const local = DateTime.fromISO(s.replace(' ', 'T'), { zone });
  return local.isValid ? local.toMillis() : undefined;
}

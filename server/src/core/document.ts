import { extractActionItems } from './actions/extract';
import { DEFAULT_MAX_BYTES, type AnalyzeOptions } from './options';
import { computeMetrics, DEFAULT_METRICS } from './metrics/durations';
import { findMilestones, type FrontmatterMilestone } from './metrics/milestones';
import { sectionSpans } from './metrics/structure';
import { frontmatterDuration, statedInLine } from './metrics/stated';
import { statedWindows } from './metrics/windows';
import type {
  Frontmatter,
  MilestoneKind,
  Milestones,
  PostmortemDocument,
  Problem,
  Section,
  StatedDuration,
} from './model';
import type { Block, TableCell, TextLine } from './parse/blocks';
import type { BlockCache } from './parse/blockCache';
import { readFrontmatter } from './parse/frontmatter';
import { MAX_LAZY_LINES } from './parse/lazyRuns';
import { MAX_NESTING } from './parse/nesting';
import { plainText } from './parse/inline';
import { buildSections } from './parse/sections';
import { LineIndex } from './text/lineIndex';
import { buildTimeline, type TimelineResult } from './timeline/build';
import { editedRows, timelineStillHolds, type RowEdit, type TimelineSource } from './timeline/reuse';
import { dateInFileName } from './time/fileDate';
import { declaredZone } from './timeline/candidates';
import { completeDate, freshContext, resolveStamp, type CalendarDate } from './time/resolve';
import { findStamps } from './time/stamps';
import { parseZone, type Zone } from './time/zones';

const FRONTMATTER_MILESTONES: Record<string, MilestoneKind> = {
  started: 'started',
  start: 'started',
  started_at: 'started',
  start_time: 'started',
  incident_start: 'started',
  began: 'started',
  detected: 'detected',
  detected_at: 'detected',
  detection: 'detected',
  detection_time: 'detected',
  acknowledged: 'acknowledged',
  acknowledged_at: 'acknowledged',
  acked: 'acknowledged',
  declared: 'acknowledged',
  declared_at: 'acknowledged',
  mitigated: 'mitigated',
  mitigated_at: 'mitigated',
  repaired: 'mitigated',
  resolved: 'resolved',
  resolved_at: 'resolved',
  ended: 'resolved',
  end_time: 'resolved',
  recovered: 'resolved',
  // Status-page generators (cState) write `resolvedWhen:` beside `resolved: true`.
  resolvedwhen: 'resolved',
  impact_start: 'impactStart',
  impact_started: 'impactStart',
  impactstart: 'impactStart',
  customer_impact_start: 'impactStart',
  impact_end: 'impactEnd',
  impact_ended: 'impactEnd',
  impactend: 'impactEnd',
  customer_impact_end: 'impactEnd',
};

function emptyDocument(uri: string, version: number, text: string, problems: Problem[]): PostmortemDocument {
  const none = undefined;
  const metric = (name: 'ttd' | 'tta' | 'ttm' | 'ttr' | 'impact') => ({
    name,
    definition: DEFAULT_METRICS[name],
    minutes: none,
  });
  return {
    uri,
    version,
    text,
    lines: new LineIndex(''),
    blocks: [],
    frontmatter: none,
    sections: [],
    timeline: { sections: [], entries: [], declaredZone: none, newestFirst: false },
    milestones: {
      started: none,
      detected: none,
      acknowledged: none,
      mitigated: none,
      resolved: none,
      impactStart: none,
      impactEnd: none,
    },
    metrics: {
      ttd: metric('ttd'),
      tta: metric('tta'),
      ttm: metric('ttm'),
      ttr: metric('ttr'),
      impact: metric('impact'),
    },
    statedDurations: [],
    actionItems: [],
    problems,
  };
}

const START = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function tooLargeProblem(bytes: number, maxBytes: number): Problem {
  return {
    code: 'document/too-large',
    severity: 'error',
    message:
      `This file is ${(bytes / 1048576).toFixed(1)} MB, over the ${(maxBytes / 1048576).toFixed(1)} MB limit ` +
      'for a postmortem, so it was not analysed.',
    range: START,
  };
}

/** Refuses what cannot be a postmortem before any parsing: binary content and very large files. */
function refuse(text: string, maxBytes: number): Problem | undefined {
  if (text.length > maxBytes / 4) {
    const bytes = Buffer.byteLength(text, 'utf8');
    if (bytes > maxBytes) return tooLargeProblem(bytes, maxBytes);
  }
  const probe = text.length > 65536 ? text.slice(0, 65536) : text;
  if (probe.includes('\u0000') || /[\u0001-\u0008\u000e-\u001a]{4}/.test(probe)) {
    return {
      code: 'document/binary',
      severity: 'error',
      message: 'This file holds binary data, not Markdown text, so it was not analysed.',
      range: START,
    };
  }
  return undefined;
}

/**
 * One `document/too-deep` warning at most: on the first line nested past the limit (clamped before parsing),
 * else on the first line where a paragraph that kept stepping out of block quotes was cut.
 */
function tooDeepProblems(deepLines: readonly number[], lazyCutLines: readonly number[], index: LineIndex): Problem[] {
  let line: number;
  let message: string;
  if (deepLines.length > 0) {
    const count = deepLines.length === 1 ? 'This line nests' : `This line and ${deepLines.length - 1} more nest`;
    line = deepLines[0];
    message =
      `${count} block quotes, lists or indentation more than ${MAX_NESTING} levels deep; ` +
      'the deeper markers were read as text.';
  } else if (lazyCutLines.length > 0) {
    line = lazyCutLines[0];
    message =
      `A paragraph steps out of its block quotes more than ${MAX_LAZY_LINES} times without a blank line; ` +
      'it was read as a new paragraph from this line on.';
  } else return [];
  return [{ code: 'document/too-deep', severity: 'warning', message, range: index.lineRange(line) }];
}

/** A document that was refused before parsing, carrying only the reason. */
export function refusedDocument(uri: string, version: number, text: string, problem: Problem): PostmortemDocument {
  return emptyDocument(uri, version, text, [problem]);
}

function dateOf(value: unknown): CalendarDate | undefined {
  const text = value instanceof Date ? value.toISOString() : typeof value === 'string' ? value : undefined;
  const date = text ? findStamps(text).find((s) => s.date?.year)?.date : undefined;
  return date ? completeDate(date, undefined) : undefined;
}

function yearOf(today: string | undefined): number | undefined {
  const year = today ? Number(today.slice(0, 4)) : NaN;
  return Number.isInteger(year) && year > 1970 ? year : undefined;
}

/** A site generator's `date` (TOML frontmatter) is when the post was published: the incident's day only at last. */
const isPublished = (frontmatter: Frontmatter | undefined) => frontmatter?.syntax === 'toml';

function publicationDate(frontmatter: Frontmatter | undefined): CalendarDate | undefined {
  return isPublished(frontmatter) ? dateOf(frontmatter?.data.date) : undefined;
}

/** The day the incident happened, for entries that give only a time. */
function referenceDate(frontmatter: Frontmatter | undefined, blocks: readonly Block[]): CalendarDate | undefined {
  const data = frontmatter?.data ?? {};
  for (const key of [
    'started',
    'start',
    'started_at',
    'impact_start',
    'detected',
    ...(isPublished(frontmatter) ? [] : ['date']),
    'incident_date',
    'resolved',
  ]) {
    const date = dateOf(data[key]);
    if (date) return date;
  }
  for (const key of ['title', 'id']) {
    const date = dateOf(data[key]);
    if (date) return date;
  }
  // The first heading, line or list item that carries a full date ("Incident on 2023-01-11", "- Date: 2025-Feb-07").
  for (const block of blocks.slice(0, 40)) {
    const date = dateOf(opening(blockText(block)));
    if (date) return date;
  }
  return undefined;
}

function blockText(block: Block): string {
  if (block.kind === 'heading') return block.text;
  if (block.kind === 'paragraph') return block.lines.map((l) => l.raw).join(' ');
  if (block.kind === 'list') return block.items.map((item) => item.lines[0]?.raw ?? '').join(' ');
  return '';
}

/** How far into a block a title's date is looked for: every time in a long line would be read otherwise. */
const DATE_REACH = 2000;

/** The text's first DATE_REACH characters, ending at a space so no date is cut in two. */
function opening(text: string): string {
  if (text.length <= DATE_REACH) return text;
  const space = text.lastIndexOf(' ', DATE_REACH);
  return text.slice(0, space > 0 ? space : DATE_REACH);
}

function frontmatterZone(frontmatter: Frontmatter | undefined): Zone | undefined {
  const data = frontmatter?.data ?? {};
  const value = data.timezone ?? data.time_zone ?? data.tz ?? data.zone;
  return typeof value === 'string' ? parseZone(value) : undefined;
}

function frontmatterMilestones(
  frontmatter: Frontmatter | undefined,
  zone: Zone | undefined,
  reference: CalendarDate | undefined,
): FrontmatterMilestone[] {
  const out: FrontmatterMilestone[] = [];
  if (!frontmatter) return out;
  // A status-page entry's `date: 2021-05-14 12:00:00` is when it began, when nothing else says so.
  const dated = frontmatter.fields.get('date');
  const hasStart = [...frontmatter.fields.keys()].some(
    (k) => FRONTMATTER_MILESTONES[k.toLowerCase().replace(/[-\s]/g, '_')] === 'started',
  );
  const fields = [...frontmatter.fields];
  if (dated && !hasStart && !isPublished(frontmatter)) fields.push(['started', { ...dated, key: 'date' }]);
  for (const [key, field] of fields) {
    const kind = FRONTMATTER_MILESTONES[key.toLowerCase().replace(/[-\s]/g, '_')];
    const value = field.value instanceof Date ? field.value.toISOString() : field.value;
    if (!kind || typeof value !== 'string') continue;
    const stamp = findStamps(value)[0];
    if (!stamp?.date || !stamp.time) continue;
    const resolved = resolveStamp(
      stamp,
      freshContext(reference, { zone: zone ?? { label: 'UTC', offset: 0 }, zoneSource: 'frontmatter' }),
    );
    if (resolved.time !== undefined)
      out.push({ kind, time: resolved.time, line: field.keyRange.start.line, range: field.valueRange, key: field.key });
  }
  return out;
}

/**
 * A table row's cells joined, one string for one array of cells: the block cache hands an unchanged
 * row the same cells after an edit, so lookups keyed by this text find it (and its hash) again.
 */
const joinedRows = new WeakMap<readonly TableCell[], string>();

function rowText(cells: readonly TableCell[]): string {
  let text = joinedRows.get(cells);
  if (text === undefined) {
    text = cells.map((c) => c.raw).join(' | ');
    joinedRows.set(cells, text);
  }
  return text;
}

/** Every line of prose, list item and table row, for scanning wording. */
function textLines(blocks: readonly Block[]): TextLine[] {
  const out: TextLine[] = [];
  const walk = (items: readonly { lines: TextLine[]; children: unknown[] }[]) => {
    for (const item of items) {
      out.push(...item.lines);
      walk(item.children as typeof items);
    }
  };
  for (const block of blocks) {
    if (block.kind === 'paragraph') out.push(...block.lines);
    else if (block.kind === 'list') walk(block.items);
    else if (block.kind === 'table')
      for (const row of [block.header, ...block.rows]) out.push({ line: row.line, column: 0, raw: rowText(row.cells) });
    else if (block.kind === 'heading') out.push({ line: block.line, column: 0, raw: block.text });
  }
  return out;
}

/**
 * Each line's stated durations by its text, for the next version: most lines state none, and an
 * edit leaves all but one as they were. Holds one version's line strings, which that version keeps
 * alive anyway, and is replaced whole by the next.
 */
export class LineDurations {
  readonly none = new Set<string>();
  readonly some = new Map<string, { line: number; column: number; source: string; found: StatedDuration[] }>();
}

/** Durations the author wrote: frontmatter figures, then every line's (reusing `previous` where it still holds). */
function statedDurationsOf(
  frontmatter: Frontmatter | undefined,
  lines: readonly TextLine[],
  index: LineIndex,
  previous: LineDurations,
  next: LineDurations,
): StatedDuration[] {
  const out: StatedDuration[] = [];
  for (const [key, field] of frontmatter?.fields ?? []) {
    const stated = frontmatterDuration(key, field.value);
    if (stated)
      out.push({
        ...stated,
        text: String(field.value),
        range: field.valueRange,
        source: 'frontmatter',
        approximate: false,
      });
  }
  for (const { raw, line, column } of lines) {
    if (previous.none.has(raw)) {
      next.none.add(raw);
      continue;
    }
    // Ranges are on the line: a reused reading must stand at the same place in the same line.
    const source = index.lines[line];
    const known = previous.some.get(raw);
    const same = known && known.line === line && known.column === column && known.source === source;
    const found = same ? known.found : statedInLine(plainText(raw).text, raw, line, index, column);
    if (found.length === 0) next.none.add(raw);
    else next.some.set(raw, { line, column, source, found });
    out.push(...found);
  }
  return out;
}

/**
 * What one version of a document derived, kept for the next version: an edit that cannot change
 * the timeline reuses it (and the sections it points into) instead of reading every row again.
 */
export class DerivedCache {
  /**
   * The lines last read (of the version before, or of this one when the server read them ahead of
   * analysing it), whose strings unchanged lines keep (see LineIndex).
   */
  lines: LineIndex | undefined;

  /** The line index of `text`: the one last read when it is of the same text, else a new one. */
  linesOf(text: string): LineIndex {
    if (this.lines?.text !== text) this.lines = new LineIndex(text, this.lines);
    return this.lines;
  }
  /** The stated durations of the version before, by line. */
  durations = new LineDurations();
  private source: TimelineSource | undefined;
  private result: TimelineResult | undefined;
  private milestoneInput: MilestoneInput | undefined;
  private milestoneKey: string | undefined;
  private milestones: Milestones | undefined;

  /** The previous timeline and sections when they still hold for `source`, else a fresh reading. */
  timeline(
    source: TimelineSource,
    read: (previous: TimelineResult | undefined, rows: RowEdit[] | undefined) => TimelineResult,
  ): { result: TimelineResult; sections: Section[] } {
    if (this.source && this.result && timelineStillHolds(this.source, source)) {
      const sections = this.source.sections;
      this.source = { ...source, sections };
      return { result: this.result, sections };
    }
    // The previous reading lets an edited row be read from where it stands (see timeline/resume.ts), and when
    // only rows changed, be the only ones read again.
    const rows = this.source && this.result ? editedRows(this.source, source) : undefined;
    const result = read(this.result, rows);
    this.source = { ...source, fromSections: result.timeline.sections.length > 0 };
    this.result = result;
    return { result, sections: source.sections };
  }

  /** The previous milestones when the timeline is the same object and the other inputs read the same. */
  findMilestones(input: MilestoneInput): Milestones {
    // Every input but the timeline's own arrays is compared by value, whatever fields it grows.
    const { entries: _entries, labelled: _labelled, ...rest } = input;
    const key = JSON.stringify(rest);
    const before = this.milestoneInput;
    const sameTimeline = before?.entries === input.entries && before?.labelled === input.labelled;
    const same = sameTimeline && this.milestoneKey === key;
    if (!same || !this.milestones) {
      this.milestones = findMilestones(input);
      this.milestoneInput = input;
      this.milestoneKey = key;
    }
    return this.milestones;
  }
}

type MilestoneInput = Parameters<typeof findMilestones>[0];

/** Everything the timeline depends on beside the blocks, as one key. */
function timelineSettings(
  reference: CalendarDate | undefined,
  zones: readonly (Zone | undefined)[],
  documentZone: { zone: Zone; line: number } | undefined,
  currentYear: number | undefined,
): string {
  return JSON.stringify([reference, zones, documentZone, currentYear]);
}

export function buildDocument(
  uri: string,
  version: number,
  text: string,
  cache: BlockCache,
  options: AnalyzeOptions,
  derived = new DerivedCache(),
): PostmortemDocument {
  const refused = refuse(text, options.maxBytes ?? DEFAULT_MAX_BYTES);
  if (refused) return emptyDocument(uri, version, text, [refused]);

  const index = derived.linesOf(text);
  const fm = readFrontmatter(index);
  const blocks = cache.blocks(index.lines, fm.bodyLine);
  const freshSections = buildSections(blocks, index);
  const reference = referenceDate(fm.frontmatter, blocks) ?? dateInFileName(uri) ?? publicationDate(fm.frontmatter);
  const fmZone = frontmatterZone(fm.frontmatter);
  const lines = textLines(blocks);

  let documentZone: { zone: Zone; line: number } | undefined;
  for (const line of lines) {
    if (!/time|tz/i.test(line.raw)) continue;
    const zone = declaredZone(plainText(line.raw).text);
    if (zone) {
      documentZone = { zone, line: line.line };
      break;
    }
  }

  const defaultZone = options.defaultZone ? parseZone(options.defaultZone) : undefined;
  const currentYear = yearOf(options.today);
  const settings = timelineSettings(reference, [fmZone, defaultZone], documentZone, currentYear);
  const source = { lines: index.lines, blocks, sections: freshSections, settings, fromSections: true };
  const { result: timeline, sections } = derived.timeline(source, (previous, rows) =>
    buildTimeline({
      blocks,
      sections: freshSections,
      index,
      reference,
      frontmatterZone: fmZone,
      documentZone,
      defaultZone,
      currentYear,
      previous: previous?.memo,
      editedRows: rows,
    }),
  );
  const durations = new LineDurations();
  const statedDurations = statedDurationsOf(fm.frontmatter, lines, index, derived.durations, durations);
  derived.durations = durations;
  const windows = statedWindows(lines, index, reference, documentZone?.zone ?? fmZone ?? defaultZone);
  const frontmatter = frontmatterMilestones(fm.frontmatter, fmZone ?? defaultZone, reference);
  const milestones = derived.findMilestones({
    entries: timeline.timeline.entries,
    labelled: timeline.labelled,
    frontmatter,
    stated: statedDurations,
    windows,
    sections: sectionSpans(sections),
    documentDate: reference,
  });
  const metrics = computeMetrics(milestones, options.metrics);

  return {
    uri,
    version,
    text,
    lines: index,
    blocks,
    frontmatter: fm.frontmatter,
    sections,
    timeline: timeline.timeline,
    milestones,
    metrics,
    statedDurations,
    actionItems: extractActionItems(blocks, sections, index, reference),
    problems: [...fm.problems, ...tooDeepProblems(cache.deepLines, cache.lazyCutLines, index), ...timeline.problems],
  };
}

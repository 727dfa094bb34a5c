import { isMap, isScalar, parseDocument } from 'yaml';
import type { Frontmatter, FrontmatterField, Problem, Range } from '../model';
import { flat } from '../text/flat';
import type { LineIndex } from '../text/lineIndex';
import { simpleReading } from '../frontmatter/simpleMapping';
import { readTomlFrontmatter } from '../frontmatter/tomlFrontmatter';

export interface FrontmatterResult {
  frontmatter: Frontmatter | undefined;
  /** First line of the body (after the closing fence). */
  bodyLine: number;
  problems: Problem[];
}

const OPEN = /^(?:\uFEFF)?---[ \t]*$/;
const CLOSE = /^(?:---|\.\.\.)[ \t]*$/;
/** Readings by index: the server reads a version's body line ahead of analysing it. */
const readings = new WeakMap<LineIndex, FrontmatterResult>();

/**
 * Recent readings of a closed frontmatter, under flat copies of its lines (up to the body): a reading
 * depends on those lines only, and an edit of the body leaves them as they were.
 */
const recent: { lines: string[]; result: FrontmatterResult }[] = [];
const RECENT_READINGS = 8;

/** Reads the YAML (or `+++`-fenced TOML) frontmatter block, keeping each key's position and every YAML error's. */
export function readFrontmatter(index: LineIndex): FrontmatterResult {
  let result = readings.get(index) ?? recentReading(index.lines);
  if (!result) {
    result = readFrontmatterOf(index);
    remember(index.lines, result);
  }
  readings.set(index, result);
  return result;
}

function recentReading(lines: readonly string[]): FrontmatterResult | undefined {
  const same = (head: readonly string[]) => head.length <= lines.length && head.every((line, i) => line === lines[i]);
  return recent.find((entry) => same(entry.lines))?.result;
}

function remember(lines: readonly string[], result: FrontmatterResult): void {
  // Without a closed frontmatter the reading depends on every line (an unclosed fence looks to the end).
  if (result.bodyLine === 0) return;
  recent.unshift({ lines: lines.slice(0, result.bodyLine).map(flat), result });
  recent.length = Math.min(recent.length, RECENT_READINGS);
}

function readFrontmatterOf(index: LineIndex): FrontmatterResult {
  const lines = index.lines;
  const open = openingLine(lines);
  const toml = readTomlFrontmatter(index, open);
  if (toml) return toml;
  if (lines.length === 0 || open >= lines.length || !OPEN.test(lines[open]))
    return { frontmatter: undefined, bodyLine: 0, problems: [] };
  const close = lines.findIndex((line, i) => i > open && CLOSE.test(line));
  if (close < 0) return unclosed(index, open);
  const start = index.starts[open + 1];
  const end = close > open + 1 ? index.starts[close - 1] + lines[close - 1].length : start;
  const source = index.text.slice(start, end);
  const range = index.linesRange(open, close);
  return simpleReading(source, index, start, range, close + 1) ?? readYaml({ index, source, start, range }, close + 1);
}

/** The line the frontmatter may open on, past blank lines and comments (at most 20 lines down). */
function openingLine(lines: readonly string[]): number {
  // Tools that export postmortems sometimes put a comment (the source, a licence) above the frontmatter.
  let open = 0;
  while (open < Math.min(lines.length, 20) && /^\s*(?:<!--.*-->\s*)?$/.test(lines[open]) && !OPEN.test(lines[open]))
    open++;
  return open;
}

/** An opening fence with no closing one: no frontmatter, and the problem on the fence. */
function unclosed(index: LineIndex, open: number): FrontmatterResult {
  return {
    frontmatter: undefined,
    bodyLine: 0,
    problems: [
      {
        code: 'frontmatter/yaml-error',
        severity: 'error',
        message:
          `The frontmatter opened on line ${open + 1} is never closed: ` + 'add a line with `---` after the last key.',
        range: index.lineRange(open),
      },
    ],
  };
}

/** A YAML block between its fences: its source, where that starts in the document, and the fences' range. */
interface Block {
  index: LineIndex;
  source: string;
  start: number;
  range: Range;
}

type Doc = ReturnType<typeof parseDocument>;
type NodeRange = { range?: [number, number, number] } | null;
type PairSpan = [keyStart: number, end: number, valueStart: number];

/** The whole YAML reading, for what the fast reading of simple frontmatter leaves. */
function readYaml(block: Block, bodyLine: number): FrontmatterResult {
  const doc = parseDocument(block.source, { prettyErrors: false, uniqueKeys: true, strict: false });
  const errors = parseProblems(doc, block);
  const data = doc.errors.length === 0 ? mappingOf(doc, block.range, errors) : {};
  const fields = keyFields(doc, data, block);
  return { frontmatter: { range: block.range, data, fields, errors }, bodyLine, problems: errors };
}

/** The parser's errors and warnings, each placed on the key whose value ran on when it did. */
function parseProblems(doc: Doc, { index, source, start }: Block): Problem[] {
  const pairs = pairSpans(doc);
  return [...doc.errors, ...doc.warnings].map((error): Problem => {
    const [at, to] = error.pos;
    // Only where the value itself ran on: a quote or bracket left open, or a value that broke at a line start.
    const owner = pairs.filter(([start, end]) => at > start && at <= end).pop();
    const openedValue = owner && /^["'[{]/.test(source.slice(owner[2]));
    const ranOn =
      owner && (openedValue || (source.slice(owner[0], at).includes('\n') && (at === 0 || source[at - 1] === '\n')));
    const from = owner && ranOn ? owner[0] : at;
    return {
      code: 'frontmatter/yaml-error',
      severity: doc.errors.includes(error as never) ? 'error' : 'warning',
      message: `Frontmatter YAML: ${firstLine(error.message)}`,
      range: index.rangeOf(start + from, start + Math.max(to, from + 1)),
    };
  });
}

/**
 * Each top-level pair's key start, value end and value start. The parser notices a broken value where it
 * gives up (often a later line): these let the error point at the key it belongs to.
 */
function pairSpans(doc: Doc): PairSpan[] {
  if (!isMap(doc.contents)) return [];
  return doc.contents.items.flatMap((pair) => {
    const key = pair.key as NodeRange;
    const value = pair.value as NodeRange;
    if (!key?.range) return [];
    const span: PairSpan = [key.range[0], value?.range?.[2] ?? key.range[2], value?.range?.[0] ?? key.range[2]];
    return [span];
  });
}

/** The block's value as keys and values; a block that is not a mapping, or that fails, adds its problem. */
function mappingOf(doc: Doc, range: Range, errors: Problem[]): Record<string, unknown> {
  try {
    const value = doc.toJS({ maxAliasCount: 100 });
    if (value && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
    if (value !== null && value !== undefined)
      errors.push({
        code: 'frontmatter/yaml-error',
        severity: 'error',
        message: 'Frontmatter must be a mapping of keys to values (`key: value` lines).',
        range,
      });
  } catch (err) {
    errors.push({
      code: 'frontmatter/yaml-error',
      severity: 'error',
      message: `Frontmatter YAML: ${String((err as Error).message)}`,
      range,
    });
  }
  return {};
}

/**
 * Each key's place and value. Key positions are useful even when a later key is broken: take what the parser
 * could read, and the scalar values it read into `data`.
 */
function keyFields(doc: Doc, data: Record<string, unknown>, { index, start }: Block): Map<string, FrontmatterField> {
  const fields = new Map<string, FrontmatterField>();
  if (!isMap(doc.contents)) return fields;
  for (const pair of doc.contents.items) {
    if (!isScalar(pair.key) || !pair.key.range) continue;
    const key = String(pair.key.value);
    const [keyStart, keyEnd] = pair.key.range;
    const [valueStart, valueEnd] = (pair.value as NodeRange)?.range ?? [keyEnd, keyEnd];
    if (doc.errors.length > 0 && isScalar(pair.value)) data[key] ??= (pair.value as { value: unknown }).value;
    fields.set(key, {
      key,
      value: data[key],
      keyRange: index.rangeOf(start + keyStart, start + keyEnd),
      valueRange: index.rangeOf(start + valueStart, start + valueEnd),
    });
  }
  return fields;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

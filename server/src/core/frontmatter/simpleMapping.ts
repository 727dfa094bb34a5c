import { isScalar, Schema, type ScalarTag } from 'yaml';
import type { FrontmatterField, Problem, Range } from '../model';
import type { FrontmatterResult } from '../parse/frontmatter';
import type { LineIndex } from '../text/lineIndex';

/** One `key: value` line of a simple frontmatter. */
export interface SimplePair {
  key: string;
  value: unknown;
  /** Offsets in the source: the key's start and end, the value's start and end (as the library's ranges). */
  keyStart: number;
  keyEnd: number;
  valueStart: number;
  valueEnd: number;
}

/** The core schema the full reader uses (YAML 1.2, known tags resolved). */
const CORE = new Schema({ schema: 'core', resolveKnownTags: true });
/** Scalar tags a plain value is tested against, in the library's order; a value none matches is a string. */
const IMPLICIT = CORE.tags.filter((tag): tag is ScalarTag => tag.default === true && 'test' in tag && !!tag.test);

const KEY_LINE = /^([A-Za-z_][A-Za-z0-9_-]*):[ ]+(\S.*)$/;
/** A key with nothing after its colon: a list below it, or null. */
const KEY_ONLY = /^([A-Za-z_][A-Za-z0-9_-]*):$/;
const LIST_ITEM = /^( *)- (\S.*)$/;
/** Plain text a value may hold: no comment mark, no control or line-separator characters, no tabs. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused here
const SAFE = /^[^#\t\x00-\x1f\x7f-\x9f\u2028\u2029\ufeff\ud800-\udfff]*$/;
const SURROGATE_PAIRS = /[\ud800-\udbff][\udc00-\udfff]/g;
/** A block plain scalar's first character: nothing YAML reads as an indicator. */
const PLAIN_START = /^[A-Za-z0-9_(/$]/;
/** A flow item may hold none of the flow indicators or a colon. */
const FLOW_UNSAFE = /[[\]{},:]/;
const DOUBLE_QUOTED = /^"[^"\\]*"$/;
const SINGLE_QUOTED = /^'[^']*'$/;
const MAX_LINE = 1000;
/** YAML's white space is spaces and tabs only (JavaScript's trim would take a no-break space too). */
const BLANK = /^ *$/;
const TRAILING_SPACES = / +$/;
const EDGE_SPACES = /^ +| +$/g;

const safe = (line: string) => line.length <= MAX_LINE && SAFE.test(line.replace(SURROGATE_PAIRS, ''));

/** A plain scalar typed as the library types it: the first implicit tag whose test matches, else text. */
function plainValue(text: string): unknown {
  const tag = IMPLICIT.find((t) => t.test!.test(text));
  if (!tag) return text;
  let failed = false;
  const resolved = tag.resolve(text, () => (failed = true), {});
  // A float keeps its written precision on a node of its own; the plain value is inside.
  const value = isScalar(resolved) ? resolved.value : resolved;
  return failed || (value !== null && typeof value === 'object') ? undefined : value;
}

/** One scalar of the simple shape, or undefined; `inFlow` for an item of a `[...]` list. */
function scalar(text: string, inFlow: boolean): { value: unknown } | undefined {
  if (DOUBLE_QUOTED.test(text) || SINGLE_QUOTED.test(text)) return { value: text.slice(1, -1) };
  if (!PLAIN_START.test(text) || text.includes(': ') || text.endsWith(':')) return undefined;
  if (inFlow && FLOW_UNSAFE.test(text)) return undefined;
  const value = plainValue(text);
  return value === undefined && text !== '' ? undefined : { value };
}

function flowList(text: string): { value: unknown[] } | undefined {
  const inner = text.slice(1, -1);
  if (BLANK.test(inner)) return { value: [] };
  const items: unknown[] = [];
  for (const raw of inner.split(',')) {
    const item = raw.replace(EDGE_SPACES, '');
    if (item === '') return undefined;
    const read = scalar(item, true);
    if (!read) return undefined;
    items.push(read.value);
  }
  return { value: items };
}

function valueOf(text: string): { value: unknown } | undefined {
  if (text.startsWith('[') && text.endsWith(']')) return flowList(text);
  return scalar(text, false);
}

/**
 * A fast reading of the frontmatter most postmortems have: one `key: value` a line, each value a
 * plain or simply quoted scalar, a flow list of them, a `- item` list below the key, or nothing. The
 * YAML library builds a whole document model for every file (a fifth of a millisecond for ten lines,
 * most of a cold report's frontmatter cost); for this shape the model adds nothing. Plain scalars are
 * typed by the library's own core schema tags, so `7` is a number and `true` a boolean exactly as the
 * library would read them.
 * Anything else (nested lists, comments after values, escapes, anchors, duplicate keys, CRLF) is
 * left to the library: undefined means "not this shape", never "invalid".
 *
 * The pairs in order, or undefined when the source is not of this shape.
 */
export function readSimpleMapping(source: string): SimplePair[] | undefined {
  if (source.includes('\r')) return undefined;
  const lines = source.split('\n');
  const starts: number[] = [];
  let offset = 0;
  for (const line of lines) {
    starts.push(offset);
    offset += line.length + 1;
  }
  const pairs: SimplePair[] = [];
  const keys = new Set<string>();
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (BLANK.test(line) || line.startsWith('#')) continue;
    if (!safe(line)) return undefined;
    const match = KEY_LINE.exec(line) ?? KEY_ONLY.exec(line);
    const key = match?.[1];
    if (!key || keys.has(key) || key === '__proto__' || plainValue(key) !== key) return undefined;
    keys.add(key);
    const keyStart = starts[i]!;
    const keyEnd = keyStart + key.length;
    if (match![2] === undefined) {
      const list = blockList(lines, i + 1, starts, source.length);
      if (!list) return undefined;
      pairs.push({ key, keyStart, keyEnd, value: list.value, valueStart: list.valueStart, valueEnd: list.valueEnd });
      i = list.last;
      continue;
    }
    const text = match![2].replace(TRAILING_SPACES, '');
    const read = valueOf(text);
    if (!read) return undefined;
    const valueStart = keyStart + line.length - match![2].length;
    pairs.push({ key, keyStart, keyEnd, value: read.value, valueStart, valueEnd: valueStart + text.length });
  }
  return pairs.length > 0 ? pairs : undefined;
}

/**
 * The value of a key with nothing after its colon: the `- item` lines right below it (one indent,
 * simple scalars), or null when there are none. Its place is the library's: a list runs from its
 * first dash past its last line's end; a null stands just after the colon. `last` is the last line read.
 */
function blockList(lines: readonly string[], from: number, starts: readonly number[], end: number) {
  const items: unknown[] = [];
  let indent: string | undefined;
  let at = from;
  for (; at < lines.length; at++) {
    const item = LIST_ITEM.exec(lines[at]!);
    if (!item || (indent !== undefined && item[1] !== indent)) break;
    if (!safe(lines[at]!)) return undefined;
    indent = item[1]!;
    const read = scalar(item[2]!.replace(TRAILING_SPACES, ''), false);
    if (!read) return undefined;
    items.push(read.value);
  }
  if (indent === undefined) {
    const colon = starts[from - 1]! + lines[from - 1]!.length;
    return { value: null, valueStart: colon, valueEnd: colon, last: from - 1 };
  }
  const last = at - 1;
  const valueEnd = at < lines.length ? starts[at]! : end;
  return { value: items, valueStart: starts[from]! + indent.length, valueEnd, last };
}

let enabled = true;

/**
 * Runs `read` with every frontmatter left to the YAML library, as before this reader existed: for
 * tests and benchmarks that compare the two readings.
 */
export function withFullYamlReading<T>(read: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return read();
  } finally {
    enabled = before;
  }
}

/**
 * The frontmatter reading the full reader gives a source of the simple shape (its data, each key's
 * place, no errors), or undefined when the source is not of that shape.
 */
export function simpleReading(
  source: string,
  index: LineIndex,
  start: number,
  range: Range,
  bodyLine: number,
): FrontmatterResult | undefined {
  const pairs = enabled ? readSimpleMapping(source) : undefined;
  if (!pairs) return undefined;
  const data: Record<string, unknown> = {};
  const fields = new Map<string, FrontmatterField>();
  for (const pair of pairs) {
    data[pair.key] = pair.value;
    fields.set(pair.key, {
      key: pair.key,
      value: pair.value,
      keyRange: index.rangeOf(start + pair.keyStart, start + pair.keyEnd),
      valueRange: index.rangeOf(start + pair.valueStart, start + pair.valueEnd),
    });
  }
  const errors: Problem[] = [];
  return { frontmatter: { range, data, fields, errors }, bodyLine, problems: errors };
}

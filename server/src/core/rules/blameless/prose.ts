import type { PostmortemDocument, Range, Section, SectionKind } from '../../model';
import type { Block, ListItem, TextLine } from '../../parse/blocks';
import { blankInline, type InlinePart } from '../../text/inlineMarkdown';

/**
 * The prose of a document, sentence by sentence, for the blameless rules. Only what people wrote
 * in their own words is kept: headings, code, block quotes, frontmatter, links and HTML comments are
 * masked with spaces, so every offset still maps to its place in the source. Quoted speech is masked
 * too, or kept for a reader that weighs it as someone else's words.
 */

/** Quoted speech: someone's words, not the author's judgement. */
export const QUOTED = /"[^"\n]{1,200}"|“[^”\n]{1,200}”|‘[^’\n]{3,200}’/g;
const NOT_PROSE: InlinePart[] = ['comment', 'code', 'image', 'link', 'autolink', 'emailAutolink', 'url'];

/** `keepQuotes`: the blameless reader weighs quoted speech itself, as someone else's words. */
export function mask(raw: string, keepQuotes = false): string {
  const prose = blankInline(raw, NOT_PROSE);
  const text = blankInline(keepQuotes ? prose : prose.replace(QUOTED, (m) => ' '.repeat(m.length)), ['html']);
  // Emphasis and escapes are punctuation to a reader: blank them, keeping every column in place.
  return text.replace(/\*\*|__|~~/g, (m) => ' '.repeat(m.length)).replace(/[*_\\]/g, ' ');
}

interface Unit {
  lines: TextLine[];
  timeline: boolean;
  /**
   * An object the block cache hands back unchanged while the unit's text is unchanged (a table
   * cell, a paragraph's parse node): its results are remembered on it (see `remembered`).
   */
  stable?: object;
}

/**
 * The sections around a line, outermost first: the last section headed above it and its ancestors
 * (sections nest, so no other covers it). Found by binary search, not by testing every section:
 * a document of thousands of headings and paragraphs made that quadratic.
 */
export function sectionAt(doc: PostmortemDocument, line: number): { kinds: SectionKind[]; timeline: boolean } {
  const { sections } = doc;
  let low = 0;
  let high = sections.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if (sections[middle].headingRange.start.line < line) low = middle + 1;
    else high = middle - 1;
  }
  const around: Section[] = [];
  for (let s = sections[high] as Section | undefined; s; s = s.parent) if (line <= s.range.end.line) around.unshift(s);
  const kinds = [...new Set(around.flatMap((s) => s.kinds))];
  return { kinds, timeline: kinds.includes('timeline') };
}

function itemUnits(items: readonly ListItem[], out: Unit[], timeline: boolean): void {
  for (const item of items) {
    if (item.lines.length > 0) out.push({ lines: item.lines, timeline });
    itemUnits(item.children, out, timeline);
  }
}

/**
 * The units of prose in a block. A table cell whose results under this scan are remembered as
 * nothing (`settled`) is left out: a timeline of thousands of rows would cost an object per cell.
 */
function units(block: Block, timeline: boolean, settled: (cell: object) => boolean): Unit[] {
  switch (block.kind) {
    case 'paragraph':
      return block.quoted ? [] : [{ lines: block.lines, timeline, stable: block.node }];
    case 'list': {
      if (block.quoted) return [];
      const out: Unit[] = [];
      itemUnits(block.items, out, timeline);
      return out;
    }
    case 'table': {
      if (block.quoted) return [];
      const out: Unit[] = [];
      for (const row of block.rows)
        for (const c of row.cells)
          if (!settled(c) && c.raw.trim())
            out.push({ lines: [{ line: row.line, column: c.start, raw: c.raw }], timeline: true, stable: c });
      return out;
    }
    default:
      return [];
  }
}

/** A sentence ends at . ! ? or ; (with any closing quote or bracket after it) before a capital or the end. */
const SENTENCE_END = /[.!?;]["”’)\]]*(?=\s+[^a-z\s]|\s*$)|:(?=\s*$)/g;

/**
 * A unit's text split into sentences: [start, end) offsets in the masked text. Never inside a quote:
 * "…wrote “the operator slipped. It was careless.”" is one sentence, so both parts stay quoted speech.
 */
export function splitSentences(text: string): [number, number][] {
  const out: [number, number][] = [];
  const quotes = [...text.matchAll(QUOTED)].map((m) => [m.index!, m.index! + m[0].length] as const);
  const insideQuote = (at: number) => quotes.some(([open, close]) => at > open && at < close);
  const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index! + m[0].length).filter((e) => !insideQuote(e));
  let from = 0;
  for (const end of [...ends, text.length]) {
    if (end <= from) continue;
    if (/[A-Za-z]{2}/.test(text.slice(from, end))) out.push([from, end]);
    from = end;
  }
  return out;
}

/** A finding inside a unit of prose, by offsets in the unit's masked text. */
export interface ProseHit<T> {
  from: number;
  to: number;
  value: T;
}

/**
 * Results per unit of prose, keyed by a hash of the unit's text and never by the text itself: the
 * text is a slice of the document, and a slice keeps its whole parent document alive. Bounded by
 * the bytes of the units it stands for. Eviction gives a second chance: the oldest unit goes out
 * unless it was used since it was last moved, in which case it moves to the back once. A hit only
 * sets a flag, where moving every hit to the back cost a delete and an insert per unit read.
 */
export class UnitCache {
  private readonly entries = new Map<string, { hits: ProseHit<unknown>[]; bytes: number; used: boolean }>();
  private bytes = 0;

  constructor(private readonly limitBytes: number) {}

  get(key: string): ProseHit<unknown>[] | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    entry.used = true;
    return entry.hits;
  }

  set(key: string, hits: ProseHit<unknown>[], textLength: number): void {
    const bytes = 2 * textLength + 64 * (hits.length + 1);
    const old = this.entries.get(key);
    if (old) this.bytes -= old.bytes;
    this.entries.delete(key);
    this.entries.set(key, { hits, bytes, used: false });
    this.bytes += bytes;
    // Each turn either evicts or clears a flag, so this ends within two passes.
    while (this.bytes > this.limitBytes) {
      const [oldest, entry] = this.entries.entries().next().value!;
      this.entries.delete(oldest);
      if (entry.used) {
        entry.used = false;
        this.entries.set(oldest, entry);
      } else this.bytes -= entry.bytes;
    }
  }

  /** What the cache holds, for tests: entries and the bytes they stand for. */
  get size(): { entries: number; bytes: number } {
    return { entries: this.entries.size, bytes: this.bytes };
  }
}

/** Two independent 32-bit FNV-1a hashes and the length: a key no two real units share. */
export function unitKey(parts: readonly string[]): string {
  let a = 0x811c9dc5;
  let b = 0x01000193;
  let length = 0;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      const c = part.charCodeAt(i);
      a = Math.imul(a ^ c, 0x01000193);
      b = Math.imul(b ^ c, 0x5bd1e995) ^ (b >>> 15);
    }
    a = Math.imul(a ^ 0x0a, 0x01000193);
    length += part.length + 1;
  }
  return `${length}:${(a >>> 0).toString(36)}:${(b >>> 0).toString(36)}`;
}

export const unitCache = new UnitCache(16 * 1024 * 1024);

/**
 * Results by the unit's object, for units the block cache keeps from one version to the next: an
 * edit then costs no hash of every unit's text and no lookup by it. Keyed by objects, never text,
 * the entries go when the block cache lets the objects go.
 */
const remembered = new WeakMap<object, { scan: string; hits: ProseHit<unknown>[] }>();

/** The unit's hits: remembered on its object, else cached by a hash of its text, else read. */
function unitHits<T>(unit: Unit, scan: string, read: (text: string) => ProseHit<T>[]): ProseHit<T>[] {
  const known = unit.stable && remembered.get(unit.stable);
  if (known && known.scan === scan) return known.hits as ProseHit<T>[];
  const key = `${scan}:${unitKey(unit.lines.map((l) => l.raw))}`;
  let hits = unitCache.get(key) as ProseHit<T>[] | undefined;
  if (!hits) {
    // Quotes kept: the blameless reader weighs quoted speech itself, as someone else's words.
    const text = unit.lines.map((l) => mask(l.raw, true)).join(' ');
    hits = read(text);
    unitCache.set(key, hits, text.length);
  }
  if (unit.stable) remembered.set(unit.stable, { scan, hits });
  return hits;
}

/**
 * Runs `analyse` over every sentence of the document's prose and maps what it finds back to
 * source ranges. Results are remembered per unit of text (a paragraph, an item, a cell), so after
 * an edit only the changed unit is read again.
 */
export function scanProse<T>(
  doc: PostmortemDocument,
  name: string,
  analyse: (sentence: string, section: readonly SectionKind[]) => { start: number; end: number; value: T }[],
): { range: Range; value: T }[] {
  const out: { range: Range; value: T }[] = [];
  for (const block of doc.blocks) {
    if (block.kind !== 'paragraph' && block.kind !== 'list' && block.kind !== 'table') continue;
    const { kinds, timeline } = sectionAt(doc, block.line);
    const scan = `${name}:${kinds.join(',')}`;
    const settled = (cell: object) => {
      const known = remembered.get(cell);
      return known?.scan === scan && known.hits.length === 0;
    };
    for (const unit of units(block, timeline, settled)) {
      // A cell of times or numbers holds no words to judge.
      if (unit.lines.length === 1 && !/[A-Za-z]{2}/.test(unit.lines[0].raw)) continue;
      const hits = unitHits(unit, scan, (text) =>
        splitSentences(text).flatMap(([from, to]) =>
          analyse(text.slice(from, to), kinds).map((h) => ({ from: from + h.start, to: from + h.end, value: h.value })),
        ),
      );
      if (hits.length === 0) continue;
      const starts: number[] = [];
      let offset = 0;
      for (const line of unit.lines) {
        starts.push(offset);
        offset += line.raw.length + 1;
      }
      const position = (at: number) => {
        let i = starts.length - 1;
        while (i > 0 && starts[i] > at) i--;
        const line = unit.lines[i];
        return { line: line.line, character: line.column + Math.min(at - starts[i], line.raw.length) };
      };
      for (const hit of hits)
        out.push({ range: { start: position(hit.from), end: position(hit.to) }, value: hit.value });
    }
  }
  return out;
}

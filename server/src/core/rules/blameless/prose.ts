import type { PostmortemDocument, Range, SectionKind } from '../../model';
import type { Block, ListItem, TextLine } from '../../parse/blocks';

/**
 * The prose of a document, sentence by sentence, for the blameless rules. Only what people wrote
 * in their own words is kept: headings, code, block quotes, frontmatter, links, quoted speech and
 * HTML comments are masked with spaces, so every offset still maps to its place in the source.
 */
export interface Sentence {
  text: string;
  /** Kinds of the section the sentence is in ("lessons-learned", "action-items"…). */
  section: SectionKind[];
  /** The sentence is a timeline entry: people named there are usually doing response work. */
  timeline: boolean;
  /** Maps an offset in `text` to a range in the document. */
  range(from: number, to: number): Range;
}

const MASKS: RegExp[] = [
  /<!--[\s\S]*?-->/g,
  /(`+)[\s\S]*?\1/g,
  /!?\[[^\]]*\]\([^)]*\)/g,
  /<https?:[^>]*>/g,
  /\bhttps?:\/\/\S+/g,
  /"[^"\n]{1,200}"|“[^”\n]{1,200}”|‘[^’\n]{3,200}’/g,
  /<\/?[A-Za-z][^>]*>/g,
];

export function mask(raw: string): string {
  let text = raw;
  for (const pattern of MASKS) text = text.replace(pattern, (m) => ' '.repeat(m.length));
  // Emphasis and escapes are punctuation to a reader: blank them, keeping every column in place.
  return text.replace(/\*\*|__|~~/g, (m) => ' '.repeat(m.length)).replace(/[*_\\]/g, ' ');
}

interface Unit {
  lines: TextLine[];
  timeline: boolean;
}

function sectionAt(doc: PostmortemDocument, line: number): { kinds: SectionKind[]; timeline: boolean } {
  const sections = doc.sections.filter((s) => line > s.headingRange.start.line && line <= s.range.end.line);
  const kinds = [...new Set(sections.flatMap((s) => s.kinds))];
  return { kinds, timeline: kinds.includes('timeline') };
}

function itemUnits(items: readonly ListItem[], out: Unit[], timeline: boolean): void {
  for (const item of items) {
    if (item.lines.length > 0) out.push({ lines: item.lines, timeline });
    itemUnits(item.children, out, timeline);
  }
}

function units(doc: PostmortemDocument, block: Block): Unit[] {
  const timeline = sectionAt(doc, block.line).timeline;
  switch (block.kind) {
    case 'paragraph':
      return block.quoted ? [] : [{ lines: block.lines, timeline }];
    case 'list': {
      if (block.quoted) return [];
      const out: Unit[] = [];
      itemUnits(block.items, out, timeline);
      return out;
    }
    case 'table':
      if (block.quoted) return [];
      return block.rows.flatMap((row) =>
        row.cells.filter((c) => c.raw.trim()).map((c) => ({ lines: [{ line: row.line, column: c.start, raw: c.raw }], timeline: true })),
      );
    default:
      return [];
  }
}

const SENTENCE_END = /[.!?;](?=\s+[^a-z\s]|\s*$)|:(?=\s*$)/g;

export function sentences(doc: PostmortemDocument): Sentence[] {
  const out: Sentence[] = [];
  for (const block of doc.blocks) {
    for (const unit of units(doc, block)) {
      const starts: { offset: number; line: TextLine }[] = [];
      let text = '';
      for (const line of unit.lines) {
        starts.push({ offset: text.length, line });
        text += mask(line.raw) + ' ';
      }
      const position = (offset: number) => {
        const at = [...starts].reverse().find((s) => s.offset <= offset)!;
        return { line: at.line.line, character: at.line.column + Math.min(offset - at.offset, at.line.raw.length) };
      };
      const { kinds } = sectionAt(doc, unit.lines[0].line);
      let from = 0;
      const ends = [...text.matchAll(SENTENCE_END)].map((m) => m.index! + 1);
      for (const end of [...ends, text.length]) {
        if (end <= from) continue;
        const sentence = text.slice(from, end);
        const offset = from;
        if (/[A-Za-z]{2}/.test(sentence)) {
          out.push({
            text: sentence,
            section: kinds,
            timeline: unit.timeline,
            range: (a, b) => ({ start: position(offset + a), end: position(offset + b) }),
          });
        }
        from = end;
      }
    }
  }
  return out;
}

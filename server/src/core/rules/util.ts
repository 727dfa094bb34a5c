import type { PostmortemDocument, Position, Range, Section } from '../model';

export const START: Range = { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } };

export function pointRange(position: Position): Range {
  return { start: position, end: position };
}

/** Where a finding about the whole document goes: the title heading, else the top of the body. */
export function documentAnchor(doc: PostmortemDocument): Range {
  const title = doc.sections.find((s) => s.depth === 1) ?? doc.sections[0];
  if (title) return title.headingRange;
  return doc.frontmatter
    ? { start: doc.frontmatter.range.start, end: { line: doc.frontmatter.range.start.line, character: 3 } }
    : START;
}

export function frontmatterString(doc: PostmortemDocument, key: string): string | undefined {
  const value = doc.frontmatter?.data[key];
  if (value instanceof Date) return value.toISOString();
  return typeof value === 'string' || typeof value === 'number' ? String(value) : undefined;
}

export function sectionsWithKind(doc: PostmortemDocument, kind: Section['kinds'][number]): Section[] {
  return doc.sections.filter((s) => s.kinds.includes(kind));
}

/** True when a line lies in a code block, where nothing is prose. */
export function inCode(doc: PostmortemDocument, line: number): boolean {
  return doc.blocks.some((b) => b.kind === 'code' && line >= b.line && line <= b.endLine);
}

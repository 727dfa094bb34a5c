import type { TextEdit } from '../rules/rule';
import type { LineIndex } from './lineIndex';

/** Applies edits to a text, last first so offsets stay valid; an edit overlapping one already applied is skipped. */
export function applyEdits(text: string, index: LineIndex, edits: readonly TextEdit[]): string {
  const spans = edits
    .map((e) => ({ from: index.offsetAt(e.range.start), to: index.offsetAt(e.range.end), text: e.newText }))
    .sort((a, b) => b.from - a.from || b.to - a.to);
  let out = text;
  let limit = Infinity;
  for (const span of spans) {
    if (span.to > limit) continue;
    out = out.slice(0, span.from) + span.text + out.slice(span.to);
    limit = span.from;
  }
  return out;
}

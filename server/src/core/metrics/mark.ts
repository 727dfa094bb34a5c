import type { Milestone, PostmortemDocument, TimelineEntry } from '../model';
import type { Fix } from '../rules/rule';
import { ORDERED_KINDS, type OrderedKind } from './choose';

/** The timed timeline entry that covers a line, if any. */
export function timedEntryAt(doc: PostmortemDocument, line: number): TimelineEntry | undefined {
  return doc.timeline.entries.find(
    (e) => e.time !== undefined && e.range.start.line <= line && e.range.end.line >= line,
  );
}

/**
 * "Mark as detected": appends the bracketed marker the timeline parser reads (`[detected]`) to the
 * entry's first line, inside the last cell of a table row, so the author's choice always wins.
 */
export function markFix(doc: PostmortemDocument, entry: TimelineEntry, kind: OrderedKind): Fix {
  const line = entry.range.start.line;
  const text = doc.lines.lines[line] ?? '';
  const trimmed = text.replace(/\s+$/, '');
  // In a table row the marker goes before the closing pipe, so it stays in the row's last cell.
  const column = /\|$/.test(trimmed) && /^\s*\|/.test(text) ? trimmed.length - 1 : trimmed.length;
  const before = text.slice(0, column);
  const newText = /\s$/.test(before) ? `[${kind}] ` : ` [${kind}]`;
  return {
    title: `Mark as ${kind}`,
    edits: [{ range: { start: { line, character: column }, end: { line, character: column } }, newText }],
  };
}

/** Every "Mark as …" fix for the entry on a line, leaving out kinds it is already marked with. */
export function markFixesAt(doc: PostmortemDocument, line: number): Fix[] {
  const entry = timedEntryAt(doc, line);
  if (!entry) return [];
  return ORDERED_KINDS.filter((kind) => !entry.markers.includes(kind)).map((kind) => markFix(doc, entry, kind));
}

/** "guessed from “Alert fires…” (first alert, says alert)" for a milestone the engine chose with low confidence. */
export function guessDescription(milestone: Milestone): string | undefined {
  if (milestone.confidence !== 'low') return undefined;
  const why = milestone.features.map((f) => f.replace(/_/g, ' ')).join(', ');
  return `guessed from “${milestone.evidence}”${why ? ` (${why})` : ''}`;
}

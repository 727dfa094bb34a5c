import type { Block, TextLine } from '../parse/blocks';
import { plainText } from '../parse/inline';
import { findStamps, type Stamp } from '../time/stamps';

/**
 * A summary field that gives the incident's window: "Date: May 14 2025, 8:10 AM UTC - May 14 2025, 11:25 AM UTC",
 * "**Date of incident**: 3rd March, 2024 between 09.12UTC and 11.48UTC", "When: 14:05-15:10 UTC".
 */
const WINDOW_LABEL =
  /^[\s*_]*(?:incident\s+|outage\s+|impact\s+)?(?:date|dates|when|window|period|time\s?frame|time)(?:\s+of\s+(?:the\s+)?(?:incident|outage|impact))?[\s*_]*[:\-–—][\s*_]*/i;

const FIELD_START = /^[\s*_]*(?:incident|outage|impact|date|when|window|period|time)/i;

export interface LabelledWindow {
  line: TextLine;
  text: string;
  /** The window, with the field's date when the date and the times stand apart ("6 Nov 2022 between …"). */
  stamp: Stamp;
}

function linesOf(block: Block): TextLine[] {
  if (block.kind === 'paragraph') return block.lines;
  if (block.kind !== 'list') return [];
  const walk = (items: typeof block.items): TextLine[] =>
    items.flatMap((item) => [...item.lines.slice(0, 1), ...walk(item.children)]);
  return walk(block.items);
}

/** Reads one line as a window field, or undefined when it is not one. */
export function windowField(raw: string): Stamp | undefined {
  // Most lines name no field: a cheap look at the raw line skips them before the inline parse.
  if (!FIELD_START.test(raw) || !/\d/.test(raw)) return undefined;
  const { text } = plainText(raw);
  const label = WINDOW_LABEL.exec(text);
  if (!label) return undefined;
  const stamps = findStamps(text);
  const window = stamps.find((s) => s.time && s.rangeEnd);
  if (!window) return undefined;
  // Only the field's own date, standing before the window, completes it.
  const date = window.date ?? stamps.find((s) => !s.time && s.date && s.end <= window.index)?.date;
  return date === window.date ? window : { ...window, date };
}

/** The first window field among these blocks (the summary's "Date:" line). */
export function findLabelledWindow(blocks: readonly Block[]): LabelledWindow | undefined {
  for (const block of blocks) {
    for (const line of linesOf(block)) {
      const stamp = windowField(line.raw);
      if (stamp) return { line, text: plainText(line.raw).text, stamp };
    }
  }
  return undefined;
}

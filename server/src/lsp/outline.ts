import {
  FoldingRangeKind,
  SymbolKind,
  type CancellationToken,
  type CodeLens,
  type DocumentSymbol,
  type FoldingRange,
} from 'vscode-languageserver';
import { formatMinutes } from '../core/metrics/durations';
import type { Milestone, Section } from '../core/model';
import { wallClock } from '../core/time/wallClock';
import type { HindsightSettings } from '../shared/settings';
import type { AnalysedDocument } from './analysed';

/**
 * The whole-document providers read only the analysis; they take the request, settings and token
 * of every provider so the server wires them all alike.
 */
type Subject = Pick<AnalysedDocument, 'doc'>;
const cancelled = (token: CancellationToken | undefined) => !!token?.isCancellationRequested;

const utc = (epoch: number) => `${wallClock(epoch).minutes} UTC`;

/** The outline: sections as a tree, milestones under the timeline, action items under theirs. */
export function documentSymbols(
  { doc }: Subject,
  _request?: unknown,
  _settings?: HindsightSettings,
  token?: CancellationToken,
): DocumentSymbol[] {
  if (cancelled(token)) return [];
  const milestones = Object.values(doc.milestones).filter((m): m is Milestone => !!m);
  const toSymbol = (section: Section): DocumentSymbol => {
    const children = section.children.map(toSymbol);
    if (section.kinds.includes('timeline') && section === doc.timeline.sections[0]) {
      for (const m of milestones.sort((a, b) => a.time - b.time)) {
        children.push({
          name: `${m.kind}: ${utc(m.time)}`,
          detail: m.source,
          kind: SymbolKind.Event,
          range: m.range,
          selectionRange: m.range,
        });
      }
    }
    if (section.kinds.includes('action-items')) {
      for (const item of doc.actionItems.filter(
        (i) => i.range.start.line > section.headingRange.start.line && i.range.start.line <= section.range.end.line,
      )) {
        children.push({
          name: item.action.text.slice(0, 80) || '(no action)',
          detail: [item.owner?.text, item.dueDate, item.state].filter(Boolean).join(' · '),
          kind: SymbolKind.Object,
          range: item.range,
          selectionRange: item.action.range,
        });
      }
    }
    return {
      name: section.heading || '(untitled)',
      detail: section.kinds.join(', '),
      kind: SymbolKind.Namespace,
      range: section.range,
      selectionRange: section.headingRange,
      children,
    };
  };
  return doc.sections.filter((s) => !s.parent).map(toSymbol);
}

export function foldingRanges(
  { doc }: Subject,
  _request?: unknown,
  _settings?: HindsightSettings,
  token?: CancellationToken,
): FoldingRange[] {
  if (cancelled(token)) return [];
  const ranges: FoldingRange[] = [];
  if (doc.frontmatter && doc.frontmatter.range.end.line > doc.frontmatter.range.start.line) {
    ranges.push({
      startLine: doc.frontmatter.range.start.line,
      endLine: doc.frontmatter.range.end.line,
      kind: FoldingRangeKind.Imports,
    });
  }
  for (const section of doc.sections) {
    let end = section.range.end.line;
    while (end > section.headingRange.start.line && !doc.lines.lines[end]?.trim()) end--;
    if (end > section.headingRange.start.line)
      ranges.push({ startLine: section.headingRange.start.line, endLine: end, kind: FoldingRangeKind.Region });
  }
  for (const block of doc.blocks)
    if ((block.kind === 'table' || block.kind === 'code') && block.endLine > block.line)
      ranges.push({ startLine: block.line, endLine: block.endLine });
  return ranges;
}

/** "guessed from “Alert fires for checkout…”", short enough for a code lens. */
function briefGuess(milestone: Milestone): string {
  const words = milestone.evidence.length > 32 ? `${milestone.evidence.slice(0, 30)}…` : milestone.evidence;
  return `guessed from “${words}”`;
}

/** TTD, TTA, TTM, TTR and impact above the timeline heading, where they are read; guessed milestones say so. */
export function codeLenses(
  { doc }: Subject,
  _request?: unknown,
  _settings?: HindsightSettings,
  token?: CancellationToken,
): CodeLens[] {
  if (cancelled(token)) return [];
  const section = doc.timeline.sections[0];
  const anchor = section?.headingRange ?? doc.timeline.entries[0]?.range;
  if (!anchor) return [];
  const parts = (['ttd', 'tta', 'ttm', 'ttr', 'impact'] as const)
    .filter((name) => doc.metrics[name].minutes !== undefined)
    .map((name) => `${name === 'impact' ? 'Impact' : name.toUpperCase()} ${formatMinutes(doc.metrics[name].minutes!)}`);
  const guessed = (['started', 'detected', 'acknowledged', 'mitigated', 'resolved'] as const).filter(
    (k) => doc.milestones[k]?.confidence === 'low',
  );
  const caveat =
    guessed.length > 0 ? ` (${guessed.map((k) => `${k} ${briefGuess(doc.milestones[k]!)}`).join('; ')})` : '';
  const title =
    parts.length > 0
      ? parts.join(' · ') + caveat
      : 'No durations yet: mark when the incident started, was detected and resolved';
  return [{ range: { start: anchor.start, end: anchor.start }, command: { title, command: '' } }];
}

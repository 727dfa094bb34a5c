import { defaultConfig } from './config/config';
import type { TextLine } from './parse/blocks';
import type { PostmortemDocument, Range } from './model';
import { RULES } from './rules';
import { runRules } from './rules/run';

/**
 * What must not reach customers, found in the postmortem itself: sentences the blameless rules flag,
 * "try harder" action items, and sentences that carry internal figures (money, revenue, error budget).
 */

/** Money and the figures a business keeps to itself. */
const PRICE = String.raw`[$€£¥]\s?\d`;
const CURRENCY = '(?:USD|EUR|GBP|dollars?|euros?|pounds)';
const AMOUNT = String.raw`\b\d[\d,.]*\s?(?:k|m|bn|million|billion|thousand)?\s?${CURRENCY}\b`;
const BUSINESS_FIGURES = [
  'revenue|lost sales|sales|GMV|MRR|ARR|bookings|margin|refunds? cost|financial (?:impact|loss)',
  'error[- ]budget|SLO budget|budget burn|burn rate|SLA credits?|penalt(?:y|ies)',
].join('|');
const INTERNAL_FIGURES = new RegExp(String.raw`${PRICE}|${AMOUNT}|\b(?:${BUSINESS_FIGURES})\b`, 'i');

export function hasInternalFigures(text: string): boolean {
  return INTERNAL_FIGURES.test(text);
}

/** Where the blameless rules, and the rule against "try harder" action items, find something. */
export function flaggedRanges(doc: PostmortemDocument): Range[] {
  const rules = RULES.filter((r) => r.id.startsWith('blameless/') || r.id === 'actions/vigilance-remedy');
  return runRules(doc, defaultConfig(), { rules }).map((p) => p.range);
}

export interface Sentence {
  /** As written (Markdown), on one line. */
  text: string;
  flagged: boolean;
}

/** A run of lines as one string, with where each line starts in it. */
function joined(lines: readonly TextLine[]): { text: string; starts: number[] } {
  const starts: number[] = [];
  let text = '';
  for (const line of lines) {
    if (text) text += ' ';
    starts.push(text.length);
    text += line.raw.trim();
  }
  return { text, starts };
}

/** Offsets (in the joined text) of the findings that start on these lines. */
function findingOffsets(lines: readonly TextLine[], starts: number[], flagged: readonly Range[]): number[] {
  const offsets: number[] = [];
  for (const range of flagged) {
    const i = lines.findIndex((l) => l.line === range.start.line);
    if (i < 0) continue;
    const indent = lines[i].raw.length - lines[i].raw.trimStart().length;
    offsets.push(starts[i] + Math.max(0, range.start.character - lines[i].column - indent));
  }
  return offsets;
}

/** Sentences end at . ! or ? before a space and a capital or the end ("e.g. the", "99.9%" and "v2.3" do not). */
const SENTENCE = /[^]*?(?:[.!?](?=\s+[A-Z("'*_[]|\s*$)|$)/g;

export function sentencesOf(lines: readonly TextLine[], flagged: readonly Range[]): Sentence[] {
  const { text, starts } = joined(lines);
  const offsets = findingOffsets(lines, starts, flagged);
  const out: Sentence[] = [];
  for (const match of text.matchAll(SENTENCE)) {
    const body = match[0];
    if (!body.trim()) continue;
    const from = match.index!;
    const to = from + body.length;
    out.push({ text: body.trim(), flagged: offsets.some((o) => o >= from && o < to) });
  }
  return out;
}

/**
 * Timing helpers for the benchmark: medians of repeated runs in one process, after warm-up.
 * Only the call being measured is inside the timer; texts are prepared beforehand.
 */
import { lint } from 'markdownlint/sync';
import remarkFrontmatter from 'remark-frontmatter';
import remarkGfm from 'remark-gfm';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { Analyzer } from '../server/src/core/analyzer';
import { editLine } from './generate';

export function median(samples: readonly number[]): number {
  const sorted = [...samples].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** Median of `runs` timed calls of `fn(i)`, after `warmup` untimed ones. */
export function timeMedian(runs: number, fn: (i: number) => unknown, warmup = 1): number {
  for (let i = 0; i < warmup; i++) fn(-1 - i);
  const samples: number[] = [];
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    fn(i);
    samples.push(performance.now() - start);
  }
  return median(samples);
}

/**
 * A fresh Analyzer analysing each text once, the first untimed: what opening a file costs. Each
 * run needs a text of its own; the same text again would be served by the memos of lines the run
 * before filled, which an editor opening a file it has not seen never gets.
 */
export function fullAnalysis(texts: readonly string[]): number {
  if (new Set(texts).size !== texts.length) throw new Error('fullAnalysis needs a different text for each run');
  return timeMedian(texts.length - 1, (i) => new Analyzer().analyze(`bench:full:${i}`, 1, texts[i + 1]));
}

/**
 * Analyse v1, then a series of versions that each change `line` from the version before
 * (a numbered word, so every text is new): the median time to re-analyse after a one-line edit.
 */
export function editAnalysis(text: string, line: number, runs: number, warmup = 2): number {
  const lines = text.split('\n');
  const original = lines[line];
  const versions = Array.from({ length: warmup + runs }, (_, n) => {
    lines[line] = editLine(original, n + 1);
    return lines.join('\n');
  });
  const analyzer = new Analyzer();
  analyzer.analyze('bench:edit', 1, text);
  let next = 0;
  return timeMedian(runs, () => analyzer.analyze('bench:edit', next + 2, versions[next++]), warmup);
}

const remark = unified().use(remarkParse).use(remarkFrontmatter).use(remarkGfm);

/** The bare syntax tree an editor extension built on remark would start from. */
export function bareParse(text: string, runs: number): number {
  return timeMedian(runs, () => remark.parse(text));
}

/** markdownlint with its default configuration (every default rule on). */
export function markdownlint(text: string, runs: number): number {
  return timeMedian(runs, () => lint({ strings: { bench: text } }));
}

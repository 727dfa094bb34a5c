/**
 * Fits milestone weights: per kind, a conditional logit over each document's candidates plus
 * "absent" (score 0), the same choice the engine makes. Gradient ascent with an L2 penalty;
 * small and deterministic, so a fold's fit is reproducible.
 */
import { ORDERED_KINDS, type MilestoneWeights, type OrderedKind } from '../../server/src/core/metrics/choose';
import { FEATURE_NAMES as ALL_FEATURES } from '../../server/src/core/metrics/features';
import { matchesLabel, type LabelledDocument } from './milestone-corpus';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** Hand-set starting weights (documented in the file): the fit is pulled towards them, not towards zero. */
const PRIOR = JSON.parse(readFileSync(join(__dirname, '..', 'milestone-prior.json'), 'utf8')) as {
  kinds: Partial<Record<OrderedKind, Record<string, number>>>;
};

export interface FitOptions {
  epochs: number;
  rate: number;
  /** L2 penalty: keeps rare features from growing huge weights on one document. */
  l2: number;
  /** Features left out of the fit (weight 0), to measure what each one adds. */
  without?: readonly string[];
}

export const DEFAULT_FIT: FitOptions = { epochs: 400, rate: 0.3, l2: 0.02 };

interface Example {
  rows: Record<string, number>[];
  /** Index of each candidate that matches the label; empty when the label says absent. */
  positives: number[];
}

function examples(docs: readonly LabelledDocument[], kind: OrderedKind): Example[] {
  const out: Example[] = [];
  for (const doc of docs) {
    const label = doc.labels[kind];
    if (label === undefined) continue;
    const candidates = doc.candidates.filter((c) => c.source !== 'frontmatter');
    const positives = label === null ? [] : candidates.flatMap((c, i) => (matchesLabel(c.time, label) ? [i] : []));
    // A label no candidate reaches teaches nothing about choosing among them.
    if (label !== null && positives.length === 0) continue;
    out.push({ rows: candidates.map((c) => c.features), positives });
  }
  return out;
}

function fitKind(data: Example[], options: FitOptions, prior: Record<string, number>): Record<string, number> {
  const names = ALL_FEATURES.filter((f) => !options.without?.includes(f));
  const w: Record<string, number> = Object.fromEntries(names.map((f) => [f, prior[f] ?? 0]));
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    // The penalty pulls towards the prior, not towards zero: a feature seen rarely keeps its sensible sign.
    const gradient: Record<string, number> = Object.fromEntries(
      names.map((f) => [f, -options.l2 * (w[f] - (prior[f] ?? 0)) * data.length]),
    );
    for (const { rows, positives } of data) {
      const scores = rows.map((row) => Object.entries(row).reduce((s, [f, v]) => s + (w[f] ?? 0) * v, 0));
      const top = Math.max(0, ...scores);
      const exps = scores.map((s) => Math.exp(s - top));
      const normaliser = Math.exp(-top) + exps.reduce((a, b) => a + b, 0);
      const targetShare = positives.length > 0 ? 1 / positives.length : 0;
      // d log P(label) / d w = Σ (target_i − p_i) x_i, the target spread over matching candidates.
      const positiveMass = positives.reduce((s, i) => s + exps[i], 0);
      rows.forEach((row, i) => {
        const p = exps[i] / normaliser;
        const target = positives.includes(i) ? (positiveMass > 0 ? exps[i] / positiveMass : targetShare) : 0;
        for (const f in row) gradient[f] = (gradient[f] ?? 0) + (target - p) * row[f];
      });
    }
    for (const f of names) w[f] += (options.rate * gradient[f]) / Math.max(1, data.length);
  }
  return Object.fromEntries(
    Object.entries(w)
      .filter(([, v]) => Math.abs(v) >= 0.005)
      .map(([f, v]) => [f, Math.round(v * 1000) / 1000]),
  );
}

export function fitWeights(
  docs: readonly LabelledDocument[],
  options: FitOptions = DEFAULT_FIT,
  highConfidence = 0.9,
  unsureFrom = 0.1,
): MilestoneWeights {
  const kinds = Object.fromEntries(
    ORDERED_KINDS.map((kind) => [kind, fitKind(examples(docs, kind), options, PRIOR.kinds[kind] ?? {})]),
  ) as MilestoneWeights['kinds'];
  return { kinds, highConfidence, unsureFrom };
}

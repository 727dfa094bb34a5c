import type { MilestoneKind } from '../model';
import type { MilestoneCandidate } from './milestone-candidates';

/** The kinds chosen together, in the order they must keep. */
export const ORDERED_KINDS = [
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
] as const satisfies readonly MilestoneKind[];
export type OrderedKind = (typeof ORDERED_KINDS)[number];

/** Per kind, a weight per feature (features absent from a candidate count 0). */
export interface MilestoneWeights {
  kinds: Record<OrderedKind, Record<string, number>>;
  /** Probability at or above which a guessed milestone is shown as confident. */
  highConfidence: number;
  /**
   * Probability from which a row turned down for a missing milestone still makes the engine unsure that the
   * timeline never says it (rules then inform on that row rather than warn).
   */
  unsureFrom: number;
}

export function score(weights: Record<string, number>, features: Record<string, number>): number {
  let total = 0;
  for (const name in features) total += (weights[name] ?? 0) * features[name];
  return total;
}

/** A candidate's score per kind: the fitted score, or an overwhelming one for a kind its author marked. */
const MARKED = 1e6;
/** Per feature, its weight for each kind in order: one lookup per feature instead of one per feature and kind. */
const byFeature = new WeakMap<MilestoneWeights, Map<string, number[]>>();
function weightTable(weights: MilestoneWeights): Map<string, number[]> {
  let table = byFeature.get(weights);
  if (!table) {
    table = new Map();
    for (const [k, kind] of ORDERED_KINDS.entries()) {
      for (const [name, weight] of Object.entries(weights.kinds[kind])) {
        if (!table.has(name))
          table.set(
            name,
            ORDERED_KINDS.map(() => 0),
          );
        table.get(name)![k] = weight;
      }
    }
    byFeature.set(weights, table);
  }
  return table;
}

function kindScores(candidate: MilestoneCandidate, table: Map<string, number[]>): number[] {
  const totals = [0, 0, 0, 0, 0];
  for (const name in candidate.features) {
    const row = table.get(name);
    if (!row) continue;
    const value = candidate.features[name];
    for (let k = 0; k < totals.length; k++) totals[k] += row[k] * value;
  }
  for (const kind of candidate.marked) {
    const k = ORDERED_KINDS.indexOf(kind as OrderedKind);
    if (k >= 0) totals[k] = MARKED;
  }
  return totals;
}

export interface Choice {
  candidate: MilestoneCandidate;
  score: number;
}

/**
 * The assignment of all five milestones that maximises the total score while keeping
 * started ≤ detected ≤ acknowledged ≤ mitigated ≤ resolved. A milestone may be absent (score 0,
 * so a candidate is taken only when its score is positive) and several may share one instant.
 * Candidates are grouped by instant; a dynamic programme over the groups runs in O(kinds × groups).
 */
export function chooseMilestones(
  candidates: readonly MilestoneCandidate[],
  weights: MilestoneWeights,
): Partial<Record<OrderedKind, Choice>> {
  const sorted = [...candidates].sort((a, b) => a.time - b.time || a.line - b.line);
  const table = weightTable(weights);
  const groups: { best: (Choice | undefined)[] }[] = [];
  let lastTime: number | undefined;
  for (const candidate of sorted) {
    if (candidate.time !== lastTime) groups.push({ best: ORDERED_KINDS.map(() => undefined) });
    lastTime = candidate.time;
    const group = groups[groups.length - 1];
    const scores = kindScores(candidate, table);
    for (let k = 0; k < scores.length; k++) {
      if (!group.best[k] || scores[k] > group.best[k]!.score) group.best[k] = { candidate, score: scores[k] };
    }
  }
  const n = groups.length;
  const kinds = ORDERED_KINDS.length;
  // total[k][g]: best score of kinds 0..k, all placed in groups ≤ g; how[k][g] says where kind k went.
  const total = Array.from({ length: kinds }, () => new Float64Array(n));
  const how = Array.from({ length: kinds }, () => new Int32Array(n));
  for (let k = 0; k < kinds; k++) {
    for (let g = 0; g < n; g++) {
      const before = k > 0 ? total[k - 1][g] : 0;
      const here = groups[g].best[k];
      let value = before;
      let where = -1; // absent
      if (g > 0 && total[k][g - 1] > value) {
        value = total[k][g - 1];
        where = -2; // placed earlier
      }
      if (here && here.score > 0 && before + here.score > value) {
        value = before + here.score;
        where = g;
      }
      total[k][g] = value;
      how[k][g] = where;
    }
  }
  const chosen: Partial<Record<OrderedKind, Choice>> = {};
  let g = n - 1;
  for (let k = kinds - 1; k >= 0 && g >= 0; k--) {
    while (g >= 0 && how[k][g] === -2) g--;
    if (g < 0) break;
    if (how[k][g] >= 0) chosen[ORDERED_KINDS[k]] = groups[g].best[k];
  }
  return chosen;
}

import type { Milestone, MilestoneKind, Milestones } from '../model';
import { chooseMilestones, ORDERED_KINDS, score, type Choice, type MilestoneWeights, type OrderedKind } from './choose';
import { collectMilestoneCandidates, type MilestoneCandidate, type MilestoneInput } from './milestone-candidates';
import fitted from './milestone-weights.json';

export type { FrontmatterMilestone } from './milestone-candidates';

export const MILESTONE_KINDS: MilestoneKind[] = [
  'started',
  'detected',
  'acknowledged',
  'mitigated',
  'resolved',
  'impactStart',
  'impactEnd',
];

/** The weights fitted on labelled postmortems (see `scripts/fit-milestones.ts` and docs/milestones.md). */
export const DEFAULT_WEIGHTS: MilestoneWeights = {
  kinds: fitted.kinds as MilestoneWeights['kinds'],
  highConfidence: fitted.highConfidence,
  unsureFrom: fitted.unsureFrom,
};

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** The features that added most to a choice, strongest first. */
function strongest(weights: Record<string, number>, candidate: MilestoneCandidate): string[] {
  return Object.entries(candidate.features)
    .filter(([name, value]) => name !== 'bias' && value * (weights[name] ?? 0) > 0)
    .sort(([a, x], [b, y]) => y * (weights[b] ?? 0) - x * (weights[a] ?? 0))
    .slice(0, 3)
    .map(([name]) => name);
}

function shortText(text: string): string {
  const clean = text.replace(/\s+/g, ' ').trim();
  return clean.length > 70 ? `${clean.slice(0, 67)}…` : clean;
}

const dayOnly = (c: MilestoneCandidate) => (c.features.date_only ? { dayOnly: true } : {});

function toMilestone(kind: MilestoneKind, candidate: MilestoneCandidate, weights: MilestoneWeights): Milestone {
  const base = { kind, time: candidate.time, line: candidate.line, range: candidate.range, ...dayOnly(candidate) };
  if (candidate.marked.includes(kind)) {
    const evidence = candidate.source === 'frontmatter' ? candidate.text : kind;
    return { ...base, source: candidate.source, evidence, confidence: 'marked', features: [] };
  }
  const kindWeights = weights.kinds[kind as keyof MilestoneWeights['kinds']] ?? {};
  const probability = sigmoid(score(kindWeights, candidate.features));
  const source = candidate.source === 'marker' || candidate.source === 'column' ? 'wording' : candidate.source;
  return {
    ...base,
    source,
    evidence: shortText(candidate.text),
    confidence: probability >= weights.highConfidence ? 'high' : 'low',
    features: strongest(kindWeights, candidate),
  };
}

/** The first candidate (frontmatter before the text, then by time) that its author marked as `kind`. */
function markedAs(kind: MilestoneKind, candidates: readonly MilestoneCandidate[]): MilestoneCandidate | undefined {
  const marked = candidates.filter((c) => c.marked.includes(kind));
  return (
    marked.find((c) => c.source === 'frontmatter') ?? [...marked].sort((a, b) => a.time - b.time || a.line - b.line)[0]
  );
}

/** Milestones from candidates: marked ones as the author gave them, the rest as one consistent choice. */
export function milestonesFrom(
  candidates: readonly MilestoneCandidate[],
  weights: MilestoneWeights = DEFAULT_WEIGHTS,
): Milestones {
  const chosen: Partial<Record<MilestoneKind, Choice>> = chooseMilestones(candidates, weights);
  // An incident rarely ends at the instant it opens: a guessed end on the line, or at the time, of the guessed start
  // or detection goes (a schedule restated beside the field that dates the incident is no end).
  const opening = [chosen.started?.candidate, chosen.detected?.candidate].filter((c) => c !== undefined);
  for (const end of ['mitigated', 'resolved'] as const) {
    const guess = chosen[end]?.candidate;
    if (guess && opening.some((c) => c === guess || c.time === guess.time)) delete chosen[end];
  }
  const found = {} as Milestones;
  for (const kind of MILESTONE_KINDS) {
    // A marked choice wins even when it breaks the order: the author knows, and out-of-order rules say so.
    const marked = markedAs(kind, candidates);
    const candidate = marked ?? chosen[kind]?.candidate;
    found[kind] = candidate ? toMilestone(kind, candidate, weights) : undefined;
  }
  return found;
}

/**
 * Finds each milestone where a careful reader would. Every timed entry, labelled line, stated window
 * and frontmatter timestamp is a candidate; each is scored per milestone from named features with
 * fitted weights; the five are chosen together, in order. See docs/milestones.md.
 */
export function findMilestones(input: MilestoneInput, weights: MilestoneWeights = DEFAULT_WEIGHTS): Milestones {
  const candidates = collectMilestoneCandidates(input);
  const milestones = milestonesFrom(candidates, weights);
  candidatesBehind.set(milestones, candidates);
  return milestones;
}

/** The candidates a document's milestones were chosen from, kept beside them rather than in the model. */
const candidatesBehind = new WeakMap<Milestones, readonly MilestoneCandidate[]>();
export function candidatesOf(milestones: Milestones): readonly MilestoneCandidate[] {
  return candidatesBehind.get(milestones) ?? [];
}

/** For a kind the engine left absent, the best candidate it turned down and its probability. */
export function bestRejected(milestones: Milestones, kind: OrderedKind, weights: MilestoneWeights = DEFAULT_WEIGHTS) {
  let best: { candidate: MilestoneCandidate; probability: number } | undefined;
  // A row already chosen as an earlier milestone is not what the author forgot to mark as this one.
  const earlier = ORDERED_KINDS.slice(0, ORDERED_KINDS.indexOf(kind)).map((k) => milestones[k]?.line);
  for (const candidate of candidatesOf(milestones)) {
    if (earlier.includes(candidate.line)) continue;
    const probability = sigmoid(score(weights.kinds[kind], candidate.features));
    if (!best || probability > best.probability) best = { candidate, probability };
  }
  return best;
}

export { ORDERED_KINDS };

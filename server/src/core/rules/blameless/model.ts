import fitted from './model.json';

/** A logistic model over named features: weights are data, fitted by scripts/fit-blameless.ts. */
export interface BlameModel {
  bias: number;
  /** The probability above which a sentence is reported: set for precision, not for recall. */
  threshold: number;
  weights: Record<string, number>;
}

export const MODEL: BlameModel = fitted;

export function weightOf(model: BlameModel, feature: string): number {
  return model.weights[feature] ?? 0;
}

/** Probability that a sentence with these features judges a person. */
export function probability(model: BlameModel, features: readonly string[]): number {
  let z = model.bias;
  for (const f of features) z += weightOf(model, f);
  return 1 / (1 + Math.exp(-z));
}

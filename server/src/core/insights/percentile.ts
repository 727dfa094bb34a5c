/**
 * Percentiles by linear interpolation between closest ranks (the "R-7" definition used by
 * spreadsheets' PERCENTILE.INC and numpy's default): the p-th percentile of n sorted values sits at
 * rank (n - 1) * p / 100, interpolated between the two values around it. The 50th is the usual median.
 */
export function percentile(values: readonly number[], p: number): number | undefined {
  if (values.length === 0) return undefined;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, not ${p}`);
  return percentileOfSorted(
    [...values].sort((a, b) => a - b),
    p,
  );
}

/** As `percentile`, over values already sorted in ascending order (not checked). */
export function percentileOfSorted(sorted: ArrayLike<number>, p: number): number | undefined {
  if (sorted.length === 0) return undefined;
  if (!(p >= 0 && p <= 100)) throw new RangeError(`percentile must be between 0 and 100, not ${p}`);
  const rank = ((sorted.length - 1) * p) / 100;
  const below = Math.floor(rank);
  const above = Math.ceil(rank);
  return sorted[below]! + (sorted[above]! - sorted[below]!) * (rank - below);
}

export const median = (values: readonly number[]): number | undefined => percentile(values, 50);

export function mean(values: readonly number[]): number | undefined {
  return values.length === 0 ? undefined : values.reduce((sum, v) => sum + v, 0) / values.length;
}

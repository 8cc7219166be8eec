export interface Weighted {
  value: number;
  weight: number;
}

/**
 * The weighted mean of `items` (weights are positive), or null when there are none.
 *
 * A weighted mean always lies between the smallest and largest value; floating-point sums can
 * drift a hair outside (e.g. 100.00000000000001), so the result is clamped back into that range.
 * That keeps scores inside 0..100 and makes "every criterion at level 3" a mean of exactly 3.
 */
export function weightedMean(items: readonly Weighted[]): number | null {
  if (items.length === 0) return null;
  let sum = 0;
  let totalWeight = 0;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  for (const { value, weight } of items) {
    sum += value * weight;
    totalWeight += weight;
    if (value < min) min = value;
    if (value > max) max = value;
  }
  return Math.min(max, Math.max(min, sum / totalWeight));
}

/**
 * A criterion answered at `level` on a scale of `levelCount` levels scores
 * `100 × (level − 1) / (levelCount − 1)`: the first level is 0, the last is 100.
 *
 * @throws RangeError when `levelCount` is not an integer ≥ 2, or `level` is not an integer in
 *   1..levelCount.
 */
export function criterionScore(level: number, levelCount: number): number {
  if (!Number.isInteger(levelCount) || levelCount < 2) {
    throw new RangeError(`levelCount must be an integer of at least 2, got ${levelCount}`);
  }
  if (!Number.isInteger(level) || level < 1 || level > levelCount) {
    throw new RangeError(`level must be an integer from 1 to ${levelCount}, got ${level}`);
  }
  return (100 * (level - 1)) / (levelCount - 1);
}

/**
 * Rounds a score to one decimal for display, halves away from zero (so a change of −2.25 shows
 * as −2.3, mirroring +2.25 → 2.3). Scoring itself never rounds: stored snapshots keep full precision.
 */
export function roundScore(n: number): number;
export function roundScore(n: null): null;
export function roundScore(n: number | null): number | null;
export function roundScore(n: number | null): number | null {
  if (n === null) return null;
  // `+ 0` turns −0 into 0 so that a tiny negative change does not display as "-0".
  return (Math.sign(n) * Math.round(Math.abs(n) * 10)) / 10 + 0;
}

import {
  MIN_BENCHMARK_GROUP,
  type TAssessmentScores,
  type TBenchmark,
  type TBenchmarkStat,
} from './schemas.js';

/**
 * The `p`-quantile (0 ≤ p ≤ 1) of ascending `sortedValues`, interpolating linearly between the
 * closest ranks: h = (n − 1)·p, then x[⌊h⌋] + (h − ⌊h⌋)·(x[⌊h⌋+1] − x[⌊h⌋]). This is R's type 7
 * and Excel's QUARTILE.INC / PERCENTILE.INC, so coordinators can check figures in a spreadsheet.
 *
 * @throws RangeError for an empty or unsorted list, or p outside 0..1.
 */
export function quantile(sortedValues: readonly number[], p: number): number {
  if (sortedValues.length === 0) throw new RangeError('quantile of an empty list');
  if (!(p >= 0 && p <= 1)) throw new RangeError(`p must be between 0 and 1, got ${p}`);
  for (let i = 1; i < sortedValues.length; i += 1) {
    if ((sortedValues[i] as number) < (sortedValues[i - 1] as number)) {
      throw new RangeError('quantile needs values sorted in ascending order');
    }
  }
  const h = (sortedValues.length - 1) * p;
  const lowIndex = Math.floor(h);
  const low = sortedValues[lowIndex] as number;
  const high = sortedValues[Math.min(lowIndex + 1, sortedValues.length - 1)] as number;
  // Clamped because floating-point interpolation can land a hair outside its two neighbours.
  return Math.min(high, Math.max(low, low + (h - lowIndex) * (high - low)));
}

function statOf(values: number[], threshold: number): TBenchmarkStat {
  const contributors = values.length;
  if (contributors < threshold) return { status: 'suppressed', contributors };
  const sorted = [...values].sort((a, b) => a - b);
  return {
    status: 'ok',
    contributors,
    median: quantile(sorted, 0.5),
    q1: quantile(sorted, 0.25),
    q3: quantile(sorted, 0.75),
  };
}

export interface BenchmarkSample {
  organisationId: string;
  scores: TAssessmentScores;
}

/**
 * Anonymous benchmarks (median and quartiles, see {@link quantile}) of the overall score and of
 * every pillar that any sample has. Callers pass one submitted assessment per organisation from
 * one cycle.
 *
 * A figure's contributors are the organisations with a non-null score for it. Where they are
 * fewer than max({@link MIN_BENCHMARK_GROUP}, `minGroupSize`), the figure is `suppressed` and
 * carries no statistics at all. Minimum and maximum are never given: they single out a member.
 *
 * @throws Error when an organisation appears twice (it would count twice and weigh double).
 * @throws RangeError when `minGroupSize` is not a number.
 */
export function benchmark(
  samples: readonly BenchmarkSample[],
  options: { minGroupSize: number },
): TBenchmark {
  if (Number.isNaN(options.minGroupSize)) {
    throw new RangeError('minGroupSize must be a number');
  }
  const threshold = Math.max(MIN_BENCHMARK_GROUP, options.minGroupSize);

  const organisations = new Set<string>();
  const overall: number[] = [];
  const byPillar = new Map<string, number[]>();
  for (const { organisationId, scores } of samples) {
    if (organisations.has(organisationId)) {
      throw new Error(
        `organisation "${organisationId}" appears twice; a benchmark takes one assessment per organisation`,
      );
    }
    organisations.add(organisationId);
    if (scores.overall !== null) overall.push(scores.overall);
    for (const pillar of scores.pillars) {
      let values = byPillar.get(pillar.pillarId);
      if (!values) {
        values = [];
        byPillar.set(pillar.pillarId, values);
      }
      if (pillar.score !== null) values.push(pillar.score);
    }
  }

  return {
    overall: statOf(overall, threshold),
    pillars: [...byPillar].map(([pillarId, values]) => ({
      pillarId,
      ...statOf(values, threshold),
    })),
  };
}

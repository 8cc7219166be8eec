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
  const threshold = benchmarkThreshold(options.minGroupSize);

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

/**
 * The fewest organisations any aggregate may show: max({@link MIN_BENCHMARK_GROUP}, `minGroupSize`).
 *
 * @throws RangeError when `minGroupSize` is not a number.
 */
export function benchmarkThreshold(minGroupSize: number): number {
  if (Number.isNaN(minGroupSize)) throw new RangeError('minGroupSize must be a number');
  return Math.max(MIN_BENCHMARK_GROUP, minGroupSize);
}

/** A group size that is safe to publish: nobody (0) or at least `threshold` organisations. */
function safeSize(n: number, threshold: number): boolean {
  return n === 0 || n >= threshold;
}

/**
 * Complementary suppression: may a subgroup's figure be shown next to the whole group's?
 *
 * Showing a subgroup (e.g. "members of the same type") alongside the whole cycle also reveals the
 * rest (whole minus subgroup) to anyone who can subtract. So the subgroup is shown only when it
 * has at least `threshold` contributors AND the rest is either empty (the subgroup is the whole
 * group, nothing new is revealed) or also has at least `threshold` contributors. A subgroup of 5
 * out of 6 with threshold 5 is therefore suppressed: "all" minus "similar" would be one member.
 *
 * @param sizes.subgroup contributors to the subgroup's figure
 * @param sizes.total contributors to the same figure for the whole group (subgroup included)
 * @throws RangeError when the subgroup is larger than the whole or a size is negative.
 */
export function canShowSubgroup(
  sizes: { subgroup: number; total: number },
  threshold: number,
): boolean {
  const { subgroup, total } = sizes;
  if (!(subgroup >= 0 && total >= subgroup)) {
    throw new RangeError(`a subgroup of ${subgroup} cannot be part of a group of ${total}`);
  }
  return subgroup >= threshold && safeSize(total - subgroup, threshold);
}

function suppressed(stat: TBenchmarkStat): TBenchmarkStat {
  return { status: 'suppressed', contributors: stat.contributors };
}

/**
 * The benchmark of the samples that `inSubgroup` selects, with complementary suppression (see
 * {@link canShowSubgroup}) applied to every figure against the same figure over all `samples`:
 * a figure is `suppressed` when the subgroup or the rest of the samples for it would be too small.
 */
export function subgroupBenchmark(
  samples: readonly BenchmarkSample[],
  inSubgroup: (sample: BenchmarkSample) => boolean,
  options: { minGroupSize: number },
): TBenchmark {
  const threshold = benchmarkThreshold(options.minGroupSize);
  const whole = benchmark(samples, options);
  const part = benchmark(samples.filter(inSubgroup), options);
  const wholePillars = new Map(whole.pillars.map((p) => [p.pillarId, p.contributors]));
  const guard = <T extends TBenchmarkStat>(stat: T, total: number): TBenchmarkStat =>
    stat.status === 'ok' && !canShowSubgroup({ subgroup: stat.contributors, total }, threshold)
      ? suppressed(stat)
      : stat;
  return {
    overall: guard(part.overall, whole.overall.contributors),
    pillars: part.pillars.map((p) => {
      const { pillarId, ...stat } = p;
      return { pillarId, ...guard(stat, wholePillars.get(pillarId) ?? p.contributors) };
    }),
  };
}

/**
 * Which quartile (1 lowest … 4 highest) `score` falls in against a shown figure: 1 up to q1,
 * 2 up to the median, 3 up to q3, 4 above. Undefined for a suppressed figure.
 */
export function quartileOf(score: number, stat: TBenchmarkStat): 1 | 2 | 3 | 4 | undefined {
  if (stat.status !== 'ok') return undefined;
  if (score <= stat.q1) return 1;
  if (score <= stat.median) return 2;
  if (score <= stat.q3) return 3;
  return 4;
}

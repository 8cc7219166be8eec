import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  benchmark,
  canShowSubgroup,
  quantile,
  quartileOf,
  subgroupBenchmark,
} from './benchmark.js';
import {
  DEFAULT_BENCHMARK_GROUP,
  MIN_BENCHMARK_GROUP,
  type TAssessmentScores,
  ZBenchmark,
} from './schemas.js';

function scores(overall: number | null, pillars: Record<string, number | null> = {}) {
  const result: TAssessmentScores = {
    overall,
    overallTarget: null,
    completeness: { answered: 1, applicable: 1, ratio: 1 },
    pillars: Object.entries(pillars).map(([pillarId, score]) => ({
      pillarId,
      score,
      meanLevel: null,
      stage: null,
      targetScore: null,
      answered: 1,
      applicable: 1,
      completeness: 1,
      status: 'complete',
    })),
  };
  return result;
}

function samples(...list: (number | null | TAssessmentScores)[]) {
  return list.map((entry, i) => ({
    organisationId: `org-${i}`,
    scores: typeof entry === 'object' && entry !== null ? entry : scores(entry),
  }));
}

describe('quantile', () => {
  it('gives the quartiles of 1..5 at the ranks', () => {
    const values = [1, 2, 3, 4, 5];
    expect(quantile(values, 0)).toBe(1);
    expect(quantile(values, 0.25)).toBe(2);
    expect(quantile(values, 0.5)).toBe(3);
    expect(quantile(values, 0.75)).toBe(4);
    expect(quantile(values, 1)).toBe(5);
  });

  it('interpolates between ranks like QUARTILE.INC', () => {
    const values = [1, 2, 3, 4];
    expect(quantile(values, 0.25)).toBe(1.75);
    expect(quantile(values, 0.5)).toBe(2.5);
    expect(quantile(values, 0.75)).toBe(3.25);
    expect(quantile([10, 20], 0.25)).toBe(12.5);
    expect(quantile([7], 0.75)).toBe(7);
    // QUARTILE.INC({15, 20, 35, 40, 50}, 1) = 20; QUARTILE.INC({3, 6, 7, 8, 8, 10}, 3) = 8.
    expect(quantile([15, 20, 35, 40, 50], 0.25)).toBe(20);
    expect(quantile([3, 6, 7, 8, 8, 10], 0.75)).toBe(8);
    expect(quantile([3, 6, 7, 8, 8, 10], 0.25)).toBe(6.25);
  });

  it('rejects an empty or unsorted list and p outside 0..1', () => {
    expect(() => quantile([], 0.5)).toThrow(RangeError);
    expect(() => quantile([2, 1], 0.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], 1.5)).toThrow(RangeError);
    expect(() => quantile([1, 2], -0.1)).toThrow(RangeError);
    expect(() => quantile([1, 2], Number.NaN)).toThrow(RangeError);
  });
});

describe('benchmark', () => {
  it('exports the floor and default group sizes', () => {
    expect(MIN_BENCHMARK_GROUP).toBe(3);
    expect(DEFAULT_BENCHMARK_GROUP).toBe(5);
  });

  it('suppresses four organisations at a threshold of five, with no statistics at all', () => {
    const result = benchmark(samples(10, 20, 30, 40), { minGroupSize: 5 });
    expect(result.overall).toStrictEqual({ status: 'suppressed', contributors: 4 });
  });

  it('gives median and quartiles, and nothing else, once enough contribute', () => {
    const result = benchmark(samples(50, 10, 40, 20, 30), { minGroupSize: 5 });
    expect(result.overall).toStrictEqual({
      status: 'ok',
      contributors: 5,
      median: 30,
      q1: 20,
      q3: 40,
    });
    expect(ZBenchmark.parse(result)).toEqual(result);
  });

  it('never lets the threshold fall below three', () => {
    expect(benchmark(samples(10, 20), { minGroupSize: 1 }).overall).toStrictEqual({
      status: 'suppressed',
      contributors: 2,
    });
    expect(benchmark(samples(10, 20), { minGroupSize: 0 }).overall.status).toBe('suppressed');
    expect(benchmark(samples(10, 20, 30), { minGroupSize: 1 }).overall).toStrictEqual({
      status: 'ok',
      contributors: 3,
      median: 20,
      q1: 15,
      q3: 25,
    });
  });

  it('counts only organisations with a score, pillar by pillar', () => {
    const result = benchmark(
      samples(
        scores(10, { employment: 10, estates: null }),
        scores(20, { employment: 20, estates: 60 }),
        scores(null, { employment: null, estates: null }),
        scores(40, { employment: 40 }),
      ),
      { minGroupSize: 3 },
    );
    expect(result.overall).toStrictEqual({
      status: 'ok',
      contributors: 3,
      median: 20,
      q1: 15,
      q3: 30,
    });
    expect(result.pillars).toStrictEqual([
      { pillarId: 'employment', status: 'ok', contributors: 3, median: 20, q1: 15, q3: 30 },
      { pillarId: 'estates', status: 'suppressed', contributors: 1 },
    ]);
  });

  it('suppresses an empty sample', () => {
    expect(benchmark([], { minGroupSize: DEFAULT_BENCHMARK_GROUP })).toStrictEqual({
      overall: { status: 'suppressed', contributors: 0 },
      pillars: [],
    });
  });

  it('throws when an organisation appears twice', () => {
    const twice = [
      { organisationId: 'org-a', scores: scores(10) },
      { organisationId: 'org-b', scores: scores(20) },
      { organisationId: 'org-a', scores: scores(30) },
    ];
    expect(() => benchmark(twice, { minGroupSize: 3 })).toThrow(/"org-a" appears twice/);
  });

  it('rejects a threshold that is not a number', () => {
    expect(() => benchmark(samples(1, 2, 3), { minGroupSize: Number.NaN })).toThrow(RangeError);
  });
});

describe('canShowSubgroup (complementary suppression)', () => {
  const t = DEFAULT_BENCHMARK_GROUP;

  it('hides a subgroup below the threshold and shows it from the threshold on (rest empty)', () => {
    expect(canShowSubgroup({ subgroup: t - 1, total: t - 1 }, t)).toBe(false);
    expect(canShowSubgroup({ subgroup: t, total: t }, t)).toBe(true);
    expect(canShowSubgroup({ subgroup: t + 1, total: t + 1 }, t)).toBe(true);
  });

  it('hides a large enough subgroup whose complement has 1 … threshold − 1 organisations', () => {
    expect(canShowSubgroup({ subgroup: t, total: t + 1 }, t)).toBe(false);
    expect(canShowSubgroup({ subgroup: t, total: t + t - 1 }, t)).toBe(false);
    expect(canShowSubgroup({ subgroup: t + 1, total: t + 1 + (t - 1) }, t)).toBe(false);
  });

  it('shows the subgroup when the complement reaches the threshold or more', () => {
    expect(canShowSubgroup({ subgroup: t, total: t + t }, t)).toBe(true);
    expect(canShowSubgroup({ subgroup: t, total: t + t + 1 }, t)).toBe(true);
    expect(canShowSubgroup({ subgroup: t - 1, total: t + t }, t)).toBe(false);
  });

  it('refuses a subgroup larger than the whole', () => {
    expect(() => canShowSubgroup({ subgroup: 4, total: 3 }, t)).toThrow(RangeError);
  });

  it('property: whenever it shows, both the subgroup and the rest are 0 or ≥ threshold', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: 0, max: 30 }),
        fc.integer({ min: MIN_BENCHMARK_GROUP, max: 10 }),
        (subgroup, rest, threshold) => {
          const shown = canShowSubgroup({ subgroup, total: subgroup + rest }, threshold);
          const safe = (n: number) => n === 0 || n >= threshold;
          expect(shown).toBe(subgroup >= threshold && safe(rest));
        },
      ),
    );
  });
});

describe('subgroupBenchmark', () => {
  const t = DEFAULT_BENCHMARK_GROUP;
  const sample = (id: string, overall: number, pillar: number | null = overall) => ({
    organisationId: id,
    scores: scores(overall, { people: pillar }),
  });
  const many = (prefix: string, n: number) =>
    Array.from({ length: n }, (_, i) => sample(`${prefix}${i}`, 10 * (i + 1)));
  const inA = (s: { organisationId: string }) => s.organisationId.startsWith('a');

  it('suppresses a subgroup of threshold − 1, shows threshold and threshold + 1 (rest empty)', () => {
    for (const [n, status] of [
      [t - 1, 'suppressed'],
      [t, 'ok'],
      [t + 1, 'ok'],
    ] as const) {
      const result = subgroupBenchmark(many('a', n), inA, { minGroupSize: t });
      expect(result.overall.status).toBe(status);
      expect(result.pillars[0]?.status).toBe(status);
    }
  });

  it('suppresses a full-size subgroup when the rest has threshold − 1, shows it at threshold', () => {
    const group = many('a', t);
    const hidden = subgroupBenchmark([...group, ...many('b', t - 1)], inA, { minGroupSize: t });
    expect(hidden.overall).toEqual({ status: 'suppressed', contributors: t });
    expect(hidden.pillars[0]).toEqual({
      pillarId: 'people',
      status: 'suppressed',
      contributors: t,
    });
    const shown = subgroupBenchmark([...group, ...many('b', t)], inA, { minGroupSize: t });
    expect(shown.overall.status).toBe('ok');
    const more = subgroupBenchmark([...group, ...many('b', t + 1)], inA, { minGroupSize: t });
    expect(more.overall.status).toBe('ok');
  });

  it('applies the rule per figure: a pillar only part of the rest answered', () => {
    const rest = [...many('b', t - 1).map((s) => ({ ...s, scores: scores(s.scores.overall) }))];
    // The rest has no "people" pillar at all: the pillar's complement is empty, so it shows.
    const result = subgroupBenchmark([...many('a', t), ...rest], inA, { minGroupSize: t });
    expect(result.overall.status).toBe('suppressed');
    expect(result.pillars[0]?.status).toBe('ok');
    expect(ZBenchmark.parse(result)).toEqual(result);
  });
});

describe('quartileOf', () => {
  const stat = { status: 'ok', contributors: 5, q1: 20, median: 30, q3: 40 } as const;
  it('places a score in quartiles 1 … 4, none when suppressed', () => {
    expect([10, 20, 25, 30, 35, 40, 41].map((s) => quartileOf(s, stat))).toEqual([
      1, 1, 2, 2, 3, 3, 4,
    ]);
    expect(quartileOf(10, { status: 'suppressed', contributors: 2 })).toBeUndefined();
  });
});

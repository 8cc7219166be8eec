import { describe, expect, it } from 'vitest';
import { benchmark, quantile } from './benchmark.js';
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

import { describe, expect, it } from 'vitest';
import { criterionScore, roundScore } from './criterion-score.js';

describe('criterionScore', () => {
  it('spreads a four-level scale over 0, 33.33, 66.67 and 100', () => {
    expect(criterionScore(1, 4)).toBe(0);
    expect(criterionScore(2, 4)).toBeCloseTo(33.3333, 4);
    expect(criterionScore(3, 4)).toBeCloseTo(66.6667, 4);
    expect(criterionScore(4, 4)).toBe(100);
  });

  it('puts the middle of a five-level scale at 50 and the ends of a two-level scale at 0 and 100', () => {
    expect(criterionScore(3, 5)).toBe(50);
    expect(criterionScore(1, 2)).toBe(0);
    expect(criterionScore(2, 2)).toBe(100);
  });

  it.each([0, 5, -1, 2.5, Number.NaN, Number.POSITIVE_INFINITY])(
    'rejects level %s on a four-level scale',
    (level) => {
      expect(() => criterionScore(level, 4)).toThrow(RangeError);
    },
  );

  it.each([1, 0, 3.5, Number.NaN])('rejects a scale of %s levels', (levelCount) => {
    expect(() => criterionScore(1, levelCount)).toThrow(RangeError);
  });
});

describe('roundScore', () => {
  it('rounds to one decimal', () => {
    expect(roundScore(66.666666)).toBe(66.7);
    expect(roundScore(33.333333)).toBe(33.3);
    expect(roundScore(100)).toBe(100);
    expect(roundScore(0)).toBe(0);
  });

  it('rounds halves away from zero on both sides', () => {
    expect(roundScore(1.45)).toBe(1.5);
    expect(roundScore(2.25)).toBe(2.3);
    expect(roundScore(-2.25)).toBe(-2.3);
  });

  it('never shows a negative zero', () => {
    expect(Object.is(roundScore(-0.04), 0)).toBe(true);
  });

  it('passes null through', () => {
    expect(roundScore(null)).toBeNull();
  });
});

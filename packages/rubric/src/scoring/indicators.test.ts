import { describe, expect, it } from 'vitest';
import { DEFAULT_FRAMEWORK } from '../frameworks/index.js';
import { checkIndicatorValues, indicatorBounds } from './indicators.js';

describe('indicatorBounds', () => {
  it('bounds a share in percent to 0–100 and lets a percent change go negative', () => {
    expect(indicatorBounds({ id: 'local-spend-share', unit: 'percent' })).toMatchObject({
      min: 0,
      max: 100,
    });
    expect(indicatorBounds({ id: 'emissions-change-from-base-year', unit: 'percent' }).min).toBe(
      -100,
    );
    expect(indicatorBounds({ id: 'apprentices', unit: 'count' })).toMatchObject({
      min: 0,
      integer: true,
    });
    expect(indicatorBounds({ id: 'community-use-hours', unit: 'hours' })).toMatchObject({
      min: 0,
      integer: false,
    });
  });

  it('knows every indicator of the default framework by its unit', () => {
    const negative = DEFAULT_FRAMEWORK.indicators.filter((i) => indicatorBounds(i).min < 0);
    expect(negative.map((i) => i.id)).toEqual(['emissions-change-from-base-year']);
  });
});

describe('checkIndicatorValues', () => {
  it('accepts values of the pillar within range', () => {
    expect(
      checkIndicatorValues(DEFAULT_FRAMEWORK, 'net-zero', {
        'scope-1-emissions': 120.5,
        'emissions-change-from-base-year': -35,
      }),
    ).toEqual([]);
    expect(
      checkIndicatorValues(DEFAULT_FRAMEWORK, 'procurement', { 'local-spend-share': 100 }),
    ).toEqual([]);
  });

  it('reports an indicator of another pillar or an unknown one', () => {
    const issues = checkIndicatorValues(DEFAULT_FRAMEWORK, 'employment', {
      'local-spend-share': 10,
      'no-such-indicator': 1,
    });
    expect(issues.map((i) => [i.indicatorId, i.code])).toEqual([
      ['local-spend-share', 'unknown_indicator'],
      ['no-such-indicator', 'unknown_indicator'],
    ]);
  });

  it.each([
    ['procurement', 'local-spend-share', 100.5],
    ['procurement', 'local-spend-share', -1],
    ['employment', 'apprentices', 2.5],
    ['employment', 'apprentices', -3],
    ['net-zero', 'emissions-change-from-base-year', -101],
    ['net-zero', 'scope-1-emissions', Number.POSITIVE_INFINITY],
    ['net-zero', 'scope-1-emissions', Number.NaN],
  ])('refuses %s %s = %s', (pillarId, indicatorId, value) => {
    const issues = checkIndicatorValues(DEFAULT_FRAMEWORK, pillarId, { [indicatorId]: value });
    expect(issues).toEqual([
      expect.objectContaining({ indicatorId, code: 'indicator_out_of_range' }),
    ]);
  });
});

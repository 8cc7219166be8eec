import type { TFramework, TIndicator } from '../schemas/framework.js';

/** The values an indicator accepts. */
export interface IndicatorBounds {
  min: number;
  max: number;
  integer: boolean;
}

// A "% change" indicator (e.g. `emissions-change-from-base-year`) is a change, not a share: a fall
// is negative, down to −100 % (nothing left), and a rise has no natural ceiling.
const CHANGE_ID = /(^|-)change(-|$)/;

/**
 * What an indicator's unit allows: a share in percent is 0–100; a percent change is −100 upwards;
 * a count is a whole number ≥ 0; tonnes of CO2e and hours are ≥ 0.
 */
export function indicatorBounds(indicator: Pick<TIndicator, 'id' | 'unit'>): IndicatorBounds {
  switch (indicator.unit) {
    case 'percent':
      return CHANGE_ID.test(indicator.id)
        ? { min: -100, max: Number.MAX_SAFE_INTEGER, integer: false }
        : { min: 0, max: 100, integer: false };
    case 'count':
      return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: true };
    default:
      return { min: 0, max: Number.MAX_SAFE_INTEGER, integer: false };
  }
}

export interface IndicatorIssue {
  indicatorId: string;
  code: 'unknown_indicator' | 'indicator_out_of_range';
  message: string;
}

/**
 * Checks indicator values entered on a criterion of `pillarId`: each id must be one of the
 * framework's indicators for that pillar, and each value finite and within
 * {@link indicatorBounds}. Returns every problem; an empty list means the values are fine.
 */
export function checkIndicatorValues(
  framework: Pick<TFramework, 'indicators'>,
  pillarId: string,
  values: Readonly<Record<string, number>>,
): IndicatorIssue[] {
  const issues: IndicatorIssue[] = [];
  for (const [indicatorId, value] of Object.entries(values)) {
    const indicator = framework.indicators.find(
      (i) => i.id === indicatorId && i.pillarId === pillarId,
    );
    if (!indicator) {
      issues.push({
        indicatorId,
        code: 'unknown_indicator',
        message: `"${indicatorId}" is not an indicator of pillar "${pillarId}"`,
      });
      continue;
    }
    const { min, max, integer } = indicatorBounds(indicator);
    if (
      !Number.isFinite(value) ||
      value < min ||
      value > max ||
      (integer && !Number.isInteger(value))
    ) {
      const range = max === Number.MAX_SAFE_INTEGER ? `at least ${min}` : `from ${min} to ${max}`;
      issues.push({
        indicatorId,
        code: 'indicator_out_of_range',
        message: `"${indicatorId}" (${indicator.unit}) must be ${integer ? 'a whole number ' : ''}${range}, got ${value}`,
      });
    }
  }
  return issues;
}

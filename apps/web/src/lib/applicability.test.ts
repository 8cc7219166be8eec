import { describe, expect, it } from 'vitest';
import { ApiError } from './api-client';
import { describeApplicability, describeOptionalPillar } from './applicability';
import { levelTone } from './level-tone';
import { shouldRetry } from './query-client';

describe('describeApplicability', () => {
  it.each([
    [undefined, null],
    [{}, null],
    [{ sizeBands: ['medium', 'large'] as const }, 'Medium and large organisations only'],
    [
      { sizeBands: ['small', 'medium', 'large'] as const },
      'Small, medium and large organisations only',
    ],
    [{ organisationTypes: ['public_sector'] as const }, 'Public-sector organisations only'],
    [
      { organisationTypes: ['business'] as const, sizeBands: ['large'] as const },
      'Large businesses only',
    ],
  ])('%j → %s', (appliesTo, expected) => {
    expect(describeApplicability(appliesTo && ({ ...appliesTo } as never))).toBe(expected);
  });
});

describe('describeOptionalPillar', () => {
  it('labels a public-sector optional pillar for public anchors', () => {
    expect(
      describeOptionalPillar({
        optional: true,
        appliesTo: { organisationTypes: ['public_sector'] },
      }),
    ).toBe('Optional — public anchors');
  });
  it('labels other optional pillars by who can switch them on', () => {
    expect(describeOptionalPillar({ optional: true })).toBe(
      'Optional — a network can switch it on',
    );
    expect(describeOptionalPillar({ optional: true, appliesTo: { sizeBands: ['large'] } })).toBe(
      'Optional — large organisations only',
    );
  });
  it('says nothing of a core pillar', () => {
    expect(describeOptionalPillar({ optional: false })).toBeNull();
  });
});

describe('levelTone', () => {
  it('maps any scale onto the four tones, warm to deep', () => {
    expect([1, 2, 3, 4].map((l) => levelTone(l, 4))).toEqual([1, 2, 3, 4]);
    expect([1, 2, 3].map((l) => levelTone(l, 3))).toEqual([1, 3, 4]);
    expect([1, 2, 3, 4, 5].map((l) => levelTone(l, 5))).toEqual([1, 2, 3, 3, 4]);
  });
});

describe('shouldRetry', () => {
  const problem = (status: number) =>
    new ApiError({ type: 'about:blank', title: 't', status, code: 'c' });
  it('retries lost connections and server errors, twice at most', () => {
    expect(shouldRetry(0, problem(0))).toBe(true);
    expect(shouldRetry(1, problem(503))).toBe(true);
    expect(shouldRetry(2, problem(503))).toBe(false);
  });
  it('never retries a client error or an unknown failure', () => {
    expect(shouldRetry(0, problem(404))).toBe(false);
    expect(shouldRetry(0, new Error('bug'))).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { criteriaCounts, formatScore, formatScoreChange } from './format.js';

describe('formatScore', () => {
  it('shows a whole number, halves rounded up', () => {
    expect(formatScore(66.6667)).toBe('67');
    expect(formatScore(33.3)).toBe('33');
    expect(formatScore(12.5)).toBe('13');
    expect(formatScore(0)).toBe('0');
    expect(formatScore(100)).toBe('100');
  });
  it('never shows -0', () => {
    expect(formatScore(-0.2)).toBe('0');
  });
  it('says when there is no score', () => {
    expect(formatScore(null)).toBe('Not scored');
    expect(formatScore(null, '–')).toBe('–');
    expect(formatScore(Number.NaN, '–')).toBe('–');
  });
});

describe('formatScoreChange', () => {
  it('signs the change with a true minus', () => {
    expect(formatScoreChange(12.4)).toBe('+12');
    expect(formatScoreChange(-3.2)).toBe('−3');
    expect(formatScoreChange(0.3)).toBe('0');
    expect(formatScoreChange(-0.3)).toBe('0');
  });
});

describe('criteriaCounts', () => {
  it('leaves not-applicable criteria out of both counts, as the scores do', () => {
    // The task list's progress: 35 of 35 settled, one of them not applicable.
    expect(criteriaCounts({ answered: 35, applicable: 35 }, 1)).toEqual({
      answered: 34,
      applicable: 34,
      notApplicable: 1,
      percent: 100,
    });
  });
  it('rounds the percentage to a whole number', () => {
    expect(criteriaCounts({ answered: 1, applicable: 3 }, 0).percent).toBe(33);
    expect(criteriaCounts({ answered: 2, applicable: 3 }, 0).percent).toBe(67);
  });
  it('is complete when everything is not applicable', () => {
    expect(criteriaCounts({ answered: 2, applicable: 2 }, 2)).toEqual({
      answered: 0,
      applicable: 0,
      notApplicable: 2,
      percent: 100,
    });
  });
  it('clamps counts that contradict each other', () => {
    expect(criteriaCounts({ answered: 4, applicable: 3 }, 0)).toMatchObject({
      answered: 3,
      applicable: 3,
    });
    expect(criteriaCounts({ answered: 1, applicable: 3 }, 2)).toEqual({
      answered: 0,
      applicable: 2,
      notApplicable: 1,
      percent: 0,
    });
  });
});

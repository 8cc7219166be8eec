import { describe, expect, it } from 'vitest';
import { assessmentProgress, isSettled } from './progress.js';
import { makeFramework } from './test-frameworks.js';

const framework = makeFramework({
  pillars: [
    {
      id: 'employment',
      criteria: ['wage', 'hiring', { id: 'big-only', appliesTo: { sizeBands: ['large'] } }],
    },
    { id: 'procurement', criteria: ['spend', 'tenders'] },
    { id: 'services', optional: true, criteria: ['commissioning'] },
  ],
});

describe('isSettled', () => {
  it('counts a level or not applicable, never "don\'t know yet"', () => {
    expect(isSettled(undefined)).toBe(false);
    expect(isSettled({ criterionId: 'wage', level: null })).toBe(false);
    expect(isSettled({ criterionId: 'wage', level: 1 })).toBe(true);
    expect(isSettled({ criterionId: 'wage', level: null, notApplicable: true })).toBe(true);
  });
});

describe('assessmentProgress', () => {
  it('counts per applicable pillar and lists what is missing in framework order', () => {
    const progress = assessmentProgress(
      framework,
      [
        { criterionId: 'wage', level: 2 },
        { criterionId: 'hiring', level: null },
        { criterionId: 'spend', level: null, notApplicable: true },
        { criterionId: 'tenders', level: 4 },
        { criterionId: 'big-only', level: 3 },
        { criterionId: 'unknown', level: 1 },
      ],
      { profile: { sizeBand: 'micro' } },
    );
    expect(progress.pillars).toEqual([
      {
        pillarId: 'employment',
        criterionIds: ['wage', 'hiring'],
        answered: 1,
        applicable: 2,
        status: 'in_progress',
        missingCriterionIds: ['hiring'],
      },
      {
        pillarId: 'procurement',
        criterionIds: ['spend', 'tenders'],
        answered: 2,
        applicable: 2,
        status: 'complete',
        missingCriterionIds: [],
      },
    ]);
    // 'spend' is answered as not applicable; 'big-only' does not apply to a micro organisation.
    expect(progress).toMatchObject({ answered: 3, applicable: 4, ratio: 0.75, notApplicable: 1 });
    expect(progress.missingCriterionIds).toEqual(['hiring']);
  });

  it('includes switched-on optional pillars and reports not started', () => {
    const progress = assessmentProgress(framework, [], {
      profile: { sizeBand: 'large' },
      includeOptionalPillars: ['services'],
    });
    expect(progress.pillars.map((p) => [p.pillarId, p.status, p.applicable])).toEqual([
      ['employment', 'not_started', 3],
      ['procurement', 'not_started', 2],
      ['services', 'not_started', 1],
    ]);
    expect(progress.missingCriterionIds).toHaveLength(6);
    expect(progress.ratio).toBe(0);
  });
});

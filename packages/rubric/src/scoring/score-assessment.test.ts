import { describe, expect, it } from 'vitest';
import type { TAnswerInput } from './schemas.js';
import { scoreAssessment } from './score-assessment.js';
import { makeFramework } from './test-frameworks.js';

// Four levels: criterion scores are 0, 33.33, 66.67 and 100.
const framework = makeFramework({
  pillars: [
    {
      id: 'employment',
      weight: 2,
      criteria: [
        { id: 'living-wage', weight: 1 },
        { id: 'local-hiring', weight: 3 },
        { id: 'apprenticeships', weight: 1 },
      ],
    },
    { id: 'procurement', weight: 1, criteria: ['local-spend', 'social-value'] },
  ],
});

function pillar(scores: ReturnType<typeof scoreAssessment>, id: string) {
  const found = scores.pillars.find((p) => p.pillarId === id);
  if (!found) throw new Error(`no pillar ${id}`);
  return found;
}

describe('scoreAssessment: a worked example', () => {
  const answers: TAnswerInput[] = [
    { criterionId: 'living-wage', level: 2 },
    { criterionId: 'local-hiring', level: 4 },
    { criterionId: 'apprenticeships', level: null },
    { criterionId: 'local-spend', level: 1, targetLevel: 3 },
    { criterionId: 'social-value', level: null, notApplicable: true },
  ];
  const scores = scoreAssessment(framework, answers);

  it('takes the criterion-weighted mean within a pillar', () => {
    // (33.33 × 1 + 100 × 3) / 4 = 83.33; mean level (2 + 12) / 4 = 3.5 reaches "Established".
    const employment = pillar(scores, 'employment');
    expect(employment.score).toBeCloseTo(83.3333, 4);
    expect(employment.meanLevel).toBe(3.5);
    expect(employment.stage).toEqual({ level: 3, name: 'Established' });
    expect(employment.targetScore).toBeCloseTo(83.3333, 4);
  });

  it('counts "don\'t know" as applicable but unanswered', () => {
    expect(pillar(scores, 'employment')).toMatchObject({
      answered: 2,
      applicable: 3,
      status: 'in_progress',
    });
    expect(pillar(scores, 'employment').completeness).toBeCloseTo(2 / 3, 10);
  });

  it('leaves a not-applicable criterion out and uses target levels for the target score', () => {
    expect(pillar(scores, 'procurement')).toEqual({
      pillarId: 'procurement',
      score: 0,
      meanLevel: 1,
      stage: { level: 1, name: 'Starting' },
      targetScore: (100 * 2) / 3,
      answered: 1,
      applicable: 1,
      completeness: 1,
      status: 'complete',
    });
  });

  it('takes the pillar-weighted mean overall and sums completeness', () => {
    // (83.33 × 2 + 0 × 1) / 3 = 55.56; target (83.33 × 2 + 66.67 × 1) / 3 = 77.78.
    expect(scores.overall).toBeCloseTo(55.5556, 4);
    expect(scores.overallTarget).toBeCloseTo(77.7778, 4);
    expect(scores.completeness).toEqual({ answered: 3, applicable: 4, ratio: 0.75 });
  });
});

describe('scoreAssessment: rules', () => {
  it('scores nothing and marks every pillar not started when nothing is answered', () => {
    const scores = scoreAssessment(framework, []);
    expect(scores.overall).toBeNull();
    expect(scores.overallTarget).toBeNull();
    expect(scores.completeness).toEqual({ answered: 0, applicable: 5, ratio: 0 });
    for (const p of scores.pillars) {
      expect(p).toMatchObject({
        score: null,
        meanLevel: null,
        stage: null,
        targetScore: null,
        answered: 0,
        completeness: 0,
        status: 'not_started',
      });
    }
  });

  it('marks an all-not-applicable pillar complete with a null score, and leaves it out of overall', () => {
    const scores = scoreAssessment(framework, [
      { criterionId: 'living-wage', level: 3 },
      { criterionId: 'local-spend', level: null, notApplicable: true },
      { criterionId: 'social-value', level: 2, notApplicable: true },
    ]);
    expect(pillar(scores, 'procurement')).toMatchObject({
      score: null,
      stage: null,
      answered: 0,
      applicable: 0,
      completeness: 1,
      status: 'complete',
    });
    expect(scores.overall).toBeCloseTo(66.6667, 4);
  });

  it('lets not-applicable win over a level given alongside it', () => {
    const withLevel = scoreAssessment(framework, [
      { criterionId: 'living-wage', level: 4, notApplicable: true },
      { criterionId: 'local-hiring', level: 1 },
    ]);
    expect(pillar(withLevel, 'employment')).toMatchObject({ score: 0, answered: 1, applicable: 2 });
  });

  it('scores "don\'t know" exactly like no answer', () => {
    const dontKnow = scoreAssessment(framework, [
      { criterionId: 'living-wage', level: 3 },
      { criterionId: 'local-hiring', level: null, targetLevel: 4 },
    ]);
    const absent = scoreAssessment(framework, [{ criterionId: 'living-wage', level: 3 }]);
    expect(dontKnow).toEqual(absent);
    expect(pillar(dontKnow, 'employment').targetScore).toBeCloseTo(66.6667, 4);
  });

  it('treats a null target as no target', () => {
    const scores = scoreAssessment(framework, [
      { criterionId: 'living-wage', level: 2, targetLevel: null },
    ]);
    expect(pillar(scores, 'employment').targetScore).toBeCloseTo(33.3333, 4);
  });

  it('ignores answers to unknown criteria and to criteria that do not apply to the profile', () => {
    const fw = makeFramework({
      pillars: [
        {
          id: 'estates',
          criteria: [
            'community-use',
            { id: 'capital-programme', appliesTo: { sizeBands: ['large'] } },
          ],
        },
      ],
    });
    const answers = [
      { criterionId: 'community-use', level: 3 },
      { criterionId: 'capital-programme', level: 1 },
      { criterionId: 'no-such-criterion', level: 99 },
    ];
    const small = scoreAssessment(fw, answers, { profile: { sizeBand: 'small' } });
    expect(small.overall).toBeCloseTo(66.6667, 4);
    expect(small.completeness).toEqual({ answered: 1, applicable: 1, ratio: 1 });
    const large = scoreAssessment(fw, answers, { profile: { sizeBand: 'large' } });
    expect(large.overall).toBeCloseTo(33.3333, 4);
    expect(large.completeness).toEqual({ answered: 2, applicable: 2, ratio: 1 });
  });

  it('leaves optional pillars out unless switched on', () => {
    const fw = makeFramework({
      pillars: [
        { id: 'employment', criteria: ['living-wage'] },
        { id: 'service-delivery', optional: true, criteria: ['social-prescribing'] },
      ],
    });
    const answers = [
      { criterionId: 'living-wage', level: 4 },
      { criterionId: 'social-prescribing', level: 1 },
    ];
    expect(scoreAssessment(fw, answers).overall).toBe(100);
    expect(scoreAssessment(fw, answers).pillars.map((p) => p.pillarId)).toEqual(['employment']);
    const on = scoreAssessment(fw, answers, { includeOptionalPillars: ['service-delivery'] });
    expect(on.overall).toBe(50);
  });

  it('names the stage after the level the mean level reaches, rounding down', () => {
    const fw = makeFramework({
      pillars: [{ id: 'net-zero', criteria: ['fleet', 'heat', 'power'] }],
    });
    const stage = (levels: number[]) =>
      scoreAssessment(
        fw,
        ['fleet', 'heat', 'power'].map((criterionId, i) => ({
          criterionId,
          level: levels[i] ?? null,
        })),
      ).pillars[0]?.stage;
    expect(stage([4, 4, 3])).toEqual({ level: 3, name: 'Established' }); // 3.67
    expect(stage([4, 4, 1])).toEqual({ level: 3, name: 'Established' }); // exactly 3
    expect(stage([3, 3, 2])).toEqual({ level: 2, name: 'Developing' }); // 2.67
    expect(stage([4, 4, 4])).toEqual({ level: 4, name: 'Leading' });
    expect(stage([1, 1, 1])).toEqual({ level: 1, name: 'Starting' });
  });

  it('does not lose a stage to floating-point error in the weights', () => {
    const fw = (weights: number[]) =>
      makeFramework({
        pillars: [
          {
            id: 'net-zero',
            criteria: ['fleet', 'heat', 'power'].map((id, i) => ({ id, weight: weights[i] })),
          },
        ],
      });
    const answers = (levels: number[]) =>
      ['fleet', 'heat', 'power'].map((criterionId, i) => ({
        criterionId,
        level: levels[i] ?? null,
      }));

    // Summed naively, 3 × (0.1 + 0.2 + 0.3) / (0.1 + 0.2 + 0.3) is 2.9999999999999996.
    const same = scoreAssessment(fw([0.1, 0.2, 0.3]), answers([3, 3, 3])).pillars[0];
    expect(same?.meanLevel).toBe(3);
    expect(same?.score).toBe(200 / 3);
    expect(same?.stage).toEqual({ level: 3, name: 'Established' });

    // (2 × 0.1 + 4 × 0.1 + 3 × 0.6) / 0.8 is exactly 3, computed as 2.9999999999999996.
    const mixed = scoreAssessment(fw([0.1, 0.1, 0.6]), answers([2, 4, 3])).pillars[0];
    expect(mixed?.meanLevel).toBeCloseTo(3, 12);
    expect(mixed?.stage).toEqual({ level: 3, name: 'Established' });
  });

  it('throws on two answers for one criterion', () => {
    expect(() =>
      scoreAssessment(framework, [
        { criterionId: 'living-wage', level: 2 },
        { criterionId: 'living-wage', level: 3 },
      ]),
    ).toThrow(/two answers name criterion "living-wage"/);
  });

  it('throws a RangeError for a level or target off the scale', () => {
    expect(() => scoreAssessment(framework, [{ criterionId: 'living-wage', level: 5 }])).toThrow(
      RangeError,
    );
    expect(() =>
      scoreAssessment(framework, [{ criterionId: 'living-wage', level: 2, targetLevel: 0 }]),
    ).toThrow(RangeError);
  });
});

import { describe, expect, it } from 'vitest';
import { ZAssessmentResults } from '../api/assessments.js';
import { toRadarData } from '../charts/radar.js';
import { DEFAULT_FRAMEWORK } from '../frameworks/index.js';
import { roundScore } from './criterion-score.js';
import { buildAssessmentResults, nextStep, suggestAction } from './results.js';
import type { TAnswerInput } from './schemas.js';
import { scoreAssessment } from './score-assessment.js';
import { makeFramework } from './test-frameworks.js';

const framework = makeFramework({
  pillars: [
    { id: 'employment', criteria: ['wage', 'hiring', 'skills'] },
    { id: 'procurement', criteria: ['spend', 'tenders'] },
    { id: 'estates', criteria: ['buildings'] },
    {
      id: 'carbon',
      criteria: ['emissions', { id: 'big-only', appliesTo: { sizeBands: ['large'] } }],
    },
  ],
});
const profile = { organisationType: 'business' as const, sizeBand: 'small' as const };

const answers: TAnswerInput[] = [
  { criterionId: 'wage', level: 4 },
  { criterionId: 'hiring', level: 3, targetLevel: 4 },
  { criterionId: 'skills', level: 1, targetLevel: 3 },
  { criterionId: 'spend', level: 2, targetLevel: 4 },
  { criterionId: 'tenders', level: null, notApplicable: true },
  { criterionId: 'buildings', level: null },
];

describe('nextStep', () => {
  const criterion = framework.pillars[0]?.criteria[0];
  if (!criterion) throw new Error('fixture');
  it('gives the next level, level 1 when unanswered, nothing at the top', () => {
    expect(nextStep(framework, criterion, 2)).toEqual({
      level: 3,
      name: 'Established',
      descriptor: 'wage at level 3.',
      example: 'An example of wage at level 3.',
    });
    expect(nextStep(framework, criterion, null)?.level).toBe(1);
    expect(nextStep(framework, criterion, 4)).toBeNull();
  });
});

describe('suggestAction', () => {
  const criterion = DEFAULT_FRAMEWORK.pillars[0]?.criteria[0];
  if (!criterion) throw new Error('fixture');
  it('pre-fills from the next level, within the title limit', () => {
    const suggestion = suggestAction(DEFAULT_FRAMEWORK, criterion, 2);
    expect(suggestion.title).toBe(`${criterion.title}: reach Embedding`);
    expect(suggestion.description).toBe(
      `${criterion.levels[2]?.descriptor}\n\nFor example: ${criterion.levels[2]?.example}`,
    );
  });
  it('cuts a long title with an ellipsis', () => {
    const s = suggestAction(DEFAULT_FRAMEWORK, criterion, 2, 12);
    expect(s.title.length).toBeLessThanOrEqual(12);
    expect(s.title.endsWith('…')).toBe(true);
  });
  it('says keep at the top level', () => {
    expect(suggestAction(DEFAULT_FRAMEWORK, criterion, 4)).toEqual({
      title: `${criterion.title}: keep Leading`,
      description: null,
    });
  });
});

describe('buildAssessmentResults', () => {
  const results = buildAssessmentResults(framework, answers, { profile });
  const scores = scoreAssessment(framework, answers, { profile });

  it('fits the API contract', () => {
    expect(() =>
      ZAssessmentResults.parse({
        ...results,
        assessmentId: '3f1c6a62-8a57-4a43-9d0b-5cbd1f0f1f1b',
        status: 'draft',
        revision: 1,
        source: 'working_copy',
        framework: { id: framework.id, version: framework.version },
      }),
    ).not.toThrow();
  });

  it("rounds scoreAssessment's numbers and keeps its counts", () => {
    expect(results.overall.score).toBe(roundScore(scores.overall));
    expect(results.overall.targetScore).toBe(roundScore(scores.overallTarget));
    expect(results.completeness).toEqual(scores.completeness);
    expect(results.pillars.map((p) => [p.pillarId, p.score, p.targetScore])).toEqual(
      scores.pillars.map((p) => [p.pillarId, roundScore(p.score), roundScore(p.targetScore)]),
    );
    // employment: levels 4, 3, 1 → (100 + 66.67 + 0) / 3 = 55.6; targets 4, 4, 3 → 88.9.
    expect(results.pillars[0]).toMatchObject({ score: 55.6, targetScore: 88.9, gap: 33.3 });
    expect(results.pillars[0]?.stage).toEqual({ level: 2, name: 'Developing' });
  });

  it('derives the overall stage from the overall score', () => {
    // employment 55.6, procurement 33.3, carbon and estates unanswered → overall 44.4 → level 2.
    expect(results.overall.score).toBe(44.4);
    expect(results.overall.stage).toEqual({ level: 2, name: 'Developing' });
  });

  it('gives radar rows equal to toRadarData for today and target', () => {
    const radar = toRadarData(framework, [
      { key: 'today', scores },
      { key: 'target', scores, metric: 'targetScore' },
    ]);
    expect(results.radar).toEqual(radar);
  });

  it('lists applicable criteria only, with what to do next', () => {
    expect(results.criteria.map((c) => c.criterionId)).toEqual([
      'wage',
      'hiring',
      'skills',
      'spend',
      'tenders',
      'buildings',
      'emissions',
    ]);
    const byId = new Map(results.criteria.map((c) => [c.criterionId, c]));
    expect(byId.get('wage')).toMatchObject({ level: 4, levelName: 'Leading', next: null });
    expect(byId.get('skills')).toMatchObject({
      level: 1,
      gap: 2,
      next: { level: 2, name: 'Developing' },
    });
    expect(byId.get('tenders')).toMatchObject({ notApplicable: true, level: null, next: null });
    expect(byId.get('buildings')).toMatchObject({ level: null, next: { level: 1 } });
  });

  it('ranks strengths and priorities', () => {
    expect(results.strengths.pillars.map((p) => p.pillarId)).toEqual(['employment', 'procurement']);
    expect(results.strengths.criteria.map((c) => c.criterionId)).toEqual(['wage', 'hiring']);
    expect(results.priorities.pillars.map((p) => p.pillarId)).toEqual([
      'procurement',
      'employment',
    ]);
    // skills and spend both gap 2: the lower level first; then hiring (gap 1).
    expect(results.priorities.criteria.map((c) => [c.criterionId, c.gap])).toEqual([
      ['skills', 2],
      ['spend', 2],
      ['hiring', 1],
    ]);
  });

  it('does not call a pillar scoring 0 (every criterion at the first level) a strength', () => {
    const atFirstLevel = buildAssessmentResults(
      framework,
      answers.map((a) => (a.level === null ? a : { ...a, level: 1 })),
      { profile },
    );
    expect(atFirstLevel.pillars.filter((p) => p.score === 0).length).toBeGreaterThan(0);
    expect(atFirstLevel.strengths.pillars).toEqual([]);
  });

  it('is empty but well-formed with no answers', () => {
    const empty = buildAssessmentResults(framework, [], { profile });
    expect(empty.overall).toEqual({ score: null, targetScore: null, stage: null });
    expect(empty.strengths).toEqual({ pillars: [], criteria: [] });
    expect(empty.priorities).toEqual({ pillars: [], criteria: [] });
    expect(empty.radar.every((r) => r.today === null && r.target === null)).toBe(true);
  });

  it('takes a stored snapshot instead of scoring again', () => {
    const snapshot = { ...scores, overall: 12.34 };
    expect(buildAssessmentResults(framework, answers, { profile }, snapshot).overall.score).toBe(
      12.3,
    );
  });
});

import {
  DEFAULT_FRAMEWORK,
  roundScore,
  scoreAssessment,
  type TAnswerInput,
  ZAssessmentDetail,
  ZAssessmentResults,
  ZRevisionListResponse,
} from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import {
  answerAll,
  createAssessment,
  putAnswer,
  type TestAssessment,
  useAssessmentTeam,
} from './assessment-factories.js';
import { useTestApp } from './build-test-app.js';
import { call, createOrganisation, createUser, type TestUser } from './factories.js';

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);

const profile = { organisationType: 'business', sizeBand: 'large' } as const;

const url = (query = '') => `/assessments/${team.assessment.id}/results${query}`;

function expectMatchesScoring(
  body: ReturnType<typeof ZAssessmentResults.parse>,
  answers: TAnswerInput[],
) {
  const scores = scoreAssessment(DEFAULT_FRAMEWORK, answers, { profile });
  expect(body.overall.score).toBe(roundScore(scores.overall));
  expect(body.overall.targetScore).toBe(roundScore(scores.overallTarget));
  expect(body.completeness).toEqual(scores.completeness);
  expect(
    body.pillars.map((p) => [
      p.pillarId,
      p.score,
      p.targetScore,
      p.stage,
      p.answered,
      p.applicable,
    ]),
  ).toEqual(
    scores.pillars.map((p) => [
      p.pillarId,
      roundScore(p.score),
      roundScore(p.targetScore),
      p.stage,
      p.answered,
      p.applicable,
    ]),
  );
}

describe('GET /assessments/:assessmentId/results', () => {
  it('works on a partial draft: the numbers are scoreAssessment’s, rounded', async () => {
    const given: TAnswerInput[] = [
      { criterionId: 'real-living-wage-staff', level: 4, targetLevel: 4 },
      { criterionId: 'secure-contracts', level: 2, targetLevel: 4 },
      { criterionId: 'flexible-work', level: null, notApplicable: true },
      { criterionId: 'spend-analysis', level: 1, targetLevel: 2 },
      { criterionId: 'progression', level: null },
    ];
    for (const a of given) {
      await putAnswer(ctx, team.contributor, team.assessment.id, a.criterionId, {
        level: a.level,
        ...(a.notApplicable ? { notApplicable: { reason: 'Not for us' } } : {}),
        ...(a.targetLevel ? { targetLevel: a.targetLevel } : {}),
        version: 0,
      });
    }
    const res = await call(ctx, team.viewer, 'GET', url());
    expect(res.statusCode).toBe(200);
    const body = ZAssessmentResults.parse(res.json());
    expect(body).toMatchObject({
      assessmentId: team.assessment.id,
      status: 'draft',
      revision: 1,
      source: 'working_copy',
      framework: { id: 'anchor-progression', version: 1 },
    });
    expectMatchesScoring(body, given);
    // employment: levels 4 and 2 → (100 + 33.3) / 2 = 66.7; procurement: level 1 → 0.
    expect(body.pillars.find((p) => p.pillarId === 'employment')).toMatchObject({
      score: 66.7,
      targetScore: 100,
    });
    expect(body.radar.map((r) => r.pillarId)).toEqual(body.pillars.map((p) => p.pillarId));
    expect(body.radar[0]).toEqual({
      axis: 'Employment',
      pillarId: 'employment',
      today: 66.7,
      target: 100,
    });
    expect(body.radar[2]).toMatchObject({ today: null, target: null });
    expect(body.priorities.criteria.map((c) => c.criterionId)).toEqual([
      'secure-contracts',
      'spend-analysis',
    ]);
    expect(body.strengths.criteria.map((c) => c.criterionId)).toEqual(['real-living-wage-staff']);
  });

  it('gives the next level’s descriptor and example as what to do next, none at the top', async () => {
    await putAnswer(ctx, team.admin, team.assessment.id, 'real-living-wage-staff', {
      level: 4,
      version: 0,
    });
    await putAnswer(ctx, team.admin, team.assessment.id, 'secure-contracts', {
      level: 2,
      version: 0,
    });
    const body = (await call(ctx, team.admin, 'GET', url())).json();
    const byId = new Map(body.criteria.map((c: { criterionId: string }) => [c.criterionId, c]));
    expect(byId.get('real-living-wage-staff')).toMatchObject({
      level: 4,
      levelName: 'Leading',
      next: null,
    });
    const descriptor = DEFAULT_FRAMEWORK.pillars[0]?.criteria.find(
      (c) => c.id === 'secure-contracts',
    )?.levels[2];
    expect(byId.get('secure-contracts')).toMatchObject({
      level: 2,
      levelName: 'Developing',
      next: {
        level: 3,
        name: 'Embedding',
        descriptor: descriptor?.descriptor,
        example: descriptor?.example,
      },
    });
    expect(byId.get('progression')).toMatchObject({
      level: null,
      next: { level: 1, name: 'Getting started' },
    });
    expect(body.criteria).toHaveLength(team.assessment.criterionIds.length);
  });

  it('leaves out what does not apply to a micro organisation', async () => {
    const admin = await createUser(ctx);
    const micro = await createOrganisation(ctx, admin, { sizeBand: 'micro' });
    const assessment = await createAssessment(ctx, micro);
    const body = (await call(ctx, admin, 'GET', `/assessments/${assessment.id}/results`)).json();
    expect(body.criteria.map((c: { criterionId: string }) => c.criterionId)).toEqual(
      assessment.criterionIds,
    );
    expect(body.overall).toEqual({ score: null, targetScore: null, stage: null });
  });

  it('reads a submitted revision from its snapshot, unchanged after reopening and editing', async () => {
    await answerAll(ctx, team.contributor, team.assessment, () => ({ level: 2, targetLevel: 3 }));
    expect(
      (await call(ctx, team.admin, 'POST', `/assessments/${team.assessment.id}/submit`)).statusCode,
    ).toBe(200);
    const submitted = ZAssessmentResults.parse((await call(ctx, team.viewer, 'GET', url())).json());
    expect(submitted).toMatchObject({ status: 'submitted', source: 'submitted', revision: 1 });
    expect(submitted.overall).toEqual({
      score: 33.3,
      targetScore: 66.7,
      stage: { level: 2, name: 'Developing' },
    });

    await call(ctx, team.admin, 'POST', `/assessments/${team.assessment.id}/reopen`);
    await putAnswer(ctx, team.admin, team.assessment.id, 'real-living-wage-staff', {
      level: 4,
      version: 1,
    });
    const working = ZAssessmentResults.parse((await call(ctx, team.viewer, 'GET', url())).json());
    expect(working).toMatchObject({ status: 'reopened', source: 'working_copy', revision: 2 });
    expect(working.overall.score).not.toBe(33.3);

    const first = ZAssessmentResults.parse(
      (await call(ctx, team.viewer, 'GET', url('?revision=1'))).json(),
    );
    expect(first).toMatchObject({ source: 'submitted', revision: 1, status: 'reopened' });
    expect({ ...first, status: 'submitted' }).toEqual(submitted);
  });

  it('a revision never submitted → 404 revision_not_found', async () => {
    const res = await call(ctx, team.admin, 'GET', url('?revision=2'));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('revision_not_found');
  });

  it.each(['admin', 'contributor', 'viewer'] as const)('a %s may read them', async (who) => {
    expect((await call(ctx, team[who], 'GET', url())).statusCode).toBe(200);
  });

  it('an outsider → 404; unauthenticated → 401', async () => {
    expect((await call(ctx, team.outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', url())).statusCode).toBe(401);
  });

  it.each([
    ['a revision that is not a number', '?revision=abc'],
    ['revision 0', '?revision=0'],
    ['an unknown query field', '?format=pdf'],
  ])('400 for %s', async (_name, query) => {
    expect((await call(ctx, team.admin, 'GET', url(query))).statusCode).toBe(400);
  });
});

describe('revisions stay with their assessment (two organisations, several revisions)', () => {
  /** Submits one revision per level: everything answered at that level, reopened in between. */
  async function submitRevisions(
    admin: TestUser,
    assessment: TestAssessment,
    levels: number[],
  ): Promise<void> {
    for (const [i, level] of levels.entries()) {
      if (i === 0) {
        await answerAll(ctx, admin, assessment, () => ({ level, targetLevel: 4 }));
      } else {
        expect(
          (await call(ctx, admin, 'POST', `/assessments/${assessment.id}/reopen`)).statusCode,
        ).toBe(200);
        for (const criterionId of assessment.criterionIds) {
          const res = await putAnswer(ctx, admin, assessment.id, criterionId, {
            level,
            targetLevel: 4,
            version: i,
          });
          expect(res.statusCode, res.body).toBe(200);
        }
      }
      const submitted = await call(ctx, admin, 'POST', `/assessments/${assessment.id}/submit`);
      expect(submitted.statusCode, submitted.body).toBe(200);
    }
  }

  it('another organisation’s revision numbers, scores and dates never answer for ours', async () => {
    // Ours: one revision at level 2. Theirs, submitted after ours: revisions 1 to 3 at levels 4, 3, 1.
    await submitRevisions(team.admin, team.assessment, [2]);
    const theirs = await createAssessment(ctx, team.otherOrg, { createdBy: team.outsider });
    await submitRevisions(team.outsider, theirs, [4, 3, 1]);
    const ours = `/assessments/${team.assessment.id}`;

    for (const revision of [2, 3]) {
      const res = await call(ctx, team.admin, 'GET', url(`?revision=${revision}`));
      expect(res.statusCode, `revision ${revision}`).toBe(404);
      expect(res.json().code).toBe('revision_not_found');
    }
    const first = ZAssessmentResults.parse(
      (await call(ctx, team.viewer, 'GET', url('?revision=1'))).json(),
    );
    expect(first).toMatchObject({ assessmentId: team.assessment.id, revision: 1 });
    expect(first.overall.score).toBe(33.3);
    expect(first.criteria.map((c) => c.level)).toEqual(team.assessment.criterionIds.map(() => 2));

    const list = ZRevisionListResponse.parse(
      (await call(ctx, team.viewer, 'GET', `${ours}/revisions`)).json(),
    );
    expect(list.items.map((r) => r.revision)).toEqual([1]);
    expect(roundScore(list.items[0]?.scores.overall ?? null)).toBe(33.3);
    // The date the assessment shows is our submission's, not their later ones'.
    const detail = ZAssessmentDetail.parse((await call(ctx, team.viewer, 'GET', ours)).json());
    expect(detail.assessment.submittedAt).toBe(list.items[0]?.submittedAt);

    const theirList = ZRevisionListResponse.parse(
      (await call(ctx, team.outsider, 'GET', `/assessments/${theirs.id}/revisions`)).json(),
    );
    expect(theirList.items.map((r) => r.revision)).toEqual([1, 2, 3]);
    // And across the boundary, in both directions: 404 whatever the revision.
    for (const query of ['', '?revision=1', '?revision=3']) {
      expect(
        (await call(ctx, team.admin, 'GET', `/assessments/${theirs.id}/results${query}`))
          .statusCode,
      ).toBe(404);
      expect((await call(ctx, team.outsider, 'GET', url(query))).statusCode).toBe(404);
    }
    expect(
      (await call(ctx, team.admin, 'GET', `/assessments/${theirs.id}/revisions`)).statusCode,
    ).toBe(404);
    expect((await call(ctx, team.outsider, 'GET', `${ours}/revisions`)).statusCode).toBe(404);
  });
});

import {
  DEFAULT_FRAMEWORK,
  scoreAssessment,
  ZAssessmentDetail,
  ZAssessmentIncompleteProblem,
  ZAssessmentListResponse,
  ZAssessmentSummary,
  ZRevisionListResponse,
  ZSubmitAssessmentResponse,
} from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  assessmentRevisions,
  assessments,
  cycleAssessments,
  cycles,
  organisations,
} from '../src/db/schema.js';
import {
  type AssessmentTeam,
  answerAll,
  auditEvents,
  createAssessment,
  putAnswer,
  useAssessmentTeam,
} from './assessment-factories.js';
import { useTestApp } from './build-test-app.js';
import { addNetworkMember, createNetwork } from './cycle-factories.js';
import { addMember, call, createOrganisation, createUser } from './factories.js';
import { countStatements } from './statement-counter.js';

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);

const NO_SUCH_ID = '00000000-0000-4000-8000-000000000000';
const create = { frameworkId: DEFAULT_FRAMEWORK.id, frameworkVersion: DEFAULT_FRAMEWORK.version };
const LARGE_BUSINESS_CRITERIA = 30;

async function revisionRows(assessmentId: string) {
  return ctx.database.db
    .select()
    .from(assessmentRevisions)
    .where(eq(assessmentRevisions.assessmentId, assessmentId))
    .orderBy(assessmentRevisions.revision);
}

describe('POST /organisations/:orgId/assessments', () => {
  const url = () => `/organisations/${team.org.id}/assessments`;

  it("starts a draft on a framework version with the organisation's profile (admin → 201)", async () => {
    const res = await call(ctx, team.admin, 'POST', url(), { ...create, title: 'Our 2026 review' });
    expect(res.statusCode).toBe(201);
    const body = ZAssessmentSummary.parse(res.json());
    expect(body).toMatchObject({
      organisationId: team.org.id,
      frameworkId: 'anchor-progression',
      frameworkVersion: 1,
      title: 'Our 2026 review',
      status: 'draft',
      revision: 1,
      profile: { organisationType: 'business', sizeBand: 'large' },
      includedOptionalPillars: [],
      completeness: {
        answered: 0,
        applicable: LARGE_BUSINESS_CRITERIA,
        ratio: 0,
        notApplicable: 0,
      },
      submittedAt: null,
    });
    const events = await auditEvents(ctx, 'assessment');
    expect(events.at(-1)).toMatchObject({
      entityId: body.id,
      action: 'created',
      actorUserId: team.admin.id,
    });
  });

  it('titles it after the framework and year when no title is given', async () => {
    const res = await call(ctx, team.admin, 'POST', url(), create);
    expect(res.json().title).toBe(`Anchor Progression Framework ${new Date().getUTCFullYear()}`);
  });

  it('keeps the profile it started with when the organisation changes later', async () => {
    const res = await call(ctx, team.admin, 'POST', url(), create);
    await ctx.database.db
      .update(organisations)
      .set({ sizeBand: 'micro' })
      .where(eq(organisations.id, team.org.id));
    const detail = await call(ctx, team.admin, 'GET', `/assessments/${res.json().id}`);
    expect(detail.json().assessment.profile.sizeBand).toBe('large');
  });

  it('switches on an optional pillar for a public-sector organisation', async () => {
    const admin = await createUser(ctx);
    const council = await createOrganisation(ctx, admin, { type: 'public_sector' });
    const res = await call(ctx, admin, 'POST', `/organisations/${council.id}/assessments`, {
      ...create,
      includeOptionalPillars: ['service-delivery'],
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().includedOptionalPillars).toEqual(['service-delivery']);
    expect(res.json().completeness.applicable).toBe(LARGE_BUSINESS_CRITERIA + 5);
  });

  it.each([
    ['contributor', 403],
    ['viewer', 403],
    ['outsider', 404],
  ] as const)('%s → %i', async (who, status) => {
    const res = await call(ctx, team[who], 'POST', url(), create);
    expect(res.statusCode).toBe(status);
    const rows = await ctx.database.db
      .select()
      .from(assessments)
      .where(eq(assessments.organisationId, team.org.id));
    expect(rows).toHaveLength(1); // the team's own
  });

  it('unauthenticated → 401', async () => {
    expect((await call(ctx, null, 'POST', url(), create)).statusCode).toBe(401);
  });

  it('an organisation that does not exist → 404', async () => {
    const res = await call(
      ctx,
      team.admin,
      'POST',
      `/organisations/${NO_SUCH_ID}/assessments`,
      create,
    );
    expect(res.statusCode).toBe(404);
  });

  it('an unpublished framework version → 422 unknown_framework_version', async () => {
    const res = await call(ctx, team.admin, 'POST', url(), { ...create, frameworkVersion: 99 });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unknown_framework_version');
    const other = await call(ctx, team.admin, 'POST', url(), {
      ...create,
      frameworkId: 'no-such-framework',
    });
    expect(other.json().code).toBe('unknown_framework_version');
  });

  it('a pillar that is not optional → 422 unknown_optional_pillar', async () => {
    const res = await call(ctx, team.admin, 'POST', url(), {
      ...create,
      includeOptionalPillars: ['employment'],
    });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('unknown_optional_pillar');
  });

  it.each([
    ['an unknown field', { ...create, status: 'submitted' }],
    ['no framework', { frameworkVersion: 1 }],
    ['a version as text', { ...create, frameworkVersion: '1' }],
    ['version 0', { ...create, frameworkVersion: 0 }],
    ['an empty title', { ...create, title: '   ' }],
    ['a title of 121 characters', { ...create, title: 'x'.repeat(121) }],
    [
      'optional pillars that are not slugs',
      { ...create, includeOptionalPillars: ['Service Delivery'] },
    ],
  ])('400 for %s', async (_name, body) => {
    const res = await call(ctx, team.admin, 'POST', url(), body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('400 for an organisation id that is not a uuid', async () => {
    expect(
      (await call(ctx, team.admin, 'POST', '/organisations/abc/assessments', create)).statusCode,
    ).toBe(400);
  });
});

describe('GET /organisations/:orgId/assessments', () => {
  const url = () => `/organisations/${team.org.id}/assessments`;

  it.each(['admin', 'contributor', 'viewer'] as const)(
    "lists the organisation's assessments with completeness for a %s",
    async (who) => {
      await putAnswer(ctx, team.admin, team.assessment.id, 'secure-contracts', {
        level: 2,
        version: 0,
      });
      await putAnswer(ctx, team.admin, team.assessment.id, 'flexible-work', {
        level: null,
        notApplicable: { reason: 'Shift work only' },
        version: 0,
      });
      await putAnswer(ctx, team.admin, team.assessment.id, 'progression', {
        level: null,
        version: 0,
      });
      await createAssessment(ctx, team.otherOrg);
      const res = await call(ctx, team[who], 'GET', url());
      expect(res.statusCode).toBe(200);
      const body = ZAssessmentListResponse.parse(res.json());
      expect(body.items.map((a) => a.id)).toEqual([team.assessment.id]);
      expect(body.items[0]).toMatchObject({
        status: 'draft',
        revision: 1,
        // The criterion marked not applicable counts as answered, and is said apart.
        completeness: { answered: 2, applicable: LARGE_BUSINESS_CRITERIA, notApplicable: 1 },
      });
    },
  );

  it('an outsider → 404; unauthenticated → 401', async () => {
    expect((await call(ctx, team.outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', url())).statusCode).toBe(401);
  });

  it('an organisation id that is not a uuid → 400', async () => {
    const res = await call(ctx, team.admin, 'GET', `/organisations/not-a-uuid/assessments`);
    expect(res.statusCode).toBe(400);
  });
});

describe('GET /assessments/:assessmentId', () => {
  const url = () => `/assessments/${team.assessment.id}`;

  it.each([
    ['admin', true],
    ['contributor', true],
    ['viewer', false],
  ] as const)(
    'shows a %s the assessment, its criteria, answers and task list',
    async (who, canEdit) => {
      await putAnswer(ctx, team.contributor, team.assessment.id, 'real-living-wage-staff', {
        level: 3,
        version: 0,
      });
      const res = await call(ctx, team[who], 'GET', url());
      expect(res.statusCode).toBe(200);
      const body = ZAssessmentDetail.parse(res.json());
      expect(body.role).toBe(who);
      expect(body.canEdit).toBe(canEdit);
      expect(body.framework).toEqual({ id: 'anchor-progression', version: 1 });
      expect(body.pillars.map((p) => p.pillarId)).toEqual([
        'employment',
        'procurement',
        'estates-and-assets',
        'net-zero',
        'corporate-and-community',
      ]);
      expect(body.pillars.flatMap((p) => p.criterionIds)).toEqual(team.assessment.criterionIds);
      expect(body.pillars[0]).toMatchObject({
        status: 'in_progress',
        answered: 1,
        applicable: 8,
        percentAnswered: 13,
        assignee: null,
        assignedToYou: false,
      });
      expect(body.pillars[1]).toMatchObject({ status: 'not_started', percentAnswered: 0 });
      expect(body.answers).toEqual([
        expect.objectContaining({
          criterionId: 'real-living-wage-staff',
          level: 3,
          version: 1,
          updatedBy: { userId: team.contributor.id, name: 'Cy Contributor' },
        }),
      ]);
    },
  );

  it('leaves out the criteria that do not apply to a micro organisation', async () => {
    const admin = await createUser(ctx);
    const micro = await createOrganisation(ctx, admin, { sizeBand: 'micro' });
    const assessment = await createAssessment(ctx, micro);
    const body = (await call(ctx, admin, 'GET', `/assessments/${assessment.id}`)).json();
    const ids = body.pillars.flatMap((p: { criterionIds: string[] }) => p.criterionIds);
    expect(ids).toEqual(assessment.criterionIds);
    for (const mediumOrLarge of [
      'accessible-tendering',
      'joint-procurement',
      'land-for-local-use',
      'real-living-wage-contractors',
    ]) {
      expect(ids).not.toContain(mediumOrLarge);
    }
    expect(ids).toContain('spend-analysis');
  });

  it('marks a complete pillar complete, counting not applicable as answered', async () => {
    const pillar = DEFAULT_FRAMEWORK.pillars.find((p) => p.id === 'corporate-and-community');
    for (const [i, c] of (pillar?.criteria ?? []).entries()) {
      const body =
        i === 0
          ? { level: null, notApplicable: { reason: 'No board' }, version: 0 }
          : { level: 2, version: 0 };
      await putAnswer(ctx, team.admin, team.assessment.id, c.id, body);
    }
    const body = (await call(ctx, team.admin, 'GET', url())).json();
    expect(body.pillars.at(-1)).toMatchObject({
      status: 'complete',
      answered: 5,
      applicable: 5,
      percentAnswered: 100,
    });
  });

  describe('the network cycles it answers', () => {
    async function linkCycle(
      network: { id: string },
      cycle: { name: string; opensOn: string; closesOn: string },
      link: { organisationId: string; assessmentId: string } = {
        organisationId: team.org.id,
        assessmentId: team.assessment.id,
      },
    ) {
      const [row] = await ctx.database.db
        .insert(cycles)
        .values({ networkId: network.id, ...create, ...cycle })
        .returning({ id: cycles.id });
      if (!row) throw new Error('cycle not created');
      await ctx.database.db.insert(cycleAssessments).values({ cycleId: row.id, ...link });
      return row;
    }

    it('reads them in a constant number of statements, however many cycles there are', async () => {
      const coordinator = await createUser(ctx);
      const network = await createNetwork(ctx, coordinator);
      await addNetworkMember(ctx, network, team.org);
      const get = () => call(ctx, team.viewer, 'GET', url());
      // Warm the per-version framework cache, which reads the framework once per app.
      expect((await get()).statusCode).toBe(200);
      const none = (await countStatements(ctx, get)).statements.length;
      for (const year of ['2021', '2022', '2023']) {
        await linkCycle(network, {
          name: year,
          opensOn: `${year}-01-01`,
          closesOn: `${year}-12-31`,
        });
      }
      const three = await countStatements(ctx, get);
      expect(ZAssessmentDetail.parse(three.result.json()).cycles.map((c) => c.cycleName)).toEqual([
        '2023',
        '2022',
        '2021',
      ]);
      expect(none).toBeGreaterThan(0);
      expect(three.statements.length).toBe(none);
    });

    it('a standalone assessment answers none', async () => {
      const body = ZAssessmentDetail.parse((await call(ctx, team.viewer, 'GET', url())).json());
      expect(body.cycles).toEqual([]);
    });

    it("lists both networks' cycles, latest closing first; a network left is no longer listed", async () => {
      const coordinator = await createUser(ctx, { name: 'Coco Coordinator' });
      const leeds = await createNetwork(ctx, coordinator, { name: 'Leeds Anchors' });
      const york = await createNetwork(ctx, coordinator, { name: 'York Anchors' });
      await addNetworkMember(ctx, leeds, team.org);
      await addNetworkMember(ctx, york, team.org);
      const closed = await linkCycle(leeds, {
        name: '2020',
        opensOn: '2020-03-01',
        closesOn: '2020-03-31',
      });
      const open = await linkCycle(york, {
        name: 'Forever',
        opensOn: '2020-01-01',
        closesOn: '2999-12-31',
      });
      // Another organisation's link to a cycle of the same network is not this assessment's.
      const other = await createOrganisation(ctx, team.admin);
      const otherAssessment = await createAssessment(ctx, other);
      await addNetworkMember(ctx, leeds, other);
      await linkCycle(
        leeds,
        { name: 'Theirs', opensOn: '2020-01-01', closesOn: '2999-12-31' },
        { organisationId: other.id, assessmentId: otherAssessment.id },
      );

      const body = ZAssessmentDetail.parse((await call(ctx, team.viewer, 'GET', url())).json());
      expect(body.cycles).toEqual([
        {
          cycleId: open.id,
          cycleName: 'Forever',
          networkId: york.id,
          networkName: 'York Anchors',
          status: 'open',
          closesOn: '2999-12-31',
        },
        {
          cycleId: closed.id,
          cycleName: '2020',
          networkId: leeds.id,
          networkName: 'Leeds Anchors',
          status: 'closed',
          closesOn: '2020-03-31',
        },
      ]);

      const left = await call(
        ctx,
        team.admin,
        'DELETE',
        `/networks/${york.id}/members/${team.org.id}`,
      );
      expect(left.statusCode).toBe(204);
      const after = ZAssessmentDetail.parse((await call(ctx, team.viewer, 'GET', url())).json());
      expect(after.cycles.map((c) => c.cycleId)).toEqual([closed.id]);
    });
  });

  it('an outsider → 404, a made-up id → 404, unauthenticated → 401, a bad id → 400', async () => {
    expect((await call(ctx, team.outsider, 'GET', url())).statusCode).toBe(404);
    expect((await call(ctx, team.admin, 'GET', `/assessments/${NO_SUCH_ID}`)).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', url())).statusCode).toBe(401);
    expect((await call(ctx, team.admin, 'GET', '/assessments/123')).statusCode).toBe(400);
  });
});

describe('PUT /assessments/:assessmentId/pillars/:pillarId/assignee', () => {
  const url = (pillarId = 'employment') =>
    `/assessments/${team.assessment.id}/pillars/${pillarId}/assignee`;

  it('assigns a pillar to a contributor, who sees "assigned to you"; null unassigns', async () => {
    const res = await call(ctx, team.admin, 'PUT', url(), { userId: team.contributor.id });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({
      pillarId: 'employment',
      assignee: { userId: team.contributor.id, name: 'Cy Contributor' },
    });
    const theirs = (
      await call(ctx, team.contributor, 'GET', `/assessments/${team.assessment.id}`)
    ).json();
    expect(theirs.pillars[0]).toMatchObject({
      assignee: { userId: team.contributor.id, name: 'Cy Contributor' },
      assignedToYou: true,
    });
    const admins = (
      await call(ctx, team.admin, 'GET', `/assessments/${team.assessment.id}`)
    ).json();
    expect(admins.pillars[0].assignedToYou).toBe(false);

    // Reassign to the admin, then unassign.
    expect(
      (await call(ctx, team.admin, 'PUT', url(), { userId: team.admin.id })).json().assignee.userId,
    ).toBe(team.admin.id);
    const cleared = await call(ctx, team.admin, 'PUT', url(), { userId: null });
    expect(cleared.json()).toEqual({ pillarId: 'employment', assignee: null });
    const after = (
      await call(ctx, team.contributor, 'GET', `/assessments/${team.assessment.id}`)
    ).json();
    expect(after.pillars[0]).toMatchObject({ assignee: null, assignedToYou: false });

    const events = await auditEvents(ctx, 'pillar_assignment');
    expect(events.map((e) => e.action)).toEqual(['assigned', 'assigned', 'unassigned']);
  });

  it.each([
    ['a viewer', 'viewer'],
    ['a member of another organisation', 'outsider'],
  ] as const)('refuses to assign %s (422 invalid_assignee)', async (_name, who) => {
    const res = await call(ctx, team.admin, 'PUT', url(), { userId: team[who].id });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('invalid_assignee');
    expect(await auditEvents(ctx, 'pillar_assignment')).toHaveLength(0);
  });

  it.each([
    ['contributor', 403],
    ['viewer', 403],
    ['outsider', 404],
  ] as const)('%s → %i', async (who, status) => {
    expect(
      (await call(ctx, team[who], 'PUT', url(), { userId: team.contributor.id })).statusCode,
    ).toBe(status);
  });

  it('unauthenticated → 401', async () => {
    expect((await call(ctx, null, 'PUT', url(), { userId: null })).statusCode).toBe(401);
  });

  it('a pillar not in the assessment → 404 pillar_not_found', async () => {
    for (const pillarId of ['no-such-pillar', 'service-delivery']) {
      const res = await call(ctx, team.admin, 'PUT', url(pillarId), {
        userId: team.contributor.id,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('pillar_not_found');
    }
  });

  it.each([
    ['an unknown field', { userId: null, note: 'x' }],
    ['no userId', {}],
    ['a userId that is not a uuid', { userId: 'bob' }],
  ])('400 for %s', async (_name, body) => {
    expect((await call(ctx, team.admin, 'PUT', url(), body)).statusCode).toBe(400);
  });

  it('a submitted assessment → 409 assessment_locked', async () => {
    await ctx.database.db
      .update(assessments)
      .set({ status: 'submitted' })
      .where(eq(assessments.id, team.assessment.id));
    const res = await call(ctx, team.admin, 'PUT', url(), { userId: team.contributor.id });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('assessment_locked');
  });
});

describe('POST /assessments/:assessmentId/submit and /reopen', () => {
  const submit = (
    who: (keyof AssessmentTeam & ('admin' | 'contributor' | 'viewer' | 'outsider')) | null,
  ) => call(ctx, who ? team[who] : null, 'POST', `/assessments/${team.assessment.id}/submit`);
  const reopen = (who: ('admin' | 'contributor' | 'viewer' | 'outsider') | null) =>
    call(ctx, who ? team[who] : null, 'POST', `/assessments/${team.assessment.id}/reopen`);

  it('an incomplete assessment → 422 listing the missing criteria ("don\'t know" counts as missing)', async () => {
    await answerAll(ctx, team.contributor, team.assessment, (id, i) =>
      id === 'progression' ? { level: null } : { level: (i % 4) + 1 },
    );
    const res = await submit('admin');
    expect(res.statusCode).toBe(422);
    const body = ZAssessmentIncompleteProblem.parse(res.json());
    expect(body.code).toBe('assessment_incomplete');
    expect(body.missingCriterionIds).toEqual(['progression']);
    const row = (
      await ctx.database.db.select().from(assessments).where(eq(assessments.id, team.assessment.id))
    )[0];
    expect(row?.status).toBe('draft');
    expect(await revisionRows(team.assessment.id)).toHaveLength(0);
  });

  it('an empty assessment lists every applicable criterion', async () => {
    const res = await submit('admin');
    expect(res.json().missingCriterionIds).toEqual(team.assessment.criterionIds);
  });

  it('submits a complete assessment: locks it and keeps answers and scores as revision 1', async () => {
    await answerAll(ctx, team.contributor, team.assessment, (id, i) =>
      id === 'flexible-work'
        ? { level: null, notApplicable: { reason: 'Continuous process plant' } }
        : { level: (i % 4) + 1, targetLevel: 4 },
    );
    const res = await submit('admin');
    expect(res.statusCode).toBe(200);
    const body = ZSubmitAssessmentResponse.parse(res.json());
    expect(body.assessment).toMatchObject({ status: 'submitted', revision: 1 });
    expect(body.assessment.submittedAt).not.toBeNull();
    expect(body.revision).toMatchObject({
      revision: 1,
      submittedBy: { userId: team.admin.id, name: 'Ada Admin' },
    });
    const expected = scoreAssessment(
      DEFAULT_FRAMEWORK,
      team.assessment.criterionIds.map((id, i) =>
        id === 'flexible-work'
          ? { criterionId: id, level: null, notApplicable: true }
          : { criterionId: id, level: (i % 4) + 1, targetLevel: 4 },
      ),
      { profile: { organisationType: 'business', sizeBand: 'large' } },
    );
    expect(body.revision.scores).toEqual(expected);
    const [row] = await revisionRows(team.assessment.id);
    expect(row?.scores).toEqual(expected);
    expect(row?.answers).toHaveLength(LARGE_BUSINESS_CRITERIA);
    expect(row?.answers).toContainEqual(
      expect.objectContaining({
        criterionId: 'flexible-work',
        notApplicable: { reason: 'Continuous process plant' },
      }),
    );
    expect((await auditEvents(ctx, 'assessment')).map((e) => e.action)).toContain('submitted');

    // Locked: edits → 409 and nothing changes; a second submit → 409.
    const edit = await putAnswer(ctx, team.admin, team.assessment.id, 'secure-contracts', {
      level: 4,
      version: 1,
    });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().code).toBe('assessment_locked');
    expect((await submit('admin')).statusCode).toBe(409);
    expect(await revisionRows(team.assessment.id)).toHaveLength(1);
  });

  it('reopens into revision 2 and keeps revision 1 unchanged through edits and a second submission', async () => {
    await answerAll(ctx, team.contributor, team.assessment);
    expect((await submit('admin')).statusCode).toBe(200);
    const [before] = await revisionRows(team.assessment.id);

    const res = await reopen('admin');
    expect(res.statusCode).toBe(200);
    expect(ZAssessmentSummary.parse(res.json())).toMatchObject({ status: 'reopened', revision: 2 });
    expect((await reopen('admin')).statusCode).toBe(409);

    const edit = await putAnswer(ctx, team.admin, team.assessment.id, 'real-living-wage-staff', {
      level: 4,
      version: 1,
    });
    expect(edit.statusCode).toBe(200);
    const second = await submit('admin');
    expect(second.statusCode).toBe(200);
    expect(second.json().revision.revision).toBe(2);

    const rows = await revisionRows(team.assessment.id);
    expect(rows.map((r) => r.revision)).toEqual([1, 2]);
    expect(rows[0]).toEqual(before);
    expect(rows[1]?.answers).not.toEqual(before?.answers);

    const list = await call(
      ctx,
      team.viewer,
      'GET',
      `/assessments/${team.assessment.id}/revisions`,
    );
    expect(list.statusCode).toBe(200);
    const revisions = ZRevisionListResponse.parse(list.json());
    expect(revisions.items.map((r) => r.revision)).toEqual([1, 2]);
    expect(revisions.items[0]?.scores).toEqual(before?.scores);
    expect((await auditEvents(ctx, 'assessment')).map((e) => e.action)).toEqual([
      'submitted',
      'reopened',
      'submitted',
    ]);
  });

  it('reopening an assessment that is not submitted → 409 assessment_not_submitted', async () => {
    const res = await reopen('admin');
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('assessment_not_submitted');
  });

  it.each([
    ['contributor', 403],
    ['viewer', 403],
    ['outsider', 404],
    [null, 401],
  ] as const)('submit and reopen as %s → %i', async (who, status) => {
    await answerAll(ctx, team.contributor, team.assessment);
    expect((await submit(who)).statusCode).toBe(status);
    expect((await submit('admin')).statusCode).toBe(200);
    expect((await reopen(who)).statusCode).toBe(status);
    const row = (
      await ctx.database.db.select().from(assessments).where(eq(assessments.id, team.assessment.id))
    )[0];
    expect(row?.status).toBe('submitted');
  });

  it('a made-up assessment → 404; a bad id → 400', async () => {
    expect(
      (await call(ctx, team.admin, 'POST', `/assessments/${NO_SUCH_ID}/submit`)).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, team.admin, 'POST', `/assessments/${NO_SUCH_ID}/reopen`)).statusCode,
    ).toBe(404);
    expect((await call(ctx, team.admin, 'POST', '/assessments/x/submit')).statusCode).toBe(400);
  });
});

describe('GET /assessments/:assessmentId/revisions', () => {
  it('is empty before a submission; an outsider → 404; unauthenticated → 401', async () => {
    const url = `/assessments/${team.assessment.id}/revisions`;
    expect((await call(ctx, team.admin, 'GET', url)).json()).toEqual({ items: [] });
    expect((await call(ctx, team.contributor, 'GET', url)).statusCode).toBe(200);
    expect((await call(ctx, team.outsider, 'GET', url)).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', url)).statusCode).toBe(401);
  });

  it('a member who joins later sees the same history', async () => {
    const late = await createUser(ctx);
    await addMember(ctx, team.org, late, 'viewer');
    expect(
      (await call(ctx, late, 'GET', `/assessments/${team.assessment.id}/revisions`)).statusCode,
    ).toBe(200);
  });
});

describe('OpenAPI', () => {
  it('documents every assessment route with its request and response schemas', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const expected: [string, string][] = [
      ['/api/v1/organisations/{orgId}/assessments', 'post'],
      ['/api/v1/organisations/{orgId}/assessments', 'get'],
      ['/api/v1/assessments/{assessmentId}', 'get'],
      ['/api/v1/assessments/{assessmentId}/pillars/{pillarId}/assignee', 'put'],
      ['/api/v1/assessments/{assessmentId}/answers/{criterionId}', 'put'],
      ['/api/v1/assessments/{assessmentId}/submit', 'post'],
      ['/api/v1/assessments/{assessmentId}/reopen', 'post'],
      ['/api/v1/assessments/{assessmentId}/revisions', 'get'],
      ['/api/v1/assessments/{assessmentId}/results', 'get'],
      ['/api/v1/assessments/{assessmentId}/actions', 'get'],
      ['/api/v1/assessments/{assessmentId}/actions', 'post'],
      ['/api/v1/assessments/{assessmentId}/actions/{actionId}', 'patch'],
      ['/api/v1/assessments/{assessmentId}/actions/{actionId}', 'delete'],
      ['/api/v1/assessments/{assessmentId}/export.csv', 'get'],
    ];
    for (const [path, method] of expected) {
      const operation = doc.paths[path]?.[method];
      expect(operation, `${method} ${path}`).toBeDefined();
      expect(operation.tags).toEqual(['assessments']);
      expect(operation.security).toEqual([{ bearerAuth: [] }]);
      expect(operation.responses['401'], `${method} ${path} 401`).toBeDefined();
      expect(operation.responses['404'], `${method} ${path} 404`).toBeDefined();
    }
    const put = doc.paths['/api/v1/assessments/{assessmentId}/answers/{criterionId}'].put;
    const body = put.requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(Object.keys(body.properties).sort()).toEqual(
      [
        'evidenceLinks',
        'indicators',
        'level',
        'notApplicable',
        'notes',
        'targetLevel',
        'version',
      ].sort(),
    );
    expect(
      put.responses['409'].content['application/json'].schema.properties.current,
    ).toBeDefined();
  });
});

import { ZAnswer, ZAnswerConflictProblem } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { answers, assessmentRevisions, assessments, memberships } from '../src/db/schema.js';
import {
  answerAll,
  auditEvents,
  createAssessment,
  putAnswer,
  useAssessmentTeam,
} from './assessment-factories.js';
import { TEST_DB, useTestApp } from './build-test-app.js';
import { call, createOrganisation, createUser } from './factories.js';

const ctx = useTestApp();
const team = useAssessmentTeam(ctx);

const CRITERION = 'real-living-wage-staff'; // employment
const url = (assessmentId: string, criterionId = CRITERION) =>
  `/assessments/${assessmentId}/answers/${criterionId}`;

async function storedAnswer(assessmentId: string, criterionId = CRITERION) {
  const rows = await ctx.database.db
    .select()
    .from(answers)
    .where(and(eq(answers.assessmentId, assessmentId), eq(answers.criterionId, criterionId)));
  return rows[0];
}

describe('PUT /assessments/:assessmentId/answers/:criterionId', () => {
  it('saves a first answer at version 1 and answers it with who and when', async () => {
    const res = await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
      level: 2,
      targetLevel: 4,
      notes: 'Accredited in 2024.',
      evidenceLinks: ['https://example.org/living-wage', 'http://intranet.example.org/policy'],
      indicators: { 'living-wage-staff-share': 96.5, apprentices: 4 },
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    const body = ZAnswer.parse(res.json());
    expect(body).toMatchObject({
      criterionId: CRITERION,
      level: 2,
      notApplicable: null,
      targetLevel: 4,
      notes: 'Accredited in 2024.',
      evidenceLinks: ['https://example.org/living-wage', 'http://intranet.example.org/policy'],
      indicators: { 'living-wage-staff-share': 96.5, apprentices: 4 },
      version: 1,
      updatedBy: { userId: team.contributor.id, name: 'Cy Contributor' },
    });
    expect(Math.abs(Date.parse(body.updatedAt) - Date.now())).toBeLessThan(60_000);
    const stored = await storedAnswer(team.assessment.id);
    expect(stored).toMatchObject({
      level: 2,
      targetLevel: 4,
      version: 1,
      updatedBy: team.contributor.id,
    });
  });

  it('replaces the whole answer on the next save and moves the version on', async () => {
    await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
      level: 2,
      targetLevel: 3,
      notes: 'first',
      evidenceLinks: ['https://example.org/a'],
      version: 0,
    });
    const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
      level: 3,
      version: 1,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      level: 3,
      targetLevel: null,
      notes: null,
      evidenceLinks: [],
      indicators: {},
      version: 2,
    });
    expect((await storedAnswer(team.assessment.id))?.version).toBe(2);
  });

  it('keeps "don\'t know yet" as a null level', async () => {
    const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
      level: null,
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ level: null, notApplicable: null, version: 1 });
  });

  it('saves not applicable with its reason', async () => {
    const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
      level: null,
      notApplicable: { reason: '  We have no employees on payroll.  ' },
      version: 0,
    });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      level: null,
      notApplicable: { reason: 'We have no employees on payroll.' },
    });
  });

  it('records an audit event with each save, and none for a refused one', async () => {
    await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, { level: 1, version: 0 });
    await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, { level: 2, version: 1 });
    await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, { level: 3, version: 1 });
    const events = await auditEvents(ctx, 'answer');
    expect(events).toHaveLength(2);
    expect(events[1]).toMatchObject({
      actorUserId: team.contributor.id,
      organisationId: team.org.id,
      entityId: `${team.assessment.id}/${CRITERION}`,
      action: 'saved',
      data: {
        criterionId: CRITERION,
        version: 2,
        level: 2,
        notApplicable: false,
        targetLevel: null,
      },
    });
  });

  describe('roles and tenancy', () => {
    it.each([
      ['admin', 200],
      ['contributor', 200],
      ['viewer', 403],
      ['outsider', 404],
    ] as const)('%s → %i', async (who, status) => {
      const res = await putAnswer(ctx, team[who], team.assessment.id, CRITERION, {
        level: 2,
        version: 0,
      });
      expect(res.statusCode).toBe(status);
      if (status !== 200) {
        expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
        expect(await storedAnswer(team.assessment.id)).toBeUndefined();
      }
    });

    it('once the assessment is known to the server, a viewer still gets 403 and an outsider 404', async () => {
      // The admin's save lets the route skip its look-up next time (AssessmentMetaCache); the
      // statement itself must still refuse non-writers, whatever the body.
      expect(
        (await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level: 1, version: 0 }))
          .statusCode,
      ).toBe(200);
      for (const body of [
        { level: 2, version: 1 },
        { level: 9, version: 1 },
        { level: 2, indicators: { 'made-up': 1 }, version: 1 },
      ]) {
        expect(
          (await putAnswer(ctx, team.viewer, team.assessment.id, CRITERION, body)).statusCode,
        ).toBe(403);
        expect(
          (await putAnswer(ctx, team.outsider, team.assessment.id, CRITERION, body)).statusCode,
        ).toBe(404);
      }
      expect(
        (
          await putAnswer(ctx, team.outsider, team.assessment.id, 'no-such-criterion', {
            level: 2,
            version: 1,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (
          await putAnswer(ctx, team.viewer, team.assessment.id, 'no-such-criterion', {
            level: 2,
            version: 1,
          })
        ).statusCode,
      ).toBe(403);
      expect(await storedAnswer(team.assessment.id)).toMatchObject({ level: 1, version: 1 });
      expect(await auditEvents(ctx, 'answer')).toHaveLength(1);
    });

    it('a contributor removed from the organisation can no longer save (404)', async () => {
      expect(
        (
          await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
            level: 1,
            version: 0,
          })
        ).statusCode,
      ).toBe(200);
      await ctx.database.db
        .delete(memberships)
        .where(
          and(
            eq(memberships.userId, team.contributor.id),
            eq(memberships.organisationId, team.org.id),
          ),
        );
      const res = await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
        level: 2,
        version: 1,
      });
      expect(res.statusCode).toBe(404);
      expect(await storedAnswer(team.assessment.id)).toMatchObject({ level: 1, version: 1 });
    });

    it('a contributor made a viewer can no longer save (403)', async () => {
      await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
        level: 1,
        version: 0,
      });
      await ctx.database.db
        .update(memberships)
        .set({ role: 'viewer' })
        .where(
          and(
            eq(memberships.userId, team.contributor.id),
            eq(memberships.organisationId, team.org.id),
          ),
        );
      const res = await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
        level: 2,
        version: 1,
      });
      expect(res.statusCode).toBe(403);
      expect(await storedAnswer(team.assessment.id)).toMatchObject({ level: 1, version: 1 });
    });

    it('unauthenticated → 401', async () => {
      const res = await call(ctx, null, 'PUT', url(team.assessment.id), { level: 2, version: 0 });
      expect(res.statusCode).toBe(401);
    });

    it('an assessment that does not exist → 404, the same as an outsider gets', async () => {
      const res = await putAnswer(
        ctx,
        team.admin,
        '00000000-0000-4000-8000-000000000000',
        CRITERION,
        {
          level: 2,
          version: 0,
        },
      );
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    });
  });

  describe('optimistic concurrency', () => {
    it('a stale version → 409 with the current answer, and nothing changes', async () => {
      await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 2,
        notes: 'mine',
        version: 0,
      });
      await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
        level: 3,
        notes: 'theirs',
        version: 1,
      });
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 4,
        notes: 'mine again',
        version: 1,
      });
      expect(res.statusCode).toBe(409);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      const body = ZAnswerConflictProblem.parse(res.json());
      expect(body.code).toBe('answer_conflict');
      expect(body.current).toMatchObject({
        level: 3,
        notes: 'theirs',
        version: 2,
        updatedBy: { userId: team.contributor.id, name: 'Cy Contributor' },
      });
      expect(await storedAnswer(team.assessment.id)).toMatchObject({
        level: 3,
        notes: 'theirs',
        version: 2,
      });

      // "Keep mine": save again on top of the version just received.
      const kept = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 4,
        notes: 'mine again',
        version: body.current?.version ?? -1,
      });
      expect(kept.statusCode).toBe(200);
      expect(kept.json()).toMatchObject({ level: 4, version: 3 });
    });

    it('a first save (version 0) when an answer exists → 409 with it', async () => {
      await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level: 2, version: 0 });
      const res = await putAnswer(ctx, team.contributor, team.assessment.id, CRITERION, {
        level: 1,
        version: 0,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().current).toMatchObject({ level: 2, version: 1 });
    });

    it('a version for an answer never saved → 409 with current null', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 1,
        version: 3,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'answer_conflict', current: null });
      expect(await storedAnswer(team.assessment.id)).toBeUndefined();
    });

    it('of two saves sent at once on the same version, exactly one wins', async () => {
      await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level: 1, version: 0 });
      const results = await Promise.all(
        [2, 3, 4, 2, 3].map((level) =>
          putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level, version: 1 }),
        ),
      );
      const statuses = results.map((r) => r.statusCode).sort();
      expect(statuses).toEqual([200, 409, 409, 409, 409]);
      const winner = results.find((r) => r.statusCode === 200)?.json();
      expect(await storedAnswer(team.assessment.id)).toMatchObject({
        level: winner.level,
        version: 2,
      });
      expect(await auditEvents(ctx, 'answer')).toHaveLength(2);
    });

    it('of two first saves sent at once, exactly one wins', async () => {
      const results = await Promise.all(
        [1, 2, 3].map((level) =>
          putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level, version: 0 }),
        ),
      );
      expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409]);
    });
  });

  describe('a submitted assessment is locked', () => {
    it('→ 409 assessment_locked, and nothing changes', async () => {
      await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, { level: 2, version: 0 });
      await ctx.database.db
        .update(assessments)
        .set({ status: 'submitted' })
        .where(eq(assessments.id, team.assessment.id));
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 4,
        version: 1,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json()).toMatchObject({ code: 'assessment_locked' });
      expect(res.json().current).toBeUndefined();
      expect(await storedAnswer(team.assessment.id)).toMatchObject({ level: 2, version: 1 });
      const first = await putAnswer(ctx, team.contributor, team.assessment.id, 'secure-contracts', {
        level: 1,
        version: 0,
      });
      expect(first.statusCode).toBe(409);
      expect(await storedAnswer(team.assessment.id, 'secure-contracts')).toBeUndefined();
    });

    it('a reopened assessment takes answers again', async () => {
      await ctx.database.db
        .update(assessments)
        .set({ status: 'reopened', revision: 2 })
        .where(eq(assessments.id, team.assessment.id));
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 4,
        version: 0,
      });
      expect(res.statusCode).toBe(200);
    });
  });

  describe('criteria', () => {
    it('a criterion not in the framework → 404 criterion_not_found', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, 'no-such-criterion', {
        level: 2,
        version: 0,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('criterion_not_found');
    });

    it('a criterion that does not apply to a micro organisation → 404', async () => {
      const admin = await createUser(ctx);
      const micro = await createOrganisation(ctx, admin, { sizeBand: 'micro', employees: 4 });
      const assessment = await createAssessment(ctx, micro);
      expect(assessment.criterionIds).not.toContain('accessible-tendering');
      const res = await putAnswer(ctx, admin, assessment.id, 'accessible-tendering', {
        level: 2,
        version: 0,
      });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('criterion_not_found');
      const ok = await putAnswer(ctx, admin, assessment.id, 'spend-analysis', {
        level: 2,
        version: 0,
      });
      expect(ok.statusCode).toBe(200);
    });

    it('an optional pillar that was not switched on → 404; switched on → 200', async () => {
      const admin = await createUser(ctx);
      const council = await createOrganisation(ctx, admin, { type: 'public_sector' });
      const without = await createAssessment(ctx, council);
      const withIt = await createAssessment(ctx, council, {
        includedOptionalPillars: ['service-delivery'],
      });
      const body = { level: 2, version: 0 };
      expect(
        (await putAnswer(ctx, admin, without.id, 'social-value-in-commissioning', body)).statusCode,
      ).toBe(404);
      expect(
        (await putAnswer(ctx, admin, withIt.id, 'social-value-in-commissioning', body)).statusCode,
      ).toBe(200);
    });

    it('a criterion id that is not a slug → 400', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, 'Not_A_Slug', {
        level: 2,
        version: 0,
      });
      expect(res.statusCode).toBe(400);
    });
  });

  describe('bad bodies → 400 problem details, nothing saved', () => {
    const long = (n: number) => 'x'.repeat(n);
    it.each([
      ['an unknown field', { level: 2, version: 0, colour: 'red' }],
      ['a level above the scale', { level: 5, version: 0 }],
      ['level 0', { level: 0, version: 0 }],
      ['level 11', { level: 11, version: 0 }],
      ['a fractional level', { level: 2.5, version: 0 }],
      ['a level as text', { level: '2', version: 0 }],
      ['no level at all', { version: 0 }],
      ['no version', { level: 2 }],
      ['a negative version', { level: 2, version: -1 }],
      ['a target above the scale', { level: 2, targetLevel: 5, version: 0 }],
      ['not applicable without a reason', { level: null, notApplicable: {}, version: 0 }],
      [
        'not applicable with a blank reason',
        { level: null, notApplicable: { reason: '   ' }, version: 0 },
      ],
      [
        'not applicable with a reason of 501 characters',
        { level: null, notApplicable: { reason: long(501) }, version: 0 },
      ],
      [
        'not applicable with an unknown field',
        { level: null, notApplicable: { reason: 'x', why: 1 }, version: 0 },
      ],
      [
        'not applicable together with a level',
        { level: 2, notApplicable: { reason: 'none' }, version: 0 },
      ],
      ['notes of 5001 characters', { level: 2, notes: long(5001), version: 0 }],
      [
        'an evidence link that is not a URL',
        { level: 2, evidenceLinks: ['not a url'], version: 0 },
      ],
      ['a javascript: link', { level: 2, evidenceLinks: ['javascript:alert(1)'], version: 0 }],
      [
        'a data: link',
        { level: 2, evidenceLinks: ['data:text/html,<script>alert(1)</script>'], version: 0 },
      ],
      ['an ftp link', { level: 2, evidenceLinks: ['ftp://example.org/file'], version: 0 }],
      ['a relative link', { level: 2, evidenceLinks: ['/policy.pdf'], version: 0 }],
      [
        'a link of more than 2000 characters',
        { level: 2, evidenceLinks: [`https://example.org/${long(2000)}`], version: 0 },
      ],
      [
        '21 evidence links',
        {
          level: 2,
          evidenceLinks: Array.from({ length: 21 }, (_, i) => `https://example.org/${i}`),
          version: 0,
        },
      ],
      [
        'an indicator of another pillar',
        { level: 2, indicators: { 'local-spend-share': 10 }, version: 0 },
      ],
      ['an unknown indicator', { level: 2, indicators: { 'made-up': 10 }, version: 0 }],
      [
        'a share above 100 %',
        { level: 2, indicators: { 'living-wage-staff-share': 101 }, version: 0 },
      ],
      ['a negative share', { level: 2, indicators: { 'living-wage-staff-share': -1 }, version: 0 }],
      ['a fractional count', { level: 2, indicators: { apprentices: 1.5 }, version: 0 }],
      ['an indicator as text', { level: 2, indicators: { apprentices: '4' }, version: 0 }],
      ['a body that is an array', [{ level: 2, version: 0 }]],
    ])('%s', async (_name, body) => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, body as never);
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toMatch(/application\/problem\+json/);
      expect(res.json().status).toBe(400);
      expect(await storedAnswer(team.assessment.id)).toBeUndefined();
    });

    it('a payload over the body limit → 413', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 2,
        notes: 'x'.repeat(ctx.config.bodyLimit + 10),
        version: 0,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json().code).toBe('payload_too_large');
      expect(await storedAnswer(team.assessment.id)).toBeUndefined();
    });

    it('explains a level above the scale', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 5,
        version: 0,
      });
      expect(res.json()).toMatchObject({ code: 'invalid_answer' });
      expect(res.json().detail).toMatch(/1 to 4/);
    });

    it('accepts a negative % change in emissions, and 0 and 100 % shares', async () => {
      const netZero = await putAnswer(ctx, team.admin, team.assessment.id, 'scope-1-2-emissions', {
        level: 2,
        indicators: { 'emissions-change-from-base-year': -35, 'scope-1-emissions': 0 },
        version: 0,
      });
      expect(netZero.statusCode).toBe(200);
      const shares = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 2,
        indicators: { 'living-wage-staff-share': 100, 'local-staff-share': 0 },
        version: 0,
      });
      expect(shares.statusCode).toBe(200);
    });

    it('a note of exactly 5000 characters and 20 links are fine', async () => {
      const res = await putAnswer(ctx, team.admin, team.assessment.id, CRITERION, {
        level: 2,
        notes: 'x'.repeat(5000),
        evidenceLinks: Array.from({ length: 20 }, (_, i) => `https://example.org/${i}`),
        version: 0,
      });
      expect(res.statusCode).toBe(200);
    });
  });
});

/**
 * A save and a submission must wait for each other (`FOR SHARE` on the assessment row against the
 * submission's `FOR UPDATE`): no save may land after the submission has read the answers. PGlite
 * has one connection, so there the two can never overlap; the race needs the real server, and the
 * postgres project runs it (it is not defined for PGlite at all).
 */
if (TEST_DB === 'postgres') {
  describe('answer saves racing a submission (PostgreSQL)', () => {
    const ROUNDS = 4;
    const CHAINS = 6;
    const MAX_SAVES_PER_CHAIN = 200;

    interface Ack {
      criterionId: string;
      version: number;
      notes: string;
    }

    it('nothing changes after the snapshot; each save is in it (2xx) or refused as locked', async () => {
      for (let round = 0; round < ROUNDS; round += 1) {
        const assessment = await createAssessment(ctx, team.org);
        await answerAll(ctx, team.contributor, assessment, () => ({ level: 1 }));
        const racing = assessment.criterionIds.slice(0, CHAINS);
        const acks: Ack[] = [];
        const refusals: { criterionId: string; status: number; code: string }[] = [];
        let startSubmit: () => void = () => {};
        const enoughSaves = new Promise<void>((resolve) => {
          startSubmit = resolve;
        });

        // One chain of saves per criterion, each save on the version the previous one returned,
        // until the assessment refuses them: all chains at once, and the submission among them.
        const chain = async (criterionId: string) => {
          let version = 1;
          for (let n = 0; n < MAX_SAVES_PER_CHAIN; n += 1) {
            const notes = `round ${round}, ${criterionId}, save ${n}`;
            const res = await putAnswer(ctx, team.contributor, assessment.id, criterionId, {
              level: (n % 4) + 1,
              notes,
              version,
            });
            if (res.statusCode >= 200 && res.statusCode < 300) {
              version = ZAnswer.parse(res.json()).version;
              acks.push({ criterionId, version, notes });
              if (acks.length >= CHAINS * 2) startSubmit();
              continue;
            }
            refusals.push({ criterionId, status: res.statusCode, code: res.json().code });
            return;
          }
          throw new Error(`${criterionId}: ${MAX_SAVES_PER_CHAIN} saves and never refused`);
        };
        const submission = enoughSaves.then(() =>
          call(ctx, team.admin, 'POST', `/assessments/${assessment.id}/submit`),
        );
        const [submitted] = await Promise.all([submission, ...racing.map(chain)]);
        expect(submitted.statusCode, submitted.body).toBe(200);

        // Every chain ended in a refusal because the assessment was locked, 409 or 423 alike.
        expect(refusals.map((r) => r.criterionId).sort()).toEqual([...racing].sort());
        for (const refusal of refusals) {
          expect([409, 423]).toContain(refusal.status);
          expect(refusal.code).toBe('assessment_locked');
        }

        const [revision] = await ctx.database.db
          .select({ answers: assessmentRevisions.answers })
          .from(assessmentRevisions)
          .where(eq(assessmentRevisions.assessmentId, assessment.id));
        if (!revision) throw new Error('the submit stored no revision');
        const snapshot = new Map(
          (
            revision.answers as {
              criterionId: string;
              level: number | null;
              notes: string | null;
            }[]
          ).map((a) => [a.criterionId, a]),
        );
        const stored = await ctx.database.db
          .select()
          .from(answers)
          .where(eq(answers.assessmentId, assessment.id));
        // The answers as they are now are the snapshot: nothing landed after it was taken.
        expect(stored).toHaveLength(snapshot.size);
        for (const row of stored) {
          expect(snapshot.get(row.criterionId), row.criterionId).toMatchObject({
            level: row.level,
            notes: row.notes,
          });
        }
        // The last acknowledged save of each chain is what was stored and submitted, so every
        // acknowledged save is in the snapshot (the earlier ones of a chain by being replaced).
        for (const criterionId of racing) {
          const last = acks.filter((a) => a.criterionId === criterionId).at(-1);
          const row = stored.find((r) => r.criterionId === criterionId);
          expect(row?.version ?? 0, criterionId).toBe(last?.version ?? 1);
          expect(snapshot.get(criterionId)?.notes ?? null).toBe(last?.notes ?? null);
        }
      }
    });
  });
}

import { ZCycleMemberResults } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessmentRevisions, assessments, networkMembers } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import {
  addMembers,
  createDashboardCycle,
  createMemberUser,
  type DashboardCycle,
  revisionOf,
} from './dashboard-factories.js';
import { call, createUser, type TestUser } from './factories.js';

const ctx = useTestApp();

const resultsOf = (setup: DashboardCycle, organisationId: string, user: TestUser | null) =>
  call(ctx, user, 'GET', `/cycles/${setup.cycle.id}/members/${organisationId}/results`);

/**
 * The members created, as a tuple so that destructuring types each as defined (the tests
 * destructure exactly as many as they create).
 */
function only<T>(items: T[]): [T, T, T] {
  if (items.length === 0 || items.some((item) => item === undefined)) throw new Error('missing');
  return items as [T, T, T];
}

describe("a coordinator reads a named member's results in a cycle", () => {
  let setup: DashboardCycle;

  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
    setup = await createDashboardCycle(ctx, { networkName: 'Leeds Anchors' });
  });

  it('answers the submitted results, the same as the member sees for that revision', async () => {
    const [member] = only(
      await addMembers(ctx, setup, [
        { name: 'Named Trust', level: { otherwise: 2, 'real-living-wage-staff': 4 }, target: 3 },
      ]),
    );
    const res = await resultsOf(setup, member.id, setup.coordinator);
    expect(res.statusCode).toBe(200);
    const body = ZCycleMemberResults.parse(res.json());
    expect(body).toMatchObject({
      cycleId: setup.cycle.id,
      organisationId: member.id,
      organisationName: 'Named Trust',
      sharing: 'named',
      assessmentId: member.assessmentId,
      status: 'submitted',
      revision: 1,
      source: 'submitted',
    });
    expect(body.pillars.length).toBeGreaterThan(0);
    expect(body.overall.score).not.toBeNull();
    expect(body.criteria.find((c) => c.criterionId === 'real-living-wage-staff')?.level).toBe(4);

    // The member's own view of the same revision: identical but for whose they are.
    const own = await call(
      ctx,
      await createMemberUser(ctx, member),
      'GET',
      `/assessments/${member.assessmentId}/results?revision=1`,
    );
    expect(own.statusCode).toBe(200);
    const { cycleId, organisationId, organisationName, sharing, submittedAt, ...results } = body;
    expect(Date.parse(submittedAt)).not.toBeNaN();
    expect(results).toEqual(own.json());
  });

  it('answers the latest submitted revision, also while the member has reopened it', async () => {
    const [member] = only(await addMembers(ctx, setup, [{ name: 'Reviser', level: 1 }]));
    const assessmentId = member.assessmentId ?? '';
    const profile = { type: 'business', sizeBand: 'large' } as const;
    await ctx.database.db
      .insert(assessmentRevisions)
      .values({ assessmentId, revision: 2, ...revisionOf({ level: 4 }, profile) });
    await ctx.database.db
      .update(assessments)
      .set({ status: 'reopened', revision: 3 })
      .where(eq(assessments.id, assessmentId));

    const res = await resultsOf(setup, member.id, setup.coordinator);
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ status: 'reopened', revision: 2, source: 'submitted' });
    expect(res.json().overall.score).toBe(100);
  });

  it('answers 409 not_submitted for a member whose assessment has never been submitted', async () => {
    const [draft] = only(await addMembers(ctx, setup, [{ name: 'Drafting', state: 'draft' }]));
    const res = await resultsOf(setup, draft.id, setup.coordinator);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('not_submitted');
  });

  it('answers 404 for an anonymous member, a non-member, a former member and one not started', async () => {
    const [anonymous, notStarted, leaver] = only(
      await addMembers(ctx, setup, [
        { name: 'Hidden', sharing: 'anonymous' },
        { name: 'Not Started', state: 'not_started' },
        { name: 'Leaver' },
      ]),
    );
    await ctx.database.db
      .delete(networkMembers)
      .where(
        and(
          eq(networkMembers.networkId, setup.network.id),
          eq(networkMembers.organisationId, leaver.id),
        ),
      );
    // A named, submitted member of another network only.
    const other = await createDashboardCycle(ctx, { networkName: 'Elsewhere' });
    const [outsider] = only(await addMembers(ctx, other, [{ name: 'Outsider' }]));
    const responses = [];
    for (const id of [
      anonymous.id,
      notStarted.id,
      leaver.id,
      outsider.id,
      '00000000-0000-4000-8000-000000000000',
    ]) {
      const res = await resultsOf(setup, id, setup.coordinator);
      expect(res.statusCode, id).toBe(404);
      expect(res.json().code).toBe('not_found');
      responses.push(res.json());
    }
    // An anonymous member looks exactly like an organisation that does not exist.
    const { instance: _a, ...hidden } = responses[0];
    const { instance: _b, ...missing } = responses[4];
    expect(hidden).toEqual(missing);
  });

  it('stops answering once a member switches to anonymous', async () => {
    const [member] = only(await addMembers(ctx, setup, [{ name: 'Changing Mind' }]));
    expect((await resultsOf(setup, member.id, setup.coordinator)).statusCode).toBe(200);
    await ctx.database.db
      .update(networkMembers)
      .set({ sharing: 'anonymous' })
      .where(eq(networkMembers.organisationId, member.id));
    expect((await resultsOf(setup, member.id, setup.coordinator)).statusCode).toBe(404);
  });

  it("answers 403 to members (named or anonymous) and 404 to a stranger or another network's coordinator", async () => {
    const [named, anonymous] = only(
      await addMembers(ctx, setup, [{ name: 'Named' }, { name: 'Hidden', sharing: 'anonymous' }]),
    );
    const other = await createDashboardCycle(ctx, { networkName: 'Elsewhere' });
    for (const user of [
      await createMemberUser(ctx, named),
      await createMemberUser(ctx, anonymous),
    ]) {
      // Even a member asking about itself: this is the coordinators' view.
      for (const target of [named, anonymous]) {
        const res = await resultsOf(setup, target.id, user);
        expect(res.statusCode).toBe(403);
        expect(res.json().code).toBe('forbidden');
      }
    }
    for (const user of [other.coordinator, await createUser(ctx)]) {
      for (const target of [named, anonymous]) {
        const res = await resultsOf(setup, target.id, user);
        expect(res.statusCode).toBe(404);
        expect(res.json().code).toBe('not_found');
      }
    }
    // Another network's coordinator asking through its own cycle does not reach this member.
    const res = await resultsOf(other, named.id, other.coordinator);
    expect(res.statusCode).toBe(404);
    expect((await resultsOf(setup, named.id, null)).statusCode).toBe(401);
  });

  it('refuses malformed ids with 400', async () => {
    const [member] = only(await addMembers(ctx, setup, [{ name: 'Named' }]));
    for (const url of [
      `/cycles/${setup.cycle.id}/members/nope/results`,
      `/cycles/nope/members/${member.id}/results`,
    ]) {
      const res = await call(ctx, setup.coordinator, 'GET', url);
      expect(res.statusCode, url).toBe(400);
    }
  });
});

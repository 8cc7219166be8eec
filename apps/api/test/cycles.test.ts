import { DEFAULT_FRAMEWORK } from '@waymark/rubric';
import { addDays, format } from 'date-fns';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cycleAssessments } from '../src/db/schema.js';
import { londonToday } from '../src/modules/cycles/cycle-dates.js';
import { answerAll, createAssessment } from './assessment-factories.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addNetworkMember, createNetwork } from './cycle-factories.js';
import { call, createTeam, createUser, type TestTeam, type TestUser } from './factories.js';

const ctx = useTestApp();

const body = {
  name: '2026',
  frameworkId: DEFAULT_FRAMEWORK.id,
  frameworkVersion: DEFAULT_FRAMEWORK.version,
  opensOn: '2026-03-01',
  closesOn: '2026-03-31',
};

describe('cycles', () => {
  let team: TestTeam;
  let coordinator: TestUser;
  let otherCoordinator: TestUser;
  let network: { id: string };

  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
    team = await createTeam(ctx);
    coordinator = await createUser(ctx, { name: 'Coco Coordinator' });
    otherCoordinator = await createUser(ctx, { name: 'Other Coordinator' });
    network = await createNetwork(ctx, coordinator);
    await createNetwork(ctx, otherCoordinator, { name: 'Elsewhere' });
    await addNetworkMember(ctx, network, team.org);
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  const create = (user: TestUser, payload: unknown = body) =>
    call(ctx, user, 'POST', `/networks/${network.id}/cycles`, payload);

  it('creates a cycle, lists it and reads it; duplicate names are 409', async () => {
    const res = await create(coordinator);
    expect(res.statusCode).toBe(201);
    const cycle = res.json();
    expect(cycle).toMatchObject({ name: '2026', opensOn: '2026-03-01', closesOn: '2026-03-31' });
    expect((await create(coordinator)).statusCode).toBe(409);
    const list = await call(ctx, team.viewer, 'GET', `/networks/${network.id}/cycles`);
    expect(list.statusCode).toBe(200);
    expect(list.json().items).toHaveLength(1);
    const detail = await call(ctx, team.viewer, 'GET', `/cycles/${cycle.id}`);
    expect(detail.json().yourOrganisations).toEqual([
      { organisationId: team.org.id, assessment: null },
    ]);
  });

  it('rejects bad dates, unknown versions and unknown fields, creating nothing', async () => {
    expect((await create(coordinator, { ...body, closesOn: '2026-02-28' })).statusCode).toBe(400);
    expect((await create(coordinator, { ...body, opensOn: '2026-02-30' })).statusCode).toBe(400);
    expect((await create(coordinator, { ...body, colour: 'red' })).statusCode).toBe(400);
    const unknown = await create(coordinator, { ...body, frameworkVersion: 999 });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().code).toBe('unknown_framework_version');
    const list = await call(ctx, coordinator, 'GET', `/networks/${network.id}/cycles`);
    expect(list.json().items).toEqual([]);
  });

  it('is open from the start of opensOn to the end of closesOn in London; extend and reopen', async () => {
    const { id } = (await create(coordinator)).json();
    const statusAt = async (iso: string) => {
      vi.useFakeTimers({ toFake: ['Date'], now: new Date(iso) });
      const res = await call(ctx, coordinator, 'GET', `/cycles/${id}`);
      vi.useRealTimers();
      return res.json() as { status: string; daysLeft: number | null };
    };
    expect((await statusAt('2026-02-28T23:59:00Z')).status).toBe('upcoming');
    expect(await statusAt('2026-03-01T00:00:00Z')).toMatchObject({ status: 'open', daysLeft: 30 });
    // 23:30 UTC on 31 March is 00:30 BST on 1 April: closed in London.
    expect(await statusAt('2026-03-31T22:30:00Z')).toMatchObject({ status: 'open', daysLeft: 0 });
    expect((await statusAt('2026-03-31T23:30:00Z')).status).toBe('closed');
    const extended = await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, {
      closesOn: '2026-04-30',
    });
    expect(extended.statusCode).toBe(200);
    expect((await statusAt('2026-04-10T12:00:00Z')).status).toBe('open');
    const badOrder = await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, {
      closesOn: '2026-01-01',
    });
    expect(badOrder.statusCode).toBe(422);
    expect((await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, {})).statusCode).toBe(400);
  });

  it('tenancy: members get 403 on coordinator routes; strangers get 404', async () => {
    expect((await create(team.admin)).statusCode).toBe(403);
    expect((await create(otherCoordinator)).statusCode).toBe(404);
    expect((await create(team.outsider)).statusCode).toBe(404);
    const { id } = (await create(coordinator)).json();
    const patch = { name: '2026 (extended)' };
    expect((await call(ctx, team.admin, 'PATCH', `/cycles/${id}`, patch)).statusCode).toBe(403);
    for (const user of [otherCoordinator, team.outsider]) {
      expect((await call(ctx, user, 'GET', `/cycles/${id}`)).statusCode).toBe(404);
      expect((await call(ctx, user, 'PATCH', `/cycles/${id}`, patch)).statusCode).toBe(404);
      expect((await call(ctx, user, 'GET', `/networks/${network.id}/cycles`)).statusCode).toBe(404);
    }
    const renamed = await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, patch);
    expect(renamed.json().name).toBe('2026 (extended)');
  });

  describe('assessments of a cycle', () => {
    const day = (offset: number) => format(addDays(new Date(londonToday()), offset), 'yyyy-MM-dd');
    const openBody = { ...body, opensOn: day(-5), closesOn: day(10) };

    it('starts an assessment once (201 then 200) on the cycle version, and shows it on the cycle', async () => {
      const { id } = (await create(coordinator, openBody)).json();
      const url = `/cycles/${id}/assessments`;
      const first = await call(ctx, team.contributor, 'POST', url, { organisationId: team.org.id });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({
        organisationId: team.org.id,
        status: 'draft',
        shared: false,
      });
      const again = await call(ctx, team.admin, 'POST', url, { organisationId: team.org.id });
      expect(again.statusCode).toBe(200);
      expect(again.json().assessmentId).toBe(first.json().assessmentId);
      const detail = await call(ctx, team.viewer, 'GET', `/cycles/${id}`);
      expect(detail.json().yourOrganisations).toEqual([
        {
          organisationId: team.org.id,
          assessment: { id: first.json().assessmentId, status: 'draft' },
        },
      ]);
      const version = await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, {
        frameworkVersion: 2,
      });
      expect(version.statusCode).toBe(409);
      // Viewers may not start one; other organisations and strangers get 404; unknown fields 400.
      expect(
        (await call(ctx, team.viewer, 'POST', url, { organisationId: team.org.id })).statusCode,
      ).toBe(403);
      expect(
        (await call(ctx, team.outsider, 'POST', url, { organisationId: team.otherOrg.id }))
          .statusCode,
      ).toBe(404);
      expect(
        (await call(ctx, team.admin, 'POST', url, { organisationId: team.otherOrg.id })).statusCode,
      ).toBe(404);
      expect(
        (await call(ctx, team.admin, 'POST', url, { organisationId: team.org.id, x: 1 }))
          .statusCode,
      ).toBe(400);
    });

    it('refuses to start while the cycle is not open', async () => {
      const { id } = (
        await create(coordinator, { ...body, opensOn: day(3), closesOn: day(10) })
      ).json();
      const res = await call(ctx, team.admin, 'POST', `/cycles/${id}/assessments`, {
        organisationId: team.org.id,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('cycle_not_open');
    });

    it("shares the assessment with another network's open cycle on the same version", async () => {
      const second = await createNetwork(ctx, coordinator, { name: 'Yorkshire Anchors' });
      await addNetworkMember(ctx, second, team.org, 'anonymous');
      const a = (await create(coordinator, openBody)).json();
      const b = (
        await call(ctx, coordinator, 'POST', `/networks/${second.id}/cycles`, openBody)
      ).json();
      const first = await call(ctx, team.admin, 'POST', `/cycles/${a.id}/assessments`, {
        organisationId: team.org.id,
      });
      const shared = await call(ctx, team.admin, 'POST', `/cycles/${b.id}/assessments`, {
        organisationId: team.org.id,
      });
      expect(shared.statusCode).toBe(201);
      expect(shared.json()).toMatchObject({
        assessmentId: first.json().assessmentId,
        shared: true,
      });
    });

    it('refuses to submit once every linked cycle has closed; extending allows it again', async () => {
      const { id } = (await create(coordinator, openBody)).json();
      const assessment = await createAssessment(ctx, team.org, { createdBy: team.admin });
      await ctx.database.db
        .insert(cycleAssessments)
        .values({ cycleId: id, organisationId: team.org.id, assessmentId: assessment.id });
      await answerAll(ctx, team.admin, assessment);
      await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, { closesOn: day(-1) });
      const refused = await call(ctx, team.admin, 'POST', `/assessments/${assessment.id}/submit`);
      expect(refused.statusCode).toBe(409);
      expect(refused.json()).toMatchObject({ code: 'cycle_closed' });
      expect(refused.json().detail).toContain(day(-1));
      await call(ctx, coordinator, 'PATCH', `/cycles/${id}`, { closesOn: day(2) });
      const ok = await call(ctx, team.admin, 'POST', `/assessments/${assessment.id}/submit`);
      expect(ok.statusCode).toBe(200);
    });
  });
});

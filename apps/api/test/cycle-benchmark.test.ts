import { DEFAULT_FRAMEWORK, type TAssessmentScores } from '@waymark/rubric';
import { addDays, format } from 'date-fns';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessmentRevisions, cycleAssessments, cycles } from '../src/db/schema.js';
import { londonToday } from '../src/modules/cycles/cycle-dates.js';
import { createAssessment } from './assessment-factories.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addNetworkMember, createNetwork } from './cycle-factories.js';
import {
  call,
  createOrganisation,
  createTeam,
  createUser,
  type TestTeam,
  type TestUser,
} from './factories.js';

const ctx = useTestApp();

function scoresOf(overall: number): TAssessmentScores {
  return {
    overall,
    overallTarget: null,
    completeness: { answered: 1, applicable: 1, ratio: 1 },
    pillars: [
      {
        pillarId: 'people',
        score: overall,
        meanLevel: null,
        stage: null,
        targetScore: null,
        answered: 1,
        applicable: 1,
        completeness: 1,
        status: 'complete',
      },
    ],
  };
}

describe('cycle benchmark', () => {
  let team: TestTeam;
  let coordinator: TestUser;
  let network: { id: string };
  let cycleId: string;

  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
    team = await createTeam(ctx, { org: { type: 'public_sector', sizeBand: 'large' } });
    coordinator = await createUser(ctx, { name: 'Coco Coordinator' });
    network = await createNetwork(ctx, coordinator, { minGroupSize: 5 });
    await addNetworkMember(ctx, network, team.org);
    const day = (n: number) => format(addDays(new Date(londonToday()), n), 'yyyy-MM-dd');
    const [cycle] = await ctx.database.db
      .insert(cycles)
      .values({
        networkId: network.id,
        name: '2026',
        frameworkId: DEFAULT_FRAMEWORK.id,
        frameworkVersion: DEFAULT_FRAMEWORK.version,
        opensOn: day(-5),
        closesOn: day(5),
      })
      .returning({ id: cycles.id });
    if (!cycle) throw new Error('no cycle');
    cycleId = cycle.id;
  });

  /** A member organisation with a submitted assessment linked to the cycle (revision 1). */
  async function submitted(
    organisation: { id: string },
    overall: number,
    options: { member?: boolean } = {},
  ) {
    if (options.member !== false) {
      await addNetworkMember(ctx, network, organisation, 'anonymous');
    }
    const assessment = await createAssessment(ctx, organisation, { status: 'submitted' });
    await ctx.database.db.insert(assessmentRevisions).values({
      assessmentId: assessment.id,
      revision: 1,
      answers: [],
      scores: scoresOf(overall),
    });
    await ctx.database.db
      .insert(cycleAssessments)
      .values({ cycleId, organisationId: organisation.id, assessmentId: assessment.id });
  }

  async function others(
    n: number,
    profile: { type?: 'business' | 'public_sector'; sizeBand?: 'large' | 'small' },
  ) {
    for (let i = 0; i < n; i += 1) {
      const admin = await createUser(ctx);
      const org = await createOrganisation(ctx, admin, profile);
      await submitted(org, 10 * (i + 1));
    }
  }

  const get = (user: TestUser, organisationId = team.org.id) =>
    call(ctx, user, 'GET', `/cycles/${cycleId}/benchmark?organisationId=${organisationId}`);
  const group = (res: { json: () => { groups: { group: string }[] } }, name: string) =>
    res.json().groups.find((g) => g.group === name) as unknown as Record<string, unknown> & {
      overall: {
        stat: Record<string, unknown>;
        yourScore: number | null;
        yourQuartile: number | null;
      };
    };

  it('suppresses at threshold − 1 and shows at threshold and threshold + 1', async () => {
    await others(4, { type: 'business', sizeBand: 'small' });
    let res = await get(team.viewer);
    expect(res.statusCode).toBe(200);
    expect(group(res, 'all')).toMatchObject({
      status: 'suppressed',
      contributors: 4,
      threshold: 5,
    });
    expect(group(res, 'all').overall.stat).toEqual({ status: 'suppressed', contributors: 4 });
    await submitted(team.org, 35, { member: false });
    res = await get(team.viewer);
    expect(res.json().submitted).toBe(true);
    const all = group(res, 'all');
    expect(all).toMatchObject({ status: 'ok', contributors: 5 });
    expect(all.overall.stat).toEqual({ status: 'ok', contributors: 5, median: 30, q1: 20, q3: 35 });
    expect(all.overall).toMatchObject({ yourScore: 35, yourQuartile: 3 });
    expect(JSON.stringify(res.json())).not.toMatch(/"min"|"max"/);
    await others(1, { type: 'business', sizeBand: 'small' });
    expect(group(await get(team.viewer), 'all')).toMatchObject({ status: 'ok', contributors: 6 });
  });

  it('complementary suppression: a subgroup is hidden while the rest is 1 … threshold − 1', async () => {
    await submitted(team.org, 50, { member: false });
    await others(4, { type: 'public_sector', sizeBand: 'small' }); // same type: 5 in all
    await others(4, { type: 'business', sizeBand: 'small' }); // the rest: 4
    let res = await get(team.admin);
    expect(group(res, 'all')).toMatchObject({ status: 'ok', contributors: 9 });
    expect(group(res, 'sameType')).toMatchObject({ status: 'suppressed', contributors: 5 });
    // Same size band ("large"): only the caller, 1 of 9.
    expect(group(res, 'sameSizeBand')).toMatchObject({ status: 'suppressed', contributors: 1 });
    await others(1, { type: 'business', sizeBand: 'small' }); // the rest reaches 5
    res = await get(team.admin);
    expect(group(res, 'sameType')).toMatchObject({ status: 'ok', contributors: 5 });
    await others(1, { type: 'business', sizeBand: 'small' });
    expect(group(await get(team.admin), 'sameType')).toMatchObject({ status: 'ok' });
  });

  it('counts only organisations that are still members', async () => {
    await others(4, { type: 'business', sizeBand: 'small' });
    const admin = await createUser(ctx);
    const former = await createOrganisation(ctx, admin);
    await submitted(former, 90, { member: false }); // linked but not (any more) a member
    expect(group(await get(team.viewer), 'all')).toMatchObject({ contributors: 4 });
  });

  it('tenancy: another organisation, strangers and coordinators of other networks get 404', async () => {
    const otherCoordinator = await createUser(ctx);
    await createNetwork(ctx, otherCoordinator, { name: 'Elsewhere' });
    expect((await get(team.outsider)).statusCode).toBe(404);
    expect((await get(team.outsider, team.otherOrg.id)).statusCode).toBe(404);
    expect((await get(team.admin, team.otherOrg.id)).statusCode).toBe(404);
    expect((await get(otherCoordinator)).statusCode).toBe(404);
    const bad = await call(ctx, team.admin, 'GET', `/cycles/${cycleId}/benchmark`);
    expect(bad.statusCode).toBe(400);
  });
});

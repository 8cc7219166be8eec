import { parse } from 'csv-parse/sync';
import { beforeEach, describe, expect, it } from 'vitest';
import { truncateAll, useTestApp } from './build-test-app.js';
import {
  addInvitation,
  addMembers,
  createDashboardCycle,
  createMemberUser,
  type DashboardCycle,
  type MemberSpec,
} from './dashboard-factories.js';
import { call, createUser, type TestUser } from './factories.js';

const ctx = useTestApp();

const dashboardOf = (setup: DashboardCycle, user: TestUser | null = setup.coordinator) =>
  call(ctx, user, 'GET', `/cycles/${setup.cycle.id}/dashboard`);
const csvOf = (setup: DashboardCycle, kind: string, user: TestUser | null = setup.coordinator) =>
  call(ctx, user, 'GET', `/cycles/${setup.cycle.id}/export.csv?kind=${kind}`);

function named(n: number, spec: MemberSpec = {}, prefix = 'Named'): MemberSpec[] {
  return Array.from({ length: n }, (_, i) => ({ name: `${prefix} ${i + 1}`, ...spec }));
}
function anonymous(n: number, spec: MemberSpec = {}, prefix = 'Hidden'): MemberSpec[] {
  return named(n, { sharing: 'anonymous', ...spec }, prefix);
}

/** The CSV's rows as arrays of cells, the BOM dropped. */
function csvRows(body: string): string[][] {
  return parse(body, { bom: true });
}

describe('cycle dashboard', () => {
  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  });

  it('shows exactly the named members in the heatmap; anonymous ones only count in aggregates', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    const shown = await addMembers(ctx, setup, [
      { name: 'Zeta Housing', level: 4 },
      { name: 'Alpha Trust', level: 1, type: 'public_sector', sizeBand: 'medium' },
      { name: 'Mid Council', level: 3 },
    ]);
    const hidden = await addMembers(ctx, setup, anonymous(3, { level: 2 }, 'Secret'));
    const res = await dashboardOf(setup);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.threshold).toBe(3);
    expect(body.levels.map((l: { name: string }) => l.name)).toEqual([
      'Getting started',
      'Developing',
      'Embedding',
      'Leading',
    ]);
    expect(body.heatmap.rows.map((r: { name: string }) => r.name)).toEqual([
      'Alpha Trust',
      'Mid Council',
      'Zeta Housing',
    ]);
    expect(body.heatmap.pillarIds).toEqual([
      'employment',
      'procurement',
      'estates-and-assets',
      'net-zero',
      'corporate-and-community',
    ]);
    const alpha = body.heatmap.rows[0];
    expect(alpha).toMatchObject({
      organisationId: shown[1]?.id,
      assessmentId: shown[1]?.assessmentId,
      type: 'public_sector',
      sizeBand: 'medium',
      overall: { score: 0, stage: { level: 1, name: 'Getting started' } },
    });
    expect(alpha.pillars[0]).toEqual({
      pillarId: 'employment',
      score: 0,
      stage: { level: 1, name: 'Getting started' },
    });
    expect(body.heatmap.rows[2].overall).toEqual({
      score: 100,
      stage: { level: 4, name: 'Leading' },
    });
    // Six contributors, three of them anonymous: every network figure is shown, over everyone.
    expect(body.radar).toMatchObject({ contributors: 6, anonymousContributors: 3 });
    const everyone = { status: 'ok', basis: 'all', contributors: 6, anonymousLeftOut: 0 };
    expect(body.radar.overall).toMatchObject(everyone);
    expect(body.distribution[0]).toMatchObject(everyone);
    expect(body.distribution[0].stages.map((s: { count: number }) => s.count)).toEqual([
      1, 3, 1, 1,
    ]);
    // Anonymous members appear nowhere by name, id or assessment.
    const text = JSON.stringify(body);
    for (const m of hidden) {
      expect(text).not.toContain(m.name);
      expect(text).not.toContain(m.id);
      expect(text).not.toContain(m.assessmentId as string);
    }
    expect(text).not.toMatch(/"min"|"max"|A note that/);
  });

  it('suppresses network figures at threshold − 1 and shows them at threshold and threshold + 1', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 5 });
    const spec = { level: 2, target: 3, indicators: { 'living-wage-staff-share': 80 } };
    await addMembers(ctx, setup, anonymous(4, spec));
    let body = (await dashboardOf(setup)).json();
    expect(body.threshold).toBe(5);
    const tooFew = { status: 'suppressed', contributors: 4, anonymous: 4, reason: 'too_few' };
    expect(body.radar.overall).toEqual(tooFew);
    expect(body.radar.pillars.every((p: { status: string }) => p.status === 'suppressed')).toBe(
      true,
    );
    expect(body.distribution[0]).toEqual({ ...tooFew, pillarId: 'employment' });
    expect(body.priorities).toMatchObject({
      lowestPillars: [],
      lowestCriteria: [],
      largestGaps: [],
    });
    expect(body.priorities.heldBackCriteria).toEqual({ tooFew: 30, fewAnonymous: 0 });
    const wage = (b: { indicators: { indicatorId: string }[] }) =>
      b.indicators.find((i) => i.indicatorId === 'living-wage-staff-share');
    expect(wage(body)).toMatchObject({ ...tooFew });
    expect(wage(body)).not.toHaveProperty('median');
    expect(body.heatmap.rows).toEqual([]);

    await addMembers(ctx, setup, anonymous(1, spec, 'Fifth'));
    body = (await dashboardOf(setup)).json();
    expect(body.radar.overall).toEqual({
      status: 'ok',
      basis: 'all',
      contributors: 5,
      anonymousLeftOut: 0,
      median: 100 / 3,
      q1: 100 / 3,
      q3: 100 / 3,
    });
    expect(body.distribution[0]).toMatchObject({ status: 'ok', contributors: 5 });
    expect(body.priorities.largestGaps[0]).toMatchObject({
      medianLevel: 2,
      medianGap: 1,
      contributors: 5,
    });
    expect(wage(body)).toMatchObject({ status: 'ok', contributors: 5, median: 80 });

    await addMembers(ctx, setup, anonymous(1, { ...spec, level: 4 }, 'Sixth'));
    body = (await dashboardOf(setup)).json();
    expect(body.radar.overall).toMatchObject({ status: 'ok', contributors: 6 });
    expect(body.radar.pillars[0]).toMatchObject({ pillarId: 'employment', contributors: 6 });
  });

  it('shows the named members only while 1 … threshold − 1 of the contributors are anonymous', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(ctx, setup, named(4, { level: 1 }));
    await addMembers(ctx, setup, anonymous(1, { level: 4 }));
    let body = (await dashboardOf(setup)).json();
    // Four known zeros and one unknown: a median over all five would let subtraction give the
    // anonymous one away, so the figure is the four named members'.
    expect(body.radar.overall).toEqual({
      status: 'ok',
      basis: 'named',
      contributors: 4,
      anonymousLeftOut: 1,
      median: 0,
      q1: 0,
      q3: 0,
    });
    expect(body.heatmap.rows).toHaveLength(4);
    // Threshold and threshold + 1 anonymous: every contributor counts.
    await addMembers(ctx, setup, anonymous(2, { level: 4 }, 'More'));
    body = (await dashboardOf(setup)).json();
    expect(body.radar.overall).toMatchObject({
      status: 'ok',
      basis: 'all',
      contributors: 7,
      anonymousLeftOut: 0,
      median: 0,
      q3: 100,
    });
    await addMembers(ctx, setup, anonymous(1, { level: 4 }, 'Last'));
    body = (await dashboardOf(setup)).json();
    expect(body.radar.overall).toMatchObject({ basis: 'all', contributors: 8, median: 50 });
  });

  it('never gives a figure computed with 1 … threshold − 1 anonymous members, in the JSON or the CSV', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 5 });
    // The named at the first level with 10% reported, aiming one higher; the anonymous at the top
    // with 90% and no target: any figure that counted them would differ from the named-only one.
    await addMembers(
      ctx,
      setup,
      named(4, { level: 1, target: 2, indicators: { 'living-wage-staff-share': 10 } }),
    );
    const hiddenSpec = { level: 4, indicators: { 'living-wage-staff-share': 90 } };
    for (let anon = 1; anon <= 4; anon += 1) {
      await addMembers(ctx, setup, anonymous(1, hiddenSpec, `Hidden ${anon}`));
      const body = (await dashboardOf(setup)).json();
      const figures = [
        body.radar.overall,
        ...body.radar.pillars,
        ...body.distribution,
        ...body.priorities.lowestPillars,
        ...body.priorities.lowestCriteria,
        ...body.priorities.largestGaps,
        ...body.indicators.filter((i: { contributors: number }) => i.contributors > 0),
      ];
      expect(figures.length).toBe(25);
      for (const f of figures) {
        // A held-back figure has no basis: every one here is shown, over the named only.
        expect(f).toMatchObject({
          basis: 'named',
          contributors: 4,
          anonymousLeftOut: anon,
        });
      }
      const medians = JSON.stringify(body).match(/"(median|q1|q3)":[0-9.]+/g) ?? [];
      expect(medians.length).toBe(6 * 3 + 3 + 1);
      expect(new Set(medians)).toEqual(new Set(['"median":0', '"q1":0', '"q3":0', '"median":10']));
      for (const d of body.distribution) {
        expect(d.stages.map((x: { count: number }) => x.count)).toEqual([4, 0, 0, 0]);
      }
      for (const c of body.priorities.lowestCriteria) {
        expect(c).toMatchObject({ medianLevel: 1, medianGap: 1 });
      }
      expect(body.priorities.namedOnlyCriteria).toBe(30);
      expect(body.priorities.heldBackCriteria).toEqual({ tooFew: 0, fewAnonymous: 0 });
      const rows = csvRows((await csvOf(setup, 'aggregates')).body).slice(1);
      expect(rows.length).toBeGreaterThan(6);
      for (const r of rows.filter((row) => row[3] !== '0')) {
        expect(r[3]).toBe('4');
        expect(
          r
            .slice(4, 7)
            .filter(Boolean)
            .every((v) => v === '0' || v === '10'),
        ).toBe(true);
        expect(r[7]).toBe(
          `Shown: named members only (${anon} anonymous left out until at least 5)`,
        );
      }
    }
    // Threshold (5) and threshold + 1 anonymous: every figure counts everyone.
    for (const anon of [5, 6]) {
      await addMembers(ctx, setup, anonymous(1, hiddenSpec, `Hidden ${anon}`));
      const body = (await dashboardOf(setup)).json();
      const all = { basis: 'all', contributors: 4 + anon, anonymousLeftOut: 0 };
      expect(body.radar.overall).toMatchObject({ status: 'ok', ...all, median: 100 });
      expect(body.distribution[0]).toMatchObject({ status: 'ok', ...all });
      expect(body.priorities.lowestCriteria[0]).toMatchObject({ ...all, medianLevel: 4 });
      expect(body.priorities.namedOnlyCriteria).toBe(0);
      const wage = body.indicators.find(
        (i: { indicatorId: string }) => i.indicatorId === 'living-wage-staff-share',
      );
      expect(wage).toMatchObject({ status: 'ok', ...all, median: 90 });
      const overall = csvRows((await csvOf(setup, 'aggregates')).body)[1];
      expect(overall?.slice(3, 5)).toEqual([String(4 + anon), '100']);
      expect(overall?.[7]).toBe('Shown');
    }
  });

  it('holds a figure back when fewer than two named members stand beside the anonymous ones', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(ctx, setup, named(1, { level: 1 }));
    await addMembers(ctx, setup, anonymous(2, { level: 4 }));
    const body = (await dashboardOf(setup)).json();
    expect(body.radar.overall).toEqual({
      status: 'suppressed',
      contributors: 3,
      anonymous: 2,
      reason: 'few_anonymous',
    });
    expect(body.priorities.heldBackCriteria).toEqual({ tooFew: 0, fewAnonymous: 30 });
    const overall = csvRows((await csvOf(setup, 'aggregates')).body)[1];
    expect(overall?.slice(3)).toEqual([
      '3',
      '',
      '',
      '',
      'Suppressed to protect anonymous members: 2 anonymous, fewer than 3',
    ]);
  });

  it('reports participation: invitations, members started and submitted, the missing ones, days left', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addInvitation(ctx, setup.network, 'pending');
    await addInvitation(ctx, setup.network, 'pending');
    await addInvitation(ctx, setup.network, 'accepted');
    await addInvitation(ctx, setup.network, 'revoked');
    await addInvitation(ctx, setup.network, 'expired');
    await addMembers(ctx, setup, [
      { name: 'Done Ltd' },
      { name: 'Drafting Ltd', state: 'draft' },
      { name: 'Quiet Ltd', state: 'not_started', sharing: 'anonymous' },
    ]);
    // Another network's invitations and members are not counted.
    const other = await createDashboardCycle(ctx, { networkName: 'Elsewhere' });
    await addInvitation(ctx, other.network, 'pending');
    await addMembers(ctx, other, named(2));
    const body = (await dashboardOf(setup)).json();
    expect(body.participation).toEqual({
      invited: 5,
      pendingInvitations: 2,
      joined: 3,
      started: 2,
      submitted: 1,
      notSubmitted: [
        expect.objectContaining({
          name: 'Drafting Ltd',
          sharing: 'named',
          progress: 'in_progress',
        }),
        expect.objectContaining({
          name: 'Quiet Ltd',
          sharing: 'anonymous',
          progress: 'not_started',
        }),
      ],
      status: 'open',
      closesOn: setup.cycle.closesOn,
      daysLeft: 10,
    });
  });

  it('pairs named leaders with named members starting out who aim higher', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    const [leader, learner] = await addMembers(ctx, setup, [
      { name: 'Leader plc', level: { otherwise: 3, 'real-living-wage-staff': 4 } },
      {
        name: 'Learner CIC',
        level: { otherwise: 3, 'real-living-wage-staff': 1, 'secure-contracts': 2 },
        target: { 'real-living-wage-staff': 3, 'secure-contracts': 4 },
      },
      // Developing but with no higher target: not a learner.
      { name: 'Content Ltd', level: { otherwise: 3, 'real-living-wage-staff': 2 } },
    ]);
    await addMembers(ctx, setup, [
      { name: 'Hidden leader', sharing: 'anonymous', level: 4 },
      { name: 'Hidden learner', sharing: 'anonymous', level: 1, target: 4 },
    ]);
    const body = (await dashboardOf(setup)).json();
    expect(body.collaboration).toEqual([
      {
        criterionId: 'real-living-wage-staff',
        pillarId: 'employment',
        leaders: [
          {
            organisationId: leader?.id,
            name: 'Leader plc',
            level: 4,
            targetLevel: null,
          },
        ],
        learners: [
          {
            organisationId: learner?.id,
            name: 'Learner CIC',
            level: 1,
            targetLevel: 3,
          },
        ],
      },
    ]);
  });

  it('tenancy: the coordinator of another network, strangers and unknown cycles get 404; members 403', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    const [member] = await addMembers(ctx, setup, named(3));
    const memberUser = await createMemberUser(ctx, { id: member?.id as string });
    const other = await createDashboardCycle(ctx, { networkName: 'Elsewhere' });
    const stranger = await createUser(ctx);
    for (const request of [
      (u: TestUser | null) => dashboardOf(setup, u),
      (u: TestUser | null) => csvOf(setup, 'members', u),
      (u: TestUser | null) => csvOf(setup, 'aggregates', u),
    ]) {
      expect((await request(setup.coordinator)).statusCode).toBe(200);
      expect((await request(other.coordinator)).statusCode).toBe(404);
      expect((await request(stranger)).statusCode).toBe(404);
      expect((await request(memberUser)).statusCode).toBe(403);
      expect((await request(null)).statusCode).toBe(401);
    }
    const unknown = {
      ...setup,
      cycle: { ...setup.cycle, id: '00000000-0000-4000-8000-000000000000' },
    };
    expect((await dashboardOf(unknown)).statusCode).toBe(404);
    // The other coordinator sees their own cycle.
    expect((await dashboardOf(other)).statusCode).toBe(200);
    const bad = await call(ctx, setup.coordinator, 'GET', '/cycles/not-a-uuid/dashboard');
    expect(bad.statusCode).toBe(400);
    expect((await csvOf(setup, 'everything')).statusCode).toBe(400);
    const noKind = await call(
      ctx,
      setup.coordinator,
      'GET',
      `/cycles/${setup.cycle.id}/export.csv`,
    );
    expect(noKind.statusCode).toBe(400);
    expect(noKind.headers['content-type']).toMatch(/problem\+json/);
  });
});

describe('cycle CSV export', () => {
  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  });

  it('kind=members: one row per named member, a score and stage column per pillar', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(ctx, setup, [
      { name: 'Beta Ltd', level: 2 },
      { name: '=HYPERLINK("https://evil.example")', level: 4 },
    ]);
    await addMembers(ctx, setup, anonymous(2, { level: 1 }, 'Secret'));
    const res = await csvOf(setup, 'members');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      'attachment; filename="waymark-leeds-anchors-2026-members.csv"',
    );
    expect(res.body.startsWith('\uFEFF')).toBe(true);
    expect(res.body).not.toContain('Secret');
    const rows = csvRows(res.body);
    expect(rows[0]?.slice(0, 8)).toEqual([
      'Organisation',
      'Type',
      'Size band',
      'Assessment ID',
      'Overall score',
      'Overall stage',
      'Employment score',
      'Employment stage',
    ]);
    expect(rows[0]).toHaveLength(6 + 2 * 5);
    expect(rows).toHaveLength(3);
    // Formula text is neutralised with an apostrophe (and quoted, for its own quotes).
    expect(res.body).toContain(`"'=HYPERLINK(""https://evil.example"")"`);
    expect(rows.map((r) => r[0])).toContain(`'=HYPERLINK("https://evil.example")`);
    const beta = rows.find((r) => r[0] === 'Beta Ltd');
    expect(beta?.slice(4, 8)).toEqual(['33.3', 'Developing', '33.3', 'Developing']);
  });

  it('kind=aggregates: medians and quartiles, suppressed figures shown as such', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(
      ctx,
      setup,
      named(3, { level: 3, indicators: { 'living-wage-staff-share': 95 } }),
    );
    await addMembers(ctx, setup, [{ name: 'Lone', indicators: { 'local-spend-share': 40 } }]);
    const res = await csvOf(setup, 'aggregates');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('-aggregates.csv');
    const rows = csvRows(res.body);
    expect(rows[0]).toEqual([
      'Section',
      'Figure',
      'Unit',
      'Contributors',
      'Median',
      'Lower quartile',
      'Upper quartile',
      'Status',
    ]);
    expect(rows[1]).toEqual([
      'Overall score',
      'Overall',
      'score',
      '4',
      '66.7',
      '58.3',
      '66.7',
      'Shown',
    ]);
    expect(rows.find((r) => r[1] === 'Employment')?.[7]).toBe('Shown');
    const wage = rows.find((r) => r[1] === '% of staff paid at least the real Living Wage');
    expect(wage?.slice(2, 8)).toEqual(['percent', '3', '95', '', '', 'Shown']);
    const local = rows.find((r) => r[1] === '% of spend within the local area');
    expect(local?.slice(3, 5)).toEqual(['1', '']);
    expect(local?.[7]).toBe('Suppressed: fewer than 3 members');
  });
});

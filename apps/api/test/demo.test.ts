import {
  DEFAULT_FRAMEWORK,
  ZAuthSession,
  ZCycleDashboardResponse,
  ZSubmitAssessmentResponse,
} from '@waymark/rubric';
import { and, count, eq, inArray } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import {
  answers,
  assessmentRevisions,
  assessments,
  cycleAssessments,
  cycles,
  networkMembers,
  networks,
  organisations,
  users,
} from '../src/db/schema.js';
import {
  DEMO_NETWORK,
  DEMO_ORGANISATION_KEY,
  DEMO_ORGANISATIONS,
  DEMO_SIGN_INS,
} from '../src/demo/demo-data.js';
import { type DemoLoadResult, loadDemo, planDemoAnswers } from '../src/demo/load-demo.js';
import { checkPassword } from '../src/modules/auth/password-policy.js';
import { login } from './auth-helpers.js';
import { useTestApp } from './build-test-app.js';

const ctx = useTestApp();

const named = (progress: string) =>
  DEMO_ORGANISATIONS.filter((o) => o.progress === progress && o.sharing === 'named').map(
    (o) => o.name,
  );

async function signIn(role: keyof typeof DEMO_SIGN_INS) {
  const { email, password } = DEMO_SIGN_INS[role];
  const res = await login(ctx, { email, password });
  expect(res.statusCode, res.body).toBe(200);
  const session = ZAuthSession.parse(res.json());
  expect(session.user.email).toBe(email);
  return { authorization: `Bearer ${session.accessToken}` };
}

async function tableCounts() {
  const db = ctx.database.db;
  const [u] = await db.select({ n: count() }).from(users);
  const [o] = await db.select({ n: count() }).from(organisations);
  const [a] = await db.select({ n: count() }).from(answers);
  const [r] = await db.select({ n: count() }).from(assessmentRevisions);
  return { users: u?.n, organisations: o?.n, answers: a?.n, revisions: r?.n };
}

describe('the demo network', () => {
  let first: DemoLoadResult;
  let network: { id: string };
  let cycle: typeof cycles.$inferSelect;

  it('loads a network of 24 organisations with an open cycle and its sign-ins', async () => {
    first = await loadDemo(ctx.database.db);
    expect(first.status).toBe('loaded');
    if (first.status !== 'loaded') return;
    expect(first.summary).toMatchObject({
      organisations: 24,
      submitted: 19,
      inProgress: 3,
      notStarted: 2,
      anonymous: 6,
    });
    expect(first.summary.actions).toBeGreaterThan(10);

    const db = ctx.database.db;
    const [row] = await db.select().from(networks).where(eq(networks.name, DEMO_NETWORK.name));
    expect(row).toMatchObject({
      place: 'Kirkby Vale',
      minGroupSize: 5,
      reminderDaysBefore: 7,
      localAuthorityCodes: ['E08000034', 'E08000033'],
    });
    network = { id: row?.id ?? '' };
    const members = await db
      .select({ sharing: networkMembers.sharing, n: count() })
      .from(networkMembers)
      .where(eq(networkMembers.networkId, network.id))
      .groupBy(networkMembers.sharing);
    expect(Object.fromEntries(members.map((m) => [m.sharing, m.n]))).toEqual({
      named: 18,
      anonymous: 6,
    });

    const [found] = await db.select().from(cycles).where(eq(cycles.networkId, network.id));
    if (!found) throw new Error('no demo cycle');
    cycle = found;
    expect(cycle).toMatchObject({
      name: '2026',
      frameworkId: DEFAULT_FRAMEWORK.id,
      frameworkVersion: DEFAULT_FRAMEWORK.version,
    });
    const statuses = await db
      .select({ status: assessments.status, n: count() })
      .from(cycleAssessments)
      .innerJoin(assessments, eq(assessments.id, cycleAssessments.assessmentId))
      .where(eq(cycleAssessments.cycleId, cycle.id))
      .groupBy(assessments.status);
    expect(Object.fromEntries(statuses.map((s) => [s.status, s.n]))).toEqual({
      submitted: 19,
      draft: 3,
    });
  });

  it('lets each of the three sign-ins log in through the real login route', async () => {
    for (const role of ['coordinator', 'admin', 'contributor'] as const) {
      const headers = await signIn(role);
      const me = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers });
      expect(me.statusCode, me.body).toBe(200);
    }
    // The other demo people have no password: signing in as one fails like a wrong password.
    const [other] = await ctx.database.db
      .select({ email: users.email })
      .from(users)
      .where(eq(users.name, 'Helen Marsh'));
    const res = await login(ctx, { email: other?.email ?? '', password: 'vale-network-lead-2026' });
    expect(res.statusCode).toBe(401);
  });

  it('uses passwords the password policy would accept', () => {
    for (const { email, name, password } of Object.values(DEMO_SIGN_INS)) {
      expect(checkPassword(password, { email, name })).toBeNull();
    }
  });

  it("shows the coordinator an open cycle's dashboard with the named members by name", async () => {
    const headers = await signIn('coordinator');
    const cycleRes = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}`,
      headers,
    });
    expect(cycleRes.statusCode, cycleRes.body).toBe(200);
    expect(cycleRes.json()).toMatchObject({ status: 'open', daysLeft: DEMO_NETWORK.closesInDays });

    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/cycles/${cycle.id}/dashboard`,
      headers,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = ZCycleDashboardResponse.parse(res.json());
    expect(body.participation).toMatchObject({
      invited: 26,
      pendingInvitations: 2,
      joined: 24,
      started: 22,
      submitted: 19,
      status: 'open',
    });
    // The heatmap lists exactly the named members that submitted; anonymous ones never appear.
    expect(body.heatmap.rows.map((r) => r.name).sort()).toEqual(named('submitted').sort());
    const pending = body.participation.notSubmitted;
    expect(
      pending
        .filter((p) => p.progress === 'not_started')
        .map((p) => p.name)
        .sort(),
    ).toEqual(['Northfield Youth Sports Trust', 'Tenter Yard Brewery']);
    expect(pending.filter((p) => p.progress === 'in_progress')).toHaveLength(3);
    // Enough submissions for every aggregate: the radar, priorities and some matches show.
    expect(body.radar.contributors).toBe(19);
    expect(body.radar.anonymousContributors).toBe(5);
    expect(body.radar.overall.status).toBe('ok');
    expect(body.collaboration.length).toBeGreaterThan(0);
    // Indicator medians show where enough members (and all or none of the anonymous) reported.
    const shown = body.indicators.filter((i) => i.status === 'ok').map((i) => i.indicatorId);
    expect(shown).toEqual(expect.arrayContaining(['local-spend-share', 'living-wage-staff-share']));
    expect(shown).toEqual(expect.arrayContaining(['scope-1-emissions', 'apprentices']));
  });

  it('gives the demo admin an organisation in the network with a submitted assessment and actions', async () => {
    const headers = await signIn('admin');
    const orgs = await ctx.app.inject({ method: 'GET', url: '/api/v1/organisations', headers });
    expect(orgs.statusCode, orgs.body).toBe(200);
    const demoOrg = DEMO_ORGANISATIONS.find((o) => o.key === DEMO_ORGANISATION_KEY);
    const mine = (orgs.json() as { items: { id: string; name: string; role: string }[] }).items;
    expect(mine).toEqual([expect.objectContaining({ name: demoOrg?.name, role: 'admin' })]);
    const list = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/organisations/${mine[0]?.id}/assessments`,
      headers,
    });
    const [assessment] = (list.json() as { items: { id: string; status: string }[] }).items;
    expect(assessment?.status).toBe('submitted');
    const actions = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/assessments/${assessment?.id}/actions`,
      headers,
    });
    expect(actions.statusCode, actions.body).toBe(200);
    expect((actions.json() as { items: unknown[] }).items.length).toBeGreaterThanOrEqual(2);
  });

  it('plans the same answers on every load (seeded, not random)', () => {
    const org = DEMO_ORGANISATIONS[0];
    if (!org) throw new Error('no demo organisation');
    const once = planDemoAnswers(DEFAULT_FRAMEWORK, org, DEMO_NETWORK.optionalPillars);
    const again = planDemoAnswers(DEFAULT_FRAMEWORK, org, DEMO_NETWORK.optionalPillars);
    expect(again).toEqual(once);
    const other = DEMO_ORGANISATIONS[1];
    if (!other) throw new Error('no second demo organisation');
    const levels = (o: typeof org) =>
      planDemoAnswers(DEFAULT_FRAMEWORK, o, DEMO_NETWORK.optionalPillars).map(
        (p) => p.values.level,
      );
    expect(levels(other)).not.toEqual(levels(org));
  });

  it('changes nothing when loaded a second time', async () => {
    const before = await tableCounts();
    const second = await loadDemo(ctx.database.db);
    expect(second.status).toBe('exists');
    expect(await tableCounts()).toEqual(before);
  });

  it('stores each submission exactly as the real submit route would score it again', async () => {
    // Reopen the demo admin's assessment and submit it through the routes, unchanged: the new
    // revision's scores must equal those the demo stored.
    const headers = await signIn('admin');
    const demoOrg = DEMO_ORGANISATIONS.find((o) => o.key === DEMO_ORGANISATION_KEY);
    const [row] = await ctx.database.db
      .select({ id: assessments.id })
      .from(assessments)
      .innerJoin(organisations, eq(organisations.id, assessments.organisationId))
      .where(eq(organisations.name, demoOrg?.name ?? ''));
    const assessmentId = row?.id ?? '';
    const [stored] = await ctx.database.db
      .select({ scores: assessmentRevisions.scores, answers: assessmentRevisions.answers })
      .from(assessmentRevisions)
      .where(
        and(
          eq(assessmentRevisions.assessmentId, assessmentId),
          eq(assessmentRevisions.revision, 1),
        ),
      );
    const reopen = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/reopen`,
      headers,
    });
    expect(reopen.statusCode, reopen.body).toBe(200);
    const submit = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/assessments/${assessmentId}/submit`,
      headers,
    });
    expect(submit.statusCode, submit.body).toBe(200);
    const resubmitted = ZSubmitAssessmentResponse.parse(submit.json());
    expect(resubmitted.revision.revision).toBe(2);
    expect(resubmitted.revision.scores).toEqual(stored?.scores);
    const [second] = await ctx.database.db
      .select({ answers: assessmentRevisions.answers })
      .from(assessmentRevisions)
      .where(
        and(
          eq(assessmentRevisions.assessmentId, assessmentId),
          eq(assessmentRevisions.revision, 2),
        ),
      );
    expect(second?.answers).toEqual(stored?.answers);
    const contributorAnswers = await ctx.database.db
      .select({ n: count() })
      .from(answers)
      .innerJoin(users, eq(users.id, answers.updatedBy))
      .where(
        and(
          eq(answers.assessmentId, assessmentId),
          inArray(users.email, [DEMO_SIGN_INS.contributor.email]),
        ),
      );
    expect(contributorAnswers[0]?.n).toBeGreaterThan(0);
  });
});

import { randomBytes, randomUUID } from 'node:crypto';
import {
  applicableCriteria,
  DEFAULT_FRAMEWORK,
  scoreAssessment,
  type TOrganisationType,
  type TRevisionAnswer,
  type TSizeBand,
} from '@waymark/rubric';
import { addDays, format } from 'date-fns';
import {
  assessmentRevisions,
  assessments,
  cycleAssessments,
  cycles,
  networkCoordinators,
  networkInvitations,
  networkMembers,
  networks,
  organisations,
} from '../src/db/schema.js';
import { londonToday } from '../src/modules/cycles/cycle-dates.js';
import type { TestContext } from './build-test-app.js';
import { addMember, createUser, type TestUser } from './factories.js';

/**
 * Factories for the cycle dashboard tests: networks, coordinators, members, cycles and submitted
 * assessments written straight to the database, members in bulk (a constant number of multi-row
 * inserts however many), so that a test can build a cycle of 100 members quickly.
 */

export interface DashboardCycle {
  coordinator: TestUser;
  network: { id: string; name: string };
  cycle: { id: string; name: string; closesOn: string };
}

function day(offset: number): string {
  return format(addDays(new Date(londonToday()), offset), 'yyyy-MM-dd');
}

/** A network with one coordinator and an open cycle on the default framework (closes in 10 days). */
export async function createDashboardCycle(
  ctx: TestContext,
  overrides: { minGroupSize?: number; networkName?: string; coordinator?: TestUser } = {},
): Promise<DashboardCycle> {
  const coordinator =
    overrides.coordinator ?? (await createUser(ctx, { name: 'Coco Coordinator' }));
  const name = overrides.networkName ?? 'Leeds Anchors';
  const [network] = await ctx.database.db
    .insert(networks)
    .values({
      name,
      place: 'Leeds',
      minGroupSize: overrides.minGroupSize ?? 5,
      createdBy: coordinator.id,
    })
    .returning({ id: networks.id });
  if (!network) throw new Error('network not created');
  await ctx.database.db
    .insert(networkCoordinators)
    .values({ networkId: network.id, userId: coordinator.id });
  const closesOn = day(10);
  const [cycle] = await ctx.database.db
    .insert(cycles)
    .values({
      networkId: network.id,
      name: '2026',
      frameworkId: DEFAULT_FRAMEWORK.id,
      frameworkVersion: DEFAULT_FRAMEWORK.version,
      opensOn: day(-20),
      closesOn,
      createdBy: coordinator.id,
    })
    .returning({ id: cycles.id });
  if (!cycle) throw new Error('cycle not created');
  return {
    coordinator,
    network: { id: network.id, name },
    cycle: { id: cycle.id, name: '2026', closesOn },
  };
}

/** A level for each criterion: one number for all, or per criterion id (others: `otherwise`). */
export type LevelSpec = number | { [criterionId: string]: number | undefined; otherwise?: number };

export interface MemberSpec {
  name?: string;
  sharing?: 'named' | 'anonymous';
  type?: TOrganisationType;
  sizeBand?: TSizeBand;
  /**
   * `submitted` (default): a submitted assessment with a revision; `draft`: started, not
   * submitted; `not_started`: a member with nothing linked to the cycle.
   */
  state?: 'submitted' | 'draft' | 'not_started';
  level?: LevelSpec;
  target?: LevelSpec;
  /** Indicator values, entered on the first applicable criterion of the indicator's pillar. */
  indicators?: Record<string, number>;
}

export interface CreatedMember {
  id: string;
  name: string;
  sharing: 'named' | 'anonymous';
  assessmentId: string | null;
}

function levelOf(spec: LevelSpec | undefined, criterionId: string): number | undefined {
  if (spec === undefined || typeof spec === 'number') return spec;
  return spec[criterionId] ?? spec.otherwise;
}

/** Revision answers and scores as the submit route stores them, for the member's profile. */
export function revisionOf(
  spec: MemberSpec,
  profile: { type: TOrganisationType; sizeBand: TSizeBand },
) {
  const pillars = applicableCriteria(DEFAULT_FRAMEWORK, {
    organisationType: profile.type,
    sizeBand: profile.sizeBand,
  });
  const answers: TRevisionAnswer[] = pillars.flatMap((pillar) =>
    pillar.criteria.map((criterion, index) => {
      const level = levelOf(spec.level, criterion.id) ?? 2;
      const indicators =
        index === 0
          ? Object.fromEntries(
              Object.entries(spec.indicators ?? {}).filter(
                ([id]) =>
                  DEFAULT_FRAMEWORK.indicators.find((i) => i.id === id)?.pillarId === pillar.id,
              ),
            )
          : {};
      return {
        criterionId: criterion.id,
        level,
        notApplicable: null,
        targetLevel: levelOf(spec.target, criterion.id) ?? null,
        notes: 'A note that the dashboard never reads.',
        evidenceLinks: [],
        indicators,
      };
    }),
  );
  const scores = scoreAssessment(
    DEFAULT_FRAMEWORK,
    answers.map((a) => ({
      criterionId: a.criterionId,
      level: a.level,
      targetLevel: a.targetLevel,
    })),
    { profile: { organisationType: profile.type, sizeBand: profile.sizeBand } },
  );
  return { answers, scores };
}

/**
 * Adds members to the cycle's network in bulk (five multi-row inserts whatever their number): an
 * organisation each, its membership with its sharing level and, unless `not_started`, an
 * assessment linked to the cycle, submitted with a revision unless `draft`.
 */
export async function addMembers(
  ctx: TestContext,
  setup: DashboardCycle,
  specs: MemberSpec[],
): Promise<CreatedMember[]> {
  if (specs.length === 0) return [];
  const db = ctx.database.db;
  const filled = specs.map((s, i) => ({
    ...s,
    name: s.name ?? `Member ${randomBytes(3).toString('hex')} ${i}`,
    sharing: s.sharing ?? 'named',
    type: s.type ?? 'business',
    sizeBand: s.sizeBand ?? 'large',
    state: s.state ?? 'submitted',
    orgId: randomUUID(),
    assessmentId: randomUUID(),
  }));
  await db
    .insert(organisations)
    .values(filled.map((s) => ({ id: s.orgId, name: s.name, type: s.type, sizeBand: s.sizeBand })));
  await db.insert(networkMembers).values(
    filled.map((s) => ({
      networkId: setup.network.id,
      organisationId: s.orgId,
      sharing: s.sharing,
    })),
  );
  const started = filled.filter((s) => s.state !== 'not_started');
  if (started.length > 0) {
    await db.insert(assessments).values(
      started.map((s) => ({
        id: s.assessmentId,
        organisationId: s.orgId,
        frameworkId: DEFAULT_FRAMEWORK.id,
        frameworkVersion: DEFAULT_FRAMEWORK.version,
        title: `${s.name} 2026`,
        status: s.state === 'submitted' ? 'submitted' : 'draft',
        profile: { organisationType: s.type, sizeBand: s.sizeBand },
      })),
    );
    const submitted = started.filter((s) => s.state === 'submitted');
    if (submitted.length > 0) {
      await db.insert(assessmentRevisions).values(
        submitted.map((s) => ({
          assessmentId: s.assessmentId,
          revision: 1,
          ...revisionOf(s, s),
        })),
      );
    }
    await db.insert(cycleAssessments).values(
      started.map((s) => ({
        cycleId: setup.cycle.id,
        organisationId: s.orgId,
        assessmentId: s.assessmentId,
      })),
    );
  }
  return filled.map((s) => ({
    id: s.orgId,
    name: s.name,
    sharing: s.sharing,
    assessmentId: s.state === 'not_started' ? null : s.assessmentId,
  }));
}

/** A person (viewer) of a member organisation of the network. */
export async function createMemberUser(ctx: TestContext, organisation: { id: string }) {
  const user = await createUser(ctx, { name: 'Mo Member' });
  await addMember(ctx, organisation, user, 'admin');
  return user;
}

/** An invitation for the network: pending, accepted, revoked or expired. */
export async function addInvitation(
  ctx: TestContext,
  network: { id: string },
  state: 'pending' | 'accepted' | 'revoked' | 'expired' = 'pending',
): Promise<void> {
  const now = Date.now();
  await ctx.database.db.insert(networkInvitations).values({
    networkId: network.id,
    organisationName: `Invited ${randomBytes(3).toString('hex')}`,
    email: `invite-${randomBytes(4).toString('hex')}@example.org`,
    tokenHash: randomBytes(16).toString('hex'),
    expiresAt: new Date(state === 'expired' ? now - 86_400_000 : now + 7 * 86_400_000),
    acceptedAt: state === 'accepted' ? new Date(now - 3_600_000) : null,
    revokedAt: state === 'revoked' ? new Date(now - 3_600_000) : null,
  });
}

import {
  applicableCriteria,
  checkIndicatorValues,
  DEFAULT_FRAMEWORK,
  suggestAction,
  type TCriterion,
  type TFramework,
  type TPillar,
  ZCreateNetworkBody,
  ZCreateOrganisationBody,
  ZSaveAnswerBody,
  ZUpdateNetworkBody,
} from '@waymark/rubric';
import { addDays, format } from 'date-fns';
import { eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import {
  answers,
  assessmentRevisions,
  assessments,
  networkInvitations,
  networkMembers,
  users,
} from '../db/schema.js';
import { insertAction } from '../modules/assessments/actions.queries.js';
import { type AnswerValues, saveAnswerIfVersion } from '../modules/assessments/answers.queries.js';
import { createFrameworkCache } from '../modules/assessments/assessment-context.js';
import { setPillarAssignment } from '../modules/assessments/assessments.queries.js';
import { startAssessment } from '../modules/assessments/start-assessment.js';
import { recordAudit } from '../modules/audit/audit.queries.js';
import { hashToken, insertUser, newOpaqueToken } from '../modules/auth/auth.queries.js';
import { hashPassword } from '../modules/auth/passwords.js';
import { londonToday } from '../modules/cycles/cycle-dates.js';
import { insertCycle, insertCycleLink } from '../modules/cycles/cycles.queries.js';
import { getFrameworkVersion } from '../modules/frameworks/frameworks.queries.js';
import { createNetwork, editNetwork } from '../modules/networks/networks.service.js';
import { insertMembership } from '../modules/organisations/organisations.queries.js';
import { createOrganisation } from '../modules/organisations/organisations.service.js';
import {
  DEMO_EVIDENCE_PATHS,
  DEMO_NETWORK,
  DEMO_NOTES,
  DEMO_ORGANISATION_KEY,
  DEMO_ORGANISATIONS,
  DEMO_PENDING_INVITATIONS,
  DEMO_SIGN_INS,
  type DemoOrganisation,
  type DemoRole,
  MATURITY_PILLARS,
} from './demo-data.js';
import { type Random, seededRandom } from './random.js';
import { submitDemoAssessment } from './submit.js';

/**
 * Loads the demo network (see demo-data.ts) in ONE transaction, through the same service and query
 * functions the routes use: organisations and networks through their services, assessments
 * started as `POST /cycles/:cycleId/assessments` starts them, every answer saved by the autosave
 * statement (membership, status, version and audit checked there), and submissions scored by the
 * rubric and stored as revisions exactly as `POST /assessments/:id/submit` does. Answers come from
 * a seeded generator, so the demo's figures are the same on every load.
 */

export interface DemoSignIn {
  role: DemoRole;
  email: string;
  password: string;
  name: string;
  /** What the sign-in shows, for the start-up message. */
  sees: string;
}

export interface DemoSummary {
  networkId: string;
  cycleId: string;
  organisations: number;
  submitted: number;
  inProgress: number;
  notStarted: number;
  anonymous: number;
  actions: number;
}

export type DemoLoadResult =
  | { status: 'loaded'; summary: DemoSummary; signIns: DemoSignIn[] }
  | { status: 'exists'; signIns: DemoSignIn[] };

/** An arbitrary constant naming the demo loader among the server's advisory locks. */
const DEMO_LOCK_KEY = 724_051_732;

/**
 * Demo people other than the three sign-ins cannot sign in: this is not an argon2 hash, so
 * verifying any password against it fails (and a password reset can still give them one).
 */
const NO_PASSWORD = '!demo-account-without-a-password';

export function demoSignIns(organisationName = demoOrganisation().name): DemoSignIn[] {
  const sees: Record<DemoRole, string> = {
    coordinator: `coordinates ${DEMO_NETWORK.name}: dashboard, members, cycle ${DEMO_NETWORK.cycleName}`,
    admin: `admin of ${organisationName}: submitted assessment, results, action plan`,
    contributor: `contributor at ${organisationName}: answered procurement and net zero, owns actions`,
  };
  return (Object.keys(DEMO_SIGN_INS) as DemoRole[]).map((role) => ({
    role,
    ...DEMO_SIGN_INS[role],
    sees: sees[role],
  }));
}

function demoOrganisation(): DemoOrganisation {
  const found = DEMO_ORGANISATIONS.find((o) => o.key === DEMO_ORGANISATION_KEY);
  if (!found) throw new Error('the demo organisation is missing from demo-data.ts');
  return found;
}

/** Whether the demo is already in this database: any of its sign-in emails is taken. */
export async function demoExists(db: Db): Promise<boolean> {
  const emails = Object.values(DEMO_SIGN_INS).map((s) => s.email);
  const rows = await db
    .select({ id: users.id })
    .from(users)
    .where(inArray(users.email, emails))
    .limit(1);
  return rows.length > 0;
}

export async function hasAnyUser(db: Db): Promise<boolean> {
  const rows = await db.select({ id: users.id }).from(users).limit(1);
  return rows.length > 0;
}

function contactEmail(org: DemoOrganisation): string {
  const name = org.contact.replace(/^(Dr|Professor)\s+/, '');
  const local = name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z\s]/g, '')
    .trim()
    .replace(/\s+/g, '.');
  return `${local}@${org.domain}`;
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}

function clampLevel(value: number, levels: number): number {
  return Math.min(levels, Math.max(1, Math.round(value)));
}

/** Indicator values an organisation reports beside a criterion, scaled to its size and level. */
function indicatorsFor(
  criterionId: string,
  level: number,
  org: DemoOrganisation,
  rng: Random,
): Record<string, number> {
  const staff = org.employees;
  // Organisations starting out (level 1) have no spend analysis or footprint to report yet, but the
  // anonymous members report everything they can: a network figure that counts some anonymous
  // members needs at least the group size of them (complementary suppression), so uneven
  // reporting by them would hide most of the demo's indicator medians.
  const measured = level >= 2 || org.sharing === 'anonymous';
  switch (criterionId) {
    case 'real-living-wage-staff': {
      const paid =
        level >= 4 ? 100 : level === 3 ? 95 + rng.next() * 4 : 62 + level * 9 + rng.next() * 10;
      return {
        'living-wage-staff-share': round1(paid),
        'local-staff-share': round1(45 + rng.next() * 40),
        'deprived-area-staff-share': round1(6 + rng.next() * 18),
        apprentices: staff < 10 ? rng.int(0, 1) : Math.round(staff * (0.006 + rng.next() * 0.02)),
      };
    }
    case 'real-living-wage-contractors':
      return {
        'living-wage-contractors-share': round1(
          level >= 4 ? 100 : 45 + level * 12 + rng.next() * 10,
        ),
      };
    case 'spend-analysis': {
      if (!measured) return {};
      const local = 12 + level * 7 + rng.next() * 12;
      return {
        'local-spend-share': round1(local),
        'regional-spend-share': round1(Math.min(100, local + 12 + rng.next() * 18)),
        'sme-spend-share': round1(22 + rng.next() * 38),
        'social-enterprise-spend-share': round1(0.5 + rng.next() * 5.5),
      };
    }
    case 'scope-1-2-emissions':
      if (!measured) return {};
      return {
        'scope-1-emissions': round1(staff * (0.6 + rng.next() * 1.8)),
        'scope-2-emissions': round1(staff * (0.25 + rng.next() * 0.9)),
        'emissions-change-from-base-year': round1(-(4 + level * 7 + rng.next() * 10)),
      };
    case 'scope-3-emissions':
      if (!measured) return {};
      return { 'scope-3-emissions': round1(staff * (4 + rng.next() * 11)) };
    case 'community-use-of-buildings':
      if (!measured) return {};
      return {
        'community-use-hours': Math.round(
          (level * 220 + rng.next() * 300) * (org.sizeBand === 'large' ? 4 : 1),
        ),
      };
    default:
      return {};
  }
}

interface PlannedAnswer {
  pillar: TPillar;
  criterion: TCriterion;
  values: AnswerValues;
}

/** The answers an organisation gives: a level near its pillar's maturity, a target, notes. */
export function planDemoAnswers(
  framework: TFramework,
  org: DemoOrganisation,
  includeOptionalPillars: readonly string[],
): PlannedAnswer[] {
  const rng = seededRandom(`waymark-demo:${org.key}`);
  const levels = framework.levels.length;
  const pillars = applicableCriteria(
    framework,
    { organisationType: org.type, sizeBand: org.sizeBand },
    { includeOptionalPillars },
  );
  const planned: PlannedAnswer[] = [];
  for (const pillar of pillars) {
    const index = MATURITY_PILLARS.indexOf(pillar.id as (typeof MATURITY_PILLARS)[number]);
    const mean = org.maturity[index] ?? 2;
    for (const criterion of pillar.criteria) {
      // Spread around the pillar's mean: most criteria within a level of it, a few further.
      const level = clampLevel(mean + (rng.next() - 0.5) * 1.4 + (rng.next() - 0.5) * 0.8, levels);
      const reason = org.notApplicable?.[criterion.id];
      const target =
        level >= levels
          ? rng.chance(0.8)
            ? levels
            : null
          : rng.chance(0.8)
            ? Math.min(levels, level + (rng.chance(0.2) ? 2 : 1))
            : null;
      const note = DEMO_NOTES[criterion.id]?.[level >= 3 ? 1 : 0];
      const path = DEMO_EVIDENCE_PATHS[pillar.id];
      const body = ZSaveAnswerBody.parse({
        level: reason ? null : level,
        notApplicable: reason ? { reason } : undefined,
        targetLevel: reason ? null : target,
        notes: !reason && note && rng.chance(0.4) ? note : null,
        evidenceLinks:
          !reason && path && level >= 3 && rng.chance(0.45)
            ? [`https://www.${org.domain}${path}`]
            : [],
        indicators: reason ? {} : indicatorsFor(criterion.id, level, org, rng),
        version: 0,
      });
      const issues = checkIndicatorValues(framework, pillar.id, body.indicators ?? {});
      if (issues.length > 0) {
        throw new Error(
          `demo indicators for ${criterion.id}: ${issues.map((i) => i.message).join('; ')}`,
        );
      }
      planned.push({
        pillar,
        criterion,
        values: {
          level: body.notApplicable ? null : body.level,
          notApplicableReason: body.notApplicable?.reason ?? null,
          targetLevel: body.targetLevel ?? null,
          notes: body.notes ?? null,
          evidenceLinks: body.evidenceLinks ?? [],
          indicators: body.indicators ?? {},
        },
      });
    }
  }
  return planned;
}

/**
 * A draft answers roughly the first half to three quarters of its criteria in framework order,
 * and marks a couple of later ones "don't know yet" with a note of what it is waiting for.
 */
function draftPart(planned: PlannedAnswer[], org: DemoOrganisation): PlannedAnswer[] {
  const rng = seededRandom(`waymark-demo-draft:${org.key}`);
  const cut = Math.round(planned.length * (0.45 + rng.next() * 0.3));
  const waiting = planned.slice(cut, cut + 2).map((p) => ({
    ...p,
    values: {
      ...p.values,
      level: null,
      notApplicableReason: null,
      indicators: {},
      evidenceLinks: [],
      notes: 'Waiting for figures from finance before choosing a level.',
    },
  }));
  return [...planned.slice(0, cut), ...waiting];
}

export interface LoadDemoOptions {
  /** "Today", for tests: the cycle opens and closes around it. */
  now?: Date;
}

/**
 * Loads the demo network unless it is already there (then changes nothing). Safe to run by
 * several instances at once: the check and the load hold one advisory lock.
 */
export async function loadDemo(db: Db, options: LoadDemoOptions = {}): Promise<DemoLoadResult> {
  const signIns = demoSignIns();
  if (await demoExists(db)) return { status: 'exists', signIns };
  const now = options.now ?? new Date();
  // Hashing is deliberately slow: only the three sign-ins get a password (see NO_PASSWORD).
  const hashes = Object.fromEntries(
    await Promise.all(
      (Object.keys(DEMO_SIGN_INS) as DemoRole[]).map(
        async (role) => [role, await hashPassword(DEMO_SIGN_INS[role].password)] as const,
      ),
    ),
  ) as Record<DemoRole, string>;

  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    await tx.execute(sql`select pg_advisory_xact_lock(${DEMO_LOCK_KEY})`);
    if (await demoExists(tx)) return { status: 'exists', signIns } as const;
    const summary = await loadInTransaction(tx, hashes, now);
    return { status: 'loaded', summary, signIns } as const;
  });
}

async function loadInTransaction(
  tx: Db,
  hashes: Record<DemoRole, string>,
  now: Date,
): Promise<DemoSummary> {
  const version = await getFrameworkVersion(tx, {
    frameworkId: DEFAULT_FRAMEWORK.id,
    version: DEFAULT_FRAMEWORK.version,
  });
  if (!version) {
    throw new Error(
      `the default framework ${DEFAULT_FRAMEWORK.id} version ${DEFAULT_FRAMEWORK.version} is not published`,
    );
  }
  const framework = version.definition;
  const frameworks = createFrameworkCache(tx);

  // ─── People ───────────────────────────────────────────────────────────────────────────────
  const people = {} as Record<DemoRole, string>;
  for (const role of Object.keys(DEMO_SIGN_INS) as DemoRole[]) {
    const { email, name } = DEMO_SIGN_INS[role];
    const user = await insertUser(tx, { email, name, passwordHash: hashes[role] });
    if (!user) throw new Error(`the demo email ${email} is taken`);
    people[role] = user.id;
  }

  // ─── Organisations, each created by its admin ──────────────────────────────────────────────
  const orgs: { org: DemoOrganisation; id: string; adminId: string }[] = [];
  for (const org of DEMO_ORGANISATIONS) {
    let adminId = people.admin;
    if (org.key !== DEMO_ORGANISATION_KEY) {
      const user = await insertUser(tx, {
        email: contactEmail(org),
        name: org.contact,
        passwordHash: NO_PASSWORD,
      });
      if (!user) throw new Error(`the demo email ${contactEmail(org)} is taken`);
      adminId = user.id;
    }
    const created = await createOrganisation(
      tx,
      { id: adminId },
      ZCreateOrganisationBody.parse({
        name: org.name,
        type: org.type,
        sector: org.sector,
        sizeBand: org.sizeBand,
        localAuthority: org.localAuthority,
        employees: org.employees,
      }),
    );
    orgs.push({ org, id: created.id, adminId });
  }
  const demoOrg = orgs.find((o) => o.org.key === DEMO_ORGANISATION_KEY);
  if (!demoOrg) throw new Error('the demo organisation was not created');
  await insertMembership(tx, {
    organisationId: demoOrg.id,
    userId: people.contributor,
    role: 'contributor',
  });
  await recordAudit(tx, {
    actorUserId: people.admin,
    organisationId: demoOrg.id,
    entityType: 'membership',
    entityId: people.contributor,
    action: 'created',
    data: { role: 'contributor' },
  });

  // ─── The network, its members and its cycle ───────────────────────────────────────────────
  const coordinator = { id: people.coordinator };
  const network = await createNetwork(
    tx,
    coordinator,
    ZCreateNetworkBody.parse({
      name: DEMO_NETWORK.name,
      place: DEMO_NETWORK.place,
      description: DEMO_NETWORK.description,
    }),
  );
  await editNetwork(
    tx,
    coordinator,
    network.id,
    ZUpdateNetworkBody.parse({
      settings: {
        localAuthorityCodes: [...DEMO_NETWORK.localAuthorityCodes],
        minGroupSize: DEMO_NETWORK.minGroupSize,
        optionalPillars: [...DEMO_NETWORK.optionalPillars],
        reminderDaysBefore: DEMO_NETWORK.reminderDaysBefore,
      },
    }),
  );
  const today = new Date(`${londonToday(now)}T12:00:00Z`);
  const day = (offset: number) => format(addDays(today, offset), 'yyyy-MM-dd');
  const at = (offset: number, hour: number) =>
    new Date(`${day(offset)}T${String(hour).padStart(2, '0')}:00:00Z`);
  const opensOn = day(-DEMO_NETWORK.opensDaysAgo);

  // Members joined by accepting an invitation each, before the cycle opened.
  for (const [i, { org, id, adminId }] of orgs.entries()) {
    const invitedOn = -DEMO_NETWORK.opensDaysAgo - 32;
    const joined = at(invitedOn + 2 + (i % 12), 10);
    await tx.insert(networkInvitations).values({
      networkId: network.id,
      organisationName: org.name,
      email: org.key === DEMO_ORGANISATION_KEY ? DEMO_SIGN_INS.admin.email : contactEmail(org),
      organisationType: org.type,
      sizeBand: org.sizeBand,
      tokenHash: hashToken(newOpaqueToken().token),
      invitedBy: coordinator.id,
      expiresAt: at(invitedOn + 14, 9),
      acceptedAt: joined,
      acceptedBy: adminId,
      acceptedOrganisationId: id,
      createdAt: at(invitedOn, 9),
    });
    await tx.insert(networkMembers).values({
      networkId: network.id,
      organisationId: id,
      sharing: org.sharing,
      joinedAt: joined,
      updatedAt: joined,
    });
    await recordAudit(tx, {
      actorUserId: adminId,
      organisationId: id,
      entityType: 'network_member',
      entityId: `${network.id}/${id}`,
      action: 'joined',
      data: { networkId: network.id, sharing: org.sharing },
    });
  }
  for (const pending of DEMO_PENDING_INVITATIONS) {
    await tx.insert(networkInvitations).values({
      networkId: network.id,
      organisationName: pending.organisationName,
      email: pending.email,
      tokenHash: hashToken(newOpaqueToken().token),
      invitedBy: coordinator.id,
      expiresAt: at(10, 10),
      createdAt: at(-4, 10),
    });
  }

  const cycle = await insertCycle(tx, {
    networkId: network.id,
    name: DEMO_NETWORK.cycleName,
    frameworkId: framework.id,
    frameworkVersion: framework.version,
    opensOn,
    closesOn: day(DEMO_NETWORK.closesInDays),
    createdBy: coordinator.id,
  });

  // ─── Assessments ─────────────────────────────────────────────────────────────────────────
  const summary: DemoSummary = {
    networkId: network.id,
    cycleId: cycle.id,
    organisations: orgs.length,
    submitted: 0,
    inProgress: 0,
    notStarted: 0,
    anonymous: orgs.filter((o) => o.org.sharing === 'anonymous').length,
    actions: 0,
  };
  for (const [i, { org, id, adminId }] of orgs.entries()) {
    if (org.progress === 'not_started') {
      summary.notStarted++;
      continue;
    }
    // As POST /cycles/:cycleId/assessments starts it.
    const { row } = await startAssessment(
      tx,
      frameworks,
      {
        organisationId: id,
        frameworkId: cycle.frameworkId,
        frameworkVersion: cycle.frameworkVersion,
        title: `${network.name} ${cycle.name}`.slice(0, 120),
        includeOptionalPillars: network.settings.optionalPillars,
        userId: adminId,
      },
      (t, created) =>
        insertCycleLink(t, { cycleId: cycle.id, organisationId: id, assessmentId: created.id }),
    );
    const isDemoOrg = org.key === DEMO_ORGANISATION_KEY;
    // In the demo organisation the contributor answers the pillars the admin assigned them.
    const contributorPillars = new Set(isDemoOrg ? ['procurement', 'net-zero'] : []);
    for (const pillarId of contributorPillars) {
      await setPillarAssignment(
        tx,
        { assessmentId: row.id, pillarId },
        { userId: people.contributor, assignedBy: adminId },
      );
      await recordAudit(tx, {
        actorUserId: adminId,
        organisationId: id,
        entityType: 'pillar_assignment',
        entityId: `${row.id}/${pillarId}`,
        action: 'assigned',
        data: { pillarId, userId: people.contributor },
      });
    }

    const planned = planDemoAnswers(framework, org, network.settings.optionalPillars);
    const toSave = org.progress === 'submitted' ? planned : draftPart(planned, org);
    for (const answer of toSave) {
      const userId = contributorPillars.has(answer.pillar.id) ? people.contributor : adminId;
      const saved = await saveAnswerIfVersion(
        tx,
        { assessmentId: row.id, organisationId: id, criterionId: answer.criterion.id, userId },
        0,
        answer.values,
      );
      if (!saved) throw new Error(`demo answer ${answer.criterion.id} of ${org.key} not saved`);
    }

    if (org.progress === 'submitted') {
      await submitDemoAssessment(tx, framework, { assessmentId: row.id, userId: adminId });
      summary.submitted++;
    } else {
      summary.inProgress++;
    }

    if (org.actions) {
      summary.actions += await addActions(tx, framework, {
        assessmentId: row.id,
        planned: toSave,
        ownerFor: (pillarId) => (contributorPillars.has(pillarId) ? people.contributor : adminId),
        createdBy: adminId,
        organisationId: id,
        day,
      });
    }

    // Spread the dates over the cycle so far, as if members had answered over several weeks.
    const startedAt = at(-DEMO_NETWORK.opensDaysAgo + 1 + (i % 6), 9);
    const submittedAt = at(-DEMO_NETWORK.opensDaysAgo + 8 + ((i * 5) % 14), 15);
    const lastEdit = org.progress === 'submitted' ? submittedAt : at(-1 - (i % 3), 16);
    await tx
      .update(assessments)
      .set({ createdAt: startedAt, updatedAt: lastEdit })
      .where(eq(assessments.id, row.id));
    await tx
      .update(answers)
      .set({ updatedAt: new Date(lastEdit.getTime() - 3_600_000) })
      .where(eq(answers.assessmentId, row.id));
    if (org.progress === 'submitted') {
      await tx
        .update(assessmentRevisions)
        .set({ submittedAt })
        .where(eq(assessmentRevisions.assessmentId, row.id));
    }
  }
  return summary;
}

/**
 * An action plan from the largest gaps between today's level and the target, titled as
 * `POST /assessments/:id/actions` titles an action without one (the next level's descriptor).
 */
async function addActions(
  tx: Db,
  framework: TFramework,
  input: {
    assessmentId: string;
    organisationId: string;
    planned: PlannedAnswer[];
    ownerFor: (pillarId: string) => string;
    createdBy: string;
    day: (offset: number) => string;
  },
): Promise<number> {
  const gaps = input.planned
    .filter((p) => p.values.level !== null && p.values.targetLevel !== null)
    .map((p) => ({ ...p, gap: (p.values.targetLevel ?? 0) - (p.values.level ?? 0) }))
    .filter((p) => p.gap > 0)
    .sort((a, b) => b.gap - a.gap || (a.values.level ?? 0) - (b.values.level ?? 0));
  const statuses = ['in_progress', 'planned', 'done', 'planned'] as const;
  const chosen = gaps.slice(0, 4);
  for (const [i, gap] of chosen.entries()) {
    const suggestion = suggestAction(framework, gap.criterion, gap.values.level);
    const status = statuses[i % statuses.length] ?? 'planned';
    const values = {
      criterionId: gap.criterion.id,
      title: suggestion.title,
      description: suggestion.description,
      ownerUserId: input.ownerFor(gap.pillar.id),
      dueDate: input.day(45 + i * 60),
      status,
    };
    const actionId = await insertAction(
      tx,
      { assessmentId: input.assessmentId, createdBy: input.createdBy },
      values,
    );
    await recordAudit(tx, {
      actorUserId: input.createdBy,
      organisationId: input.organisationId,
      entityType: 'action',
      entityId: actionId,
      action: 'created',
      data: { assessmentId: input.assessmentId, ...values },
    });
  }
  return chosen.length;
}

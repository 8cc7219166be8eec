import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  answers,
  assessmentRevisions,
  assessments,
  cycleAssessments,
  cycles,
  memberships,
  networkMembers,
  networks,
  organisations,
  pillarAssignments,
  users,
} from '../../db/schema.js';
import type { Role } from '../tenancy.js';

/** When the latest revision was submitted (null if never): decoded as the column itself is. */
const submittedAt = sql<Date | null>`(
  select max(${assessmentRevisions.submittedAt}) from ${assessmentRevisions}
  where ${assessmentRevisions.assessmentId} = ${assessments.id}
)`.mapWith(assessmentRevisions.submittedAt);

const assessmentColumns = {
  id: assessments.id,
  organisationId: assessments.organisationId,
  frameworkId: assessments.frameworkId,
  frameworkVersion: assessments.frameworkVersion,
  title: assessments.title,
  status: assessments.status,
  revision: assessments.revision,
  profile: assessments.profile,
  includedOptionalPillars: assessments.includedOptionalPillars,
  createdAt: assessments.createdAt,
  updatedAt: assessments.updatedAt,
  submittedAt,
};

export type AssessmentRow = {
  id: string;
  organisationId: string;
  frameworkId: string;
  frameworkVersion: number;
  title: string;
  status: string;
  revision: number;
  profile: { organisationType: string; sizeBand: string };
  includedOptionalPillars: string[];
  createdAt: Date;
  updatedAt: Date;
  submittedAt: Date | null;
};

export type AssessmentForMember = AssessmentRow & { role: Role };

/**
 * The assessment joined to the caller's membership of its organisation: undefined both when it
 * does not exist and when the caller is not a member (tenancy in the query, never "load, then check").
 */
export async function getAssessmentForMember(
  db: Db,
  key: { assessmentId: string; userId: string },
): Promise<AssessmentForMember | undefined> {
  const rows = await db
    .select({ ...assessmentColumns, role: memberships.role })
    .from(assessments)
    .innerJoin(
      memberships,
      and(
        eq(memberships.organisationId, assessments.organisationId),
        eq(memberships.userId, key.userId),
      ),
    )
    .where(eq(assessments.id, key.assessmentId))
    .limit(1);
  return rows[0] as AssessmentForMember | undefined;
}

/**
 * The network cycles an assessment answers, in one statement: its links to cycles, only in
 * networks its organisation is still a member of (a link outlives leaving, but is no longer shown).
 * Latest closing first.
 */
export function listAssessmentCycles(
  db: Db,
  key: { assessmentId: string; organisationId: string },
) {
  return db
    .select({
      cycleId: cycles.id,
      cycleName: cycles.name,
      networkId: networks.id,
      networkName: networks.name,
      opensOn: cycles.opensOn,
      closesOn: cycles.closesOn,
    })
    .from(cycleAssessments)
    .innerJoin(cycles, eq(cycles.id, cycleAssessments.cycleId))
    .innerJoin(networks, eq(networks.id, cycles.networkId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.networkId, cycles.networkId),
        eq(networkMembers.organisationId, cycleAssessments.organisationId),
      ),
    )
    .where(
      and(
        eq(cycleAssessments.assessmentId, key.assessmentId),
        eq(cycleAssessments.organisationId, key.organisationId),
      ),
    )
    .orderBy(desc(cycles.closesOn), asc(networks.name), asc(cycles.name), asc(cycles.id));
}

export async function listOrganisationAssessments(
  db: Db,
  key: { organisationId: string },
): Promise<AssessmentRow[]> {
  return (await db
    .select(assessmentColumns)
    .from(assessments)
    .where(eq(assessments.organisationId, key.organisationId))
    .orderBy(asc(assessments.createdAt), asc(assessments.id))) as AssessmentRow[];
}

export async function getOrganisationProfile(db: Db, key: { organisationId: string }) {
  const rows = await db
    .select({ type: organisations.type, sizeBand: organisations.sizeBand })
    .from(organisations)
    .where(eq(organisations.id, key.organisationId))
    .limit(1);
  return rows[0];
}

export async function insertAssessment(
  db: Db,
  values: {
    organisationId: string;
    frameworkId: string;
    frameworkVersion: number;
    title: string;
    profile: { organisationType: string; sizeBand: string };
    includedOptionalPillars: string[];
    createdBy: string;
  },
): Promise<AssessmentRow> {
  const [row] = await db.insert(assessments).values(values).returning({ id: assessments.id });
  if (!row) throw new Error('assessment not inserted');
  const [created] = (await db
    .select(assessmentColumns)
    .from(assessments)
    .where(eq(assessments.id, row.id))) as AssessmentRow[];
  if (!created) throw new Error('assessment not found after insert');
  return created;
}

/** Locks the assessment row for a status change (submit, reopen) until the transaction ends. */
export async function lockAssessment(db: Db, key: { assessmentId: string }) {
  const rows = await db
    .select({ status: assessments.status, revision: assessments.revision })
    .from(assessments)
    .where(eq(assessments.id, key.assessmentId))
    .for('update');
  return rows[0];
}

export async function setAssessmentState(
  db: Db,
  key: { assessmentId: string },
  values: { status: 'draft' | 'submitted' | 'reopened'; revision: number },
): Promise<AssessmentRow> {
  await db
    .update(assessments)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(assessments.id, key.assessmentId));
  const [row] = (await db
    .select(assessmentColumns)
    .from(assessments)
    .where(eq(assessments.id, key.assessmentId))) as AssessmentRow[];
  if (!row) throw new Error('assessment vanished');
  return row;
}

/** What counts towards progress, for several assessments at once (the organisation's list). */
export async function listAnswerStates(db: Db, key: { assessmentIds: string[] }) {
  if (key.assessmentIds.length === 0) return [];
  return db
    .select({
      assessmentId: answers.assessmentId,
      criterionId: answers.criterionId,
      level: answers.level,
      notApplicableReason: answers.notApplicableReason,
      targetLevel: answers.targetLevel,
    })
    .from(answers)
    .where(inArray(answers.assessmentId, key.assessmentIds));
}

// ─── Revisions ──────────────────────────────────────────────────────────────────────────────

export async function insertRevision(
  db: Db,
  values: {
    assessmentId: string;
    revision: number;
    answers: unknown;
    scores: unknown;
    submittedBy: string;
  },
) {
  const [row] = await db.insert(assessmentRevisions).values(values).returning();
  if (!row) throw new Error('revision not inserted');
  return row;
}

const revisionColumns = {
  revision: assessmentRevisions.revision,
  answers: assessmentRevisions.answers,
  scores: assessmentRevisions.scores,
  submittedAt: assessmentRevisions.submittedAt,
  submittedBy: assessmentRevisions.submittedBy,
  submittedByName: users.name,
};

export function listRevisions(db: Db, key: { assessmentId: string }) {
  return db
    .select(revisionColumns)
    .from(assessmentRevisions)
    .leftJoin(users, eq(users.id, assessmentRevisions.submittedBy))
    .where(eq(assessmentRevisions.assessmentId, key.assessmentId))
    .orderBy(asc(assessmentRevisions.revision));
}

export async function getRevision(db: Db, key: { assessmentId: string; revision: number }) {
  const rows = await db
    .select(revisionColumns)
    .from(assessmentRevisions)
    .leftJoin(users, eq(users.id, assessmentRevisions.submittedBy))
    .where(
      and(
        eq(assessmentRevisions.assessmentId, key.assessmentId),
        eq(assessmentRevisions.revision, key.revision),
      ),
    )
    .limit(1);
  return rows[0];
}

// ─── Pillar assignments ─────────────────────────────────────────────────────────────────────

export function listPillarAssignments(db: Db, key: { assessmentId: string }) {
  return db
    .select({ pillarId: pillarAssignments.pillarId, userId: users.id, name: users.name })
    .from(pillarAssignments)
    .innerJoin(users, eq(users.id, pillarAssignments.userId))
    .where(eq(pillarAssignments.assessmentId, key.assessmentId));
}

/** A member of the organisation with their role and name; undefined when not a member. */
export async function getMember(db: Db, key: { organisationId: string; userId: string }) {
  const rows = await db
    .select({ userId: users.id, name: users.name, role: memberships.role })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organisationId, key.organisationId), eq(memberships.userId, key.userId)),
    )
    .limit(1);
  return rows[0] as { userId: string; name: string; role: Role } | undefined;
}

export async function setPillarAssignment(
  db: Db,
  key: { assessmentId: string; pillarId: string },
  value: { userId: string; assignedBy: string } | null,
): Promise<void> {
  if (value === null) {
    await db
      .delete(pillarAssignments)
      .where(
        and(
          eq(pillarAssignments.assessmentId, key.assessmentId),
          eq(pillarAssignments.pillarId, key.pillarId),
        ),
      );
    return;
  }
  await db
    .insert(pillarAssignments)
    .values({ ...key, ...value })
    .onConflictDoUpdate({
      target: [pillarAssignments.assessmentId, pillarAssignments.pillarId],
      set: { userId: value.userId, assignedBy: value.assignedBy, createdAt: sql`now()` },
    });
}

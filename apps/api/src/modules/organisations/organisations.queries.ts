import { and, asc, count, eq, exists, getTableColumns, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessments,
  memberships,
  organisations,
  pillarAssignments,
  users,
} from '../../db/schema.js';
import type { Role } from '../tenancy.js';

/** Organisation and membership queries: plain functions taking `db` (or a transaction) first. */

export type OrganisationRow = typeof organisations.$inferSelect;
export type OrganisationWithRole = OrganisationRow & { role: Role };

export interface OrganisationProfile {
  name: string;
  type: string;
  sector: string | null;
  sizeBand: string;
  localAuthority: string | null;
  employees: number | null;
}

export async function insertOrganisation(
  db: Db,
  profile: OrganisationProfile,
): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(profile).returning();
  if (!row) throw new Error('organisation not inserted');
  return row;
}

/** The organisation with the user's role in it; undefined when the user is not a member. */
export async function getOrganisationForMember(
  db: Db,
  key: { organisationId: string; userId: string },
): Promise<OrganisationWithRole | undefined> {
  const [row] = await db
    .select({ ...getTableColumns(organisations), role: memberships.role })
    .from(organisations)
    .innerJoin(memberships, eq(memberships.organisationId, organisations.id))
    .where(and(eq(organisations.id, key.organisationId), eq(memberships.userId, key.userId)))
    .limit(1);
  return row as OrganisationWithRole | undefined;
}

/** Every organisation the user belongs to, with their role, by name. */
export async function listOrganisationsForUser(
  db: Db,
  userId: string,
): Promise<OrganisationWithRole[]> {
  const rows = await db
    .select({ ...getTableColumns(organisations), role: memberships.role })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(sql`lower(${organisations.name})`, asc(organisations.createdAt));
  return rows as OrganisationWithRole[];
}

export async function updateOrganisation(
  db: Db,
  id: string,
  changes: Partial<OrganisationProfile>,
): Promise<OrganisationRow> {
  const [row] = await db
    .update(organisations)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning();
  if (!row) throw new Error('organisation not updated');
  return row;
}

/**
 * Serialises every change to one organisation's people (roles, removals, invitations): locks
 * the organisation's row until the transaction ends, but only when `userId` is a member, so a
 * stranger cannot hold the lock. `FOR NO KEY UPDATE` does not block inserts that merely reference
 * the organisation (assessments, answers). Read roles AFTER this, in a new statement: under READ
 * COMMITTED it then sees whatever the previous lock holder committed.
 * Returns false when the user is not a member (or the organisation does not exist).
 */
export async function lockOrganisationForMember(
  db: Db,
  key: { organisationId: string; userId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(
      and(
        eq(organisations.id, key.organisationId),
        exists(
          db
            .select({ one: sql`1` })
            .from(memberships)
            .where(
              and(
                eq(memberships.organisationId, organisations.id),
                eq(memberships.userId, key.userId),
              ),
            ),
        ),
      ),
    )
    .for('no key update', { of: organisations });
  return rows.length > 0;
}

/** Like `lockOrganisationForMember`, for a caller who is joining (accepting an invitation). */
export async function lockOrganisation(db: Db, organisationId: string): Promise<boolean> {
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
    .for('no key update');
  return rows.length > 0;
}

// ─── Memberships ────────────────────────────────────────────────────────────────────────────

export interface MemberRow {
  userId: string;
  name: string;
  email: string;
  role: Role;
  joinedAt: Date;
}

const memberColumns = {
  userId: memberships.userId,
  name: users.name,
  email: users.email,
  role: memberships.role,
  joinedAt: memberships.createdAt,
};

/** The organisation's members: admins first, then contributors, then viewers, each by name. */
export async function listMembers(db: Db, organisationId: string): Promise<MemberRow[]> {
  const rows = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(
      sql`case ${memberships.role} when 'admin' then 0 when 'contributor' then 1 else 2 end`,
      sql`lower(${users.name})`,
      asc(users.email),
    );
  return rows as MemberRow[];
}

export async function getMember(
  db: Db,
  key: { organisationId: string; userId: string },
): Promise<MemberRow | undefined> {
  const [row] = await db
    .select(memberColumns)
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(eq(memberships.organisationId, key.organisationId), eq(memberships.userId, key.userId)),
    )
    .limit(1);
  return row as MemberRow | undefined;
}

/** Whether someone with this (normalised) email already belongs to the organisation. */
export async function isMemberByEmail(
  db: Db,
  key: { organisationId: string; email: string },
): Promise<boolean> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      and(
        eq(memberships.organisationId, key.organisationId),
        eq(sql`lower(${users.email})`, key.email.toLowerCase()),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function countAdmins(db: Db, organisationId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
  return Number(row?.n ?? 0);
}

export async function insertMembership(
  db: Db,
  membership: { organisationId: string; userId: string; role: Role },
): Promise<void> {
  await db.insert(memberships).values(membership);
}

export async function updateMemberRole(
  db: Db,
  key: { organisationId: string; userId: string },
  role: Role,
): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(
      and(eq(memberships.organisationId, key.organisationId), eq(memberships.userId, key.userId)),
    );
}

export async function deleteMembership(
  db: Db,
  key: { organisationId: string; userId: string },
): Promise<void> {
  await db
    .delete(memberships)
    .where(
      and(eq(memberships.organisationId, key.organisationId), eq(memberships.userId, key.userId)),
    );
}

/**
 * A removed member's pillar assignments in the organisation's assessments: they can no longer
 * see the assessment, so "assigned to" them would point nowhere.
 */
export async function deletePillarAssignmentsOfMember(
  db: Db,
  key: { organisationId: string; userId: string },
): Promise<number> {
  const rows = await db
    .delete(pillarAssignments)
    .where(
      and(
        eq(pillarAssignments.userId, key.userId),
        inArray(
          pillarAssignments.assessmentId,
          db
            .select({ id: assessments.id })
            .from(assessments)
            .where(eq(assessments.organisationId, key.organisationId)),
        ),
      ),
    )
    .returning({ pillarId: pillarAssignments.pillarId });
  return rows.length;
}

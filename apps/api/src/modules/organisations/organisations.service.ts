import type {
  TCreateOrganisationBody,
  TInvitation,
  TMember,
  TOrganisation,
  TUpdateOrganisationBody,
} from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { users } from '../../db/schema.js';
import { AppError, ConflictError, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { ADMIN_ONLY, ROLES, type Role, requireMembership } from '../tenancy.js';
import {
  findInvitationByTokenHash,
  findPendingInvitation,
  getInvitation,
  hashInvitationToken,
  type InvitationRow,
  insertInvitation,
  invitationStatus,
  listInvitations,
  markInvitationAccepted,
  newInvitationToken,
  revokeInvitation,
  revokePendingInvitations,
} from './invitations.queries.js';
import {
  countAdmins,
  deleteMembership,
  deletePillarAssignmentsOfMember,
  getMember,
  getOrganisationForMember,
  insertMembership,
  insertOrganisation,
  isMemberByEmail,
  listMembers,
  listOrganisationsForUser,
  lockOrganisation,
  lockOrganisationForMember,
  type MemberRow,
  type OrganisationRow,
  updateMemberRole,
  updateOrganisation,
} from './organisations.queries.js';

/**
 * Organisations, members and invitations. Every change runs in one transaction with its audit
 * event; changes to an organisation's people first lock the organisation (see
 * `lockOrganisationForMember`), so that the "at least one admin" rule holds under concurrency.
 */

export interface Actor {
  id: string;
}

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

export function toOrganisation(row: OrganisationRow, role: Role): TOrganisation {
  return {
    id: row.id,
    name: row.name,
    type: row.type as TOrganisation['type'],
    sector: row.sector,
    sizeBand: row.sizeBand as TOrganisation['sizeBand'],
    localAuthority: row.localAuthority,
    employees: row.employees,
    role,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toMember(row: MemberRow): TMember {
  return { ...row, joinedAt: row.joinedAt.toISOString() };
}

export function toInvitation(row: InvitationRow, now = new Date()): TInvitation {
  return {
    id: row.id,
    email: row.email,
    role: row.role as Role,
    status: invitationStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
  };
}

/** Locks the organisation for a change by `actor`, then reads the actor's role afresh. */
async function lockForChange(
  tx: Db,
  organisationId: string,
  actor: Actor,
  allowed: readonly Role[],
): Promise<Role> {
  if (!(await lockOrganisationForMember(tx, { organisationId, userId: actor.id }))) {
    throw new NotFoundError();
  }
  return requireMembership(tx, { organisationId, userId: actor.id }, allowed);
}

class LastAdminError extends ConflictError {
  constructor() {
    super(
      'last_admin',
      'An organisation needs at least one admin: make someone else an admin first.',
    );
  }
}

// ─── Organisations ──────────────────────────────────────────────────────────────────────────

export async function createOrganisation(
  db: Db,
  actor: Actor,
  body: TCreateOrganisationBody,
): Promise<TOrganisation> {
  return inTransaction(db, async (tx) => {
    const row = await insertOrganisation(tx, {
      name: body.name,
      type: body.type,
      sector: body.sector ?? null,
      sizeBand: body.sizeBand,
      localAuthority: body.localAuthority ?? null,
      employees: body.employees ?? null,
    });
    await insertMembership(tx, { organisationId: row.id, userId: actor.id, role: 'admin' });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: row.id,
      entityType: 'organisation',
      entityId: row.id,
      action: 'created',
      data: { name: row.name, type: row.type, sizeBand: row.sizeBand },
    });
    return toOrganisation(row, 'admin');
  });
}

export async function listOrganisations(db: Db, actor: Actor): Promise<TOrganisation[]> {
  const rows = await listOrganisationsForUser(db, actor.id);
  return rows.map((row) => toOrganisation(row, row.role));
}

export async function getOrganisation(
  db: Db,
  actor: Actor,
  organisationId: string,
): Promise<TOrganisation> {
  const row = await getOrganisationForMember(db, { organisationId, userId: actor.id });
  if (!row) throw new NotFoundError();
  return toOrganisation(row, row.role);
}

export async function editOrganisation(
  db: Db,
  actor: Actor,
  organisationId: string,
  body: TUpdateOrganisationBody,
): Promise<TOrganisation> {
  return inTransaction(db, async (tx) => {
    const role = await lockForChange(tx, organisationId, actor, ADMIN_ONLY);
    const changes = Object.fromEntries(
      Object.entries(body).filter(([, value]) => value !== undefined),
    ) as Partial<TUpdateOrganisationBody>;
    const row = await updateOrganisation(tx, organisationId, changes);
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      entityType: 'organisation',
      entityId: organisationId,
      action: 'updated',
      data: { changes },
    });
    return toOrganisation(row, role);
  });
}

// ─── Members ────────────────────────────────────────────────────────────────────────────────

export async function listOrganisationMembers(
  db: Db,
  actor: Actor,
  organisationId: string,
): Promise<TMember[]> {
  await requireMembership(db, { organisationId, userId: actor.id });
  return (await listMembers(db, organisationId)).map(toMember);
}

export async function changeMemberRole(
  db: Db,
  actor: Actor,
  key: { organisationId: string; userId: string },
  role: Role,
): Promise<TMember> {
  return inTransaction(db, async (tx) => {
    await lockForChange(tx, key.organisationId, actor, ADMIN_ONLY);
    const member = await getMember(tx, key);
    if (!member) throw new NotFoundError();
    if (member.role === role) return toMember(member);
    if (member.role === 'admin' && (await countAdmins(tx, key.organisationId)) <= 1) {
      throw new LastAdminError();
    }
    await updateMemberRole(tx, key, role);
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: key.organisationId,
      entityType: 'membership',
      entityId: key.userId,
      action: 'role_changed',
      data: { from: member.role, to: role },
    });
    return toMember({ ...member, role });
  });
}

/** An admin removes anyone; any member may remove themself (leave). */
export async function removeMember(
  db: Db,
  actor: Actor,
  key: { organisationId: string; userId: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    const leaving = key.userId === actor.id;
    await lockForChange(tx, key.organisationId, actor, leaving ? ROLES : ADMIN_ONLY);
    const member = await getMember(tx, key);
    if (!member) throw new NotFoundError();
    if (member.role === 'admin' && (await countAdmins(tx, key.organisationId)) <= 1) {
      throw new LastAdminError();
    }
    await deleteMembership(tx, key);
    const unassigned = await deletePillarAssignmentsOfMember(tx, key);
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: key.organisationId,
      entityType: 'membership',
      entityId: key.userId,
      action: leaving ? 'left' : 'removed',
      data: { role: member.role, email: member.email, pillarAssignmentsRemoved: unassigned },
    });
  });
}

// ─── Invitations ────────────────────────────────────────────────────────────────────────────

export interface CreatedInvitation {
  invitation: TInvitation;
  token: string;
  organisationName: string;
}

export async function createInvitation(
  db: Db,
  actor: Actor,
  organisationId: string,
  body: { email: string; role: Role; replace?: boolean | undefined },
  ttlDays: number,
): Promise<CreatedInvitation> {
  const email = body.email.trim().toLowerCase();
  return inTransaction(db, async (tx) => {
    await lockForChange(tx, organisationId, actor, ADMIN_ONLY);
    if (await isMemberByEmail(tx, { organisationId, email })) {
      throw new ConflictError('already_member', `${email} is already a member.`);
    }
    // One pending invitation per address. Replacing it kills a link the admin may just have sent,
    // so it takes an explicit `replace: true` (issue 8): otherwise say what is pending.
    if (!body.replace) {
      const pending = await findPendingInvitation(tx, { organisationId, email });
      if (pending) {
        throw new ConflictError(
          'invitation_pending',
          `${email} already has a pending invitation as ${pending.role}, sent ${pending.createdAt.toISOString().slice(0, 10)}. Send with replace to withdraw that link and send a new one.`,
        );
      }
    }
    const replaced = await revokePendingInvitations(tx, { organisationId, email });
    for (const old of replaced) {
      await recordAudit(tx, {
        actorUserId: actor.id,
        organisationId,
        entityType: 'invitation',
        entityId: old.id,
        action: 'revoked',
        data: { email, role: old.role, reason: 'replaced' },
      });
    }
    const { token, tokenHash } = newInvitationToken();
    const row = await insertInvitation(tx, {
      organisationId,
      email,
      role: body.role,
      tokenHash,
      invitedBy: actor.id,
      ttlDays,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'created',
      data: { email, role: body.role, expiresAt: row.expiresAt.toISOString() },
    });
    const org = await getOrganisationForMember(tx, { organisationId, userId: actor.id });
    return { invitation: toInvitation(row), token, organisationName: org?.name ?? '' };
  });
}

export async function listOrganisationInvitations(
  db: Db,
  actor: Actor,
  organisationId: string,
): Promise<TInvitation[]> {
  await requireMembership(db, { organisationId, userId: actor.id }, ADMIN_ONLY);
  const now = new Date();
  return (await listInvitations(db, organisationId)).map((row) => toInvitation(row, now));
}

/**
 * Revokes a pending (or expired) invitation. Revoking a revoked one changes nothing; an accepted
 * one cannot be revoked (remove the member instead).
 */
export async function revokeOrganisationInvitation(
  db: Db,
  actor: Actor,
  key: { organisationId: string; invitationId: string },
  options: { reason?: string } = {},
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockForChange(tx, key.organisationId, actor, ADMIN_ONLY);
    const row = await getInvitation(tx, {
      id: key.invitationId,
      organisationId: key.organisationId,
    });
    if (!row) throw new NotFoundError();
    if (row.acceptedAt) {
      throw new ConflictError(
        'invitation_accepted',
        'This invitation has been accepted: remove the member instead.',
      );
    }
    if (row.revokedAt) return;
    await revokeInvitation(tx, row.id);
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: key.organisationId,
      entityType: 'invitation',
      entityId: row.id,
      action: 'revoked',
      data: {
        email: row.email,
        role: row.role,
        ...(options.reason ? { reason: options.reason } : {}),
      },
    });
  });
}

/** What the accept page shows before sign-in. Unknown token → 404. */
export async function previewInvitation(db: Db, token: string) {
  const row = await findInvitationByTokenHash(db, hashInvitationToken(token));
  if (!row) throw new NotFoundError('This invitation link is not valid.');
  return {
    organisationName: row.organisationName,
    role: row.role as Role,
    email: row.email,
    expiresAt: row.expiresAt.toISOString(),
    status: invitationStatus(row),
  };
}

/**
 * The signed-in user accepts: their email must be the invited one. Single use: the invitation
 * row is locked, checked and marked accepted in the transaction that creates the membership.
 */
export async function acceptInvitation(
  db: Db,
  actor: Actor,
  token: string,
): Promise<TOrganisation> {
  const tokenHash = hashInvitationToken(token);
  return inTransaction(db, async (tx) => {
    const found = await findInvitationByTokenHash(tx, tokenHash);
    if (!found) throw new NotFoundError('This invitation link is not valid.');
    // Lock order as everywhere else: the organisation, then the invitation.
    await lockOrganisation(tx, found.organisationId);
    const invitation = await findInvitationByTokenHash(tx, tokenHash, { lock: true });
    if (!invitation) throw new NotFoundError('This invitation link is not valid.');
    const status = invitationStatus(invitation);
    if (status === 'revoked') throw new NotFoundError('This invitation has been withdrawn.');
    if (status === 'accepted') {
      throw new AppError(410, 'invitation_used', 'Gone', 'This invitation has already been used.');
    }
    if (status === 'expired') {
      throw new AppError(
        410,
        'invitation_expired',
        'Gone',
        'This invitation has expired: ask an admin of the organisation for a new one.',
      );
    }
    const [user] = await tx
      .select({ email: users.email })
      .from(users)
      .where(eq(users.id, actor.id))
      .limit(1);
    if (!user) throw new NotFoundError();
    if (user.email.toLowerCase() !== invitation.email.toLowerCase()) {
      throw new AppError(
        403,
        'invitation_email_mismatch',
        'Forbidden',
        'This invitation was sent to another email address: sign in with that address to accept it.',
      );
    }
    const organisationId = invitation.organisationId;
    if (await getMember(tx, { organisationId, userId: actor.id })) {
      throw new ConflictError('already_member', 'You are already a member of this organisation.');
    }
    const role = invitation.role as Role;
    await insertMembership(tx, { organisationId, userId: actor.id, role });
    await markInvitationAccepted(tx, { id: invitation.id, userId: actor.id });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      entityType: 'invitation',
      entityId: invitation.id,
      action: 'accepted',
      data: { email: invitation.email, role },
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId,
      entityType: 'membership',
      entityId: actor.id,
      action: 'created',
      data: { role, invitationId: invitation.id },
    });
    const org = await getOrganisationForMember(tx, { organisationId, userId: actor.id });
    if (!org) throw new Error('membership not visible after insert');
    return toOrganisation(org, role);
  });
}

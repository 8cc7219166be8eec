import { createHash, randomBytes } from 'node:crypto';
import type { TInvitationStatus } from '@waymark/rubric';
import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { invitations, organisations } from '../../db/schema.js';

/** Invitation queries and the token that an invitation link carries. */

export type InvitationRow = typeof invitations.$inferSelect;

/**
 * A new invitation secret: 32 random bytes, base64url (43 characters). Only its SHA-256 hash is
 * stored: a leaked database does not hand out working links. A fast hash is enough for 256 bits
 * of entropy (nothing to brute-force, unlike a password).
 */
export function newInvitationToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashInvitationToken(token) };
}

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

export function invitationStatus(row: InvitationRow, now: Date = new Date()): TInvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export async function insertInvitation(
  db: Db,
  invitation: {
    organisationId: string;
    email: string;
    role: string;
    tokenHash: string;
    invitedBy: string;
    ttlDays: number;
  },
): Promise<InvitationRow> {
  const { ttlDays, ...values } = invitation;
  const [row] = await db
    .insert(invitations)
    .values({
      ...values,
      // The database's clock for both ends, so that expiry does not depend on the app server's.
      expiresAt: sql`now() + make_interval(days => ${ttlDays}::int)`,
    })
    .returning();
  if (!row) throw new Error('invitation not inserted');
  return row;
}

function pendingFor(key: { organisationId: string; email: string }) {
  return and(
    eq(invitations.organisationId, key.organisationId),
    eq(invitations.email, key.email),
    isNull(invitations.acceptedAt),
    isNull(invitations.revokedAt),
    gt(invitations.expiresAt, sql`now()`),
  );
}

/** The pending invitation of one email address, if any (the newest, should there be several). */
export async function findPendingInvitation(
  db: Db,
  key: { organisationId: string; email: string },
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(pendingFor(key))
    .orderBy(desc(invitations.createdAt))
    .limit(1);
  return row;
}

/** Revokes the pending (not accepted, revoked or expired) invitations of one email address. */
export async function revokePendingInvitations(
  db: Db,
  key: { organisationId: string; email: string },
): Promise<InvitationRow[]> {
  return db.update(invitations).set({ revokedAt: sql`now()` }).where(pendingFor(key)).returning();
}

/** Every invitation of the organisation, newest first. */
export async function listInvitations(db: Db, organisationId: string): Promise<InvitationRow[]> {
  return db
    .select()
    .from(invitations)
    .where(eq(invitations.organisationId, organisationId))
    .orderBy(desc(invitations.createdAt), desc(invitations.id));
}

export async function getInvitation(
  db: Db,
  key: { id: string; organisationId: string },
): Promise<InvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(invitations)
    .where(and(eq(invitations.id, key.id), eq(invitations.organisationId, key.organisationId)))
    .limit(1);
  return row;
}

export async function revokeInvitation(db: Db, id: string): Promise<InvitationRow> {
  const [row] = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(eq(invitations.id, id))
    .returning();
  if (!row) throw new Error('invitation not revoked');
  return row;
}

/** The invitation a token names, with its organisation's name. */
export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<(InvitationRow & { organisationName: string }) | undefined> {
  const query = db
    .select({ invitation: invitations, organisationName: organisations.name })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .where(eq(invitations.tokenHash, tokenHash))
    .limit(1);
  const [row] = options.lock ? await query.for('update', { of: invitations }) : await query;
  return row ? { ...row.invitation, organisationName: row.organisationName } : undefined;
}

export async function markInvitationAccepted(
  db: Db,
  key: { id: string; userId: string },
): Promise<void> {
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: key.userId })
    .where(eq(invitations.id, key.id));
}

import type { TNetworkInvitationStatus } from '@waymark/rubric';
import { and, desc, eq, gt, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { auditEvents, networkInvitations, networks, organisations } from '../../db/schema.js';
import type { AuditEventInput } from '../audit/audit.queries.js';

/**
 * Network invitation queries: plain functions taking `db` (or a transaction) first, every one
 * scoped by its network. The token and its hash come from the organisation invitations
 * (`newInvitationToken`, `hashInvitationToken`): one kind of secret link in the app.
 */

export type NetworkInvitationRow = typeof networkInvitations.$inferSelect;
export type NetworkInvitationWithOrganisation = NetworkInvitationRow & {
  acceptedOrganisationName: string | null;
};

/** As `invitationStatus` of organisation invitations, over the same three columns. */
export function networkInvitationStatus(
  row: Pick<NetworkInvitationRow, 'acceptedAt' | 'revokedAt' | 'expiresAt'>,
  now: Date = new Date(),
): TNetworkInvitationStatus {
  if (row.acceptedAt) return 'accepted';
  if (row.revokedAt) return 'revoked';
  if (row.expiresAt.getTime() <= now.getTime()) return 'expired';
  return 'pending';
}

export interface NewNetworkInvitation {
  organisationName: string;
  email: string;
  organisationType: string | null;
  sizeBand: string | null;
  tokenHash: string;
}

/** Inserts invitations in one statement (one for a single invitation, many for an import). */
export async function insertNetworkInvitations(
  db: Db,
  common: { networkId: string; invitedBy: string; ttlDays: number },
  invitations: NewNetworkInvitation[],
): Promise<NetworkInvitationRow[]> {
  if (invitations.length === 0) return [];
  return db
    .insert(networkInvitations)
    .values(
      invitations.map((invitation) => ({
        ...invitation,
        networkId: common.networkId,
        invitedBy: common.invitedBy,
        // The database's clock, so that expiry does not depend on the app server's.
        expiresAt: sql`now() + make_interval(days => ${common.ttlDays}::int)`,
      })),
    )
    .returning();
}

function pendingIn(networkId: string) {
  return and(
    eq(networkInvitations.networkId, networkId),
    isNull(networkInvitations.acceptedAt),
    isNull(networkInvitations.revokedAt),
    gt(networkInvitations.expiresAt, sql`now()`),
  );
}

/** The pending invitations of the network to any of these (normalised) emails. */
export async function findPendingNetworkInvitations(
  db: Db,
  key: { networkId: string; emails: string[] },
): Promise<NetworkInvitationRow[]> {
  if (key.emails.length === 0) return [];
  return db
    .select()
    .from(networkInvitations)
    .where(and(pendingIn(key.networkId), inArray(networkInvitations.email, key.emails)))
    .orderBy(desc(networkInvitations.createdAt));
}

/** Revokes the pending invitations of one email to the network. */
export async function revokePendingNetworkInvitations(
  db: Db,
  key: { networkId: string; email: string },
): Promise<NetworkInvitationRow[]> {
  return db
    .update(networkInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(pendingIn(key.networkId), eq(networkInvitations.email, key.email)))
    .returning();
}

const withOrganisation = {
  invitation: networkInvitations,
  acceptedOrganisationName: organisations.name,
};

function flatten(row: {
  invitation: NetworkInvitationRow;
  acceptedOrganisationName: string | null;
}): NetworkInvitationWithOrganisation {
  return { ...row.invitation, acceptedOrganisationName: row.acceptedOrganisationName };
}

/** Every invitation of the network, newest first, with the organisation that accepted it. */
export async function listNetworkInvitations(
  db: Db,
  networkId: string,
): Promise<NetworkInvitationWithOrganisation[]> {
  const rows = await db
    .select(withOrganisation)
    .from(networkInvitations)
    .leftJoin(organisations, eq(organisations.id, networkInvitations.acceptedOrganisationId))
    .where(eq(networkInvitations.networkId, networkId))
    .orderBy(desc(networkInvitations.createdAt), desc(networkInvitations.id));
  return rows.map(flatten);
}

export async function getNetworkInvitation(
  db: Db,
  key: { id: string; networkId: string },
): Promise<NetworkInvitationRow | undefined> {
  const [row] = await db
    .select()
    .from(networkInvitations)
    .where(and(eq(networkInvitations.id, key.id), eq(networkInvitations.networkId, key.networkId)))
    .limit(1);
  return row;
}

export async function revokeNetworkInvitations(db: Db, ids: string[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .update(networkInvitations)
    .set({ revokedAt: sql`now()` })
    .where(and(inArray(networkInvitations.id, ids), isNull(networkInvitations.acceptedAt)));
}

export interface InvitationWithNetwork extends NetworkInvitationRow {
  networkName: string;
  networkPlace: string;
}

/**
 * The invitation a token names, with its network. With `lock`, the invitation row is locked
 * `FOR UPDATE` (single use) after its network is locked `FOR SHARE`: the same order as a
 * coordinator's changes (network, then its invitations), so that the two never deadlock.
 */
export async function findNetworkInvitationByTokenHash(
  db: Db,
  tokenHash: string,
  options: { lock?: boolean } = {},
): Promise<InvitationWithNetwork | undefined> {
  const query = () =>
    db
      .select({
        invitation: networkInvitations,
        networkName: networks.name,
        networkPlace: networks.place,
      })
      .from(networkInvitations)
      .innerJoin(networks, eq(networks.id, networkInvitations.networkId))
      .where(eq(networkInvitations.tokenHash, tokenHash))
      .limit(1);
  let [row] = await query();
  if (row && options.lock) {
    await db
      .select({ id: networks.id })
      .from(networks)
      .where(eq(networks.id, row.invitation.networkId))
      .for('share');
    [row] = await query().for('update', { of: networkInvitations });
  }
  return row
    ? { ...row.invitation, networkName: row.networkName, networkPlace: row.networkPlace }
    : undefined;
}

export async function markNetworkInvitationAccepted(
  db: Db,
  key: { id: string; userId: string; organisationId: string },
): Promise<void> {
  await db
    .update(networkInvitations)
    .set({
      acceptedAt: sql`now()`,
      acceptedBy: key.userId,
      acceptedOrganisationId: key.organisationId,
    })
    .where(eq(networkInvitations.id, key.id));
}

/** Appends several audit events in one statement (an import's invitations). */
export async function recordAuditEvents(db: Db, events: AuditEventInput[]): Promise<void> {
  if (events.length === 0) return;
  await db.insert(auditEvents).values(events.map((e) => ({ ...e, data: e.data ?? {} })));
}

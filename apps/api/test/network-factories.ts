import { ZCreateNetworkInvitationResponse } from '@waymark/rubric';
import { eq, sql } from 'drizzle-orm';
import { expect } from 'vitest';
import { auditEvents, networkInvitations } from '../src/db/schema.js';
import type { TestContext } from './build-test-app.js';
import { addNetworkMember, createNetwork } from './cycle-factories.js';
import {
  addMember,
  call,
  createOrganisation,
  createUser,
  type TestOrganisation,
  type TestUser,
} from './factories.js';

/**
 * Factories for network invitations and members. `setUpNetwork` builds the role matrix that every
 * membership test needs: a coordinator; a named member (admin + contributor) and an anonymous one
 * (admin); the coordinator of another network; an organisation admin outside any network.
 */

export interface NetworkWorld {
  coordinator: TestUser;
  network: { id: string };
  /** Admin of `namedOrg`, a named member. */
  namedAdmin: TestUser;
  /** Contributor of `namedOrg`. */
  namedContributor: TestUser;
  namedOrg: TestOrganisation;
  /** Admin of `anonOrg`, an anonymous member. */
  anonAdmin: TestUser;
  anonOrg: TestOrganisation;
  /** Coordinator of `otherNetwork`, a stranger to `network`. */
  otherCoordinator: TestUser;
  otherNetwork: { id: string };
  /** Admin of `strangerOrg`, in no network. */
  stranger: TestUser;
  strangerOrg: TestOrganisation;
}

export async function setUpNetwork(ctx: TestContext): Promise<NetworkWorld> {
  const coordinator = await createUser(ctx, {
    name: 'Cora Coordinator',
    email: 'cora@example.org',
  });
  const network = await createNetwork(ctx, coordinator, { name: 'Leeds Anchors' });
  const namedAdmin = await createUser(ctx, { name: 'Nia Named', email: 'nia@example.org' });
  const namedContributor = await createUser(ctx, {
    name: 'Cy Contributor',
    email: 'cy@example.org',
  });
  const namedOrg = await createOrganisation(ctx, namedAdmin, {
    name: 'Leeds Teaching Hospitals',
    type: 'public_sector',
    sizeBand: 'large',
  });
  await addMember(ctx, namedOrg, namedContributor, 'contributor');
  await addNetworkMember(ctx, network, namedOrg, 'named');
  const anonAdmin = await createUser(ctx, { name: 'Ana Anonymous', email: 'ana@example.org' });
  const anonOrg = await createOrganisation(ctx, anonAdmin, {
    name: 'Quiet Logistics',
    type: 'business',
    sizeBand: 'medium',
  });
  await addNetworkMember(ctx, network, anonOrg, 'anonymous');
  const otherCoordinator = await createUser(ctx, {
    name: 'Olu Other',
    email: 'olu@example.org',
  });
  const otherNetwork = await createNetwork(ctx, otherCoordinator, { name: 'Bradford Anchors' });
  const stranger = await createUser(ctx, { name: 'Otto Outsider', email: 'otto@example.org' });
  const strangerOrg = await createOrganisation(ctx, stranger, { name: 'Stranger Things Ltd' });
  return {
    coordinator,
    network,
    namedAdmin,
    namedContributor,
    namedOrg,
    anonAdmin,
    anonOrg,
    otherCoordinator,
    otherNetwork,
    stranger,
    strangerOrg,
  };
}

/** Invites through the API (no SMTP in tests: the link comes back) and returns its token. */
export async function inviteOrganisation(
  ctx: TestContext,
  coordinator: TestUser,
  network: { id: string },
  body: {
    organisationName?: string;
    email?: string;
    organisationType?: string;
    sizeBand?: string;
  } = {},
) {
  const res = await call(ctx, coordinator, 'POST', `/networks/${network.id}/invitations`, {
    organisationName: 'Leeds Building Society',
    email: 'contact@lbs.example.org',
    ...body,
  });
  expect(res.statusCode, res.body).toBe(201);
  const created = ZCreateNetworkInvitationResponse.parse(res.json());
  const token = new URL(created.inviteUrl ?? '').searchParams.get('token');
  if (!token) throw new Error('no token in the invite link');
  return { ...created, token };
}

/** Moves an invitation's expiry into the past. */
export async function expireInvitation(ctx: TestContext, invitationId: string): Promise<void> {
  await ctx.database.db
    .update(networkInvitations)
    .set({ expiresAt: sql`now() - interval '1 minute'` })
    .where(eq(networkInvitations.id, invitationId));
}

/** The audit events of one entity type, oldest first, as [action, entityId, data]. */
export async function auditOf(
  ctx: TestContext,
  entityType: 'network_invitation' | 'network_member',
) {
  const rows = await ctx.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.entityType, entityType))
    .orderBy(auditEvents.id);
  return rows;
}

export async function invitationCount(ctx: TestContext, networkId: string): Promise<number> {
  const rows = await ctx.database.db
    .select({ id: networkInvitations.id })
    .from(networkInvitations)
    .where(eq(networkInvitations.networkId, networkId));
  return rows.length;
}

/** A CSV import as the coordinator would upload it. */
export function importCsv(
  ctx: TestContext,
  user: TestUser | null,
  networkId: string,
  body: string | Buffer,
  contentType = 'text/csv',
) {
  return ctx.app.inject({
    method: 'POST',
    url: `/api/v1/networks/${networkId}/invitations/import`,
    headers: { ...(user ? user.headers : {}), 'content-type': contentType },
    payload: body,
  });
}

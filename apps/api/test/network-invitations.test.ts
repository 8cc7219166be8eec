import {
  ZAcceptNetworkInvitationResponse,
  ZCreateNetworkInvitationResponse,
  ZNetworkInvitationListResponse,
  ZNetworkInvitationPreview,
} from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  auditEvents,
  memberships,
  networkInvitations,
  networkMembers,
  organisations,
} from '../src/db/schema.js';
import { hashInvitationToken } from '../src/modules/organisations/invitations.queries.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMember, call, createOrganisation, createUser, type TestUser } from './factories.js';
import {
  auditOf,
  expireInvitation,
  invitationCount,
  inviteOrganisation,
  type NetworkWorld,
  setUpNetwork,
} from './network-factories.js';

const ctx = useTestApp();
let w: NetworkWorld;
beforeEach(async () => {
  await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  w = await setUpNetwork(ctx);
});

const invitationsUrl = () => `/networks/${w.network.id}/invitations`;

async function memberRow(networkId: string, organisationId: string) {
  const [row] = await ctx.database.db
    .select()
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, networkId),
        eq(networkMembers.organisationId, organisationId),
      ),
    );
  return row;
}

async function invitationRow(id: string) {
  const [row] = await ctx.database.db
    .select()
    .from(networkInvitations)
    .where(eq(networkInvitations.id, id));
  return row;
}

function accept(user: TestUser | null, body: Record<string, unknown>) {
  return call(ctx, user, 'POST', '/network-invitations/accept', body);
}

function preview(token: string) {
  return ctx.app.inject({
    method: 'GET',
    url: `/api/v1/network-invitations/preview?token=${encodeURIComponent(token)}`,
  });
}

describe('POST /networks/:networkId/invitations', () => {
  it('invites by contact email (normalised), stores only the hash, returns the link and audits', async () => {
    const res = await call(ctx, w.coordinator, 'POST', invitationsUrl(), {
      organisationName: '  Leeds Building Society ',
      email: '  Contact@LBS.example.org ',
      organisationType: 'business',
      sizeBand: 'large',
    });
    expect(res.statusCode, res.body).toBe(201);
    const created = ZCreateNetworkInvitationResponse.parse(res.json());
    expect(created).toMatchObject({
      delivery: 'link',
      invitation: {
        organisationName: 'Leeds Building Society',
        email: 'contact@lbs.example.org',
        organisationType: 'business',
        sizeBand: 'large',
        status: 'pending',
        acceptedOrganisation: null,
      },
    });
    const url = new URL(created.inviteUrl ?? '');
    expect(url.pathname).toBe('/network-invitations/accept');
    const token = url.searchParams.get('token') ?? '';
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await invitationRow(created.invitation.id);
    expect(row?.tokenHash).toBe(hashInvitationToken(token));
    expect(row?.tokenHash).not.toContain(token);
    expect(row?.invitedBy).toBe(w.coordinator.id);
    // Expires after the configured number of days (the database's clock).
    const days = (new Date(created.invitation.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(Math.round(days)).toBe(ctx.config.auth.invitationTtlDays);
    const events = await auditOf(ctx, 'network_invitation');
    expect(events.map((e) => [e.action, e.entityId, e.actorUserId])).toEqual([
      ['created', created.invitation.id, w.coordinator.id],
    ]);
    expect(events[0]?.data).toMatchObject({
      networkId: w.network.id,
      email: 'contact@lbs.example.org',
    });
  });

  it('answers 409 invitation_pending for an email already invited, unless replace (which revokes the old link)', async () => {
    const first = await inviteOrganisation(ctx, w.coordinator, w.network, {
      email: 'contact@lbs.example.org',
    });
    const again = await call(ctx, w.coordinator, 'POST', invitationsUrl(), {
      organisationName: 'Leeds Building Society',
      email: 'CONTACT@lbs.example.org',
    });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('invitation_pending');
    expect(await invitationCount(ctx, w.network.id)).toBe(1);

    const replaced = await call(ctx, w.coordinator, 'POST', invitationsUrl(), {
      organisationName: 'Leeds Building Society',
      email: 'contact@lbs.example.org',
      replace: true,
    });
    expect(replaced.statusCode).toBe(201);
    expect((await invitationRow(first.invitation.id))?.revokedAt).not.toBeNull();
    expect(ZNetworkInvitationPreview.parse((await preview(first.token)).json()).status).toBe(
      'revoked',
    );
    const actions = (await auditOf(ctx, 'network_invitation')).map((e) => [
      e.action,
      e.data.reason,
    ]);
    expect(actions).toEqual([
      ['created', undefined],
      ['revoked', 'replaced'],
      ['created', undefined],
    ]);
  });

  it('two invitations of one email at once: one is created, the other answers 409', async () => {
    const body = { organisationName: 'Leeds Building Society', email: 'race@example.org' };
    const results = await Promise.all([
      call(ctx, w.coordinator, 'POST', invitationsUrl(), body),
      call(ctx, w.coordinator, 'POST', invitationsUrl(), body),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([201, 409]);
    expect(await invitationCount(ctx, w.network.id)).toBe(1);
  });

  it('the same email may be pending in two networks', async () => {
    await inviteOrganisation(ctx, w.coordinator, w.network, { email: 'x@example.org' });
    await inviteOrganisation(ctx, w.otherCoordinator, w.otherNetwork, { email: 'x@example.org' });
    expect(await invitationCount(ctx, w.otherNetwork.id)).toBe(1);
  });

  it('answers 403 to a member, 404 to a stranger and to the coordinator of another network, 401 signed out', async () => {
    const body = { organisationName: 'X', email: 'x@example.org' };
    expect((await call(ctx, w.namedAdmin, 'POST', invitationsUrl(), body)).statusCode).toBe(403);
    expect((await call(ctx, w.anonAdmin, 'POST', invitationsUrl(), body)).statusCode).toBe(403);
    expect((await call(ctx, w.stranger, 'POST', invitationsUrl(), body)).statusCode).toBe(404);
    expect((await call(ctx, w.otherCoordinator, 'POST', invitationsUrl(), body)).statusCode).toBe(
      404,
    );
    expect((await call(ctx, null, 'POST', invitationsUrl(), body)).statusCode).toBe(401);
    expect(await invitationCount(ctx, w.network.id)).toBe(0);
  });

  it('refuses hostile or malformed bodies with 400, creating nothing', async () => {
    const bad = [
      {},
      { organisationName: 'X' },
      { organisationName: '', email: 'x@example.org' },
      { organisationName: 'X', email: 'not-an-email' },
      { organisationName: 'X', email: 'x@example.org', organisationType: 'charity' },
      { organisationName: 'X', email: 'x@example.org', sizeBand: 'huge' },
      { organisationName: 'X', email: 'x@example.org', role: 'admin' },
      { organisationName: 'a\u0000b', email: 'x@example.org' },
      { organisationName: 'x'.repeat(201), email: 'x@example.org' },
      { organisationName: ['X'], email: 'x@example.org' },
    ];
    for (const body of bad) {
      const res = await call(ctx, w.coordinator, 'POST', invitationsUrl(), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().code).toBe('validation_failed');
    }
    const badId = await call(ctx, w.coordinator, 'POST', '/networks/not-a-uuid/invitations', {
      organisationName: 'X',
      email: 'x@example.org',
    });
    expect(badId.statusCode).toBe(400);
    expect(await invitationCount(ctx, w.network.id)).toBe(0);
  });
});

describe('GET /networks/:networkId/invitations', () => {
  it('lists every invitation, newest first, with its status and the organisation that accepted', async () => {
    const accepted = await inviteOrganisation(ctx, w.coordinator, w.network, {
      organisationName: 'Stranger Things Ltd',
      email: 'a@example.org',
    });
    const expired = await inviteOrganisation(ctx, w.coordinator, w.network, {
      email: 'b@example.org',
    });
    const revoked = await inviteOrganisation(ctx, w.coordinator, w.network, {
      email: 'c@example.org',
    });
    const pending = await inviteOrganisation(ctx, w.coordinator, w.network, {
      email: 'd@example.org',
    });
    await expireInvitation(ctx, expired.invitation.id);
    expect(
      (await call(ctx, w.coordinator, 'DELETE', `${invitationsUrl()}/${revoked.invitation.id}`))
        .statusCode,
    ).toBe(204);
    const ok = await accept(w.stranger, {
      token: accepted.token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(ok.statusCode, ok.body).toBe(200);

    const res = await call(ctx, w.coordinator, 'GET', invitationsUrl());
    expect(res.statusCode).toBe(200);
    const { items } = ZNetworkInvitationListResponse.parse(res.json());
    expect(items.map((i) => [i.id, i.status])).toEqual([
      [pending.invitation.id, 'pending'],
      [revoked.invitation.id, 'revoked'],
      [expired.invitation.id, 'expired'],
      [accepted.invitation.id, 'accepted'],
    ]);
    expect(items[3]?.acceptedOrganisation).toEqual({
      id: w.strangerOrg.id,
      name: 'Stranger Things Ltd',
    });
    expect(items[3]?.acceptedAt).not.toBeNull();
  });

  it('shows nothing of another network; 403 to members, 404 to strangers and other coordinators', async () => {
    await inviteOrganisation(ctx, w.otherCoordinator, w.otherNetwork, { email: 'z@example.org' });
    const own = await call(ctx, w.coordinator, 'GET', invitationsUrl());
    expect(own.json().items).toEqual([]);
    expect((await call(ctx, w.namedContributor, 'GET', invitationsUrl())).statusCode).toBe(403);
    expect((await call(ctx, w.stranger, 'GET', invitationsUrl())).statusCode).toBe(404);
    expect((await call(ctx, w.otherCoordinator, 'GET', invitationsUrl())).statusCode).toBe(404);
  });
});

describe('DELETE /networks/:networkId/invitations/:invitationId', () => {
  it('revokes a pending invitation once (audited once) and its link stops working', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const url = `${invitationsUrl()}/${invitation.id}`;
    expect((await call(ctx, w.coordinator, 'DELETE', url)).statusCode).toBe(204);
    expect((await call(ctx, w.coordinator, 'DELETE', url)).statusCode).toBe(204);
    const revocations = (await auditOf(ctx, 'network_invitation')).filter(
      (e) => e.action === 'revoked',
    );
    expect(revocations.map((e) => e.entityId)).toEqual([invitation.id]);
    const res = await accept(w.stranger, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('invitation_revoked');
  });

  it('answers 409 for an accepted invitation', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    await accept(w.stranger, { token, organisationId: w.strangerOrg.id, sharing: 'named' });
    const res = await call(ctx, w.coordinator, 'DELETE', `${invitationsUrl()}/${invitation.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invitation_accepted');
  });

  it("answers 404 for another network's invitation, to strangers and other coordinators; 403 to members", async () => {
    const mine = await inviteOrganisation(ctx, w.coordinator, w.network);
    const theirs = await inviteOrganisation(ctx, w.otherCoordinator, w.otherNetwork);
    // Another network's invitation through this network's path.
    expect(
      (await call(ctx, w.coordinator, 'DELETE', `${invitationsUrl()}/${theirs.invitation.id}`))
        .statusCode,
    ).toBe(404);
    // This network's invitation through the other network's path.
    expect(
      (
        await call(
          ctx,
          w.otherCoordinator,
          'DELETE',
          `/networks/${w.otherNetwork.id}/invitations/${mine.invitation.id}`,
        )
      ).statusCode,
    ).toBe(404);
    const url = `${invitationsUrl()}/${mine.invitation.id}`;
    expect((await call(ctx, w.otherCoordinator, 'DELETE', url)).statusCode).toBe(404);
    expect((await call(ctx, w.stranger, 'DELETE', url)).statusCode).toBe(404);
    expect((await call(ctx, w.namedAdmin, 'DELETE', url)).statusCode).toBe(403);
    expect((await invitationRow(mine.invitation.id))?.revokedAt).toBeNull();
    expect((await invitationRow(theirs.invitation.id))?.revokedAt).toBeNull();
  });
});

describe('GET /network-invitations/preview (public)', () => {
  it('says what the link offers without a session', async () => {
    const { token } = await inviteOrganisation(ctx, w.coordinator, w.network, {
      organisationName: 'Leeds Building Society',
      email: 'contact@lbs.example.org',
      organisationType: 'business',
      sizeBand: 'large',
    });
    const res = await preview(token);
    expect(res.statusCode).toBe(200);
    expect(ZNetworkInvitationPreview.parse(res.json())).toMatchObject({
      networkName: 'Leeds Anchors',
      networkPlace: 'Leeds',
      organisationName: 'Leeds Building Society',
      email: 'contact@lbs.example.org',
      organisationType: 'business',
      sizeBand: 'large',
      status: 'pending',
    });
  });

  it('shows an expired link as expired; 404 for an unknown token; 400 for a malformed one', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    await expireInvitation(ctx, invitation.id);
    expect((await preview(token)).json().status).toBe('expired');
    expect((await preview('A'.repeat(43))).statusCode).toBe(404);
    expect((await preview('short')).statusCode).toBe(400);
    expect((await preview('<script>alert(1)</script>')).statusCode).toBe(400);
  });
});

describe('POST /network-invitations/accept', () => {
  it('an admin of an existing organisation accepts with a sharing level; audited; single use', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const res = await accept(w.stranger, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'anonymous',
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = ZAcceptNetworkInvitationResponse.parse(res.json());
    expect(body).toMatchObject({
      networkId: w.network.id,
      organisation: { id: w.strangerOrg.id, role: 'admin' },
      member: {
        organisationId: w.strangerOrg.id,
        name: 'Stranger Things Ltd',
        sharing: 'anonymous',
        isOwn: true,
        canManage: true,
      },
    });
    expect((await memberRow(w.network.id, w.strangerOrg.id))?.sharing).toBe('anonymous');
    const row = await invitationRow(invitation.id);
    expect(row?.acceptedAt).not.toBeNull();
    expect(row?.acceptedBy).toBe(w.stranger.id);
    expect(row?.acceptedOrganisationId).toBe(w.strangerOrg.id);
    expect((await auditOf(ctx, 'network_invitation')).map((e) => e.action)).toEqual([
      'created',
      'accepted',
    ]);
    const joined = await auditOf(ctx, 'network_member');
    expect(joined.map((e) => [e.action, e.organisationId, e.data])).toEqual([
      [
        'joined',
        w.strangerOrg.id,
        { networkId: w.network.id, sharing: 'anonymous', invitationId: invitation.id },
      ],
    ]);

    const again = await accept(w.stranger, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('invitation_used');
    expect((await memberRow(w.network.id, w.strangerOrg.id))?.sharing).toBe('anonymous');
  });

  it('someone new creates the organisation on accepting and becomes its admin', async () => {
    const { token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const newcomer = await createUser(ctx, { name: 'Nat Newcomer', email: 'nat@lbs.example.org' });
    const res = await accept(newcomer, {
      token,
      sharing: 'named',
      createOrganisation: {
        name: 'Leeds Building Society',
        type: 'business',
        sizeBand: 'large',
        sector: 'Financial services',
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = ZAcceptNetworkInvitationResponse.parse(res.json());
    expect(body.organisation).toMatchObject({
      name: 'Leeds Building Society',
      type: 'business',
      sizeBand: 'large',
      sector: 'Financial services',
      role: 'admin',
    });
    const [membership] = await ctx.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, body.organisation.id));
    expect(membership).toMatchObject({ userId: newcomer.id, role: 'admin' });
    expect((await memberRow(w.network.id, body.organisation.id))?.sharing).toBe('named');
    // Through the organisation creation code path: its own audit event too.
    const created = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(
        and(
          eq(auditEvents.entityType, 'organisation'),
          eq(auditEvents.entityId, body.organisation.id),
        ),
      );
    expect(created.map((e) => [e.action, e.actorUserId])).toEqual([['created', newcomer.id]]);
  });

  it('refuses a contributor (403) and an organisation the caller is not in (404), changing nothing', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const contributor = await createUser(ctx, { email: 'helper@example.org' });
    await addMember(ctx, w.strangerOrg, contributor, 'contributor');
    const asContributor = await accept(contributor, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(asContributor.statusCode).toBe(403);
    const notMine = await accept(w.anonAdmin, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(notMine.statusCode).toBe(404);
    const noSuchOrg = await accept(w.stranger, {
      token,
      organisationId: '00000000-0000-4000-8000-000000000000',
      sharing: 'named',
    });
    expect(noSuchOrg.statusCode).toBe(404);
    expect(await memberRow(w.network.id, w.strangerOrg.id)).toBeUndefined();
    expect((await invitationRow(invitation.id))?.acceptedAt).toBeNull();
  });

  it('answers 409 already_member for an organisation already in the network; the link stays usable', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const res = await accept(w.namedAdmin, {
      token,
      organisationId: w.namedOrg.id,
      sharing: 'anonymous',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_member');
    expect((await memberRow(w.network.id, w.namedOrg.id))?.sharing).toBe('named');
    expect((await invitationRow(invitation.id))?.acceptedAt).toBeNull();
  });

  it('answers 410 invitation_expired for an expired link and 404 for an unknown one', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    await expireInvitation(ctx, invitation.id);
    const res = await accept(w.stranger, {
      token,
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('invitation_expired');
    const unknown = await accept(w.stranger, {
      token: 'B'.repeat(43),
      organisationId: w.strangerOrg.id,
      sharing: 'named',
    });
    expect(unknown.statusCode).toBe(404);
    expect(await memberRow(w.network.id, w.strangerOrg.id)).toBeUndefined();
  });

  it('creating an organisation on an unusable link creates no organisation', async () => {
    const { invitation, token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    await expireInvitation(ctx, invitation.id);
    const newcomer = await createUser(ctx);
    const res = await accept(newcomer, {
      token,
      sharing: 'named',
      createOrganisation: { name: 'Ghost Org', type: 'business', sizeBand: 'small' },
    });
    expect(res.statusCode).toBe(410);
    const ghosts = await ctx.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.name, 'Ghost Org'));
    expect(ghosts).toEqual([]);
  });

  it('refuses malformed bodies with 400 and signed-out callers with 401', async () => {
    const { token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const create = { name: 'New Org', type: 'business', sizeBand: 'small' };
    const bad = [
      { token, sharing: 'named' },
      { token, sharing: 'named', organisationId: w.strangerOrg.id, createOrganisation: create },
      { token, sharing: 'public', organisationId: w.strangerOrg.id },
      { token, organisationId: w.strangerOrg.id },
      { token: 'x', sharing: 'named', organisationId: w.strangerOrg.id },
      { token, sharing: 'named', organisationId: 'nope' },
      { token, sharing: 'named', createOrganisation: { ...create, type: 'cult' } },
      { token, sharing: 'named', createOrganisation: { ...create, name: 'a\u0000' } },
      { token, sharing: 'named', organisationId: w.strangerOrg.id, extra: 1 },
    ];
    for (const body of bad) {
      const res = await accept(w.stranger, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const signedOut = await accept(null, {
      token,
      sharing: 'named',
      organisationId: w.strangerOrg.id,
    });
    expect(signedOut.statusCode).toBe(401);
    expect(await memberRow(w.network.id, w.strangerOrg.id)).toBeUndefined();
  });

  it('two accepts of one link at once: exactly one succeeds', async () => {
    const { token } = await inviteOrganisation(ctx, w.coordinator, w.network);
    const second = await createUser(ctx);
    const secondOrg = await createOrganisation(ctx, second, { name: 'Second Org' });
    const results = await Promise.all([
      accept(w.stranger, { token, organisationId: w.strangerOrg.id, sharing: 'named' }),
      accept(second, { token, organisationId: secondOrg.id, sharing: 'named' }),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const members = await ctx.database.db
      .select()
      .from(networkMembers)
      .where(eq(networkMembers.networkId, w.network.id));
    // The two of the setup, and one of these.
    expect(members).toHaveLength(3);
  });
});

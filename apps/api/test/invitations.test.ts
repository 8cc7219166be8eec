import { createHash } from 'node:crypto';
import {
  ZAcceptInvitationResponse,
  ZCreateInvitationResponse,
  ZInvitationListResponse,
  ZInvitationPreview,
} from '@waymark/rubric';
import { and, eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, invitations, memberships } from '../src/db/schema.js';
import { PREVIEW_RATE_LIMIT } from '../src/modules/invitation-delivery.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMember, call, createTeam, createUser, roleOf, type TestUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

async function invite(
  admin: TestUser,
  orgId: string,
  email: string,
  role = 'contributor',
  extra: { replace?: boolean } = {},
) {
  const res = await call(ctx, admin, 'POST', `/organisations/${orgId}/invitations`, {
    email,
    role,
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  const body = ZCreateInvitationResponse.parse(res.json());
  const token = new URL(body.inviteUrl ?? '').searchParams.get('token') ?? '';
  return { ...body, token };
}

async function invitationRow(id: string) {
  const [row] = await ctx.database.db.select().from(invitations).where(eq(invitations.id, id));
  return row;
}

async function invitationEvents(organisationId: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.entityType, 'invitation')),
    )
    .orderBy(auditEvents.id);
}

const preview = (token: string) =>
  ctx.app.inject({ method: 'GET', url: `/api/v1/invitations/preview?token=${token}` });
const accept = (user: TestUser | null, token: string) =>
  call(ctx, user, 'POST', '/invitations/accept', { token });

describe('POST /organisations/:orgId/invitations', () => {
  it('creates a pending invitation and, without mail, returns the link to copy', async () => {
    const { admin, org } = await createTeam(ctx);
    const before = Date.now();
    const created = await invite(admin, org.id, '  New.Person@Example.ORG ', 'viewer');
    expect(created.delivery).toBe('link');
    expect(created.inviteUrl).toMatch(
      new RegExp(`^${ctx.config.publicUrl}/invitations/accept\\?token=[A-Za-z0-9_-]{43}$`),
    );
    expect(created.invitation).toMatchObject({
      email: 'new.person@example.org',
      role: 'viewer',
      status: 'pending',
      acceptedAt: null,
      revokedAt: null,
    });
    const ttlMs = ctx.config.auth.invitationTtlDays * 24 * 3600 * 1000;
    const expiresAt = Date.parse(created.invitation.expiresAt);
    expect(expiresAt).toBeGreaterThanOrEqual(before + ttlMs - 5_000);
    expect(expiresAt).toBeLessThanOrEqual(Date.now() + ttlMs + 5_000);
  });

  it('stores only the SHA-256 hash of the token, never the token itself', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const row = await invitationRow(created.invitation.id);
    expect(row?.tokenHash).toBe(createHash('sha256').update(created.token).digest('hex'));
    expect(row?.tokenHash).not.toContain(created.token);
    const everything = await ctx.database.db.execute(
      sql`select i.*, (select json_agg(a) from audit_events a) as audit from invitations i`,
    );
    expect(JSON.stringify(everything)).not.toContain(created.token);
  });

  it('records an audit event', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org', 'admin');
    const events = await invitationEvents(org.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.id,
      entityId: created.invitation.id,
      action: 'created',
      data: { email: 'new@example.org', role: 'admin' },
    });
  });

  it('refuses a second invitation to a pending address with 409 invitation_pending, unless replace', async () => {
    const { admin, org } = await createTeam(ctx);
    const first = await invite(admin, org.id, 'new@example.org', 'viewer');
    for (const body of [
      { email: 'NEW@example.org', role: 'contributor' },
      { email: 'new@example.org', role: 'contributor', replace: false },
    ]) {
      const res = await call(ctx, admin, 'POST', `/organisations/${org.id}/invitations`, body);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('invitation_pending');
      expect(res.json().detail).toContain('as viewer');
    }
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(1);
    expect((await invitationRow(first.invitation.id))?.revokedAt).toBeNull();
    expect((await preview(first.token)).json().status).toBe('pending');
    expect(await invitationEvents(org.id)).toHaveLength(1);
  });

  it('invites again without replace once the earlier invitation is revoked or expired', async () => {
    const { admin, org } = await createTeam(ctx);
    const first = await invite(admin, org.id, 'new@example.org', 'viewer');
    await ctx.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, first.invitation.id));
    const second = await invite(admin, org.id, 'new@example.org', 'viewer');
    await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/${second.invitation.id}`,
    );
    const third = await invite(admin, org.id, 'new@example.org', 'admin');
    expect(third.invitation.status).toBe('pending');
  });

  it('answers 404, not 409, to an admin of another organisation even when an invitation is pending', async () => {
    const { admin, outsider, org } = await createTeam(ctx);
    await invite(admin, org.id, 'new@example.org', 'viewer');
    const res = await call(ctx, outsider, 'POST', `/organisations/${org.id}/invitations`, {
      email: 'new@example.org',
      role: 'admin',
      replace: true,
    });
    expect(res.statusCode).toBe(404);
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(1);
  });

  it('with replace: true, replaces a pending invitation to the same address: the old link is revoked', async () => {
    const { admin, org } = await createTeam(ctx);
    const first = await invite(admin, org.id, 'new@example.org', 'viewer');
    const second = await invite(admin, org.id, 'NEW@example.org', 'contributor', { replace: true });
    expect((await invitationRow(first.invitation.id))?.revokedAt).not.toBeNull();
    expect((await invitationRow(second.invitation.id))?.revokedAt).toBeNull();
    expect((await preview(first.token)).json().status).toBe('revoked');
    const events = await invitationEvents(org.id);
    expect(events.map((e) => [e.entityId, e.action])).toEqual([
      [first.invitation.id, 'created'],
      [first.invitation.id, 'revoked'],
      [second.invitation.id, 'created'],
    ]);
  });

  it('answers 409 already_member for a member, whatever the case of the address', async () => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'POST', `/organisations/${org.id}/invitations`, {
      email: 'VI@Example.org',
      role: 'admin',
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_member');
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(0);
  });

  it('may invite a member of another organisation', async () => {
    const { admin, outsider, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, outsider.email);
    expect(created.invitation.status).toBe('pending');
  });

  it.each(['contributor', 'viewer'] as const)('forbids a %s (403)', async (who) => {
    const people = await createTeam(ctx);
    const res = await call(
      ctx,
      people[who],
      'POST',
      `/organisations/${people.org.id}/invitations`,
      {
        email: 'new@example.org',
        role: 'viewer',
      },
    );
    expect(res.statusCode).toBe(403);
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(0);
  });

  it('answers 404 to an admin of another organisation', async () => {
    const { outsider, org } = await createTeam(ctx);
    const res = await call(ctx, outsider, 'POST', `/organisations/${org.id}/invitations`, {
      email: 'new@example.org',
      role: 'admin',
    });
    expect(res.statusCode).toBe(404);
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(0);
  });

  it.each([
    ['an invalid email', { email: 'not-an-email', role: 'viewer' }],
    ['an empty email', { email: '', role: 'viewer' }],
    ['an email too long', { email: `${'a'.repeat(250)}@example.org`, role: 'viewer' }],
    ['an unknown role', { email: 'new@example.org', role: 'owner' }],
    ['no role', { email: 'new@example.org' }],
    ['an unknown field', { email: 'new@example.org', role: 'viewer', message: 'hi' }],
    ['an email of the wrong type', { email: ['new@example.org'], role: 'viewer' }],
    ['replace of the wrong type', { email: 'new@example.org', role: 'viewer', replace: 'yes' }],
  ])('refuses %s with 400', async (_label, body) => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'POST', `/organisations/${org.id}/invitations`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(await ctx.database.db.select().from(invitations)).toHaveLength(0);
  });

  it('answers 401 without a token', async () => {
    const { org } = await createTeam(ctx);
    const res = await call(ctx, null, 'POST', `/organisations/${org.id}/invitations`, {
      email: 'new@example.org',
      role: 'viewer',
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /organisations/:orgId/invitations', () => {
  it('lists every invitation with its status, newest first, to an admin', async () => {
    const { admin, org } = await createTeam(ctx);
    const pending = await invite(admin, org.id, 'pending@example.org');
    const expired = await invite(admin, org.id, 'expired@example.org');
    await ctx.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 minute'` })
      .where(eq(invitations.id, expired.invitation.id));
    const revoked = await invite(admin, org.id, 'revoked@example.org');
    await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/${revoked.invitation.id}`,
    );
    const joiner = await createUser(ctx, { email: 'accepted@example.org' });
    const accepted = await invite(admin, org.id, joiner.email);
    expect((await accept(joiner, accepted.token)).statusCode).toBe(200);

    const res = await call(ctx, admin, 'GET', `/organisations/${org.id}/invitations`);
    expect(res.statusCode).toBe(200);
    const body = ZInvitationListResponse.parse(res.json());
    const statusOf = Object.fromEntries(body.items.map((i) => [i.email, i.status]));
    expect(statusOf).toEqual({
      'pending@example.org': 'pending',
      'expired@example.org': 'expired',
      'revoked@example.org': 'revoked',
      'accepted@example.org': 'accepted',
    });
    const created = body.items.map((i) => Date.parse(i.createdAt));
    expect(created).toEqual([...created].sort((a, b) => b - a));
    expect(body.items.find((i) => i.id === pending.invitation.id)?.acceptedAt).toBeNull();
    expect(body.items.find((i) => i.status === 'accepted')?.acceptedAt).not.toBeNull();
    expect(JSON.stringify(body)).not.toMatch(/token/i);
  });

  it("does not list another organisation's invitations", async () => {
    const { admin, outsider, org, otherOrg } = await createTeam(ctx);
    await invite(outsider, otherOrg.id, 'theirs@example.org');
    const res = await call(ctx, admin, 'GET', `/organisations/${org.id}/invitations`);
    expect(res.json()).toEqual({ items: [] });
  });

  it.each(['contributor', 'viewer'] as const)('forbids a %s (403)', async (who) => {
    const people = await createTeam(ctx);
    const res = await call(ctx, people[who], 'GET', `/organisations/${people.org.id}/invitations`);
    expect(res.statusCode).toBe(403);
  });

  it('answers 404 to an admin of another organisation', async () => {
    const { outsider, org } = await createTeam(ctx);
    expect(
      (await call(ctx, outsider, 'GET', `/organisations/${org.id}/invitations`)).statusCode,
    ).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const { org } = await createTeam(ctx);
    expect((await call(ctx, null, 'GET', `/organisations/${org.id}/invitations`)).statusCode).toBe(
      401,
    );
  });
});

describe('DELETE /organisations/:orgId/invitations/:invitationId', () => {
  it('revokes: the link stops working, and it is recorded', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const res = await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/${created.invitation.id}`,
    );
    expect(res.statusCode).toBe(204);
    expect((await invitationRow(created.invitation.id))?.revokedAt).not.toBeNull();
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    expect((await accept(invitee, created.token)).statusCode).toBe(404);
    expect((await invitationEvents(org.id)).map((e) => e.action)).toEqual(['created', 'revoked']);
  });

  it('revoking twice changes nothing the second time', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const url = `/organisations/${org.id}/invitations/${created.invitation.id}`;
    expect((await call(ctx, admin, 'DELETE', url)).statusCode).toBe(204);
    const first = (await invitationRow(created.invitation.id))?.revokedAt;
    expect((await call(ctx, admin, 'DELETE', url)).statusCode).toBe(204);
    expect((await invitationRow(created.invitation.id))?.revokedAt).toEqual(first);
    expect((await invitationEvents(org.id)).map((e) => e.action)).toEqual(['created', 'revoked']);
  });

  it('refuses to revoke an accepted invitation (409)', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    const created = await invite(admin, org.id, invitee.email);
    await accept(invitee, created.token);
    const res = await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/${created.invitation.id}`,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('invitation_accepted');
  });

  it.each(['contributor', 'viewer'] as const)('forbids a %s (403)', async (who) => {
    const people = await createTeam(ctx);
    const created = await invite(people.admin, people.org.id, 'new@example.org');
    const res = await call(
      ctx,
      people[who],
      'DELETE',
      `/organisations/${people.org.id}/invitations/${created.invitation.id}`,
    );
    expect(res.statusCode).toBe(403);
    expect((await invitationRow(created.invitation.id))?.revokedAt).toBeNull();
  });

  it('answers 404 to an admin of another organisation, by either organisation id', async () => {
    const { admin, outsider, org, otherOrg } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const viaTheirs = await call(
      ctx,
      outsider,
      'DELETE',
      `/organisations/${otherOrg.id}/invitations/${created.invitation.id}`,
    );
    expect(viaTheirs.statusCode).toBe(404);
    const viaMine = await call(
      ctx,
      outsider,
      'DELETE',
      `/organisations/${org.id}/invitations/${created.invitation.id}`,
    );
    expect(viaMine.statusCode).toBe(404);
    expect((await invitationRow(created.invitation.id))?.revokedAt).toBeNull();
  });

  it('answers 404 for an unknown invitation and 400 for an id that is not a UUID', async () => {
    const { admin, org } = await createTeam(ctx);
    const unknown = await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/00000000-0000-4000-8000-000000000000`,
    );
    expect(unknown.statusCode).toBe(404);
    const malformed = await call(ctx, admin, 'DELETE', `/organisations/${org.id}/invitations/abc`);
    expect(malformed.statusCode).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const res = await call(
      ctx,
      null,
      'DELETE',
      `/organisations/${org.id}/invitations/${created.invitation.id}`,
    );
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /invitations/preview (public)', () => {
  it('says, without sign-in, which organisation invites whom as what', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org', 'contributor');
    const res = await preview(created.token);
    expect(res.statusCode).toBe(200);
    expect(ZInvitationPreview.parse(res.json())).toEqual({
      organisationName: 'Leeds Teaching Hospitals',
      role: 'contributor',
      email: 'new@example.org',
      expiresAt: created.invitation.expiresAt,
      status: 'pending',
    });
  });

  it('answers 404 for an unknown token', async () => {
    const res = await preview('A'.repeat(43));
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it.each([
    ['no token', '/api/v1/invitations/preview'],
    ['a malformed token', '/api/v1/invitations/preview?token=not%20a%20token!'],
    ['an unknown parameter', `/api/v1/invitations/preview?token=${'A'.repeat(43)}&x=1`],
  ])('refuses %s with 400', async (_label, url) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('does not accept the hash in place of the token', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    const row = await invitationRow(created.invitation.id);
    expect((await preview(row?.tokenHash ?? '')).statusCode).toBe(404);
  });
});

describe('POST /invitations/accept', () => {
  it('makes the signed-in invitee a member with the invited role, once', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new.person@example.org' });
    // Invited with another case: the address is compared case-insensitively.
    const created = await invite(admin, org.id, 'New.Person@Example.org', 'contributor');

    const res = await accept(invitee, created.token);
    expect(res.statusCode).toBe(200);
    const body = ZAcceptInvitationResponse.parse(res.json());
    expect(body.organisation).toMatchObject({
      id: org.id,
      name: 'Leeds Teaching Hospitals',
      role: 'contributor',
    });
    expect(await roleOf(ctx, org.id, invitee.id)).toBe('contributor');
    const row = await invitationRow(created.invitation.id);
    expect(row?.acceptedBy).toBe(invitee.id);
    expect(row?.acceptedAt).not.toBeNull();
    expect((await call(ctx, invitee, 'GET', `/organisations/${org.id}`)).json().role).toBe(
      'contributor',
    );
    expect((await preview(created.token)).json().status).toBe('accepted');
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.id), eq(auditEvents.actorUserId, invitee.id)));
    expect(events.map((e) => [e.entityType, e.action])).toEqual([
      ['invitation', 'accepted'],
      ['membership', 'created'],
    ]);

    const again = await accept(invitee, created.token);
    expect(again.statusCode).toBe(410);
    expect(again.json().code).toBe('invitation_used');
  });

  it('a used link is used for everyone', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    const created = await invite(admin, org.id, invitee.email);
    await accept(invitee, created.token);
    await call(ctx, admin, 'DELETE', `/organisations/${org.id}/members/${invitee.id}`);
    const res = await accept(invitee, created.token);
    expect(res.statusCode).toBe(410);
    expect(await roleOf(ctx, org.id, invitee.id)).toBeUndefined();
  });

  it('refuses an expired invitation with 410 invitation_expired', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    const created = await invite(admin, org.id, invitee.email);
    await ctx.database.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(invitations.id, created.invitation.id));
    const res = await accept(invitee, created.token);
    expect(res.statusCode).toBe(410);
    expect(res.json().code).toBe('invitation_expired');
    expect(await roleOf(ctx, org.id, invitee.id)).toBeUndefined();
    expect((await preview(created.token)).json().status).toBe('expired');
  });

  it('refuses a revoked invitation with 404', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    const created = await invite(admin, org.id, invitee.email);
    await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/invitations/${created.invitation.id}`,
    );
    const res = await accept(invitee, created.token);
    expect(res.statusCode).toBe(404);
    expect(await roleOf(ctx, org.id, invitee.id)).toBeUndefined();
  });

  it('refuses someone signed in with another address (403) and leaves the invitation pending', async () => {
    const { admin, outsider, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org', 'admin');
    const res = await accept(outsider, created.token);
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('invitation_email_mismatch');
    expect(await roleOf(ctx, org.id, outsider.id)).toBeUndefined();
    expect((await preview(created.token)).json().status).toBe('pending');
  });

  it('answers 409 already_member to a member, and leaves the invitation pending', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'late@example.org');
    const late = await createUser(ctx, { email: 'late@example.org' });
    await addMember(ctx, org, late, 'viewer');
    const res = await accept(late, created.token);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('already_member');
    expect(await roleOf(ctx, org.id, late.id)).toBe('viewer');
  });

  it('answers 404 for an unknown token', async () => {
    const user = await createUser(ctx);
    expect((await accept(user, 'B'.repeat(43))).statusCode).toBe(404);
  });

  it.each([
    ['no token', {}],
    ['a malformed token', { token: 'not a token!' }],
    ['a token of the wrong type', { token: 42 }],
    ['an unknown field', { token: 'A'.repeat(43), role: 'admin' }],
  ])('refuses %s with 400', async (_label, body) => {
    const user = await createUser(ctx);
    const res = await call(ctx, user, 'POST', '/invitations/accept', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('answers 401 without a token, and the invitation stays pending', async () => {
    const { admin, org } = await createTeam(ctx);
    const created = await invite(admin, org.id, 'new@example.org');
    expect((await accept(null, created.token)).statusCode).toBe(401);
    expect((await preview(created.token)).json().status).toBe('pending');
  });

  it('two accepts of the same link at once: exactly one membership', async () => {
    const { admin, org } = await createTeam(ctx);
    const invitee = await createUser(ctx, { email: 'new@example.org' });
    const created = await invite(admin, org.id, invitee.email);
    const results = await Promise.all([
      accept(invitee, created.token),
      accept(invitee, created.token),
    ]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410]);
    const rows = await ctx.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, org.id));
    expect(rows.filter((m) => m.userId === invitee.id)).toHaveLength(1);
  });
});

describe('GET /invitations/preview rate limit', () => {
  it(`answers 429 after ${PREVIEW_RATE_LIMIT} previews a minute from one address`, async () => {
    const statuses: number[] = [];
    for (let i = 0; i <= PREVIEW_RATE_LIMIT; i += 1) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/invitations/preview?token=${'C'.repeat(43)}`,
        remoteAddress: '203.0.113.9',
      });
      statuses.push(res.statusCode);
    }
    expect(statuses.slice(0, PREVIEW_RATE_LIMIT).every((s) => s === 404)).toBe(true);
    expect(statuses.at(-1)).toBe(429);
  });
});

import { DEFAULT_FRAMEWORK, ZMember, ZMemberListResponse } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { assessments, auditEvents, memberships, pillarAssignments } from '../src/db/schema.js';
import { TEST_DB, truncateAll, useTestApp } from './build-test-app.js';
import {
  addMember,
  call,
  createOrganisation,
  createTeam,
  createUser,
  roleOf,
} from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

async function adminsOf(organisationId: string) {
  return ctx.database.db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')));
}

async function membershipEvents(organisationId: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(
      and(eq(auditEvents.organisationId, organisationId), eq(auditEvents.entityType, 'membership')),
    )
    .orderBy(auditEvents.id);
}

describe('GET /organisations/:orgId/members', () => {
  it.each(['admin', 'contributor', 'viewer'] as const)(
    'lists the members to a %s: admins first, then contributors, then viewers',
    async (who) => {
      const people = await createTeam(ctx);
      const res = await call(ctx, people[who], 'GET', `/organisations/${people.org.id}/members`);
      expect(res.statusCode).toBe(200);
      const body = ZMemberListResponse.parse(res.json());
      expect(body.items.map((m) => [m.userId, m.name, m.email, m.role])).toEqual([
        [people.admin.id, 'Ada Admin', 'ada@example.org', 'admin'],
        [people.contributor.id, 'Cy Contributor', 'cy@example.org', 'contributor'],
        [people.viewer.id, 'Vi Viewer', 'vi@example.org', 'viewer'],
      ]);
      expect(Date.parse(body.items[0]?.joinedAt ?? '')).not.toBeNaN();
    },
  );

  it('answers 404 to a member of another organisation', async () => {
    const { outsider, org } = await createTeam(ctx);
    const res = await call(ctx, outsider, 'GET', `/organisations/${org.id}/members`);
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it('answers 400 to an organisation id that is not a UUID', async () => {
    const { admin } = await createTeam(ctx);
    expect((await call(ctx, admin, 'GET', '/organisations/123/members')).statusCode).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const { org } = await createTeam(ctx);
    expect((await call(ctx, null, 'GET', `/organisations/${org.id}/members`)).statusCode).toBe(401);
  });
});

describe('PATCH /organisations/:orgId/members/:userId', () => {
  it("lets an admin change a member's role, and records it", async () => {
    const { admin, contributor, org } = await createTeam(ctx);
    const res = await call(
      ctx,
      admin,
      'PATCH',
      `/organisations/${org.id}/members/${contributor.id}`,
      {
        role: 'viewer',
      },
    );
    expect(res.statusCode).toBe(200);
    expect(ZMember.parse(res.json())).toMatchObject({ userId: contributor.id, role: 'viewer' });
    expect(await roleOf(ctx, org.id, contributor.id)).toBe('viewer');
    const events = await membershipEvents(org.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.id,
      entityId: contributor.id,
      action: 'role_changed',
      data: { from: 'contributor', to: 'viewer' },
    });
  });

  it('makes another admin, who may then demote the first', async () => {
    const { admin, viewer, org } = await createTeam(ctx);
    const up = await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/${viewer.id}`, {
      role: 'admin',
    });
    expect(up.statusCode).toBe(200);
    const down = await call(ctx, viewer, 'PATCH', `/organisations/${org.id}/members/${admin.id}`, {
      role: 'contributor',
    });
    expect(down.statusCode).toBe(200);
    expect(await adminsOf(org.id)).toEqual([{ userId: viewer.id }]);
  });

  it('answers the member unchanged, with no audit event, when the role is the same', async () => {
    const { admin, viewer, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/${viewer.id}`, {
      role: 'viewer',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().role).toBe('viewer');
    expect(await membershipEvents(org.id)).toHaveLength(0);
  });

  it('refuses to demote the last admin (409 last_admin), even themself', async () => {
    const { admin, org } = await createTeam(ctx);
    for (const role of ['contributor', 'viewer']) {
      const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/${admin.id}`, {
        role,
      });
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('last_admin');
    }
    expect(await roleOf(ctx, org.id, admin.id)).toBe('admin');
    expect(await membershipEvents(org.id)).toHaveLength(0);
  });

  it.each(['contributor', 'viewer'] as const)('forbids a %s (403)', async (who) => {
    const people = await createTeam(ctx);
    const res = await call(
      ctx,
      people[who],
      'PATCH',
      `/organisations/${people.org.id}/members/${people[who].id}`,
      { role: 'admin' },
    );
    expect(res.statusCode).toBe(403);
    expect(await roleOf(ctx, people.org.id, people[who].id)).toBe(who);
  });

  it('answers 404 to an admin of another organisation', async () => {
    const { outsider, viewer, org } = await createTeam(ctx);
    const res = await call(
      ctx,
      outsider,
      'PATCH',
      `/organisations/${org.id}/members/${viewer.id}`,
      {
        role: 'admin',
      },
    );
    expect(res.statusCode).toBe(404);
    expect(await roleOf(ctx, org.id, viewer.id)).toBe('viewer');
  });

  it('answers 404 for a user who is not a member', async () => {
    const { admin, outsider, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/${outsider.id}`, {
      role: 'viewer',
    });
    expect(res.statusCode).toBe(404);
    expect(await roleOf(ctx, org.id, outsider.id)).toBeUndefined();
  });

  it.each([
    ['an unknown role', { role: 'owner' }],
    ['no role', {}],
    ['an unknown field', { role: 'viewer', admin: true }],
    ['a role of the wrong type', { role: 1 }],
  ])('refuses %s with 400', async (_label, body) => {
    const { admin, contributor, org } = await createTeam(ctx);
    const res = await call(
      ctx,
      admin,
      'PATCH',
      `/organisations/${org.id}/members/${contributor.id}`,
      body,
    );
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    expect(await roleOf(ctx, org.id, contributor.id)).toBe('contributor');
  });

  it('refuses a user id that is not a UUID with 400', async () => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/nobody`, {
      role: 'viewer',
    });
    expect(res.statusCode).toBe(400);
  });

  it('answers 401 without a token', async () => {
    const { viewer, org } = await createTeam(ctx);
    const res = await call(ctx, null, 'PATCH', `/organisations/${org.id}/members/${viewer.id}`, {
      role: 'admin',
    });
    expect(res.statusCode).toBe(401);
  });
});

describe('DELETE /organisations/:orgId/members/:userId', () => {
  it('lets an admin remove a member, who then cannot see the organisation', async () => {
    const { admin, viewer, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'DELETE', `/organisations/${org.id}/members/${viewer.id}`);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    expect(await roleOf(ctx, org.id, viewer.id)).toBeUndefined();
    expect((await call(ctx, viewer, 'GET', `/organisations/${org.id}`)).statusCode).toBe(404);
    const events = await membershipEvents(org.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: admin.id,
      entityId: viewer.id,
      action: 'removed',
      data: { role: 'viewer' },
    });
  });

  it.each(['contributor', 'viewer'] as const)('lets a %s leave', async (who) => {
    const people = await createTeam(ctx);
    const me = people[who];
    const res = await call(ctx, me, 'DELETE', `/organisations/${people.org.id}/members/${me.id}`);
    expect(res.statusCode).toBe(204);
    expect(await roleOf(ctx, people.org.id, me.id)).toBeUndefined();
    const events = await membershipEvents(people.org.id);
    expect(events[0]).toMatchObject({ actorUserId: me.id, action: 'left' });
  });

  it.each(['contributor', 'viewer'] as const)(
    'forbids a %s to remove someone else (403)',
    async (who) => {
      const people = await createTeam(ctx);
      const target = who === 'viewer' ? people.contributor : people.viewer;
      const res = await call(
        ctx,
        people[who],
        'DELETE',
        `/organisations/${people.org.id}/members/${target.id}`,
      );
      expect(res.statusCode).toBe(403);
      expect(await roleOf(ctx, people.org.id, target.id)).toBeDefined();
    },
  );

  it('refuses to remove the last admin (409 last_admin), even when they leave', async () => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'DELETE', `/organisations/${org.id}/members/${admin.id}`);
    expect(res.statusCode).toBe(409);
    expect(res.json().code).toBe('last_admin');
    expect(await roleOf(ctx, org.id, admin.id)).toBe('admin');
  });

  it('lets an admin leave when another admin remains', async () => {
    const { admin, contributor, org } = await createTeam(ctx);
    await call(ctx, admin, 'PATCH', `/organisations/${org.id}/members/${contributor.id}`, {
      role: 'admin',
    });
    const res = await call(ctx, admin, 'DELETE', `/organisations/${org.id}/members/${admin.id}`);
    expect(res.statusCode).toBe(204);
    expect(await adminsOf(org.id)).toEqual([{ userId: contributor.id }]);
  });

  it('answers 404 to an admin of another organisation and removes nothing', async () => {
    const { outsider, viewer, org } = await createTeam(ctx);
    const res = await call(
      ctx,
      outsider,
      'DELETE',
      `/organisations/${org.id}/members/${viewer.id}`,
    );
    expect(res.statusCode).toBe(404);
    expect(await roleOf(ctx, org.id, viewer.id)).toBe('viewer');
  });

  it('answers 404 for a user who is not a member', async () => {
    const { admin, outsider, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'DELETE', `/organisations/${org.id}/members/${outsider.id}`);
    expect(res.statusCode).toBe(404);
  });

  it('answers 401 without a token', async () => {
    const { viewer, org } = await createTeam(ctx);
    expect(
      (await call(ctx, null, 'DELETE', `/organisations/${org.id}/members/${viewer.id}`)).statusCode,
    ).toBe(401);
  });

  it("drops the removed member's pillar assignments in this organisation only", async () => {
    const { admin, contributor, org, outsider, otherOrg } = await createTeam(ctx);
    await addMember(ctx, otherOrg, contributor, 'contributor');
    const [pillarA, pillarB] = DEFAULT_FRAMEWORK.pillars;
    if (!pillarA || !pillarB) throw new Error('the default framework has pillars');
    const newAssessment = (organisationId: string) => ({
      organisationId,
      frameworkId: DEFAULT_FRAMEWORK.id,
      frameworkVersion: DEFAULT_FRAMEWORK.version,
      title: 'Assessment',
      profile: { organisationType: 'business', sizeBand: 'large' },
    });
    const [mine] = await ctx.database.db
      .insert(assessments)
      .values(newAssessment(org.id))
      .returning();
    const [theirs] = await ctx.database.db
      .insert(assessments)
      .values(newAssessment(otherOrg.id))
      .returning();
    if (!mine || !theirs) throw new Error('assessments not created');
    await ctx.database.db.insert(pillarAssignments).values([
      { assessmentId: mine.id, pillarId: pillarA.id, userId: contributor.id, assignedBy: admin.id },
      { assessmentId: mine.id, pillarId: pillarB.id, userId: admin.id, assignedBy: admin.id },
      {
        assessmentId: theirs.id,
        pillarId: pillarA.id,
        userId: contributor.id,
        assignedBy: outsider.id,
      },
    ]);

    const res = await call(
      ctx,
      admin,
      'DELETE',
      `/organisations/${org.id}/members/${contributor.id}`,
    );
    expect(res.statusCode).toBe(204);
    const left = await ctx.database.db
      .select({ assessmentId: pillarAssignments.assessmentId, userId: pillarAssignments.userId })
      .from(pillarAssignments);
    expect(left).toHaveLength(2);
    expect(left).toEqual(
      expect.arrayContaining([
        { assessmentId: mine.id, userId: admin.id },
        { assessmentId: theirs.id, userId: contributor.id },
      ]),
    );
  });
});

/**
 * The "at least one admin" rule under concurrency. On PostgreSQL the two requests run in two
 * transactions at once (PGlite has one connection and serialises them); without the lock on the
 * organisation both would count two admins and both would succeed, leaving none.
 */
describe(`the last admin under concurrent requests (${TEST_DB})`, () => {
  async function twoAdmins() {
    const a = await createUser(ctx, { name: 'A' });
    const b = await createUser(ctx, { name: 'B' });
    const org = await createOrganisation(ctx, a);
    await addMember(ctx, org, b, 'admin');
    return { a, b, org };
  }

  it('two admins demoting each other at once: one wins, the other is refused, one admin remains', async () => {
    for (let round = 0; round < 8; round += 1) {
      await truncateAll(ctx.database);
      const { a, b, org } = await twoAdmins();
      const results = await Promise.all([
        call(ctx, a, 'PATCH', `/organisations/${org.id}/members/${b.id}`, { role: 'viewer' }),
        call(ctx, b, 'PATCH', `/organisations/${org.id}/members/${a.id}`, { role: 'viewer' }),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      // The loser has just been demoted, so is no longer allowed (403); were the roles read before
      // the lock, it would be refused as the last admin (409) instead.
      expect(statuses[0]).toBe(200);
      expect([403, 409]).toContain(statuses[1]);
      expect(await adminsOf(org.id)).toHaveLength(1);
    }
  });

  it('two admins removing each other at once: one wins, one admin remains', async () => {
    for (let round = 0; round < 8; round += 1) {
      await truncateAll(ctx.database);
      const { a, b, org } = await twoAdmins();
      const results = await Promise.all([
        call(ctx, a, 'DELETE', `/organisations/${org.id}/members/${b.id}`),
        call(ctx, b, 'DELETE', `/organisations/${org.id}/members/${a.id}`),
      ]);
      const statuses = results.map((r) => r.statusCode).sort();
      // The loser is either no longer a member (404) or would remove the last admin (409).
      expect(statuses[0]).toBe(204);
      expect([404, 409]).toContain(statuses[1]);
      expect(await adminsOf(org.id)).toHaveLength(1);
    }
  });

  it('two admins leaving at once: one leaves, the other stays', async () => {
    for (let round = 0; round < 8; round += 1) {
      await truncateAll(ctx.database);
      const { a, b, org } = await twoAdmins();
      const results = await Promise.all([
        call(ctx, a, 'DELETE', `/organisations/${org.id}/members/${a.id}`),
        call(ctx, b, 'DELETE', `/organisations/${org.id}/members/${b.id}`),
      ]);
      expect(results.map((r) => r.statusCode).sort()).toEqual([204, 409]);
      expect(await adminsOf(org.id)).toHaveLength(1);
    }
  });
});

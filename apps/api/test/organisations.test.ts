import { ZOrganisation, ZOrganisationListResponse } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, memberships, organisations } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMember, call, createOrganisation, createTeam, createUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

async function auditFor(organisationId: string) {
  return ctx.database.db
    .select()
    .from(auditEvents)
    .where(eq(auditEvents.organisationId, organisationId))
    .orderBy(auditEvents.id);
}

const validBody = {
  name: 'Bradford Community Trust',
  type: 'voluntary_community',
  sector: 'Social care',
  sizeBand: 'small',
  localAuthority: 'Bradford',
  employees: 42,
};

describe('POST /organisations', () => {
  it('creates the organisation, makes the creator its admin and records an audit event', async () => {
    const user = await createUser(ctx);
    const res = await call(ctx, user, 'POST', '/organisations', validBody);
    expect(res.statusCode).toBe(201);
    const org = ZOrganisation.parse(res.json());
    expect(org).toMatchObject({ ...validBody, role: 'admin' });

    const members = await ctx.database.db
      .select()
      .from(memberships)
      .where(eq(memberships.organisationId, org.id));
    expect(members.map((m) => [m.userId, m.role])).toEqual([[user.id, 'admin']]);
    const events = await auditFor(org.id);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      actorUserId: user.id,
      entityType: 'organisation',
      entityId: org.id,
      action: 'created',
    });
  });

  it('needs only name, type and size band; the optional fields are null', async () => {
    const user = await createUser(ctx);
    const res = await call(ctx, user, 'POST', '/organisations', {
      name: '  Tiny Co  ',
      type: 'business',
      sizeBand: 'micro',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Tiny Co',
      sector: null,
      localAuthority: null,
      employees: null,
      role: 'admin',
    });
  });

  it.each([
    ['an unknown field', { ...validBody, plan: 'gold' }],
    ['an unknown type', { ...validBody, type: 'charity' }],
    ['an unknown size band', { ...validBody, sizeBand: 'huge' }],
    ['negative employees', { ...validBody, employees: -1 }],
    ['fractional employees', { ...validBody, employees: 2.5 }],
    ['employees as a string', { ...validBody, employees: '42' }],
    ['an empty name', { ...validBody, name: '   ' }],
    ['a name too long', { ...validBody, name: 'x'.repeat(201) }],
    ['no name', { type: 'business', sizeBand: 'small' }],
    ['no size band', { name: 'A', type: 'business' }],
    ['an array body', [validBody]],
  ])('refuses %s with 400 and creates nothing', async (_label, body) => {
    const user = await createUser(ctx);
    const res = await call(ctx, user, 'POST', '/organisations', body);
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json().code).toBe('validation_failed');
    expect(await ctx.database.db.select().from(organisations)).toHaveLength(0);
  });

  it('names the unknown field in the problem details', async () => {
    const user = await createUser(ctx);
    const res = await call(ctx, user, 'POST', '/organisations', { ...validBody, plan: 'gold' });
    expect(JSON.stringify(res.json().issues)).toContain('plan');
  });

  it('answers 401 without a token', async () => {
    const res = await call(ctx, null, 'POST', '/organisations', validBody);
    expect(res.statusCode).toBe(401);
    expect(await ctx.database.db.select().from(organisations)).toHaveLength(0);
  });
});

describe('GET /organisations', () => {
  it("lists only the caller's organisations, by name, with the caller's role in each", async () => {
    const { admin, viewer, contributor, org } = await createTeam(ctx);
    const second = await createOrganisation(ctx, viewer, { name: 'Aardvark Ltd' });
    await addMember(ctx, second, admin, 'contributor');

    const res = await call(ctx, admin, 'GET', '/organisations');
    expect(res.statusCode).toBe(200);
    const body = ZOrganisationListResponse.parse(res.json());
    expect(body.items.map((o) => [o.name, o.role])).toEqual([
      ['Aardvark Ltd', 'contributor'],
      ['Leeds Teaching Hospitals', 'admin'],
    ]);

    const forViewer = ZOrganisationListResponse.parse(
      (await call(ctx, viewer, 'GET', '/organisations')).json(),
    );
    expect(forViewer.items.map((o) => [o.id, o.role])).toEqual([
      [second.id, 'admin'],
      [org.id, 'viewer'],
    ]);
    const forContributor = (await call(ctx, contributor, 'GET', '/organisations')).json();
    expect(forContributor.items.map((o: { id: string }) => o.id)).toEqual([org.id]);
  });

  it('answers an empty list to a user without organisations', async () => {
    await createTeam(ctx);
    const loner = await createUser(ctx);
    const res = await call(ctx, loner, 'GET', '/organisations');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ items: [] });
  });

  it('answers 401 without a token', async () => {
    expect((await call(ctx, null, 'GET', '/organisations')).statusCode).toBe(401);
  });
});

describe('GET /organisations/:orgId', () => {
  it.each([
    ['admin', 'admin'],
    ['contributor', 'contributor'],
    ['viewer', 'viewer'],
  ] as const)('answers the profile and the role to a %s', async (who, role) => {
    const people = await createTeam(ctx);
    const res = await call(ctx, people[who], 'GET', `/organisations/${people.org.id}`);
    expect(res.statusCode).toBe(200);
    expect(ZOrganisation.parse(res.json())).toMatchObject({
      id: people.org.id,
      name: 'Leeds Teaching Hospitals',
      type: 'business',
      sizeBand: 'large',
      sector: 'Logistics',
      localAuthority: 'Leeds',
      employees: 1200,
      role,
    });
  });

  it('answers 404 to a member of another organisation, the same as for an unknown id', async () => {
    const { outsider, org } = await createTeam(ctx);
    const res = await call(ctx, outsider, 'GET', `/organisations/${org.id}`);
    expect(res.statusCode).toBe(404);
    const unknown = await call(
      ctx,
      outsider,
      'GET',
      '/organisations/00000000-0000-4000-8000-000000000000',
    );
    expect(unknown.statusCode).toBe(404);
    expect(res.json().detail).toBe(unknown.json().detail);
  });

  it('answers 400 to an id that is not a UUID', async () => {
    const { admin } = await createTeam(ctx);
    const res = await call(ctx, admin, 'GET', '/organisations/not-a-uuid');
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
  });

  it('answers 401 without a token', async () => {
    const { org } = await createTeam(ctx);
    expect((await call(ctx, null, 'GET', `/organisations/${org.id}`)).statusCode).toBe(401);
  });
});

describe('PATCH /organisations/:orgId', () => {
  it('lets an admin edit part of the profile, clear optional fields, and records the change', async () => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}`, {
      name: 'LTH NHS Trust',
      type: 'public_sector',
      employees: 0,
      sector: null,
    });
    expect(res.statusCode).toBe(200);
    const body = ZOrganisation.parse(res.json());
    expect(body).toMatchObject({
      name: 'LTH NHS Trust',
      type: 'public_sector',
      sizeBand: 'large',
      localAuthority: 'Leeds',
      employees: 0,
      sector: null,
      role: 'admin',
    });
    expect(Date.parse(body.updatedAt)).toBeGreaterThanOrEqual(Date.parse(body.createdAt));

    const again = await call(ctx, admin, 'GET', `/organisations/${org.id}`);
    expect(again.json()).toMatchObject({ name: 'LTH NHS Trust', sector: null });
    const events = await auditFor(org.id);
    expect(events.at(-1)).toMatchObject({
      actorUserId: admin.id,
      entityType: 'organisation',
      action: 'updated',
      data: {
        changes: { name: 'LTH NHS Trust', type: 'public_sector', employees: 0, sector: null },
      },
    });
  });

  it.each(['contributor', 'viewer'] as const)(
    'forbids a %s (403) and changes nothing',
    async (who) => {
      const people = await createTeam(ctx);
      const res = await call(ctx, people[who], 'PATCH', `/organisations/${people.org.id}`, {
        name: 'Hijacked',
      });
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
      const [row] = await ctx.database.db
        .select()
        .from(organisations)
        .where(eq(organisations.id, people.org.id));
      expect(row?.name).toBe('Leeds Teaching Hospitals');
    },
  );

  it('answers 404 to an admin of another organisation and changes nothing', async () => {
    const { outsider, org } = await createTeam(ctx);
    const res = await call(ctx, outsider, 'PATCH', `/organisations/${org.id}`, {
      name: 'Hijacked',
    });
    expect(res.statusCode).toBe(404);
    const [row] = await ctx.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, org.id));
    expect(row?.name).toBe('Leeds Teaching Hospitals');
  });

  it.each([
    ['an empty body', {}],
    ['only an unknown field', { unknown: 1 }],
    ['an unknown field', { name: 'X', plan: 'gold' }],
    ['an unknown type', { type: 'charity' }],
    ['an unknown size band', { sizeBand: 'huge' }],
    ['negative employees', { employees: -5 }],
    ['a null name', { name: null }],
    ['a null size band', { sizeBand: null }],
  ])('refuses %s with 400 and changes nothing', async (_label, body) => {
    const { admin, org } = await createTeam(ctx);
    const res = await call(ctx, admin, 'PATCH', `/organisations/${org.id}`, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('validation_failed');
    const [row] = await ctx.database.db
      .select()
      .from(organisations)
      .where(eq(organisations.id, org.id));
    expect(row).toMatchObject({
      name: 'Leeds Teaching Hospitals',
      sizeBand: 'large',
      employees: 1200,
    });
    const updates = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organisationId, org.id), eq(auditEvents.action, 'updated')));
    expect(updates).toHaveLength(0);
  });

  it('answers 401 without a token', async () => {
    const { org } = await createTeam(ctx);
    const res = await call(ctx, null, 'PATCH', `/organisations/${org.id}`, { name: 'X' });
    expect(res.statusCode).toBe(401);
  });
});

describe('OpenAPI', () => {
  it('documents every organisation route with its request and response schemas', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = doc.paths as Record<
      string,
      Record<
        string,
        { requestBody?: unknown; responses: Record<string, unknown>; security?: unknown }
      >
    >;
    expect(paths['/api/v1/organisations']?.post?.requestBody).toBeDefined();
    expect(paths['/api/v1/organisations/{orgId}']?.patch?.responses['200']).toBeDefined();
    expect(
      paths['/api/v1/organisations/{orgId}/members/{userId}']?.delete?.responses['409'],
    ).toBeDefined();
    expect(paths['/api/v1/organisations/{orgId}/invitations']?.post?.security).toEqual([
      { bearerAuth: [] },
    ]);
    expect(paths['/api/v1/invitations/accept']?.post?.responses['410']).toBeDefined();
    expect(paths['/api/v1/invitations/preview']?.get?.security).toBeUndefined();
  });
});

import { ZLocalAuthorityListResponse, ZNetwork, ZNetworkListResponse } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, networkMembers, networks } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { call, createTeam, createUser, type TestUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

const LEEDS = 'E08000035';
const BRADFORD = 'E08000032';

async function createNetwork(user: TestUser, body: Record<string, unknown> = {}) {
  const res = await call(ctx, user, 'POST', '/networks', {
    name: 'Leeds Anchors',
    place: 'Leeds',
    ...body,
  });
  expect(res.statusCode).toBe(201);
  return ZNetwork.parse(res.json());
}

async function storedNetwork(id: string) {
  const [row] = await ctx.database.db.select().from(networks).where(eq(networks.id, id));
  return row;
}

/** A coordinator's network, an admin of a member organisation, and a stranger to both. */
async function networkWithMember() {
  const team = await createTeam(ctx);
  const coordinator = await createUser(ctx, {
    name: 'Cora Coordinator',
    email: 'cora@example.org',
  });
  const network = await createNetwork(coordinator);
  await ctx.database.db
    .insert(networkMembers)
    .values({ networkId: network.id, organisationId: team.org.id, sharing: 'named' });
  return { ...team, coordinator, network, member: team.contributor, stranger: team.outsider };
}

describe('POST /networks', () => {
  it('creates the network with default settings, makes the creator coordinator and audits it', async () => {
    const user = await createUser(ctx);
    const network = await createNetwork(user, { description: 'Anchor institutions of Leeds' });
    expect(network).toMatchObject({
      name: 'Leeds Anchors',
      place: 'Leeds',
      description: 'Anchor institutions of Leeds',
      isCoordinator: true,
      memberOrganisations: [],
      settings: {
        localAuthorities: [],
        minGroupSize: 5,
        optionalPillars: [],
        reminderDaysBefore: 7,
      },
    });
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, network.id));
    expect(events.map((e) => [e.entityType, e.action, e.actorUserId])).toEqual([
      ['network', 'created', user.id],
    ]);
    const list = await call(ctx, user, 'GET', '/networks');
    expect(ZNetworkListResponse.parse(list.json()).items.map((n) => n.id)).toEqual([network.id]);
  });

  it('refuses a missing place, an empty name and unknown fields, and stores nothing', async () => {
    const user = await createUser(ctx);
    for (const body of [
      { name: 'X' },
      { name: '  ', place: 'Leeds' },
      { name: 'X', place: 'Leeds', minGroupSize: 2 },
    ]) {
      const res = await call(ctx, user, 'POST', '/networks', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await ctx.database.db.select().from(networks)).toHaveLength(0);
  });

  it('needs a session', async () => {
    const res = await call(ctx, null, 'POST', '/networks', { name: 'X', place: 'Leeds' });
    expect(res.statusCode).toBe(401);
  });
});

describe('GET /networks', () => {
  it("lists coordinated networks and members' networks with the caller's relation, not others", async () => {
    const { coordinator, network, member, admin, stranger, org } = await networkWithMember();
    const other = await createNetwork(stranger, { name: 'Bradford Anchors', place: 'Bradford' });

    const asCoordinator = ZNetworkListResponse.parse(
      (await call(ctx, coordinator, 'GET', '/networks')).json(),
    ).items;
    expect(asCoordinator.map((n) => [n.id, n.isCoordinator])).toEqual([[network.id, true]]);

    for (const user of [member, admin]) {
      const items = ZNetworkListResponse.parse(
        (await call(ctx, user, 'GET', '/networks')).json(),
      ).items;
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        id: network.id,
        isCoordinator: false,
        memberOrganisations: [{ organisationId: org.id, sharing: 'named' }],
      });
    }

    const asStranger = ZNetworkListResponse.parse(
      (await call(ctx, stranger, 'GET', '/networks')).json(),
    ).items;
    expect(asStranger.map((n) => n.id)).toEqual([other.id]);
  });
});

describe('GET /networks/:networkId', () => {
  it('answers coordinators and members of member organisations; 404 for anyone else', async () => {
    const { coordinator, network, member, stranger } = await networkWithMember();
    const asCoordinator = await call(ctx, coordinator, 'GET', `/networks/${network.id}`);
    expect(asCoordinator.statusCode).toBe(200);
    expect(ZNetwork.parse(asCoordinator.json()).isCoordinator).toBe(true);

    const asMember = await call(ctx, member, 'GET', `/networks/${network.id}`);
    expect(asMember.statusCode).toBe(200);
    expect(ZNetwork.parse(asMember.json())).toMatchObject({
      name: 'Leeds Anchors',
      isCoordinator: false,
      settings: { minGroupSize: 5 },
    });

    const asStranger = await call(ctx, stranger, 'GET', `/networks/${network.id}`);
    expect(asStranger.statusCode).toBe(404);
    const unknown = await call(ctx, coordinator, 'GET', `/networks/${crypto.randomUUID()}`);
    expect(unknown.statusCode).toBe(404);
    const badId = await call(ctx, coordinator, 'GET', '/networks/not-a-uuid');
    expect(badId.statusCode).toBe(400);
  });
});

describe('PATCH /networks/:networkId', () => {
  it('changes the profile and settings, answers local authorities with names, and audits', async () => {
    const { coordinator, network } = await networkWithMember();
    const res = await call(ctx, coordinator, 'PATCH', `/networks/${network.id}`, {
      name: 'West Yorkshire Anchors',
      description: null,
      settings: {
        localAuthorityCodes: [LEEDS, BRADFORD.toLowerCase()],
        minGroupSize: 3,
        optionalPillars: ['service-delivery'],
        reminderDaysBefore: null,
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(ZNetwork.parse(res.json())).toMatchObject({
      name: 'West Yorkshire Anchors',
      place: 'Leeds',
      description: null,
      settings: {
        localAuthorities: [
          { code: LEEDS, name: 'Leeds' },
          { code: BRADFORD, name: 'Bradford' },
        ],
        minGroupSize: 3,
        optionalPillars: ['service-delivery'],
        reminderDaysBefore: null,
      },
    });
    expect(await storedNetwork(network.id)).toMatchObject({
      localAuthorityCodes: [LEEDS, BRADFORD],
      minGroupSize: 3,
      reminderDaysBefore: null,
    });
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, network.id))
      .orderBy(auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['created', 'updated']);
  });

  it.each([
    ['minGroupSize 2', { settings: { minGroupSize: 2 } }, 400, 'at least 3'],
    ['minGroupSize not an integer', { settings: { minGroupSize: 4.5 } }, 400, 'minGroupSize'],
    ['reminderDaysBefore 0', { settings: { reminderDaysBefore: 0 } }, 400, 'reminderDaysBefore'],
    ['reminderDaysBefore 91', { settings: { reminderDaysBefore: 91 } }, 400, 'reminderDaysBefore'],
    ['a malformed LAD code', { settings: { localAuthorityCodes: ['Leeds'] } }, 400, 'ONS'],
    ['a duplicate LAD code', { settings: { localAuthorityCodes: [LEEDS, LEEDS] } }, 400, 'twice'],
    [
      'unknown LAD codes',
      { settings: { localAuthorityCodes: [LEEDS, 'E08999999', 'W06999999'] } },
      422,
      'E08999999, W06999999',
    ],
    ['an unknown pillar', { settings: { optionalPillars: ['astrology'] } }, 422, 'astrology'],
    ['a core pillar', { settings: { optionalPillars: ['employment'] } }, 422, 'employment'],
    ['an unknown field', { colour: 'blue' }, 400, 'colour'],
    ['an unknown setting', { settings: { benchmarks: true } }, 400, 'benchmarks'],
    ['an empty body', {}, 400, 'at least one field'],
  ])('refuses %s and changes nothing', async (_label, body, status, mentions) => {
    const { coordinator, network } = await networkWithMember();
    const before = await storedNetwork(network.id);
    const res = await call(ctx, coordinator, 'PATCH', `/networks/${network.id}`, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.body).toContain(mentions);
    expect(await storedNetwork(network.id)).toEqual(before);
  });

  it('answers 403 to a member organisation and 404 to a stranger', async () => {
    const { network, member, admin, stranger } = await networkWithMember();
    for (const user of [member, admin]) {
      const res = await call(ctx, user, 'PATCH', `/networks/${network.id}`, { name: 'Mine' });
      expect(res.statusCode).toBe(403);
    }
    const res = await call(ctx, stranger, 'PATCH', `/networks/${network.id}`, { name: 'Mine' });
    expect(res.statusCode).toBe(404);
    expect((await storedNetwork(network.id))?.name).toBe('Leeds Anchors');
  });
});

describe('GET /local-authorities', () => {
  it('answers the shipped list without a session, cacheable', async () => {
    const res = await call(ctx, null, 'GET', '/local-authorities');
    expect(res.statusCode).toBe(200);
    expect(res.headers['cache-control']).toContain('max-age');
    const { items } = ZLocalAuthorityListResponse.parse(res.json());
    expect(items).toHaveLength(361);
    expect(items).toContainEqual({
      code: LEEDS,
      name: 'Leeds',
      nation: 'England',
      region: 'Yorkshire and The Humber',
    });
    expect(new Set(items.map((la) => la.nation))).toEqual(
      new Set(['England', 'Scotland', 'Wales', 'Northern Ireland']),
    );
  });
});

describe('OpenAPI', () => {
  it('documents every network route with tags, a summary and security where signed in', async () => {
    const doc = (await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' })).json();
    const paths = doc.paths as Record<
      string,
      Record<string, { tags?: string[]; security?: unknown; summary?: string }>
    >;
    const expected: [string, string, boolean][] = [
      ['/api/v1/networks', 'post', true],
      ['/api/v1/networks', 'get', true],
      ['/api/v1/networks/{networkId}', 'get', true],
      ['/api/v1/networks/{networkId}', 'patch', true],
      ['/api/v1/networks/{networkId}/coordinators', 'get', true],
      ['/api/v1/networks/{networkId}/coordinators', 'post', true],
      ['/api/v1/networks/{networkId}/coordinators/{userId}', 'delete', true],
      ['/api/v1/local-authorities', 'get', false],
    ];
    for (const [path, method, secured] of expected) {
      const op = paths[path]?.[method];
      expect(op, `${method} ${path}`).toBeDefined();
      expect(op?.tags).toEqual(['networks']);
      expect(op?.summary).toBeTruthy();
      expect(Boolean(op?.security), `${method} ${path} security`).toBe(secured);
    }
  });
});

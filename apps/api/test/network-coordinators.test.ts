import { ZCoordinator, ZCoordinatorListResponse, ZNetwork } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, networkCoordinators, networkMembers } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { call, createTeam, createUser, type TestUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

async function createNetwork(user: TestUser) {
  const res = await call(ctx, user, 'POST', '/networks', { name: 'Leeds Anchors', place: 'Leeds' });
  expect(res.statusCode).toBe(201);
  return ZNetwork.parse(res.json());
}

async function coordinatorIds(networkId: string) {
  const rows = await ctx.database.db
    .select({ userId: networkCoordinators.userId })
    .from(networkCoordinators)
    .where(eq(networkCoordinators.networkId, networkId));
  return rows.map((r) => r.userId).sort();
}

/** A network with one coordinator, a member organisation (the team's org) and a stranger. */
async function setUp() {
  const team = await createTeam(ctx);
  const coordinator = await createUser(ctx, {
    name: 'Cora Coordinator',
    email: 'cora@example.org',
  });
  const colleague = await createUser(ctx, { name: 'Bea Colleague', email: 'bea@example.org' });
  const network = await createNetwork(coordinator);
  await ctx.database.db
    .insert(networkMembers)
    .values({ networkId: network.id, organisationId: team.org.id, sharing: 'anonymous' });
  return { ...team, coordinator, colleague, network, stranger: team.outsider };
}

describe('GET /networks/:networkId/coordinators', () => {
  it('lists the coordinators with name and email', async () => {
    const { coordinator, network } = await setUp();
    const res = await call(ctx, coordinator, 'GET', `/networks/${network.id}/coordinators`);
    expect(res.statusCode).toBe(200);
    const { items } = ZCoordinatorListResponse.parse(res.json());
    expect(items.map((c) => [c.userId, c.name, c.email])).toEqual([
      [coordinator.id, 'Cora Coordinator', 'cora@example.org'],
    ]);
  });

  it('answers 403 to a member organisation and 404 to a stranger', async () => {
    const { admin, network, stranger } = await setUp();
    expect((await call(ctx, admin, 'GET', `/networks/${network.id}/coordinators`)).statusCode).toBe(
      403,
    );
    expect(
      (await call(ctx, stranger, 'GET', `/networks/${network.id}/coordinators`)).statusCode,
    ).toBe(404);
  });
});

describe('POST /networks/:networkId/coordinators', () => {
  it('adds an existing account by email (any case) and audits it', async () => {
    const { coordinator, colleague, network } = await setUp();
    const res = await call(ctx, coordinator, 'POST', `/networks/${network.id}/coordinators`, {
      email: '  BEA@Example.org ',
    });
    expect(res.statusCode, res.body).toBe(201);
    expect(ZCoordinator.parse(res.json())).toMatchObject({
      userId: colleague.id,
      name: 'Bea Colleague',
      email: 'bea@example.org',
    });
    expect(await coordinatorIds(network.id)).toEqual([coordinator.id, colleague.id].sort());
    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'network_coordinator'));
    expect(events.map((e) => [e.action, e.entityId, e.data])).toEqual([
      ['added', colleague.id, { networkId: network.id, email: 'bea@example.org' }],
    ]);
    // The new coordinator now sees the network as coordinator.
    const seen = await call(ctx, colleague, 'GET', `/networks/${network.id}`);
    expect(ZNetwork.parse(seen.json()).isCoordinator).toBe(true);
  });

  it('refuses an unknown email (422), an existing coordinator (409) and a malformed email (400)', async () => {
    const { coordinator, network } = await setUp();
    const url = `/networks/${network.id}/coordinators`;
    const unknown = await call(ctx, coordinator, 'POST', url, { email: 'nobody@example.org' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json()).toMatchObject({ code: 'unknown_user' });
    expect(unknown.json().detail).toContain('nobody@example.org');

    const again = await call(ctx, coordinator, 'POST', url, { email: 'cora@example.org' });
    expect(again.statusCode).toBe(409);
    expect(again.json()).toMatchObject({ code: 'already_coordinator' });

    for (const body of [{ email: 'not-an-email' }, { email: 'bea@example.org', role: 'boss' }]) {
      expect((await call(ctx, coordinator, 'POST', url, body)).statusCode).toBe(400);
    }
    expect(await coordinatorIds(network.id)).toEqual([coordinator.id]);
  });

  it('answers 403 to a member organisation and 404 to a stranger, adding nobody', async () => {
    const { admin, network, stranger } = await setUp();
    const url = `/networks/${network.id}/coordinators`;
    expect((await call(ctx, admin, 'POST', url, { email: admin.email })).statusCode).toBe(403);
    expect((await call(ctx, stranger, 'POST', url, { email: stranger.email })).statusCode).toBe(
      404,
    );
    expect(
      (
        await call(ctx, stranger, 'POST', `/networks/${crypto.randomUUID()}/coordinators`, {
          email: stranger.email,
        })
      ).statusCode,
    ).toBe(404);
    expect(await coordinatorIds(network.id)).toHaveLength(1);
  });
});

describe('DELETE /networks/:networkId/coordinators/:userId', () => {
  async function withTwoCoordinators() {
    const setup = await setUp();
    const res = await call(
      ctx,
      setup.coordinator,
      'POST',
      `/networks/${setup.network.id}/coordinators`,
      {
        email: setup.colleague.email,
      },
    );
    expect(res.statusCode).toBe(201);
    return setup;
  }

  it('removes another coordinator, and lets one step down while another remains', async () => {
    const { coordinator, colleague, network } = await withTwoCoordinators();
    const removed = await call(
      ctx,
      coordinator,
      'DELETE',
      `/networks/${network.id}/coordinators/${colleague.id}`,
    );
    expect(removed.statusCode).toBe(204);
    expect(await coordinatorIds(network.id)).toEqual([coordinator.id]);
    // The removed coordinator no longer sees the network.
    expect((await call(ctx, colleague, 'GET', `/networks/${network.id}`)).statusCode).toBe(404);

    await call(ctx, coordinator, 'POST', `/networks/${network.id}/coordinators`, {
      email: colleague.email,
    });
    const left = await call(
      ctx,
      coordinator,
      'DELETE',
      `/networks/${network.id}/coordinators/${coordinator.id}`,
    );
    expect(left.statusCode).toBe(204);
    expect(await coordinatorIds(network.id)).toEqual([colleague.id]);
    const actions = await ctx.database.db
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(eq(auditEvents.entityType, 'network_coordinator'))
      .orderBy(auditEvents.id);
    expect(actions.map((a) => a.action)).toEqual(['added', 'removed', 'added', 'left']);
  });

  it('keeps the last coordinator (409 last_coordinator)', async () => {
    const { coordinator, network } = await setUp();
    const res = await call(
      ctx,
      coordinator,
      'DELETE',
      `/networks/${network.id}/coordinators/${coordinator.id}`,
    );
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({ code: 'last_coordinator' });
    expect(await coordinatorIds(network.id)).toEqual([coordinator.id]);
  });

  it('keeps one coordinator when two remove each other at the same time', async () => {
    const { coordinator, colleague, network } = await withTwoCoordinators();
    const [a, b] = await Promise.all([
      call(ctx, coordinator, 'DELETE', `/networks/${network.id}/coordinators/${colleague.id}`),
      call(ctx, colleague, 'DELETE', `/networks/${network.id}/coordinators/${coordinator.id}`),
    ]);
    // One wins; the other is refused: 409 when it saw itself as the last one, or 404 when it ran
    // after the winner had already removed it (PGlite runs one transaction at a time).
    const codes = [a.statusCode, b.statusCode].sort();
    expect(codes[0]).toBe(204);
    expect([404, 409]).toContain(codes[1]);
    expect(await coordinatorIds(network.id)).toHaveLength(1);
  });

  it('answers 404 for someone who is not a coordinator of it', async () => {
    const { coordinator, admin, network } = await setUp();
    const res = await call(
      ctx,
      coordinator,
      'DELETE',
      `/networks/${network.id}/coordinators/${admin.id}`,
    );
    expect(res.statusCode).toBe(404);
  });

  it('answers 403 to a member organisation and 404 to a stranger, removing nobody', async () => {
    const { coordinator, colleague, admin, network, stranger } = await withTwoCoordinators();
    const url = `/networks/${network.id}/coordinators/${colleague.id}`;
    expect((await call(ctx, admin, 'DELETE', url)).statusCode).toBe(403);
    expect((await call(ctx, stranger, 'DELETE', url)).statusCode).toBe(404);
    expect(await coordinatorIds(network.id)).toEqual([coordinator.id, colleague.id].sort());
  });
});

import { ZNetworkMember, ZNetworkMemberListResponse } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { networkMembers } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMembers, createDashboardCycle, createMemberUser } from './dashboard-factories.js';
import { call, type TestUser } from './factories.js';
import { auditOf, type NetworkWorld, setUpNetwork } from './network-factories.js';

const ctx = useTestApp();
let w: NetworkWorld;
beforeEach(async () => {
  await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  w = await setUpNetwork(ctx);
});

const membersUrl = () => `/networks/${w.network.id}/members`;
const memberUrl = (organisationId: string) => `${membersUrl()}/${organisationId}`;

async function list(user: TestUser) {
  const res = await call(ctx, user, 'GET', membersUrl());
  expect(res.statusCode, res.body).toBe(200);
  return ZNetworkMemberListResponse.parse(res.json());
}

async function sharingOf(organisationId: string) {
  const [row] = await ctx.database.db
    .select({ sharing: networkMembers.sharing })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, w.network.id),
        eq(networkMembers.organisationId, organisationId),
      ),
    );
  return row?.sharing;
}

describe('GET /networks/:networkId/members', () => {
  it('a coordinator sees every member with type, size and sharing level, by name', async () => {
    const body = await list(w.coordinator);
    expect(body.isCoordinator).toBe(true);
    expect(
      body.items.map((m) => [m.name, m.type, m.sizeBand, m.sharing, m.isOwn, m.canManage]),
    ).toEqual([
      ['Leeds Teaching Hospitals', 'public_sector', 'large', 'named', false, false],
      ['Quiet Logistics', 'business', 'medium', 'anonymous', false, false],
    ]);
    expect(body.items.every((m) => !Number.isNaN(Date.parse(m.joinedAt)))).toBe(true);
  });

  it("a named member's people see the named members, not the anonymous one", async () => {
    for (const user of [w.namedAdmin, w.namedContributor]) {
      const body = await list(user);
      expect(body.isCoordinator).toBe(false);
      expect(body.items.map((m) => [m.name, m.sharing, m.isOwn])).toEqual([
        ['Leeds Teaching Hospitals', 'named', true],
      ]);
    }
    expect((await list(w.namedAdmin)).items[0]?.canManage).toBe(true);
    expect((await list(w.namedContributor)).items[0]?.canManage).toBe(false);
  });

  it("an anonymous member sees its own organisation with its level, and others' levels not at all", async () => {
    const body = await list(w.anonAdmin);
    expect(body.items.map((m) => [m.name, m.sharing, m.isOwn, m.canManage])).toEqual([
      ['Leeds Teaching Hospitals', null, false, false],
      ['Quiet Logistics', 'anonymous', true, true],
    ]);
  });

  it('answers 404 to a stranger and to the coordinator of another network, 401 signed out, 400 for a bad id', async () => {
    expect((await call(ctx, w.stranger, 'GET', membersUrl())).statusCode).toBe(404);
    expect((await call(ctx, w.otherCoordinator, 'GET', membersUrl())).statusCode).toBe(404);
    expect((await call(ctx, null, 'GET', membersUrl())).statusCode).toBe(401);
    expect((await call(ctx, w.coordinator, 'GET', '/networks/nope/members')).statusCode).toBe(400);
    const none = '00000000-0000-4000-8000-000000000000';
    expect((await call(ctx, w.coordinator, 'GET', `/networks/${none}/members`)).statusCode).toBe(
      404,
    );
  });
});

describe('PATCH /networks/:networkId/members/:organisationId', () => {
  it("the organisation's admin changes its sharing level at once, audited; others then see it", async () => {
    const res = await call(ctx, w.anonAdmin, 'PATCH', memberUrl(w.anonOrg.id), {
      sharing: 'named',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(ZNetworkMember.parse(res.json())).toMatchObject({
      organisationId: w.anonOrg.id,
      sharing: 'named',
      isOwn: true,
      canManage: true,
    });
    expect(await sharingOf(w.anonOrg.id)).toBe('named');
    expect((await list(w.namedAdmin)).items.map((m) => m.name)).toEqual([
      'Leeds Teaching Hospitals',
      'Quiet Logistics',
    ]);
    const events = await auditOf(ctx, 'network_member');
    expect(events.map((e) => [e.action, e.organisationId, e.actorUserId, e.data])).toEqual([
      [
        'sharing_changed',
        w.anonOrg.id,
        w.anonAdmin.id,
        { networkId: w.network.id, from: 'anonymous', to: 'named' },
      ],
    ]);
    // Setting the same level again changes and audits nothing.
    await call(ctx, w.anonAdmin, 'PATCH', memberUrl(w.anonOrg.id), { sharing: 'named' });
    expect(await auditOf(ctx, 'network_member')).toHaveLength(1);
  });

  it('a coordinator cannot change a member’s consent (403), nor can a contributor', async () => {
    const byCoordinator = await call(ctx, w.coordinator, 'PATCH', memberUrl(w.anonOrg.id), {
      sharing: 'named',
    });
    expect(byCoordinator.statusCode).toBe(403);
    const byContributor = await call(ctx, w.namedContributor, 'PATCH', memberUrl(w.namedOrg.id), {
      sharing: 'anonymous',
    });
    expect(byContributor.statusCode).toBe(403);
    expect(await sharingOf(w.anonOrg.id)).toBe('anonymous');
    expect(await sharingOf(w.namedOrg.id)).toBe('named');
  });

  it('another member gets 403 for a named member and 404 for an anonymous one (it is not listed to them)', async () => {
    const named = await call(ctx, w.anonAdmin, 'PATCH', memberUrl(w.namedOrg.id), {
      sharing: 'anonymous',
    });
    expect(named.statusCode).toBe(403);
    const anonymous = await call(ctx, w.namedAdmin, 'PATCH', memberUrl(w.anonOrg.id), {
      sharing: 'named',
    });
    expect(anonymous.statusCode).toBe(404);
    expect(await sharingOf(w.namedOrg.id)).toBe('named');
    expect(await sharingOf(w.anonOrg.id)).toBe('anonymous');
  });

  it('answers 404 to strangers, other coordinators and for organisations that are not members', async () => {
    const body = { sharing: 'named' };
    expect((await call(ctx, w.stranger, 'PATCH', memberUrl(w.anonOrg.id), body)).statusCode).toBe(
      404,
    );
    expect(
      (await call(ctx, w.otherCoordinator, 'PATCH', memberUrl(w.anonOrg.id), body)).statusCode,
    ).toBe(404);
    // The stranger's own organisation is not a member of this network.
    expect(
      (await call(ctx, w.stranger, 'PATCH', memberUrl(w.strangerOrg.id), body)).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, w.coordinator, 'PATCH', memberUrl(w.strangerOrg.id), body)).statusCode,
    ).toBe(404);
    expect(await sharingOf(w.anonOrg.id)).toBe('anonymous');
  });

  it('refuses hostile bodies and params with 400', async () => {
    for (const body of [
      {},
      { sharing: 'public' },
      { sharing: 'NAMED' },
      { sharing: null },
      { sharing: 'named', extra: true },
      { sharing: 'named\u0000' },
    ]) {
      const res = await call(ctx, w.anonAdmin, 'PATCH', memberUrl(w.anonOrg.id), body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    const badId = await call(ctx, w.anonAdmin, 'PATCH', `${membersUrl()}/x%00y`, {
      sharing: 'named',
    });
    expect(badId.statusCode).toBe(400);
    expect(await sharingOf(w.anonOrg.id)).toBe('anonymous');
  });
});

describe('DELETE /networks/:networkId/members/:organisationId', () => {
  it('an admin leaves with the organisation; its people then see the network no more', async () => {
    const res = await call(ctx, w.anonAdmin, 'DELETE', memberUrl(w.anonOrg.id));
    expect(res.statusCode).toBe(204);
    expect(await sharingOf(w.anonOrg.id)).toBeUndefined();
    expect((await call(ctx, w.anonAdmin, 'GET', membersUrl())).statusCode).toBe(404);
    expect((await list(w.coordinator)).items.map((m) => m.name)).toEqual([
      'Leeds Teaching Hospitals',
    ]);
    const events = await auditOf(ctx, 'network_member');
    expect(events.map((e) => [e.action, e.organisationId, e.data])).toEqual([
      ['left', w.anonOrg.id, { networkId: w.network.id, sharing: 'anonymous' }],
    ]);
  });

  it('a coordinator may remove a member (audited as removed)', async () => {
    const res = await call(ctx, w.coordinator, 'DELETE', memberUrl(w.namedOrg.id));
    expect(res.statusCode).toBe(204);
    expect(await sharingOf(w.namedOrg.id)).toBeUndefined();
    const events = await auditOf(ctx, 'network_member');
    expect(events.map((e) => [e.action, e.actorUserId])).toEqual([['removed', w.coordinator.id]]);
  });

  it('refuses contributors (403), other members (403/404), strangers and other coordinators (404)', async () => {
    expect(
      (await call(ctx, w.namedContributor, 'DELETE', memberUrl(w.namedOrg.id))).statusCode,
    ).toBe(403);
    expect((await call(ctx, w.anonAdmin, 'DELETE', memberUrl(w.namedOrg.id))).statusCode).toBe(403);
    expect((await call(ctx, w.namedAdmin, 'DELETE', memberUrl(w.anonOrg.id))).statusCode).toBe(404);
    expect((await call(ctx, w.stranger, 'DELETE', memberUrl(w.anonOrg.id))).statusCode).toBe(404);
    expect(
      (await call(ctx, w.otherCoordinator, 'DELETE', memberUrl(w.anonOrg.id))).statusCode,
    ).toBe(404);
    expect((await call(ctx, null, 'DELETE', memberUrl(w.anonOrg.id))).statusCode).toBe(401);
    expect(await sharingOf(w.namedOrg.id)).toBe('named');
    expect(await sharingOf(w.anonOrg.id)).toBe('anonymous');
    expect(await auditOf(ctx, 'network_member')).toEqual([]);
  });
});

describe('a change of consent applies to the dashboard from the next request', () => {
  it('going anonymous takes a member out of the heatmap; leaving takes it out of participation', async () => {
    const setup = await createDashboardCycle(ctx);
    const [alpha, beta] = await addMembers(ctx, setup, [
      { name: 'Alpha Ltd', sharing: 'named', level: 2 },
      { name: 'Beta Ltd', sharing: 'named', level: 3 },
    ]);
    if (!alpha || !beta) throw new Error('members not created');
    const alphaAdmin = await createMemberUser(ctx, alpha);
    const dashboard = async () => {
      const res = await call(ctx, setup.coordinator, 'GET', `/cycles/${setup.cycle.id}/dashboard`);
      expect(res.statusCode, res.body).toBe(200);
      return res.json() as { heatmap: { rows: { name: string }[] } };
    };
    expect((await dashboard()).heatmap.rows.map((r) => r.name)).toEqual(['Alpha Ltd', 'Beta Ltd']);

    const url = `/networks/${setup.network.id}/members/${alpha.id}`;
    expect((await call(ctx, alphaAdmin, 'PATCH', url, { sharing: 'anonymous' })).statusCode).toBe(
      200,
    );
    expect((await dashboard()).heatmap.rows.map((r) => r.name)).toEqual(['Beta Ltd']);

    expect((await call(ctx, alphaAdmin, 'DELETE', url)).statusCode).toBe(204);
    const after = await dashboard();
    expect(JSON.stringify(after)).not.toContain('Alpha Ltd');
  });
});

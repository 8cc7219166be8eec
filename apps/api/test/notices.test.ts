import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { notices } from '../src/db/schema.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMembers, createMemberUser } from './dashboard-factories.js';
import {
  addMember,
  call,
  createOrganisation,
  createTeam,
  createUser,
  type TestTeam,
} from './factories.js';
import { createNotice, createReminderCycle } from './reminder-factories.js';

const ctx = useTestApp();

async function readAtOf(id: string) {
  const [row] = await ctx.database.db
    .select({ readAt: notices.readAt })
    .from(notices)
    .where(eq(notices.id, id));
  return row?.readAt ?? null;
}

describe('notices', () => {
  let team: TestTeam;

  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
    team = await createTeam(ctx);
  });

  it("lists the caller's organisations' notices newest first, with names and the unread count", async () => {
    const setup = await createReminderCycle(ctx, { networkName: 'Leeds Anchors' });
    const second = await createOrganisation(ctx, team.viewer, { name: 'Second Org' });
    const older = await createNotice(ctx, team.org, { minutesAgo: 30, title: 'Older' });
    const reminder = await createNotice(ctx, team.org, {
      minutesAgo: 10,
      kind: 'reminder',
      title: 'Reminder',
      networkId: setup.network.id,
      cycleId: setup.cycle.id,
    });
    const elsewhere = await createNotice(ctx, second, { minutesAgo: 20, readAt: new Date() });
    await createNotice(ctx, team.otherOrg, { title: 'Not yours' });

    const res = await call(ctx, team.viewer, 'GET', '/notices');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.items.map((n: { id: string }) => n.id)).toEqual([
      reminder.id,
      elsewhere.id,
      older.id,
    ]);
    expect(body.items[0]).toMatchObject({
      organisationId: team.org.id,
      organisationName: 'Leeds Teaching Hospitals',
      networkId: setup.network.id,
      networkName: 'Leeds Anchors',
      cycleId: setup.cycle.id,
      cycleName: '2026',
      closesOn: setup.cycle.closesOn,
      kind: 'reminder',
      title: 'Reminder',
      readAt: null,
    });
    expect(body.items[2]).toMatchObject({ networkId: null, networkName: null, cycleId: null });
    expect(body.items[1].readAt).not.toBeNull();
    expect(body.unreadCount).toBe(2);
    expect(body.nextCursor).toBeNull();

    // The contributor of the first organisation only: not the second organisation's notice.
    const contributor = await call(ctx, team.contributor, 'GET', '/notices');
    expect(contributor.json().items.map((n: { id: string }) => n.id)).toEqual([
      reminder.id,
      older.id,
    ]);
    expect(contributor.json().unreadCount).toBe(2);
  });

  it('narrows to one organisation, and to unread ones; another organisation gives an empty list', async () => {
    const second = await createOrganisation(ctx, team.viewer, { name: 'Second Org' });
    const first = await createNotice(ctx, team.org, { minutesAgo: 2 });
    const read = await createNotice(ctx, team.org, { minutesAgo: 1, readAt: new Date() });
    await createNotice(ctx, second);
    await createNotice(ctx, team.otherOrg);

    const one = await call(ctx, team.viewer, 'GET', `/notices?organisationId=${team.org.id}`);
    expect(one.json().items.map((n: { id: string }) => n.id)).toEqual([read.id, first.id]);
    expect(one.json().unreadCount).toBe(1);
    const unread = await call(
      ctx,
      team.viewer,
      'GET',
      `/notices?organisationId=${team.org.id}&unread=true`,
    );
    expect(unread.json().items.map((n: { id: string }) => n.id)).toEqual([first.id]);

    const foreign = await call(
      ctx,
      team.viewer,
      'GET',
      `/notices?organisationId=${team.otherOrg.id}`,
    );
    expect(foreign.statusCode).toBe(200);
    expect(foreign.json()).toEqual({ items: [], nextCursor: null, unreadCount: 0 });
  });

  it('pages with an opaque cursor, each notice once, ties broken by id', async () => {
    const at = new Date(Date.now() - 60_000);
    const ids: string[] = [];
    for (let i = 0; i < 5; i += 1) {
      // Three share one timestamp: the cursor must not skip or repeat them.
      const createdAt = i < 3 ? at : new Date(at.getTime() + i * 1000);
      ids.push((await createNotice(ctx, team.org, { createdAt })).id);
    }
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
      const res = await call(ctx, team.admin, 'GET', `/notices?limit=2${query}`);
      expect(res.statusCode).toBe(200);
      const body = res.json();
      expect(body.items.length).toBeLessThanOrEqual(2);
      expect(body.unreadCount).toBe(5);
      seen.push(...body.items.map((n: { id: string }) => n.id));
      cursor = body.nextCursor;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect([...seen].sort()).toEqual([...ids].sort());
    expect(new Set(seen).size).toBe(5);
    expect(seen.slice(0, 2)).toEqual([ids[4], ids[3]]);
  });

  it('refuses a bad cursor, limit or unknown parameter with 400', async () => {
    for (const query of [
      'cursor=not-a-cursor',
      `cursor=${Buffer.from('2026-01-01 x').toString('base64url')}`,
      'limit=0',
      'limit=101',
      'limit=ten',
      'unread=yes',
      'organisationId=nope',
      'colour=blue',
    ]) {
      const res = await call(ctx, team.admin, 'GET', `/notices?${query}`);
      expect(res.statusCode, query).toBe(400);
      expect(res.json().status).toBe(400);
    }
  });

  it('marks a notice read for everyone in its organisation, keeps the first readAt, and unread again', async () => {
    const notice = await createNotice(ctx, team.org);
    const res = await call(ctx, team.viewer, 'PATCH', `/notices/${notice.id}`, { read: true });
    expect(res.statusCode).toBe(200);
    const readAt = res.json().readAt;
    expect(readAt).not.toBeNull();
    expect(res.json()).toMatchObject({
      id: notice.id,
      organisationName: 'Leeds Teaching Hospitals',
    });

    const admin = await call(ctx, team.admin, 'GET', '/notices');
    expect(admin.json().items[0].readAt).toBe(readAt);
    expect(admin.json().unreadCount).toBe(0);

    const again = await call(ctx, team.admin, 'PATCH', `/notices/${notice.id}`, { read: true });
    expect(again.json().readAt).toBe(readAt);

    const unread = await call(ctx, team.admin, 'PATCH', `/notices/${notice.id}`, { read: false });
    expect(unread.statusCode).toBe(200);
    expect(unread.json().readAt).toBeNull();
    expect(await readAtOf(notice.id)).toBeNull();
  });

  it("answers 404 for another organisation's notice or one that does not exist, changing nothing", async () => {
    const notice = await createNotice(ctx, team.org);
    for (const user of [team.outsider, await createUser(ctx)]) {
      const res = await call(ctx, user, 'PATCH', `/notices/${notice.id}`, { read: true });
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const missing = await call(
      ctx,
      team.admin,
      'PATCH',
      '/notices/00000000-0000-4000-8000-000000000000',
      { read: true },
    );
    expect(missing.statusCode).toBe(404);
    expect(await readAtOf(notice.id)).toBeNull();
  });

  it('refuses a bad id or body with 400, changing nothing', async () => {
    const notice = await createNotice(ctx, team.org);
    for (const [url, body] of [
      ['/notices/not-a-uuid', { read: true }],
      [`/notices/${notice.id}`, {}],
      [`/notices/${notice.id}`, { read: 'yes' }],
      [`/notices/${notice.id}`, { read: true, title: 'changed' }],
    ] as const) {
      const res = await call(ctx, team.admin, 'PATCH', url, body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
    }
    expect(await readAtOf(notice.id)).toBeNull();
  });

  it("marks all of the caller's unread notices read, or one organisation's, never another's", async () => {
    const second = await createOrganisation(ctx, team.viewer, { name: 'Second Org' });
    const a = await createNotice(ctx, team.org);
    const b = await createNotice(ctx, second);
    const foreign = await createNotice(ctx, team.otherOrg);

    const one = await call(ctx, team.viewer, 'POST', '/notices/read', {
      organisationId: second.id,
    });
    expect(one.statusCode).toBe(200);
    expect(one.json()).toEqual({ marked: 1, unreadCount: 1 });
    expect(await readAtOf(b.id)).not.toBeNull();
    expect(await readAtOf(a.id)).toBeNull();

    const all = await call(ctx, team.viewer, 'POST', '/notices/read', {});
    expect(all.json()).toEqual({ marked: 1, unreadCount: 0 });
    expect(await readAtOf(a.id)).not.toBeNull();
    expect(await readAtOf(foreign.id)).toBeNull();

    const stranger = await call(ctx, team.viewer, 'POST', '/notices/read', {
      organisationId: team.otherOrg.id,
    });
    expect(stranger.json()).toEqual({ marked: 0, unreadCount: 0 });
    expect(await readAtOf(foreign.id)).toBeNull();
    expect((await call(ctx, team.viewer, 'POST', '/notices/read', { all: true })).statusCode).toBe(
      400,
    );
  });

  it("never shows a network member's notices to the network's coordinator or to other members", async () => {
    const setup = await createReminderCycle(ctx);
    const [named, hidden] = await addMembers(ctx, setup, [
      { name: 'Named Member', state: 'not_started' },
      { name: 'Hidden Member', sharing: 'anonymous', state: 'not_started' },
    ]);
    if (!named || !hidden) throw new Error('members not created');
    const namedUser = await createMemberUser(ctx, named);
    const hiddenNotice = await createNotice(ctx, hidden, {
      kind: 'reminder',
      networkId: setup.network.id,
      cycleId: setup.cycle.id,
    });
    for (const user of [setup.coordinator, namedUser]) {
      const list = await call(ctx, user, 'GET', '/notices');
      expect(list.statusCode).toBe(200);
      expect(list.json().items).toEqual([]);
      const mark = await call(ctx, user, 'PATCH', `/notices/${hiddenNotice.id}`, { read: true });
      expect(mark.statusCode).toBe(404);
    }
    // A coordinator who is also in the member organisation sees it as a member would.
    await addMember(ctx, hidden, setup.coordinator, 'viewer');
    const own = await call(ctx, setup.coordinator, 'GET', '/notices');
    expect(own.json().items.map((n: { id: string }) => n.id)).toEqual([hiddenNotice.id]);
  });

  it('shows a notice of a kind it does not know as network news rather than failing', async () => {
    await createNotice(ctx, team.org, { kind: 'something-new' });
    const res = await call(ctx, team.admin, 'GET', '/notices');
    expect(res.statusCode).toBe(200);
    expect(res.json().items[0].kind).toBe('network');
  });

  it('answers 401 without a session', async () => {
    expect((await call(ctx, null, 'GET', '/notices')).statusCode).toBe(401);
    expect((await call(ctx, null, 'POST', '/notices/read', {})).statusCode).toBe(401);
  });
});

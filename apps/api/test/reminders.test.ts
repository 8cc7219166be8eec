import { ZSendCycleReminderResponse } from '@waymark/rubric';
import { eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { assessments, cycles, networkMembers, reminders } from '../src/db/schema.js';
import { tryReminderLock } from '../src/modules/reminders/reminders.queries.js';
import { TEST_DB, testConfig, truncateAll, useTestApp } from './build-test-app.js';
import {
  addMembers,
  type CreatedMember,
  createMemberUser,
  type DashboardCycle,
} from './dashboard-factories.js';
import { addMember, call, createUser, type TestUser } from './factories.js';
import { createReminderCycle, noticeRows, reminderRows } from './reminder-factories.js';
import { decodeQuotedPrintable, useSmtpInbox } from './smtp-inbox.js';

/**
 * Reminders (issue 9): a coordinator's, and the automatic one N days before a cycle closes, both
 * as notices at once and emailed by the background job (`app.reminders.runOnce()`; its timer is
 * off in tests). `ctx.app` has no SMTP; two more apps on the same database send through an
 * in-process SMTP server, standing for other instances.
 */

/** Headers unfolded, quoted-printable soft breaks and escapes undone. */
function readable(raw: string): string {
  return decodeQuotedPrintable(raw.replace(/\r?\n[ \t]+/g, ' '));
}

const { received, env } = useSmtpInbox();
const ctx = useTestApp();
let mailApp: App;
let mailApp2: App;
beforeAll(async () => {
  mailApp = await buildApp({ config: testConfig(env), database: ctx.database });
  mailApp2 = await buildApp({ config: testConfig(env), database: ctx.database });
  await mailApp.ready();
  await mailApp2.ready();
});
afterAll(async () => {
  await mailApp?.close();
  await mailApp2?.close();
});

beforeEach(async () => {
  vi.restoreAllMocks();
  await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
});

const remind = (setup: DashboardCycle, user: TestUser | null, payload: unknown = {}) =>
  call(ctx, user, 'POST', `/cycles/${setup.cycle.id}/reminders`, payload);

interface Members {
  notStarted: CreatedMember;
  draft: CreatedMember;
  submitted: CreatedMember;
  reopened: CreatedMember;
  hidden: CreatedMember;
}

/** Five members: not started, draft, submitted, reopened after submitting, anonymous not started. */
async function addFiveMembers(setup: DashboardCycle): Promise<Members> {
  const [notStarted, draft, submitted, reopened, hidden] = await addMembers(ctx, setup, [
    { name: 'Alpha Not Started', state: 'not_started' },
    { name: 'Bravo Draft', state: 'draft' },
    { name: 'Charlie Submitted' },
    { name: 'Delta Reopened' },
    { name: 'Echo Hidden', sharing: 'anonymous', state: 'not_started' },
  ]);
  if (!notStarted || !draft || !submitted || !reopened?.assessmentId || !hidden) {
    throw new Error('members not created');
  }
  await ctx.database.db
    .update(assessments)
    .set({ status: 'reopened', revision: 2 })
    .where(eq(assessments.id, reopened.assessmentId));
  return { notStarted, draft, submitted, reopened, hidden };
}

describe('a coordinator reminds the members that have not submitted', () => {
  it('creates a reminder and a notice for each, leaving out the submitted ones', async () => {
    const setup = await createReminderCycle(ctx, { networkName: 'Leeds Anchors' });
    const m = await addFiveMembers(setup);
    const admin = await createMemberUser(ctx, m.draft);
    const submittedAdmin = await createMemberUser(ctx, m.submitted);

    const res = await remind(setup, setup.coordinator, { message: '  Two weeks to go!  ' });
    expect(res.statusCode).toBe(201);
    const body = ZSendCycleReminderResponse.parse(res.json());
    expect(body).toMatchObject({ cycleId: setup.cycle.id, sent: 4, recentlyReminded: 0 });
    expect(body.email).toBe(false);
    expect(body.key).toMatch(/^manual:[0-9a-f-]{36}$/);
    expect(body.organisations).toEqual([
      {
        organisationId: m.notStarted.id,
        name: 'Alpha Not Started',
        sharing: 'named',
        progress: 'not_started',
      },
      {
        organisationId: m.draft.id,
        name: 'Bravo Draft',
        sharing: 'named',
        progress: 'in_progress',
      },
      {
        organisationId: m.reopened.id,
        name: 'Delta Reopened',
        sharing: 'named',
        progress: 'in_progress',
      },
      {
        organisationId: m.hidden.id,
        name: 'Echo Hidden',
        sharing: 'anonymous',
        progress: 'not_started',
      },
    ]);

    const rows = await reminderRows(ctx);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.organisationId))).toEqual(
      new Set([m.notStarted.id, m.draft.id, m.reopened.id, m.hidden.id]),
    );
    for (const row of rows) {
      expect(row).toMatchObject({
        cycleId: setup.cycle.id,
        key: body.key,
        requestedBy: setup.coordinator.id,
        sentAt: null,
      });
    }
    const notices = await noticeRows(ctx);
    expect(notices.map((n) => n.id).sort()).toEqual(rows.map((r) => r.id).sort());
    for (const notice of notices) {
      expect(notice).toMatchObject({
        kind: 'reminder',
        networkId: setup.network.id,
        cycleId: setup.cycle.id,
        readAt: null,
      });
      expect(notice.title).toContain('Leeds Anchors 2026');
      expect(notice.body).toContain('has not submitted its 2026 assessment for Leeds Anchors');
      expect(notice.body).toContain('(10 days left)');
      expect(notice.body).toContain("A message from the network's coordinator:\nTwo weeks to go!");
    }

    const seen = await call(ctx, admin, 'GET', '/notices');
    expect(seen.json().unreadCount).toBe(1);
    expect(seen.json().items[0]).toMatchObject({
      organisationId: m.draft.id,
      kind: 'reminder',
      cycleName: '2026',
      networkName: 'Leeds Anchors',
    });
    expect((await call(ctx, submittedAdmin, 'GET', '/notices')).json().items).toEqual([]);
  });

  it('leaves out members reminded in the last 24 hours', async () => {
    const setup = await createReminderCycle(ctx);
    await addFiveMembers(setup);
    expect((await remind(setup, setup.coordinator)).json().sent).toBe(4);

    const again = await remind(setup, setup.coordinator);
    expect(again.statusCode).toBe(201);
    expect(again.json()).toMatchObject({ sent: 0, recentlyReminded: 4, organisations: [] });
    expect(await reminderRows(ctx)).toHaveLength(4);

    await ctx.database.db.update(reminders).set({ createdAt: sql`now() - interval '25 hours'` });
    const later = await remind(setup, setup.coordinator);
    expect(later.json()).toMatchObject({ sent: 4, recentlyReminded: 0 });
    expect(await reminderRows(ctx)).toHaveLength(8);
    expect(await noticeRows(ctx)).toHaveLength(8);
  });

  it('answers sent 0 when every member has submitted', async () => {
    const setup = await createReminderCycle(ctx);
    await addMembers(ctx, setup, [{ name: 'Done' }]);
    const res = await remind(setup, setup.coordinator);
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({ sent: 0, recentlyReminded: 0, organisations: [] });
    expect(await reminderRows(ctx)).toEqual([]);
  });

  it('answers 409 cycle_not_open before the cycle opens and after it closes, creating nothing', async () => {
    for (const dates of [
      { opensOn: '2099-01-01', closesOn: '2099-02-01' },
      { opensOn: '2020-01-01', closesOn: '2020-02-01' },
    ]) {
      await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
      const setup = await createReminderCycle(ctx, dates);
      await addFiveMembers(setup);
      const res = await remind(setup, setup.coordinator);
      expect(res.statusCode).toBe(409);
      expect(res.json().code).toBe('cycle_not_open');
      expect(await reminderRows(ctx)).toEqual([]);
      expect(await noticeRows(ctx)).toEqual([]);
    }
  });

  it("answers 403 to a member (named or anonymous) and 404 to a stranger or another network's coordinator", async () => {
    const setup = await createReminderCycle(ctx);
    const m = await addFiveMembers(setup);
    const other = await createReminderCycle(ctx, { networkName: 'Elsewhere' });
    const namedUser = await createMemberUser(ctx, m.draft);
    const anonymousUser = await createMemberUser(ctx, m.hidden);
    for (const user of [namedUser, anonymousUser]) {
      const res = await remind(setup, user);
      expect(res.statusCode).toBe(403);
      expect(res.json().code).toBe('forbidden');
    }
    for (const user of [other.coordinator, await createUser(ctx)]) {
      const res = await remind(setup, user);
      expect(res.statusCode).toBe(404);
      expect(res.json().code).toBe('not_found');
    }
    const missing = await call(
      ctx,
      setup.coordinator,
      'POST',
      '/cycles/00000000-0000-4000-8000-000000000000/reminders',
      {},
    );
    expect(missing.statusCode).toBe(404);
    expect((await remind(setup, null)).statusCode).toBe(401);
    expect(await reminderRows(ctx)).toEqual([]);
  });

  it('refuses a bad body or cycle id with 400, creating nothing', async () => {
    const setup = await createReminderCycle(ctx);
    await addFiveMembers(setup);
    for (const payload of [
      { message: '' },
      { message: '   ' },
      { message: 'x'.repeat(2001) },
      { message: 'a\u0000b' },
      { message: 42 },
      { message: 'hi', to: 'everyone' },
    ]) {
      const res = await remind(setup, setup.coordinator, payload);
      expect(res.statusCode, JSON.stringify(payload)).toBe(400);
    }
    const badId = await call(ctx, setup.coordinator, 'POST', '/cycles/nope/reminders', {});
    expect(badId.statusCode).toBe(400);
    expect(await reminderRows(ctx)).toEqual([]);
  });
});

describe('the reminders job', () => {
  it('without SMTP, marks the reminders sent as notices only, once', async () => {
    const setup = await createReminderCycle(ctx, { reminderDaysBefore: null });
    await addFiveMembers(setup);
    await remind(setup, setup.coordinator);
    expect(ctx.app.mailer.enabled).toBe(false);

    const first = await ctx.app.reminders.runOnce();
    expect(first).toEqual({
      ran: true,
      created: 0,
      claimed: 4,
      emailed: 0,
      failed: 0,
      skipped: 0,
    });
    const rows = await reminderRows(ctx);
    expect(rows.every((r) => r.sentAt instanceof Date)).toBe(true);
    const second = await ctx.app.reminders.runOnce();
    expect(second).toMatchObject({ ran: true, created: 0, claimed: 0 });
    expect(await noticeRows(ctx)).toHaveLength(4);
  });

  it('reminds automatically N days before closing (Europe/London), once per member and date', async () => {
    const setup = await createReminderCycle(ctx, {
      opensOn: '2026-06-01',
      closesOn: '2026-07-08',
      reminderDaysBefore: 7,
    });
    const m = await addFiveMembers(setup);
    // A network that never reminds, and a closed cycle: neither is reminded.
    const never = await createReminderCycle(ctx, {
      networkName: 'Never',
      opensOn: '2026-06-01',
      closesOn: '2026-07-08',
      reminderDaysBefore: null,
    });
    await addMembers(ctx, never, [{ state: 'not_started' }]);
    const closed = await createReminderCycle(ctx, {
      networkName: 'Closed',
      opensOn: '2026-05-01',
      closesOn: '2026-06-29',
      reminderDaysBefore: 30,
    });
    await addMembers(ctx, closed, [{ state: 'not_started' }]);

    // 23:30 on 30 June in London (BST): eight days before, not yet.
    const early = await ctx.app.reminders.runOnce(new Date('2026-06-30T22:30:00Z'));
    expect(early).toMatchObject({ ran: true, created: 0, claimed: 0 });
    // 00:30 on 1 July in London, still 30 June in UTC: seven days before.
    const due = await ctx.app.reminders.runOnce(new Date('2026-06-30T23:30:00Z'));
    expect(due).toMatchObject({ ran: true, created: 4, claimed: 4 });
    const rows = await reminderRows(ctx);
    expect(rows).toHaveLength(4);
    expect(new Set(rows.map((r) => r.organisationId))).toEqual(
      new Set([m.notStarted.id, m.draft.id, m.reopened.id, m.hidden.id]),
    );
    expect(rows.every((r) => r.key === 'auto:7d:2026-07-08' && r.requestedBy === null)).toBe(true);
    const notices = await noticeRows(ctx);
    expect(notices).toHaveLength(4);
    expect(notices[0]?.body).toContain('closes at the end of 8 July 2026 (7 days left)');

    // Later runs (same day, days after) do not remind again.
    for (const now of ['2026-07-01T09:00:00Z', '2026-07-05T09:00:00Z']) {
      expect(await ctx.app.reminders.runOnce(new Date(now))).toMatchObject({ created: 0 });
    }
    // A member that starts later is still reminded once; one that submits is not.
    const [late] = await addMembers(ctx, setup, [{ name: 'Late Joiner', state: 'not_started' }]);
    expect(await ctx.app.reminders.runOnce(new Date('2026-07-06T09:00:00Z'))).toMatchObject({
      created: 1,
    });
    expect((await reminderRows(ctx)).filter((r) => r.organisationId === late?.id)).toHaveLength(1);

    // Extending the cycle reminds again before the new closing date.
    await ctx.database.db
      .update(cycles)
      .set({ closesOn: '2026-07-20' })
      .where(eq(cycles.id, setup.cycle.id));
    expect(await ctx.app.reminders.runOnce(new Date('2026-07-12T09:00:00Z'))).toMatchObject({
      created: 0,
    });
    expect(await ctx.app.reminders.runOnce(new Date('2026-07-13T09:00:00Z'))).toMatchObject({
      created: 5,
    });
    expect(await reminderRows(ctx)).toHaveLength(10);
  });

  it('creates and sends one set when two instances run at once', async () => {
    const setup = await createReminderCycle(ctx, {
      opensOn: '2026-06-01',
      closesOn: '2026-07-08',
      reminderDaysBefore: 7,
    });
    await addFiveMembers(setup);
    const now = new Date('2026-07-02T09:00:00Z');
    const results = await Promise.all([
      ctx.app.reminders.runOnce(now),
      mailApp.reminders.runOnce(now),
      ctx.app.reminders.runOnce(now),
      mailApp2.reminders.runOnce(now),
    ]);
    expect(results.reduce((n, r) => n + r.created, 0)).toBe(4);
    expect(results.reduce((n, r) => n + r.claimed, 0)).toBe(4);
    expect(await reminderRows(ctx)).toHaveLength(4);
    expect(await noticeRows(ctx)).toHaveLength(4);
  });

  it('does nothing while another session holds its lock', async () => {
    const setup = await createReminderCycle(ctx, {
      opensOn: '2026-06-01',
      closesOn: '2026-07-08',
      reminderDaysBefore: 7,
    });
    await addFiveMembers(setup);
    const now = new Date('2026-07-02T09:00:00Z');
    let during: Promise<unknown> | undefined;
    await ctx.database.db.transaction(async (tx) => {
      expect(await tryReminderLock(tx)).toBe(true);
      if (TEST_DB === 'postgres') {
        // Another connection: the job finds the lock taken and leaves the work to its holder.
        expect(await ctx.app.reminders.runOnce(now)).toEqual({
          ran: false,
          created: 0,
          claimed: 0,
          emailed: 0,
          failed: 0,
          skipped: 0,
        });
      } else {
        // PGlite has one connection: a transaction shuts every other statement out, so the run
        // waits until the lock's holder is done.
        during = ctx.app.reminders.runOnce(now);
      }
    });
    if (TEST_DB === 'postgres') {
      expect(await reminderRows(ctx)).toEqual([]);
    } else {
      expect(await during).toMatchObject({ ran: true, created: 4 });
    }
    // Once the lock is free, one run does the work.
    await ctx.app.reminders.runOnce(now);
    expect(await reminderRows(ctx)).toHaveLength(4);
  });
});

describe('reminders by email (SMTP configured)', () => {
  it("emails each admin of a reminded member once, with the coordinator's message and a link", async () => {
    const setup = await createReminderCycle(ctx, { networkName: 'Leeds Anchors' });
    const m = await addFiveMembers(setup);
    const admin = await createMemberUser(ctx, m.draft);
    const secondAdmin = await createUser(ctx, { email: 'second.admin@example.org' });
    await addMember(ctx, m.draft, secondAdmin, 'admin');
    const contributor = await createUser(ctx, { email: 'contributor@example.org' });
    await addMember(ctx, m.draft, contributor, 'contributor');
    const hiddenAdmin = await createMemberUser(ctx, m.hidden);
    const submittedAdmin = await createMemberUser(ctx, m.submitted);

    await remind(setup, setup.coordinator, { message: 'Please finish by Friday.' });
    expect(received).toEqual([]);
    const result = await mailApp.reminders.runOnce();
    expect(result).toEqual({
      ran: true,
      created: 0,
      claimed: 4,
      emailed: 3,
      failed: 0,
      skipped: 0,
    });
    const recipients = received.flatMap((r) => r.to).sort();
    expect(recipients).toEqual([admin.email, secondAdmin.email, hiddenAdmin.email].sort());
    expect(recipients).not.toContain(contributor.email);
    expect(recipients).not.toContain(submittedAdmin.email);
    const mail = readable(received[0]?.raw ?? '');
    expect(mail).toMatch(/^Subject: Reminder: the Leeds Anchors 2026 assessment closes on /m);
    expect(mail).toContain('Please finish by Friday.');
    expect(mail).toContain('https://waymark.example/notices');
    expect((await reminderRows(ctx)).every((r) => r.sentAt !== null)).toBe(true);

    // Never twice: neither this instance nor another sends them again.
    expect(await mailApp.reminders.runOnce()).toMatchObject({ claimed: 0, emailed: 0 });
    expect(await mailApp2.reminders.runOnce()).toMatchObject({ claimed: 0, emailed: 0 });
    expect(received).toHaveLength(3);
  });

  it('sends each mail once when two instances run at once', async () => {
    const setup = await createReminderCycle(ctx, {
      opensOn: '2026-06-01',
      closesOn: '2026-07-08',
      reminderDaysBefore: 7,
    });
    const m = await addFiveMembers(setup);
    const admins = await Promise.all(
      [m.notStarted, m.draft, m.reopened, m.hidden].map((org) => createMemberUser(ctx, org)),
    );
    const now = new Date('2026-07-03T09:00:00Z');
    const results = await Promise.all([
      mailApp.reminders.runOnce(now),
      mailApp2.reminders.runOnce(now),
      mailApp.reminders.runOnce(now),
      mailApp2.reminders.runOnce(now),
    ]);
    expect(results.reduce((n, r) => n + r.emailed, 0)).toBe(4);
    expect(received.flatMap((r) => r.to).sort()).toEqual(admins.map((a) => a.email).sort());
    expect(await reminderRows(ctx)).toHaveLength(4);
  });

  it('does not email a member that submitted or left after it was reminded', async () => {
    const setup = await createReminderCycle(ctx);
    const [submits, leaves, waits] = await addMembers(ctx, setup, [
      { name: 'Submits', state: 'draft' },
      { name: 'Leaves', state: 'not_started' },
      { name: 'Waits', state: 'not_started' },
    ]);
    if (!submits?.assessmentId || !leaves || !waits) throw new Error('members not created');
    for (const org of [submits, leaves]) await createMemberUser(ctx, org);
    const waiting = await createMemberUser(ctx, waits);
    expect((await remind(setup, setup.coordinator)).json().sent).toBe(3);
    await ctx.database.db
      .update(assessments)
      .set({ status: 'submitted' })
      .where(eq(assessments.id, submits.assessmentId));
    await ctx.database.db
      .delete(networkMembers)
      .where(eq(networkMembers.organisationId, leaves.id));

    expect(await mailApp.reminders.runOnce()).toMatchObject({ claimed: 3, emailed: 1, skipped: 2 });
    expect(received.flatMap((r) => r.to)).toEqual([waiting.email]);
  });

  it('does not retry a refused address; puts a reminder back when no mail could go', async () => {
    const setup = await createReminderCycle(ctx);
    const [bouncing, flaky] = await addMembers(ctx, setup, [
      { name: 'Bouncing', state: 'not_started' },
      { name: 'Flaky', state: 'not_started' },
    ]);
    if (!bouncing || !flaky) throw new Error('members not created');
    const bounce = await createUser(ctx, { email: 'bounce@example.org' });
    await addMember(ctx, bouncing, bounce, 'admin');
    const flakyAdmin = await createMemberUser(ctx, flaky);
    await remind(setup, setup.coordinator);

    // The connection fails for the flaky member's mail: nothing went, so it goes on the next run.
    const send = mailApp.mailer.send.bind(mailApp.mailer);
    vi.spyOn(mailApp.mailer, 'send').mockImplementation(async (message) => {
      if (message.to === flakyAdmin.email) throw new Error('connect ECONNREFUSED 127.0.0.1:25');
      return send(message);
    });
    const first = await mailApp.reminders.runOnce();
    expect(first).toMatchObject({ claimed: 2, emailed: 0, failed: 2 });
    const rows = await reminderRows(ctx);
    const sentAt = new Map(rows.map((r) => [r.organisationId, r.sentAt]));
    expect(sentAt.get(bouncing.id)).not.toBeNull();
    expect(sentAt.get(flaky.id)).toBeNull();

    vi.restoreAllMocks();
    const second = await mailApp.reminders.runOnce();
    expect(second).toMatchObject({ claimed: 1, emailed: 1, failed: 0 });
    expect(received.flatMap((r) => r.to)).toEqual([flakyAdmin.email]);
    expect(await mailApp.reminders.runOnce()).toMatchObject({ claimed: 0 });
  });
});

describe('the job on a timer (REMINDER_INTERVAL_SECONDS)', () => {
  async function sentAtOf(organisationId: string) {
    const [row] = await ctx.database.db
      .select({ sentAt: reminders.sentAt })
      .from(reminders)
      .where(eq(reminders.organisationId, organisationId));
    return row?.sentAt ?? null;
  }

  it('runs on its interval and stops when the app closes', async () => {
    const setup = await createReminderCycle(ctx);
    const [first, second] = await addMembers(ctx, setup, [
      { name: 'First', state: 'not_started' },
      { name: 'Second', state: 'not_started' },
    ]);
    if (!first || !second) throw new Error('members not created');
    // The job's timer on a fake clock that also moves with real time (so database I/O is
    // unaffected): after the app closes, the clock is jumped far past any interval.
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    try {
      const timed = await buildApp({
        config: testConfig({ REMINDER_INTERVAL_SECONDS: '1' }),
        database: ctx.database,
      });
      await timed.ready();
      try {
        await remind(setup, setup.coordinator);
        await vi.waitFor(async () => expect(await sentAtOf(first.id)).not.toBeNull(), {
          timeout: 5000,
          interval: 50,
        });
      } finally {
        await timed.close();
      }
      // Closed: a reminder created now stays unsent, however far the clock moves.
      await ctx.database.db
        .update(reminders)
        .set({ sentAt: null, createdAt: sql`now() - interval '25 hours'` });
      await remind(setup, setup.coordinator);
      vi.advanceTimersByTime(60_000);
      await timed.reminders.idle();
      expect(await sentAtOf(first.id)).toBeNull();
    } finally {
      vi.useRealTimers();
    }
  });

  it('starts a run as soon as a coordinator sends a reminder, not at the next tick', async () => {
    const setup = await createReminderCycle(ctx);
    const [member] = await addMembers(ctx, setup, [{ name: 'Soon', state: 'not_started' }]);
    if (!member) throw new Error('member not created');
    // The first tick would come after 30 seconds.
    const timed = await buildApp({
      config: testConfig({ REMINDER_INTERVAL_SECONDS: '3600' }),
      database: ctx.database,
    });
    await timed.ready();
    try {
      const { accessToken } = timed.signAccessToken({
        id: setup.coordinator.id,
        email: setup.coordinator.email,
        name: setup.coordinator.name,
      });
      const res = await timed.inject({
        method: 'POST',
        url: `/api/v1/cycles/${setup.cycle.id}/reminders`,
        headers: { authorization: `Bearer ${accessToken}` },
        payload: {},
      });
      expect(res.statusCode).toBe(201);
      // The run started by the request, not a tick (the first would come after 30 seconds).
      await timed.reminders.idle();
      expect(await sentAtOf(member.id)).not.toBeNull();
    } finally {
      await timed.close();
    }
  });
});

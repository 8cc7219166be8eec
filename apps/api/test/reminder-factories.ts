import { randomUUID } from 'node:crypto';
import { asc, eq } from 'drizzle-orm';
import { cycles, networks, notices, reminders } from '../src/db/schema.js';
import type { TestContext } from './build-test-app.js';
import { createDashboardCycle, type DashboardCycle } from './dashboard-factories.js';

/** Factories and reads for the notices and reminders tests (rows written straight to the database). */

/** A dashboard cycle (see dashboard-factories) with its dates and its network's reminder setting. */
export async function createReminderCycle(
  ctx: TestContext,
  overrides: {
    networkName?: string;
    opensOn?: string;
    closesOn?: string;
    reminderDaysBefore?: number | null;
  } = {},
): Promise<DashboardCycle> {
  const setup = await createDashboardCycle(ctx, { networkName: overrides.networkName });
  if (overrides.opensOn || overrides.closesOn) {
    await ctx.database.db
      .update(cycles)
      .set({
        ...(overrides.opensOn ? { opensOn: overrides.opensOn } : {}),
        ...(overrides.closesOn ? { closesOn: overrides.closesOn } : {}),
      })
      .where(eq(cycles.id, setup.cycle.id));
    if (overrides.closesOn) setup.cycle.closesOn = overrides.closesOn;
  }
  if (overrides.reminderDaysBefore !== undefined) {
    await ctx.database.db
      .update(networks)
      .set({ reminderDaysBefore: overrides.reminderDaysBefore })
      .where(eq(networks.id, setup.network.id));
  }
  return setup;
}

/** A notice for an organisation, `minutesAgo` old (default 0). */
export async function createNotice(
  ctx: TestContext,
  organisation: { id: string },
  overrides: Partial<typeof notices.$inferInsert> & { minutesAgo?: number } = {},
): Promise<{ id: string }> {
  const { minutesAgo = 0, ...values } = overrides;
  const id = values.id ?? randomUUID();
  await ctx.database.db.insert(notices).values({
    id,
    organisationId: organisation.id,
    kind: 'network',
    title: 'Network news',
    body: 'The spring meeting is on 12 March.',
    createdAt: new Date(Date.now() - minutesAgo * 60_000),
    ...values,
  });
  return { id };
}

export function reminderRows(ctx: TestContext) {
  return ctx.database.db
    .select()
    .from(reminders)
    .orderBy(asc(reminders.organisationId), asc(reminders.key));
}

export function noticeRows(ctx: TestContext) {
  return ctx.database.db.select().from(notices).orderBy(asc(notices.organisationId));
}

import { randomUUID } from 'node:crypto';
import { REMINDER_COOLDOWN_HOURS, type TSendCycleReminderResponse } from '@waymark/rubric';
import { format } from 'date-fns';
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../../db/client.js';
import type { CycleRow, NetworkRow } from '../../db/schema.js';
import type { Mailer } from '../../plugins/mailer.js';
import { cycleStatus, londonToday } from '../cycles/cycle-dates.js';
import {
  claimUnsentReminders,
  listCyclesDueForReminder,
  remindPendingMembers,
  tryReminderLock,
  unclaimReminders,
} from './reminders.queries.js';

/**
 * Reminders to members that have not submitted a cycle's assessment (issue 9): a coordinator's,
 * sent at once as notices, and the automatic one a network setting's number of days before the
 * cycle closes. The job (plugins/reminders.ts) creates the automatic ones and emails every unsent
 * reminder to its organisation's admins when SMTP is configured.
 */

export interface ReminderDeps {
  db: Db;
  mailer: Mailer;
  log: FastifyBaseLogger;
  /** Where users reach the app, for the link in the email. */
  publicUrl: string;
}

/** Reminders claimed per run; more wait for the next run. */
export const REMINDER_BATCH_SIZE = 500;

function daysLeftText(daysLeft: number): string {
  if (daysLeft <= 0) return 'today is the last day';
  return daysLeft === 1 ? '1 day left' : `${daysLeft} days left`;
}

/** A reminder notice's title and body (also the email's subject and text). */
export function reminderText(input: {
  networkName: string;
  cycleName: string;
  closesOn: string;
  daysLeft: number;
  message?: string;
}): { title: string; body: string } {
  const closes = format(new Date(`${input.closesOn}T12:00:00Z`), 'd MMMM yyyy');
  const lines = [
    `Your organisation has not submitted its ${input.cycleName} assessment for ${input.networkName} yet. The cycle closes at the end of ${closes} (${daysLeftText(input.daysLeft)}).`,
  ];
  if (input.message) lines.push(`A message from the network's coordinator:\n${input.message}`);
  return {
    title: `Reminder: the ${input.networkName} ${input.cycleName} assessment closes on ${closes}`,
    body: lines.join('\n\n'),
  };
}

/**
 * A coordinator's reminder: one reminder (key `manual:<uuid>`) and notice for every member that
 * has not submitted and was not reminded in the last REMINDER_COOLDOWN_HOURS hours, in one
 * statement. The cycle must be open (the caller checks who may ask).
 */
export async function sendCycleReminder(
  db: Db,
  input: { cycle: CycleRow; network: NetworkRow; userId: string; message?: string; now?: Date },
): Promise<Omit<TSendCycleReminderResponse, 'email'>> {
  const { cycle, network } = input;
  const { daysLeft } = cycleStatus(cycle, input.now);
  const key = `manual:${randomUUID()}`;
  const rows = await remindPendingMembers(db, {
    cycleId: cycle.id,
    networkId: network.id,
    key,
    requestedBy: input.userId,
    cooldownHours: REMINDER_COOLDOWN_HOURS,
    ...reminderText({
      networkName: network.name,
      cycleName: cycle.name,
      closesOn: cycle.closesOn,
      daysLeft: daysLeft ?? 0,
      message: input.message,
    }),
  });
  const reminded = rows.filter((r) => r.reminded);
  return {
    cycleId: cycle.id,
    key,
    sent: reminded.length,
    recentlyReminded: rows.length - reminded.length,
    organisations: reminded.map(({ organisationId, name, sharing, progress }) => ({
      organisationId,
      name,
      sharing,
      progress,
    })),
  };
}

export interface ReminderRunResult {
  /** False when another instance held the lock (it does the work). */
  ran: boolean;
  /** Automatic reminders (and notices) created. */
  created: number;
  /** Unsent reminders taken by this run (sent as notices; emailed when SMTP is configured). */
  claimed: number;
  emailed: number;
  failed: number;
  /** Claimed reminders not emailed because the member has submitted or left since. */
  skipped: number;
}

/** A failure that says nothing was delivered and may pass: no SMTP reply, or a 4xx one. */
function isTransient(error: unknown): boolean {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' ? code < 500 : true;
}

/**
 * One run of the job. Under a transaction-scoped advisory lock (so one instance at a time, on
 * PGlite and PostgreSQL alike): (a) creates the automatic reminders due today (Europe/London) with
 * key `auto:<N>d:<closesOn>` — moving a cycle's closing date reminds again before the new one;
 * (b) claims unsent reminders by marking them sent. After commit, emails the claimed reminders to
 * their organisations' admins when SMTP is configured. Claiming first means a reminder is never
 * emailed twice, even when an instance dies mid-send; a reminder none of whose mails went for a
 * passing reason (no connection, a 4xx reply) is put back for the next run.
 */
export async function runReminderJob(
  deps: ReminderDeps,
  now: Date = new Date(),
): Promise<ReminderRunResult> {
  const today = londonToday(now);
  const outcome = await deps.db.transaction(async (tx) => {
    if (!(await tryReminderLock(tx))) return null;
    let created = 0;
    for (const due of await listCyclesDueForReminder(tx, { today })) {
      const rows = await remindPendingMembers(tx, {
        cycleId: due.cycleId,
        networkId: due.networkId,
        key: `auto:${due.daysBefore}d:${due.closesOn}`,
        requestedBy: null,
        cooldownHours: null,
        ...reminderText({
          networkName: due.networkName,
          cycleName: due.cycleName,
          closesOn: due.closesOn,
          daysLeft: due.daysLeft,
        }),
      });
      created += rows.filter((r) => r.reminded).length;
    }
    const claimed = await claimUnsentReminders(tx, { limit: REMINDER_BATCH_SIZE });
    return { created, claimed };
  });
  if (!outcome) return { ran: false, created: 0, claimed: 0, emailed: 0, failed: 0, skipped: 0 };
  const { created, claimed } = outcome;
  let emailed = 0;
  let failed = 0;
  let skipped = 0;
  if (deps.mailer.enabled) {
    const retry: string[] = [];
    for (const reminder of claimed) {
      if (!reminder.stillPending) {
        skipped += 1;
        continue;
      }
      let delivered = 0;
      let transient = false;
      for (const to of reminder.emails) {
        try {
          await deps.mailer.send({
            to,
            subject: reminder.title,
            text: `${reminder.body}\n\nOpen Waymark to continue: ${deps.publicUrl}/notices\n`,
          });
          delivered += 1;
        } catch (error) {
          transient ||= isTransient(error);
          deps.log.warn({ err: error, reminderId: reminder.id }, 'reminder email not sent');
        }
      }
      emailed += delivered;
      failed += reminder.emails.length - delivered;
      if (delivered === 0 && transient) retry.push(reminder.id);
    }
    await unclaimReminders(deps.db, { ids: retry });
  }
  return { ran: true, created, claimed: claimed.length, emailed, failed, skipped };
}

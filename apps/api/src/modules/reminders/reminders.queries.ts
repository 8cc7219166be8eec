import { type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';

/**
 * The reminders' reads and writes, in plain SQL because each is one statement of several steps
 * (common table expressions). Every statement is scoped to one cycle and its network, or — for the
 * job — to the reminders it claims.
 */

/** An arbitrary constant naming the reminders job among the server's advisory locks. */
export const REMINDERS_LOCK_KEY = 724_051_732;

async function rows<T>(db: Db, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}

/**
 * Takes the reminders job's lock for the calling transaction (released when it ends). False when
 * another instance holds it: that one is doing the work.
 */
export async function tryReminderLock(tx: Db): Promise<boolean> {
  const [row] = await rows<{ locked: boolean }>(
    tx,
    sql`select pg_try_advisory_xact_lock(${sql.raw(String(REMINDERS_LOCK_KEY))}) as locked`,
  );
  return row?.locked === true;
}

export interface PendingMemberRow {
  organisationId: string;
  name: string;
  sharing: 'named' | 'anonymous';
  progress: 'not_started' | 'in_progress';
  /** Whether a reminder (and its notice) was created for it by this statement. */
  reminded: boolean;
}

/**
 * In one statement: every current member of the cycle's network that has not submitted the
 * assessment it linked to the cycle (or linked none) gets a reminder with `key` and a notice with
 * the same id. `ON CONFLICT DO NOTHING` on `reminders_once` (cycle, organisation, key) means a key
 * reminds each member at most once, whoever runs it and however often. With `cooldownHours`,
 * members reminded (with any key) that recently are left out. Returns every member that has not
 * submitted, with whether it was reminded now.
 */
export async function remindPendingMembers(
  db: Db,
  key: {
    cycleId: string;
    networkId: string;
    key: string;
    requestedBy: string | null;
    cooldownHours: number | null;
    title: string;
    body: string;
  },
): Promise<PendingMemberRow[]> {
  const recent =
    key.cooldownHours === null
      ? sql`false`
      : sql`exists (
          select 1 from reminders r
          where r.cycle_id = ${key.cycleId} and r.organisation_id = nm.organisation_id
            and r.created_at > now() - make_interval(hours => ${key.cooldownHours})
        )`;
  return rows<PendingMemberRow>(
    db,
    sql`
      with pending as (
        select nm.organisation_id, o.name, nm.sharing,
          case when ca.assessment_id is null then 'not_started' else 'in_progress' end as progress,
          ${recent} as recent
        from network_members nm
        join organisations o on o.id = nm.organisation_id
        left join cycle_assessments ca
          on ca.cycle_id = ${key.cycleId} and ca.organisation_id = nm.organisation_id
        left join assessments a on a.id = ca.assessment_id
        where nm.network_id = ${key.networkId} and (a.status is null or a.status <> 'submitted')
      ),
      inserted as (
        insert into reminders (cycle_id, organisation_id, key, requested_by)
        select ${key.cycleId}::uuid, organisation_id, ${key.key}, ${key.requestedBy}::uuid
        from pending where not recent
        on conflict (cycle_id, organisation_id, key) do nothing
        returning id, organisation_id
      ),
      noticed as (
        insert into notices (id, organisation_id, network_id, cycle_id, kind, title, body)
        select id, organisation_id, ${key.networkId}::uuid, ${key.cycleId}::uuid, 'reminder', ${key.title}, ${key.body}
        from inserted
        returning id
      )
      select p.organisation_id as "organisationId", p.name, p.sharing, p.progress,
        (i.id is not null) as reminded
      from pending p left join inserted i on i.organisation_id = p.organisation_id
      order by p.name, p.organisation_id
    `,
  );
}

export interface DueCycleRow {
  cycleId: string;
  networkId: string;
  cycleName: string;
  networkName: string;
  closesOn: string;
  daysBefore: number;
  daysLeft: number;
}

/**
 * Open cycles (Europe/London `today`) whose network reminds members `reminder_days_before` days
 * before closing and that close within that many days. "Within", not "exactly": a day on which no
 * instance ran the job is caught up on the next run, and the key keeps it to once.
 */
export async function listCyclesDueForReminder(
  db: Db,
  key: { today: string },
): Promise<DueCycleRow[]> {
  return rows<DueCycleRow>(
    db,
    sql`
      select c.id as "cycleId", c.network_id as "networkId", c.name as "cycleName",
        n.name as "networkName", c.closes_on::text as "closesOn",
        n.reminder_days_before as "daysBefore",
        (c.closes_on - ${key.today}::date) as "daysLeft"
      from cycles c join networks n on n.id = c.network_id
      where n.reminder_days_before is not null
        and c.opens_on <= ${key.today}::date and c.closes_on >= ${key.today}::date
        and c.closes_on - ${key.today}::date <= n.reminder_days_before
      order by c.closes_on, c.id
    `,
  );
}

export interface ClaimedReminderRow {
  id: string;
  organisationId: string;
  title: string;
  body: string;
  /** The organisation's admins' addresses (may be empty). */
  emails: string[];
  /** Still a member that has not submitted: one that submitted or left since is not emailed. */
  stillPending: boolean;
}

/**
 * In one statement: marks up to `limit` unsent reminders sent and returns them with their notice's
 * text, their organisation's admins' email addresses and whether it still has to submit. Claiming before sending is what makes a
 * reminder go at most once even if an instance dies mid-send; `skip locked` keeps two claimers
 * apart even without the advisory lock.
 */
export async function claimUnsentReminders(
  db: Db,
  key: { limit: number },
): Promise<ClaimedReminderRow[]> {
  return rows<ClaimedReminderRow>(
    db,
    sql`
      with claimed as (
        update reminders set sent_at = now()
        where id in (
          select id from reminders where sent_at is null
          order by created_at, id limit ${key.limit}
          for update skip locked
        )
        returning id, cycle_id, organisation_id
      )
      select c.id, c.organisation_id as "organisationId",
        coalesce(n.title, '') as title, coalesce(n.body, '') as body,
        coalesce((
          select json_agg(u.email order by u.email)
          from memberships m join users u on u.id = m.user_id
          where m.organisation_id = c.organisation_id and m.role = 'admin'
        ), '[]'::json) as emails,
        exists (
          select 1 from cycles cy
          join network_members nm
            on nm.network_id = cy.network_id and nm.organisation_id = c.organisation_id
          left join cycle_assessments ca
            on ca.cycle_id = cy.id and ca.organisation_id = c.organisation_id
          left join assessments a on a.id = ca.assessment_id
          where cy.id = c.cycle_id and (a.status is null or a.status <> 'submitted')
        ) as "stillPending"
      from claimed c left join notices n on n.id = c.id
      order by c.id
    `,
  );
}

/** Puts claimed reminders back to unsent (none of their mails went), for the next run to retry. */
export async function unclaimReminders(db: Db, key: { ids: string[] }): Promise<void> {
  if (key.ids.length === 0) return;
  await db.execute(
    sql`update reminders set sent_at = null where id in (${sql.join(
      key.ids.map((id) => sql`${id}::uuid`),
      sql`, `,
    )})`,
  );
}

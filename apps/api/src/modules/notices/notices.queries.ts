import { and, count, desc, eq, isNull, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { cycles, memberships, networks, notices, organisations } from '../../db/schema.js';

/**
 * Notices as the caller may see them: every query is scoped in its own `where` to the
 * organisations the caller is a member of (any role), so another organisation's notice is never
 * found, read or marked.
 */

export interface NoticeRow {
  id: string;
  organisationId: string;
  organisationName: string;
  networkId: string | null;
  networkName: string | null;
  cycleId: string | null;
  cycleName: string | null;
  closesOn: string | null;
  kind: string;
  title: string;
  body: string;
  createdAt: Date;
  readAt: Date | null;
  /** `created_at` to the microsecond (UTC), for the keyset cursor: a JS Date keeps milliseconds. */
  cursorAt: string;
}

/** The position after which the next page starts (newest first). */
export interface NoticeCursor {
  at: string;
  id: string;
}

interface NoticeScope {
  userId: string;
  /** Narrows to one organisation; one the caller is not in matches nothing. */
  organisationId?: string;
}

function callerOrganisations(userId: string) {
  return sql`(select ${memberships.organisationId} from ${memberships} where ${memberships.userId} = ${userId})`;
}

function scopeWhere(scope: NoticeScope): SQL[] {
  const where = [sql`${notices.organisationId} in ${callerOrganisations(scope.userId)}`];
  if (scope.organisationId) where.push(eq(notices.organisationId, scope.organisationId));
  return where;
}

function selectNotices(db: Db) {
  return db
    .select({
      id: notices.id,
      organisationId: notices.organisationId,
      organisationName: organisations.name,
      networkId: notices.networkId,
      networkName: networks.name,
      cycleId: notices.cycleId,
      cycleName: cycles.name,
      closesOn: cycles.closesOn,
      kind: notices.kind,
      title: notices.title,
      body: notices.body,
      createdAt: notices.createdAt,
      readAt: notices.readAt,
      cursorAt: sql<string>`to_char(${notices.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
    })
    .from(notices)
    .innerJoin(organisations, eq(organisations.id, notices.organisationId))
    .leftJoin(networks, eq(networks.id, notices.networkId))
    .leftJoin(cycles, eq(cycles.id, notices.cycleId));
}

/** A page of the caller's notices, newest first; one row more than `limit` tells a next page. */
export async function listNotices(
  db: Db,
  key: NoticeScope & { limit: number; cursor?: NoticeCursor; unreadOnly?: boolean },
): Promise<NoticeRow[]> {
  const where = scopeWhere(key);
  if (key.unreadOnly) where.push(isNull(notices.readAt));
  if (key.cursor) {
    where.push(
      sql`(${notices.createdAt}, ${notices.id}) < (${key.cursor.at}::timestamptz, ${key.cursor.id}::uuid)`,
    );
  }
  return selectNotices(db)
    .where(and(...where))
    .orderBy(desc(notices.createdAt), desc(notices.id))
    .limit(key.limit + 1);
}

export async function countUnreadNotices(db: Db, key: NoticeScope): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(notices)
    .where(and(...scopeWhere(key), isNull(notices.readAt)));
  return row?.n ?? 0;
}

export async function getNotice(
  db: Db,
  key: { noticeId: string; userId: string },
): Promise<NoticeRow | undefined> {
  const [row] = await selectNotices(db)
    .where(and(eq(notices.id, key.noticeId), ...scopeWhere({ userId: key.userId })))
    .limit(1);
  return row;
}

/**
 * Marks one notice read (keeping the first `readAt`) or unread, for its whole organisation.
 * Returns false when the caller cannot see it.
 */
export async function markNotice(
  db: Db,
  key: { noticeId: string; userId: string; read: boolean },
): Promise<boolean> {
  const rows = await db
    .update(notices)
    .set({ readAt: key.read ? sql`coalesce(${notices.readAt}, now())` : null })
    .where(and(eq(notices.id, key.noticeId), ...scopeWhere({ userId: key.userId })))
    .returning({ id: notices.id });
  return rows.length > 0;
}

/** Marks every unread notice in scope read; returns how many were. */
export async function markAllNoticesRead(db: Db, scope: NoticeScope): Promise<number> {
  const rows = await db
    .update(notices)
    .set({ readAt: sql`now()` })
    .where(and(...scopeWhere(scope), isNull(notices.readAt)))
    .returning({ id: notices.id });
  return rows.length;
}

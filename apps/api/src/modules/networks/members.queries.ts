import { and, eq, getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { memberships, networkMembers, organisations } from '../../db/schema.js';

/** Network member queries: plain functions taking `db` (or a transaction) first. */

export type NetworkMemberRow = typeof networkMembers.$inferSelect;
export type Sharing = 'named' | 'anonymous';

/** `"table"."column"`, so that correlated subqueries stay unambiguous (see network-access.ts). */
function col(column: AnyPgColumn) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

export interface VisibleMemberRow {
  organisationId: string;
  name: string;
  type: string;
  sizeBand: string;
  sharing: Sharing;
  joinedAt: Date;
  /** The viewer belongs to this organisation. */
  isOwn: boolean;
  /** The viewer is an admin of this organisation. */
  isAdmin: boolean;
}

function viewerColumns(userId: string) {
  return {
    isOwn: sql<boolean>`exists (
      select 1 from ${memberships}
      where ${col(memberships.organisationId)} = ${col(networkMembers.organisationId)}
        and ${col(memberships.userId)} = ${userId}
    )`,
    isAdmin: sql<boolean>`exists (
      select 1 from ${memberships}
      where ${col(memberships.organisationId)} = ${col(networkMembers.organisationId)}
        and ${col(memberships.userId)} = ${userId}
        and ${col(memberships.role)} = 'admin'
    )`,
  };
}

const memberColumns = {
  organisationId: networkMembers.organisationId,
  name: organisations.name,
  type: organisations.type,
  sizeBand: organisations.sizeBand,
  sharing: sql<Sharing>`${networkMembers.sharing}`,
  joinedAt: networkMembers.joinedAt,
};

/**
 * The members a viewer may see, by name, in one statement: every member for a coordinator; for
 * anyone else the named members and the viewer's own organisations (anonymous ones are not
 * listed to other members). The filter is in the query, not applied afterwards.
 */
export async function listVisibleMembers(
  db: Db,
  key: { networkId: string; userId: string; isCoordinator: boolean },
): Promise<VisibleMemberRow[]> {
  const viewer = viewerColumns(key.userId);
  return db
    .select({ ...memberColumns, isOwn: viewer.isOwn, isAdmin: viewer.isAdmin })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        key.isCoordinator
          ? undefined
          : sql`(${networkMembers.sharing} = 'named' or ${viewer.isOwn})`,
      ),
    )
    .orderBy(sql`lower(${organisations.name})`, networkMembers.organisationId);
}

/** One member with the viewer's relation to it; undefined when the organisation is not a member. */
export async function getMemberForViewer(
  db: Db,
  key: { networkId: string; organisationId: string; userId: string },
): Promise<VisibleMemberRow | undefined> {
  const viewer = viewerColumns(key.userId);
  const [row] = await db
    .select({ ...memberColumns, isOwn: viewer.isOwn, isAdmin: viewer.isAdmin })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        eq(networkMembers.organisationId, key.organisationId),
      ),
    )
    .limit(1);
  return row;
}

export async function isNetworkMember(
  db: Db,
  key: { networkId: string; organisationId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: networkMembers.organisationId })
    .from(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        eq(networkMembers.organisationId, key.organisationId),
      ),
    )
    .limit(1);
  return rows.length > 0;
}

export async function insertNetworkMember(
  db: Db,
  values: { networkId: string; organisationId: string; sharing: Sharing },
): Promise<NetworkMemberRow> {
  const [row] = await db.insert(networkMembers).values(values).returning();
  if (!row) throw new Error('network member not inserted');
  return row;
}

export async function updateNetworkMemberSharing(
  db: Db,
  key: { networkId: string; organisationId: string },
  sharing: Sharing,
): Promise<void> {
  await db
    .update(networkMembers)
    .set({ sharing, updatedAt: sql`now()` })
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        eq(networkMembers.organisationId, key.organisationId),
      ),
    );
}

export async function deleteNetworkMember(
  db: Db,
  key: { networkId: string; organisationId: string },
): Promise<boolean> {
  const rows = await db
    .delete(networkMembers)
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        eq(networkMembers.organisationId, key.organisationId),
      ),
    )
    .returning({ id: networkMembers.organisationId });
  return rows.length > 0;
}

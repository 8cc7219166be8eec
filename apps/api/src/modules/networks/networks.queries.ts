import { and, asc, count, eq, getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import {
  auditEvents,
  memberships,
  type NetworkRow,
  networkCoordinators,
  networkMembers,
  networks,
  users,
} from '../../db/schema.js';

/** Network and coordinator queries: plain functions taking `db` (or a transaction) first. */

export interface NetworkWithRelation extends NetworkRow {
  isCoordinator: boolean;
  memberOrganisations: { organisationId: string; sharing: 'named' | 'anonymous' }[];
}

/**
 * `"table"."column"`. In a single-table select list drizzle renders columns without their table,
 * which turns the correlated subqueries below into `"network_id" = "id"`: ambiguous or wrong.
 */
function col(column: AnyPgColumn) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

export async function insertNetwork(
  db: Db,
  values: { name: string; place: string; description: string | null; createdBy: string },
): Promise<NetworkRow> {
  const [row] = await db.insert(networks).values(values).returning();
  if (!row) throw new Error('network not inserted');
  return row;
}

/** The networks the user coordinates or belongs to through a member organisation, by name. */
export async function listNetworksForUser(db: Db, userId: string): Promise<NetworkWithRelation[]> {
  const isCoordinator = sql<boolean>`exists (
    select 1 from ${networkCoordinators}
    where ${col(networkCoordinators.networkId)} = ${col(networks.id)}
      and ${col(networkCoordinators.userId)} = ${userId}
  )`;
  const memberOrganisations = sql<NetworkWithRelation['memberOrganisations'] | null>`(
    select json_agg(json_build_object(
      'organisationId', ${col(networkMembers.organisationId)},
      'sharing', ${col(networkMembers.sharing)}
    ) order by ${col(networkMembers.organisationId)})
    from ${networkMembers}
    join ${memberships} on ${col(memberships.organisationId)} = ${col(networkMembers.organisationId)}
    where ${col(networkMembers.networkId)} = ${col(networks.id)} and ${col(memberships.userId)} = ${userId}
  )`;
  const rows = await db
    .select({
      network: networks,
      isCoordinator: isCoordinator.as('is_coordinator'),
      memberOrganisations: memberOrganisations.as('member_organisations'),
    })
    .from(networks)
    .where(sql`${isCoordinator} or ${memberOrganisations} is not null`)
    .orderBy(sql`lower(${col(networks.name)})`, asc(networks.createdAt));
  return rows.map((row) => ({
    ...row.network,
    isCoordinator: row.isCoordinator,
    memberOrganisations: row.memberOrganisations ?? [],
  }));
}

export type NetworkChanges = Partial<
  Pick<
    NetworkRow,
    | 'name'
    | 'place'
    | 'description'
    | 'localAuthorityCodes'
    | 'minGroupSize'
    | 'optionalPillars'
    | 'reminderDaysBefore'
  >
>;

export async function updateNetwork(
  db: Db,
  id: string,
  changes: NetworkChanges,
): Promise<NetworkRow> {
  const [row] = await db
    .update(networks)
    .set({ ...changes, updatedAt: sql`now()` })
    .where(eq(networks.id, id))
    .returning();
  if (!row) throw new Error('network not updated');
  return row;
}

/**
 * Serialises changes to a network's coordinators: locks its row `FOR UPDATE` until the transaction
 * ends, but only when `userId` coordinates it, so that a stranger cannot hold the lock. Read the
 * coordinators AFTER this, in a new statement (READ COMMITTED then sees the previous holder's
 * commit). False when the user is not a coordinator (or the network does not exist).
 */
export async function lockNetworkForCoordinator(
  db: Db,
  key: { networkId: string; userId: string },
): Promise<boolean> {
  const rows = await db
    .select({ id: networks.id })
    .from(networks)
    .where(
      and(
        eq(networks.id, key.networkId),
        sql`exists (
          select 1 from ${networkCoordinators}
          where ${col(networkCoordinators.networkId)} = ${col(networks.id)}
            and ${col(networkCoordinators.userId)} = ${key.userId}
        )`,
      ),
    )
    .for('update', { of: networks });
  return rows.length > 0;
}

// ─── Coordinators ───────────────────────────────────────────────────────────────────────────

export interface CoordinatorRow {
  userId: string;
  name: string;
  email: string;
  addedAt: Date;
}

const coordinatorColumns = {
  userId: networkCoordinators.userId,
  name: users.name,
  email: users.email,
  addedAt: networkCoordinators.createdAt,
};

export async function listCoordinators(db: Db, networkId: string): Promise<CoordinatorRow[]> {
  return db
    .select(coordinatorColumns)
    .from(networkCoordinators)
    .innerJoin(users, eq(users.id, networkCoordinators.userId))
    .where(eq(networkCoordinators.networkId, networkId))
    .orderBy(sql`lower(${users.name})`, asc(users.email));
}

export async function getCoordinator(
  db: Db,
  key: { networkId: string; userId: string },
): Promise<CoordinatorRow | undefined> {
  const [row] = await db
    .select(coordinatorColumns)
    .from(networkCoordinators)
    .innerJoin(users, eq(users.id, networkCoordinators.userId))
    .where(
      and(
        eq(networkCoordinators.networkId, key.networkId),
        eq(networkCoordinators.userId, key.userId),
      ),
    )
    .limit(1);
  return row;
}

export async function countCoordinators(db: Db, networkId: string): Promise<number> {
  const [row] = await db
    .select({ n: count() })
    .from(networkCoordinators)
    .where(eq(networkCoordinators.networkId, networkId));
  return Number(row?.n ?? 0);
}

export async function insertCoordinator(
  db: Db,
  values: { networkId: string; userId: string; addedBy: string | null },
): Promise<void> {
  await db.insert(networkCoordinators).values(values);
}

export async function deleteCoordinator(
  db: Db,
  key: { networkId: string; userId: string },
): Promise<void> {
  await db
    .delete(networkCoordinators)
    .where(
      and(
        eq(networkCoordinators.networkId, key.networkId),
        eq(networkCoordinators.userId, key.userId),
      ),
    );
}

/** The account with this email (compared case-insensitively), if any. */
export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<{ id: string; name: string; email: string } | undefined> {
  const [row] = await db
    .select({ id: users.id, name: users.name, email: users.email })
    .from(users)
    .where(eq(sql`lower(${users.email})`, email.toLowerCase()))
    .limit(1);
  return row;
}

/**
 * Appends an audit event about a network (no organisation). `recordAudit`'s entity types are the
 * organisation's; network events are written here with their own.
 */
export async function recordNetworkAudit(
  db: Db,
  event: {
    actorUserId: string;
    entityType: 'network' | 'network_coordinator';
    entityId: string;
    action: string;
    data: Record<string, unknown>;
  },
): Promise<void> {
  await db.insert(auditEvents).values({ ...event, organisationId: null });
}

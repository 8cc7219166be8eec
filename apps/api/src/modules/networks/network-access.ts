import { getTableName, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import type { CycleRow, NetworkRow } from '../../db/schema.js';
import {
  cycles,
  memberships,
  networkCoordinators,
  networkMembers,
  networks,
} from '../../db/schema.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import type { Role } from '../tenancy.js';

/**
 * Who the caller is in a network, in one statement: a coordinator, and/or a person in one or more
 * of its member organisations (with their role there and that organisation's sharing level).
 *
 * The tenancy rule for networks: someone who is neither gets 404 for every network and cycle route
 * (the network's existence is not revealed); a member asking for a coordinator's route gets 403.
 */
export interface NetworkAccess {
  network: NetworkRow;
  isCoordinator: boolean;
  /** The caller's organisations that are members of this network. */
  memberOrganisations: { organisationId: string; role: Role; sharing: 'named' | 'anonymous' }[];
}

/**
 * `"table"."column"`. In a single-table select list drizzle renders columns without their table,
 * which turns the correlated subqueries below into `"network_id" = "id"`: ambiguous or wrong.
 */
function col(column: AnyPgColumn) {
  return sql`${sql.identifier(getTableName(column.table))}.${sql.identifier(column.name)}`;
}

export type NetworkAccessLevel = 'any' | 'coordinator';

interface AccessRow {
  isCoordinator: boolean;
  memberOrganisations: NetworkAccess['memberOrganisations'] | null;
}

function accessColumns(userId: string) {
  return {
    isCoordinator: sql<boolean>`exists (
      select 1 from ${networkCoordinators}
      where ${col(networkCoordinators.networkId)} = ${col(networks.id)}
        and ${col(networkCoordinators.userId)} = ${userId}
    )`.as('is_coordinator'),
    memberOrganisations: sql<AccessRow['memberOrganisations']>`(
      select json_agg(json_build_object(
        'organisationId', ${col(networkMembers.organisationId)},
        'role', ${col(memberships.role)},
        'sharing', ${col(networkMembers.sharing)}
      ) order by ${col(networkMembers.organisationId)})
      from ${networkMembers}
      join ${memberships} on ${col(memberships.organisationId)} = ${col(networkMembers.organisationId)}
      where ${col(networkMembers.networkId)} = ${col(networks.id)} and ${col(memberships.userId)} = ${userId}
    )`.as('member_organisations'),
  };
}

function decide(
  network: NetworkRow | undefined,
  row: AccessRow | undefined,
  level: NetworkAccessLevel,
): NetworkAccess {
  if (!network || !row) throw new NotFoundError();
  const memberOrganisations = row.memberOrganisations ?? [];
  if (!row.isCoordinator && memberOrganisations.length === 0) throw new NotFoundError();
  if (level === 'coordinator' && !row.isCoordinator) throw new ForbiddenError();
  return { network, isCoordinator: row.isCoordinator, memberOrganisations };
}

/** The caller's access to a network (one statement); 404 / 403 as described above. */
export async function requireNetworkAccess(
  db: Db,
  key: { networkId: string; userId: string },
  level: NetworkAccessLevel = 'any',
): Promise<NetworkAccess> {
  const [found] = await db
    .select({ network: networks, ...accessColumns(key.userId) })
    .from(networks)
    .where(sql`${networks.id} = ${key.networkId}`)
    .limit(1);
  return decide(found?.network, found, level);
}

/** The cycle and the caller's access to its network (one statement); 404 / 403 as above. */
export async function requireCycleAccess(
  db: Db,
  key: { cycleId: string; userId: string },
  level: NetworkAccessLevel = 'any',
): Promise<NetworkAccess & { cycle: CycleRow }> {
  const [found] = await db
    .select({ cycle: cycles, network: networks, ...accessColumns(key.userId) })
    .from(cycles)
    .innerJoin(networks, sql`${networks.id} = ${cycles.networkId}`)
    .where(sql`${cycles.id} = ${key.cycleId}`)
    .limit(1);
  if (!found) throw new NotFoundError();
  return { ...decide(found.network, found, level), cycle: found.cycle };
}

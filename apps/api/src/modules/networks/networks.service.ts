import {
  DEFAULT_FRAMEWORK,
  type TCoordinator,
  type TCreateNetworkBody,
  type TNetwork,
  type TUpdateNetworkBody,
} from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import type { NetworkRow } from '../../db/schema.js';
import { ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import { findLocalAuthority } from './local-authorities.js';
import { requireNetworkAccess } from './network-access.js';
import {
  type CoordinatorRow,
  countCoordinators,
  deleteCoordinator,
  findUserByEmail,
  getCoordinator,
  insertCoordinator,
  insertNetwork,
  listCoordinators,
  listNetworksForUser,
  lockNetworkForCoordinator,
  type NetworkChanges,
  recordNetworkAudit,
  updateNetwork,
} from './networks.queries.js';

/**
 * Networks and their coordinators. Every change runs in one transaction with its audit event;
 * changes to the coordinators first lock the network row, so that "at least one coordinator"
 * holds under concurrency.
 */

export interface Actor {
  id: string;
}

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** The optional pillars a network may switch on: those of the default framework. */
const OPTIONAL_PILLAR_IDS = new Set(
  DEFAULT_FRAMEWORK.pillars.filter((pillar) => pillar.optional).map((pillar) => pillar.id),
);

export function toNetwork(
  row: NetworkRow,
  relation: Pick<TNetwork, 'isCoordinator' | 'memberOrganisations'>,
): TNetwork {
  return {
    id: row.id,
    name: row.name,
    place: row.place,
    description: row.description,
    settings: {
      localAuthorities: row.localAuthorityCodes.map((code) => ({
        code,
        // A code dropped from a later list stays visible rather than vanishing.
        name: findLocalAuthority(code)?.name ?? code,
      })),
      minGroupSize: row.minGroupSize,
      optionalPillars: row.optionalPillars,
      reminderDaysBefore: row.reminderDaysBefore,
    },
    isCoordinator: relation.isCoordinator,
    memberOrganisations: relation.memberOrganisations.map((m) => ({
      organisationId: m.organisationId,
      sharing: m.sharing,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

function toCoordinator(row: CoordinatorRow): TCoordinator {
  return { ...row, addedAt: row.addedAt.toISOString() };
}

// ─── Networks ───────────────────────────────────────────────────────────────────────────────

export async function createNetwork(
  db: Db,
  actor: Actor,
  body: TCreateNetworkBody,
): Promise<TNetwork> {
  return inTransaction(db, async (tx) => {
    const row = await insertNetwork(tx, {
      name: body.name,
      place: body.place,
      description: body.description || null,
      createdBy: actor.id,
    });
    await insertCoordinator(tx, { networkId: row.id, userId: actor.id, addedBy: actor.id });
    await recordNetworkAudit(tx, {
      actorUserId: actor.id,
      entityType: 'network',
      entityId: row.id,
      action: 'created',
      data: { name: row.name, place: row.place },
    });
    return toNetwork(row, { isCoordinator: true, memberOrganisations: [] });
  });
}

export async function listNetworks(db: Db, actor: Actor): Promise<TNetwork[]> {
  const rows = await listNetworksForUser(db, actor.id);
  return rows.map((row) => toNetwork(row, row));
}

export async function getNetwork(db: Db, actor: Actor, networkId: string): Promise<TNetwork> {
  const access = await requireNetworkAccess(db, { networkId, userId: actor.id });
  return toNetwork(access.network, access);
}

/** Refuses (422) codes that are not in the shipped list and pillars that are not optional ones. */
function checkSettings(settings: TUpdateNetworkBody['settings']): void {
  const unknownCodes = (settings?.localAuthorityCodes ?? []).filter(
    (code) => !findLocalAuthority(code),
  );
  if (unknownCodes.length > 0) {
    throw new UnprocessableError(
      'unknown_local_authority',
      `Unknown local authority code${unknownCodes.length > 1 ? 's' : ''}: ${unknownCodes.join(', ')}. Use ONS district codes from GET /api/v1/local-authorities.`,
    );
  }
  const unknownPillars = (settings?.optionalPillars ?? []).filter(
    (id) => !OPTIONAL_PILLAR_IDS.has(id),
  );
  if (unknownPillars.length > 0) {
    throw new UnprocessableError(
      'unknown_optional_pillar',
      `Not an optional pillar of the ${DEFAULT_FRAMEWORK.title}: ${unknownPillars.join(', ')}. Optional pillars: ${[...OPTIONAL_PILLAR_IDS].join(', ')}.`,
    );
  }
}

export async function editNetwork(
  db: Db,
  actor: Actor,
  networkId: string,
  body: TUpdateNetworkBody,
): Promise<TNetwork> {
  return inTransaction(db, async (tx) => {
    const access = await requireNetworkAccess(tx, { networkId, userId: actor.id }, 'coordinator');
    checkSettings(body.settings);
    const changes: NetworkChanges = {};
    if (body.name !== undefined) changes.name = body.name;
    if (body.place !== undefined) changes.place = body.place;
    if (body.description !== undefined) changes.description = body.description || null;
    const settings = body.settings ?? {};
    if (settings.localAuthorityCodes !== undefined) {
      changes.localAuthorityCodes = settings.localAuthorityCodes;
    }
    if (settings.minGroupSize !== undefined) changes.minGroupSize = settings.minGroupSize;
    if (settings.optionalPillars !== undefined) changes.optionalPillars = settings.optionalPillars;
    if (settings.reminderDaysBefore !== undefined) {
      changes.reminderDaysBefore = settings.reminderDaysBefore;
    }
    if (Object.keys(changes).length === 0) return toNetwork(access.network, access);
    const row = await updateNetwork(tx, networkId, changes);
    await recordNetworkAudit(tx, {
      actorUserId: actor.id,
      entityType: 'network',
      entityId: networkId,
      action: 'updated',
      data: { changes },
    });
    return toNetwork(row, access);
  });
}

// ─── Coordinators ───────────────────────────────────────────────────────────────────────────

/** Locks the network for a change by a coordinator; 404 / 403 for anyone else. */
async function lockForCoordinatorChange(tx: Db, networkId: string, actor: Actor): Promise<void> {
  if (!(await lockNetworkForCoordinator(tx, { networkId, userId: actor.id }))) {
    await requireNetworkAccess(tx, { networkId, userId: actor.id }, 'coordinator');
    throw new NotFoundError();
  }
}

export async function listNetworkCoordinators(
  db: Db,
  actor: Actor,
  networkId: string,
): Promise<TCoordinator[]> {
  await requireNetworkAccess(db, { networkId, userId: actor.id }, 'coordinator');
  return (await listCoordinators(db, networkId)).map(toCoordinator);
}

export async function addCoordinator(
  db: Db,
  actor: Actor,
  networkId: string,
  email: string,
): Promise<TCoordinator> {
  const normalised = email.trim().toLowerCase();
  return inTransaction(db, async (tx) => {
    await lockForCoordinatorChange(tx, networkId, actor);
    const user = await findUserByEmail(tx, normalised);
    if (!user) {
      throw new UnprocessableError(
        'unknown_user',
        `No Waymark account uses ${normalised}: ask them to register, then add them.`,
      );
    }
    if (await getCoordinator(tx, { networkId, userId: user.id })) {
      throw new ConflictError('already_coordinator', `${user.email} already coordinates it.`);
    }
    await insertCoordinator(tx, { networkId, userId: user.id, addedBy: actor.id });
    await recordNetworkAudit(tx, {
      actorUserId: actor.id,
      entityType: 'network_coordinator',
      entityId: user.id,
      action: 'added',
      data: { networkId, email: user.email },
    });
    const added = await getCoordinator(tx, { networkId, userId: user.id });
    if (!added) throw new Error('coordinator not visible after insert');
    return toCoordinator(added);
  });
}

/** A coordinator removes another, or themself, as long as one remains. */
export async function removeCoordinator(
  db: Db,
  actor: Actor,
  key: { networkId: string; userId: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockForCoordinatorChange(tx, key.networkId, actor);
    const coordinator = await getCoordinator(tx, key);
    if (!coordinator) throw new NotFoundError();
    if ((await countCoordinators(tx, key.networkId)) <= 1) {
      throw new ConflictError(
        'last_coordinator',
        'A network needs at least one coordinator: add someone else first.',
      );
    }
    await deleteCoordinator(tx, key);
    await recordNetworkAudit(tx, {
      actorUserId: actor.id,
      entityType: 'network_coordinator',
      entityId: key.userId,
      action: key.userId === actor.id ? 'left' : 'removed',
      data: { networkId: key.networkId, email: coordinator.email },
    });
  });
}

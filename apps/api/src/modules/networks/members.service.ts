import type { TNetworkMember, TNetworkSharing } from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import { ForbiddenError, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import {
  deleteNetworkMember,
  getMemberForViewer,
  listVisibleMembers,
  updateNetworkMemberSharing,
  type VisibleMemberRow,
} from './members.queries.js';
import { requireNetworkAccess } from './network-access.js';

/**
 * A network's members and their consent. The sharing level is the organisation's own choice:
 * only its admins change it (a coordinator cannot). An admin may take the organisation out of the
 * network, and a coordinator may remove a member (e.g. one that has left the area); both are
 * audited on the organisation. Dashboards and benchmarks read `network_members` live, so a change
 * applies to every view and export from the next request.
 */

export interface Actor {
  id: string;
}

type Key = { networkId: string; organisationId: string };

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

/** Coordinators see every member's level; members see only their own organisations'. */
export function toNetworkMember(row: VisibleMemberRow, isCoordinator: boolean): TNetworkMember {
  return {
    organisationId: row.organisationId,
    name: row.name,
    type: row.type as TNetworkMember['type'],
    sizeBand: row.sizeBand as TNetworkMember['sizeBand'],
    sharing: isCoordinator || row.isOwn ? row.sharing : null,
    joinedAt: row.joinedAt.toISOString(),
    isOwn: row.isOwn,
    canManage: row.isAdmin,
  };
}

export async function listNetworkMembers(
  db: Db,
  actor: Actor,
  networkId: string,
): Promise<{ items: TNetworkMember[]; isCoordinator: boolean }> {
  const access = await requireNetworkAccess(db, { networkId, userId: actor.id });
  const rows = await listVisibleMembers(db, {
    networkId,
    userId: actor.id,
    isCoordinator: access.isCoordinator,
  });
  return {
    items: rows.map((row) => toNetworkMember(row, access.isCoordinator)),
    isCoordinator: access.isCoordinator,
  };
}

/**
 * The member for a change by `actor`: 404 to a stranger to the network, and for a member the
 * actor may not see (another organisation's anonymous membership); 403 when the actor sees it but
 * may not make this change.
 */
async function memberForChange(
  tx: Db,
  actor: Actor,
  key: Key,
  options: { coordinatorMay: boolean; forbidden: string },
) {
  const access = await requireNetworkAccess(tx, { networkId: key.networkId, userId: actor.id });
  const member = await getMemberForViewer(tx, { ...key, userId: actor.id });
  if (!member) throw new NotFoundError();
  if (!access.isCoordinator && member.sharing === 'anonymous' && !member.isOwn) {
    throw new NotFoundError();
  }
  if (!member.isAdmin && !(options.coordinatorMay && access.isCoordinator)) {
    throw new ForbiddenError(options.forbidden);
  }
  return { access, member };
}

export async function changeNetworkSharing(
  db: Db,
  actor: Actor,
  key: Key,
  sharing: TNetworkSharing,
): Promise<TNetworkMember> {
  return inTransaction(db, async (tx) => {
    const { access, member } = await memberForChange(tx, actor, key, {
      coordinatorMay: false,
      forbidden: 'Only an admin of this organisation can change how it shares its results.',
    });
    if (member.sharing !== sharing) {
      await updateNetworkMemberSharing(tx, key, sharing);
      await recordAudit(tx, {
        actorUserId: actor.id,
        organisationId: key.organisationId,
        entityType: 'network_member',
        entityId: key.organisationId,
        action: 'sharing_changed',
        data: { networkId: key.networkId, from: member.sharing, to: sharing },
      });
    }
    return toNetworkMember({ ...member, sharing }, access.isCoordinator);
  });
}

/** An admin of the organisation leaves the network with it; a coordinator removes a member. */
export async function removeNetworkMember(db: Db, actor: Actor, key: Key): Promise<void> {
  await inTransaction(db, async (tx) => {
    const { member } = await memberForChange(tx, actor, key, {
      coordinatorMay: true,
      forbidden:
        'Only an admin of this organisation or a coordinator can take it out of the network.',
    });
    if (!(await deleteNetworkMember(tx, key))) throw new NotFoundError();
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: key.organisationId,
      entityType: 'network_member',
      entityId: key.organisationId,
      action: member.isAdmin ? 'left' : 'removed',
      data: { networkId: key.networkId, sharing: member.sharing },
    });
  });
}

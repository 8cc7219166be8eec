import type {
  TAcceptNetworkInvitationBody,
  TAcceptNetworkInvitationResponse,
  TCreateNetworkInvitationBody,
  TNetworkInvitation,
  TNetworkInvitationImportRow,
  TNetworkInvitationPreview,
  TOrganisation,
} from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import type { NetworkRow } from '../../db/schema.js';
import { AppError, ConflictError, ForbiddenError, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { hashInvitationToken, newInvitationToken } from '../organisations/invitations.queries.js';
import { getOrganisationForMember } from '../organisations/organisations.queries.js';
import { createOrganisation, toOrganisation } from '../organisations/organisations.service.js';
import { requireMembership } from '../tenancy.js';
import type { ParsedRow } from './csv-import.js';
import {
  findNetworkInvitationByTokenHash,
  findPendingNetworkInvitations,
  getNetworkInvitation,
  insertNetworkInvitations,
  listNetworkInvitations,
  markNetworkInvitationAccepted,
  type NetworkInvitationRow,
  type NetworkInvitationWithOrganisation,
  networkInvitationStatus,
  recordAuditEvents,
  revokeNetworkInvitations,
  revokePendingNetworkInvitations,
} from './invitations.queries.js';
import { getMemberForViewer, insertNetworkMember, isNetworkMember } from './members.queries.js';
import { toNetworkMember } from './members.service.js';
import { requireNetworkAccess } from './network-access.js';
import { lockNetworkForCoordinator } from './networks.queries.js';

/**
 * Network invitations: a coordinator invites organisations (one at a time or from a CSV), and an
 * invitation is accepted by an admin of an existing organisation or by someone who creates the
 * organisation on accepting, choosing its sharing level. Changes run in one transaction with
 * their audit events, after locking the network row (`lockNetworkForCoordinator`), so that "one
 * pending invitation per email" holds under concurrency.
 *
 * The link is a bearer secret (256 random bits, only its hash stored) sent to the organisation's
 * contact: unlike an organisation invitation it does not have to be accepted from that email
 * address, because it grants no access to anyone's data, only the chance for an organisation's
 * admin to choose to join; the contact may well pass it to the colleague who administers the
 * organisation on Waymark.
 */

export interface Actor {
  id: string;
}

function inTransaction<T>(db: Db, work: (tx: Db) => Promise<T>): Promise<T> {
  return db.transaction((tx) => work(tx as unknown as Db));
}

function toNetworkInvitation(
  row: NetworkInvitationRow & { acceptedOrganisationName?: string | null },
  now = new Date(),
): TNetworkInvitation {
  return {
    id: row.id,
    organisationName: row.organisationName,
    email: row.email,
    organisationType: row.organisationType as TNetworkInvitation['organisationType'],
    sizeBand: row.sizeBand as TNetworkInvitation['sizeBand'],
    status: networkInvitationStatus(row, now),
    expiresAt: row.expiresAt.toISOString(),
    createdAt: row.createdAt.toISOString(),
    acceptedAt: row.acceptedAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    acceptedOrganisation:
      row.acceptedOrganisationId && row.acceptedOrganisationName
        ? { id: row.acceptedOrganisationId, name: row.acceptedOrganisationName }
        : null,
  };
}

/**
 * Locks the network for a coordinator's change; 404 to a stranger, 403 to a member (the lock is
 * taken only for a coordinator, so that nobody else can hold it).
 */
async function lockAsCoordinator(tx: Db, actor: Actor, networkId: string): Promise<NetworkRow> {
  const locked = await lockNetworkForCoordinator(tx, { networkId, userId: actor.id });
  const access = await requireNetworkAccess(tx, { networkId, userId: actor.id }, 'coordinator');
  if (!locked) throw new NotFoundError();
  return access.network;
}

function invitationAudit(
  actor: Actor,
  row: Pick<NetworkInvitationRow, 'id' | 'networkId' | 'email' | 'organisationName'>,
  action: string,
  data: Record<string, unknown> = {},
) {
  return {
    actorUserId: actor.id,
    organisationId: null,
    entityType: 'network_invitation' as const,
    entityId: row.id,
    action,
    data: {
      networkId: row.networkId,
      email: row.email,
      organisationName: row.organisationName,
      ...data,
    },
  };
}

// ─── One at a time ──────────────────────────────────────────────────────────────────────────

export interface CreatedNetworkInvitation {
  invitation: TNetworkInvitation;
  token: string;
  network: NetworkRow;
}

export async function createNetworkInvitation(
  db: Db,
  actor: Actor,
  networkId: string,
  body: TCreateNetworkInvitationBody,
  ttlDays: number,
): Promise<CreatedNetworkInvitation> {
  const email = body.email.trim().toLowerCase();
  return inTransaction(db, async (tx) => {
    const network = await lockAsCoordinator(tx, actor, networkId);
    // One pending invitation per address: replacing it kills a link that may just have gone out,
    // so it takes an explicit `replace: true`, as for organisation invitations.
    if (!body.replace) {
      const [pending] = await findPendingNetworkInvitations(tx, { networkId, emails: [email] });
      if (pending) {
        throw new ConflictError(
          'invitation_pending',
          `${email} already has a pending invitation to this network (for ${pending.organisationName}), sent ${pending.createdAt.toISOString().slice(0, 10)}. Send with replace to withdraw that link and send a new one.`,
        );
      }
    }
    const replaced = await revokePendingNetworkInvitations(tx, { networkId, email });
    for (const old of replaced) {
      await recordAudit(tx, invitationAudit(actor, old, 'revoked', { reason: 'replaced' }));
    }
    const { token, tokenHash } = newInvitationToken();
    const [row] = await insertNetworkInvitations(tx, { networkId, invitedBy: actor.id, ttlDays }, [
      {
        organisationName: body.organisationName,
        email,
        organisationType: body.organisationType ?? null,
        sizeBand: body.sizeBand ?? null,
        tokenHash,
      },
    ]);
    if (!row) throw new Error('network invitation not inserted');
    await recordAudit(
      tx,
      invitationAudit(actor, row, 'created', { expiresAt: row.expiresAt.toISOString() }),
    );
    return { invitation: toNetworkInvitation(row), token, network };
  });
}

export async function listInvitationsOfNetwork(
  db: Db,
  actor: Actor,
  networkId: string,
): Promise<TNetworkInvitation[]> {
  await requireNetworkAccess(db, { networkId, userId: actor.id }, 'coordinator');
  const now = new Date();
  return (await listNetworkInvitations(db, networkId)).map(
    (row: NetworkInvitationWithOrganisation) => toNetworkInvitation(row, now),
  );
}

/**
 * Revokes a pending (or expired) invitation: its link stops working. Revoking a revoked one
 * changes nothing; an accepted one cannot be revoked (remove the member instead).
 */
export async function revokeNetworkInvitation(
  db: Db,
  actor: Actor,
  key: { networkId: string; invitationId: string },
): Promise<void> {
  await inTransaction(db, async (tx) => {
    await lockAsCoordinator(tx, actor, key.networkId);
    const row = await getNetworkInvitation(tx, { id: key.invitationId, networkId: key.networkId });
    if (!row) throw new NotFoundError();
    if (row.acceptedAt) {
      throw new ConflictError(
        'invitation_accepted',
        'This invitation has been accepted: remove the member instead.',
      );
    }
    if (row.revokedAt) return;
    await revokeNetworkInvitations(tx, [row.id]);
    await recordAudit(tx, invitationAudit(actor, row, 'revoked'));
  });
}

/** Withdraws invitations whose email could not be sent (a link nobody received must not work). */
export async function withdrawUndelivered(
  db: Db,
  actor: Actor,
  invitations: Pick<NetworkInvitationRow, 'id' | 'networkId' | 'email' | 'organisationName'>[],
): Promise<void> {
  if (invitations.length === 0) return;
  await inTransaction(db, async (tx) => {
    await revokeNetworkInvitations(
      tx,
      invitations.map((i) => i.id),
    );
    await recordAuditEvents(
      tx,
      invitations.map((i) => invitationAudit(actor, i, 'revoked', { reason: 'mail_failed' })),
    );
  });
}

// ─── CSV import ─────────────────────────────────────────────────────────────────────────────

export interface ImportedInvitation {
  row: number;
  invitation: NetworkInvitationRow;
  token: string;
}

export interface ImportResult {
  network: NetworkRow;
  /** Every row of the file, in order. */
  rows: TNetworkInvitationImportRow[];
  created: ImportedInvitation[];
}

/**
 * Turns the good rows of a file into invitations, together (one insert, in the transaction that
 * also refuses rows whose email already has a pending invitation). Every row is reported.
 * `readRows` runs once the caller is known to coordinate the network; what it throws (a malformed
 * file) rolls everything back.
 */
export async function importNetworkInvitations(
  db: Db,
  actor: Actor,
  networkId: string,
  readRows: () => ParsedRow[],
  ttlDays: number,
): Promise<ImportResult> {
  return inTransaction(db, async (tx) => {
    const network = await lockAsCoordinator(tx, actor, networkId);
    const parsed = readRows();
    const good = parsed.filter((row) => row.outcome === 'accepted');
    const pending = new Map(
      (
        await findPendingNetworkInvitations(tx, { networkId, emails: good.map((row) => row.email) })
      ).map((row) => [row.email, row]),
    );
    const toCreate = good
      .filter((row) => !pending.has(row.email))
      .map((row) => ({ row, ...newInvitationToken() }));
    const inserted = await insertNetworkInvitations(
      tx,
      { networkId, invitedBy: actor.id, ttlDays },
      toCreate.map(({ row, tokenHash }) => ({
        organisationName: row.organisationName,
        email: row.email,
        organisationType: row.organisationType,
        sizeBand: row.sizeBand,
        tokenHash,
      })),
    );
    const byHash = new Map(inserted.map((row) => [row.tokenHash, row]));
    const created: ImportedInvitation[] = toCreate.map(({ row, token, tokenHash }) => {
      const invitation = byHash.get(tokenHash);
      if (!invitation) throw new Error('imported invitation not returned');
      return { row: row.row, invitation, token };
    });
    const createdByRow = new Map(created.map((c) => [c.row, c]));
    const rows: TNetworkInvitationImportRow[] = parsed.map((row) => {
      const base = { row: row.row, organisationName: row.organisationName, email: row.email };
      if (row.outcome === 'refused') {
        return { ...base, outcome: 'refused', reason: row.reason, detail: row.detail };
      }
      const done = createdByRow.get(row.row);
      if (done) return { ...base, outcome: 'accepted', invitationId: done.invitation.id };
      const old = pending.get(row.email);
      return {
        ...base,
        outcome: 'refused',
        reason: 'invitation_pending',
        detail: `${row.email} already has a pending invitation to this network${old ? `, sent ${old.createdAt.toISOString().slice(0, 10)}` : ''}.`,
      };
    });
    await recordAuditEvents(tx, [
      ...created.map((c) =>
        invitationAudit(actor, c.invitation, 'created', {
          expiresAt: c.invitation.expiresAt.toISOString(),
          source: 'import',
          row: c.row,
        }),
      ),
      {
        actorUserId: actor.id,
        organisationId: null,
        entityType: 'network_invitation',
        entityId: networkId,
        action: 'imported',
        data: {
          networkId,
          rows: rows.length,
          accepted: created.length,
          refused: rows.length - created.length,
        },
      },
    ]);
    return { network, rows, created };
  });
}

// ─── The link: preview and accept ───────────────────────────────────────────────────────────

const INVALID_LINK = 'This invitation link is not valid.';

/** What the accept page shows before sign-in. Unknown token → 404. */
export async function previewNetworkInvitation(
  db: Db,
  token: string,
): Promise<TNetworkInvitationPreview> {
  const row = await findNetworkInvitationByTokenHash(db, hashInvitationToken(token));
  if (!row) throw new NotFoundError(INVALID_LINK);
  return {
    networkName: row.networkName,
    networkPlace: row.networkPlace,
    organisationName: row.organisationName,
    email: row.email,
    organisationType: row.organisationType as TNetworkInvitationPreview['organisationType'],
    sizeBand: row.sizeBand as TNetworkInvitationPreview['sizeBand'],
    expiresAt: row.expiresAt.toISOString(),
    status: networkInvitationStatus(row),
  };
}

function gone(code: string, detail: string): AppError {
  return new AppError(410, code, 'Gone', detail);
}

/**
 * Accepts an invitation for an organisation the caller administers, or for one they create (the
 * organisation creation code path of `POST /organisations`, in this transaction). Single use:
 * the invitation row is locked, checked and marked accepted in the transaction that adds the
 * member, so two accepts of one link cannot both succeed.
 */
export async function acceptNetworkInvitation(
  db: Db,
  actor: Actor,
  body: TAcceptNetworkInvitationBody,
): Promise<TAcceptNetworkInvitationResponse> {
  const tokenHash = hashInvitationToken(body.token);
  return inTransaction(db, async (tx) => {
    const invitation = await findNetworkInvitationByTokenHash(tx, tokenHash, { lock: true });
    if (!invitation) throw new NotFoundError(INVALID_LINK);
    const status = networkInvitationStatus(invitation);
    if (status === 'accepted') {
      throw gone('invitation_used', 'This invitation has already been used.');
    }
    if (status === 'revoked') {
      throw gone(
        'invitation_revoked',
        'This invitation has been withdrawn: ask the network coordinator for a new one.',
      );
    }
    if (status === 'expired') {
      throw gone(
        'invitation_expired',
        'This invitation has expired: ask the network coordinator for a new one.',
      );
    }
    const networkId = invitation.networkId;
    let organisation: TOrganisation;
    if (body.organisationId !== undefined) {
      const organisationId = body.organisationId;
      const role = await requireMembership(tx, { organisationId, userId: actor.id });
      if (role !== 'admin') {
        throw new ForbiddenError(
          'Only an admin of the organisation can accept a network invitation for it.',
        );
      }
      if (await isNetworkMember(tx, { networkId, organisationId })) {
        throw new ConflictError(
          'already_member',
          'This organisation is already a member of the network.',
        );
      }
      const row = await getOrganisationForMember(tx, { organisationId, userId: actor.id });
      if (!row) throw new NotFoundError();
      organisation = toOrganisation(row, role);
    } else if (body.createOrganisation !== undefined) {
      organisation = await createOrganisation(tx, actor, body.createOrganisation);
    } else {
      // The contract's refinement makes this unreachable; keep the type checker and callers honest.
      throw new AppError(400, 'validation_failed', 'Bad Request', 'No organisation given.');
    }
    await insertNetworkMember(tx, {
      networkId,
      organisationId: organisation.id,
      sharing: body.sharing,
    });
    await markNetworkInvitationAccepted(tx, {
      id: invitation.id,
      userId: actor.id,
      organisationId: organisation.id,
    });
    await recordAudit(tx, {
      ...invitationAudit(actor, invitation, 'accepted', {
        acceptedOrganisationId: organisation.id,
        createdOrganisation: body.createOrganisation !== undefined,
      }),
      organisationId: organisation.id,
    });
    await recordAudit(tx, {
      actorUserId: actor.id,
      organisationId: organisation.id,
      entityType: 'network_member',
      entityId: organisation.id,
      action: 'joined',
      data: { networkId, sharing: body.sharing, invitationId: invitation.id },
    });
    const member = await getMemberForViewer(tx, {
      networkId,
      organisationId: organisation.id,
      userId: actor.id,
    });
    if (!member) throw new Error('network member not visible after insert');
    return { networkId, organisation, member: toNetworkMember(member, false) };
  });
}

import { z } from 'zod';
import { ZOrganisationType, ZSizeBand } from '../schemas/framework.js';
import { ZNetworkMember, ZNetworkSharing } from './network-members.js';
import {
  ZCreateOrganisationBody,
  ZInvitationStatus,
  ZInvitationToken,
  ZOrganisation,
} from './organisations.js';
import { ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of network invitations: a coordinator invites organisations
 * one at a time (`POST /networks/:networkId/invitations`) or by CSV
 * (`POST /networks/:networkId/invitations/import`, body `text/csv`); whoever holds the link sees
 * what it offers (`GET /network-invitations/preview?token=…`, public) and, signed in, accepts it
 * for an organisation they administer or for one they create (`POST /network-invitations/accept`).
 * Request bodies are `.strict()`.
 */

const ZTimestamp = z.string().datetime({ offset: true });

export const ZNetworkInvitationParams = z
  .object({ networkId: ZRequestId, invitationId: ZRequestId })
  .strict();
export type TNetworkInvitationParams = z.infer<typeof ZNetworkInvitationParams>;

const ZInvitedOrganisationName = ZText.trim().min(1).max(200);
const ZContactEmail = ZText.trim().max(254).email();

/**
 * `POST /networks/:networkId/invitations` (coordinator). The email is compared case-insensitively;
 * one with a pending invitation to this network answers 409 `invitation_pending` unless
 * `replace: true`, which revokes the old link first. Type and size only prefill the profile of an
 * organisation created on accepting.
 */
export const ZCreateNetworkInvitationBody = z
  .object({
    organisationName: ZInvitedOrganisationName,
    email: ZContactEmail,
    organisationType: ZOrganisationType.optional(),
    sizeBand: ZSizeBand.optional(),
    replace: z.boolean().optional(),
  })
  .strict();
export type TCreateNetworkInvitationBody = z.infer<typeof ZCreateNetworkInvitationBody>;

/** `pending | accepted | revoked | expired`, as for organisation invitations. */
export const ZNetworkInvitationStatus = ZInvitationStatus;
export type TNetworkInvitationStatus = z.infer<typeof ZNetworkInvitationStatus>;

export const ZNetworkInvitation = z.object({
  id: z.uuid(),
  organisationName: z.string(),
  email: z.string(),
  organisationType: ZOrganisationType.nullable(),
  sizeBand: ZSizeBand.nullable(),
  status: ZNetworkInvitationStatus,
  expiresAt: ZTimestamp,
  createdAt: ZTimestamp,
  acceptedAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
  /** The organisation that joined with it (once accepted, while that organisation exists). */
  acceptedOrganisation: z.object({ id: z.uuid(), name: z.string() }).nullable(),
});
export type TNetworkInvitation = z.infer<typeof ZNetworkInvitation>;

/**
 * With mail configured the link goes to the contact by email (`delivery: 'email'`) and is not
 * returned; otherwise the coordinator gets `inviteUrl` to pass on (`delivery: 'link'`).
 */
export const ZInvitationDelivery = z.enum(['email', 'link']);
export type TInvitationDelivery = z.infer<typeof ZInvitationDelivery>;

export const ZCreateNetworkInvitationResponse = z.object({
  invitation: ZNetworkInvitation,
  delivery: ZInvitationDelivery,
  inviteUrl: z.string().optional(),
});
export type TCreateNetworkInvitationResponse = z.infer<typeof ZCreateNetworkInvitationResponse>;

/** `GET /networks/:networkId/invitations` (coordinator): newest first, every status. */
export const ZNetworkInvitationListResponse = z.object({ items: z.array(ZNetworkInvitation) });
export type TNetworkInvitationListResponse = z.infer<typeof ZNetworkInvitationListResponse>;

// ─── CSV import ─────────────────────────────────────────────────────────────────────────────

/** The most data rows one CSV import may hold (a larger file is refused whole). */
export const NETWORK_INVITATION_IMPORT_MAX_ROWS = 1000;

/**
 * Why a row of an import was refused (the web app words each one):
 * - `missing_name`, `name_too_long`, `missing_email`, `invalid_email`: the row's own fields;
 * - `unknown_type`, `unknown_size`: a type or size the file names that is not one we know;
 * - `duplicate_in_file`: the same email on an earlier row of the file;
 * - `invitation_pending`: that email already has a pending invitation to this network;
 * - `invalid_characters`: a NUL or other character that cannot be stored;
 * - `mail_failed`: the invitation email could not be sent, so the invitation was withdrawn.
 */
export const NETWORK_INVITATION_IMPORT_REFUSALS = [
  'missing_name',
  'name_too_long',
  'missing_email',
  'invalid_email',
  'unknown_type',
  'unknown_size',
  'duplicate_in_file',
  'invitation_pending',
  'invalid_characters',
  'mail_failed',
] as const;
export const ZNetworkInvitationImportRefusal = z.enum(NETWORK_INVITATION_IMPORT_REFUSALS);
export type TNetworkInvitationImportRefusal = z.infer<typeof ZNetworkInvitationImportRefusal>;

/** One data row of the file: `row` is its line in the file (the header is line 1, so rows start at 2). */
export const ZNetworkInvitationImportRow = z.object({
  row: z.number().int().min(1),
  organisationName: z.string(),
  email: z.string(),
  outcome: z.enum(['accepted', 'refused']),
  /** Set when refused. */
  reason: ZNetworkInvitationImportRefusal.optional(),
  /** A plain-English detail of the refusal (the web app may show its own wording of `reason`). */
  detail: z.string().optional(),
  /** The invitation created from an accepted row. */
  invitationId: z.uuid().optional(),
  /** The link to pass on, for an accepted row when mail is not configured. */
  inviteUrl: z.string().optional(),
});
export type TNetworkInvitationImportRow = z.infer<typeof ZNetworkInvitationImportRow>;

/**
 * `POST /networks/:networkId/invitations/import` (coordinator), body `text/csv` in UTF-8: a header
 * row naming the columns (case-insensitive: "Organisation name", "Contact email", and optionally
 * "Type", "Size"), then one organisation per row. A malformed file (not CSV, not UTF-8, a required
 * column missing, no rows, more than `NETWORK_INVITATION_IMPORT_MAX_ROWS`) answers 422 with a
 * `csv_*` code and creates nothing; otherwise the good rows become invitations together and every
 * row is reported.
 */
export const ZNetworkInvitationImportResponse = z.object({
  accepted: z.number().int(),
  refused: z.number().int(),
  delivery: ZInvitationDelivery,
  rows: z.array(ZNetworkInvitationImportRow),
});
export type TNetworkInvitationImportResponse = z.infer<typeof ZNetworkInvitationImportResponse>;

// ─── The link: preview and accept ───────────────────────────────────────────────────────────

/** `GET /network-invitations/preview?token=…` (public). */
export const ZNetworkInvitationTokenQuery = z.object({ token: ZInvitationToken }).strict();
export type TNetworkInvitationTokenQuery = z.infer<typeof ZNetworkInvitationTokenQuery>;

/** What the accept page shows before sign-in; `status` says whether the link still works. */
export const ZNetworkInvitationPreview = z.object({
  networkName: z.string(),
  networkPlace: z.string(),
  organisationName: z.string(),
  email: z.string(),
  organisationType: ZOrganisationType.nullable(),
  sizeBand: ZSizeBand.nullable(),
  expiresAt: ZTimestamp,
  status: ZNetworkInvitationStatus,
});
export type TNetworkInvitationPreview = z.infer<typeof ZNetworkInvitationPreview>;

/**
 * `POST /network-invitations/accept` (signed in). Exactly one of: `organisationId`, an existing
 * organisation the caller administers; or `createOrganisation`, the profile of a new one (as for
 * `POST /organisations`) that the caller creates and becomes admin of. `sharing` is the consent
 * chosen. One object rather than a union, so that every issue names its field.
 */
export const ZAcceptNetworkInvitationBody = z
  .object({
    token: ZInvitationToken,
    sharing: ZNetworkSharing,
    organisationId: ZRequestId.optional(),
    createOrganisation: ZCreateOrganisationBody.optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    const given =
      Number(body.organisationId !== undefined) + Number(body.createOrganisation !== undefined);
    if (given !== 1) {
      ctx.addIssue({
        code: 'custom',
        path: [body.organisationId === undefined ? 'organisationId' : 'createOrganisation'],
        message: 'give exactly one of organisationId and createOrganisation',
        params: { code: 'organisation_choice' },
      });
    }
  });
export type TAcceptNetworkInvitationBody = z.infer<typeof ZAcceptNetworkInvitationBody>;

/** The network joined, the organisation (with the caller's role) and its membership. */
export const ZAcceptNetworkInvitationResponse = z.object({
  networkId: z.uuid(),
  organisation: ZOrganisation,
  member: ZNetworkMember,
});
export type TAcceptNetworkInvitationResponse = z.infer<typeof ZAcceptNetworkInvitationResponse>;

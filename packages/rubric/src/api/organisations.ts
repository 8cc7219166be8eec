import { z } from 'zod';
import { ZOrganisationType, ZSizeBand } from '../schemas/framework.js';
import { ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of the organisations, members and invitations routes, shared
 * by the API and the web app. Request bodies are `.strict()`: unknown fields are rejected.
 */

const ZTimestamp = z.string().datetime({ offset: true });

/** A member's role in one organisation (DESIGN.md, roles). */
export const MEMBER_ROLES = ['admin', 'contributor', 'viewer'] as const;
export const ZMemberRole = z.enum(MEMBER_ROLES);
export type TMemberRole = z.infer<typeof ZMemberRole>;

// ─── Organisations ──────────────────────────────────────────────────────────────────────────

const ZOrganisationName = ZText.trim().min(1).max(200);
/** Optional free text of the profile; `null` clears it on PATCH. */
const ZOptionalProfileText = ZText.trim().min(1).max(200).nullable().optional();
const ZEmployees = z.number().int().min(0).max(10_000_000).nullable().optional();

export const ZOrganisationParams = z.object({ orgId: ZRequestId }).strict();
export type TOrganisationParams = z.infer<typeof ZOrganisationParams>;

/** `POST /organisations`: the creator becomes its admin. */
export const ZCreateOrganisationBody = z
  .object({
    name: ZOrganisationName,
    type: ZOrganisationType,
    sector: ZOptionalProfileText,
    sizeBand: ZSizeBand,
    localAuthority: ZOptionalProfileText,
    employees: ZEmployees,
  })
  .strict();
export type TCreateOrganisationBody = z.infer<typeof ZCreateOrganisationBody>;

/** `PATCH /organisations/:orgId` (admin): any profile fields, at least one. */
export const ZUpdateOrganisationBody = z
  .object({
    name: ZOrganisationName.optional(),
    type: ZOrganisationType.optional(),
    sector: ZOptionalProfileText,
    sizeBand: ZSizeBand.optional(),
    localAuthority: ZOptionalProfileText,
    employees: ZEmployees,
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'at least one field must be given',
  });
export type TUpdateOrganisationBody = z.infer<typeof ZUpdateOrganisationBody>;

/** An organisation's profile with the caller's role in it. */
export const ZOrganisation = z.object({
  id: z.uuid(),
  name: z.string(),
  type: ZOrganisationType,
  sector: z.string().nullable(),
  sizeBand: ZSizeBand,
  localAuthority: z.string().nullable(),
  employees: z.number().int().nullable(),
  /** The caller's role. */
  role: ZMemberRole,
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TOrganisation = z.infer<typeof ZOrganisation>;

/** `GET /organisations`: the caller's organisations, by name. */
export const ZOrganisationListResponse = z.object({ items: z.array(ZOrganisation) });
export type TOrganisationListResponse = z.infer<typeof ZOrganisationListResponse>;

// ─── Members ────────────────────────────────────────────────────────────────────────────────

export const ZMemberParams = z.object({ orgId: ZRequestId, userId: ZRequestId }).strict();
export type TMemberParams = z.infer<typeof ZMemberParams>;

export const ZMember = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  role: ZMemberRole,
  joinedAt: ZTimestamp,
});
export type TMember = z.infer<typeof ZMember>;

/** `GET /organisations/:orgId/members`: admins first, then by name. */
export const ZMemberListResponse = z.object({ items: z.array(ZMember) });
export type TMemberListResponse = z.infer<typeof ZMemberListResponse>;

/** `PATCH /organisations/:orgId/members/:userId` (admin). Answers the updated `ZMember`. */
export const ZUpdateMemberBody = z.object({ role: ZMemberRole }).strict();
export type TUpdateMemberBody = z.infer<typeof ZUpdateMemberBody>;

// ─── Invitations ────────────────────────────────────────────────────────────────────────────

export const INVITATION_STATUSES = ['pending', 'accepted', 'revoked', 'expired'] as const;
export const ZInvitationStatus = z.enum(INVITATION_STATUSES);
export type TInvitationStatus = z.infer<typeof ZInvitationStatus>;

/** The secret of an invitation link: 32 random bytes, base64url. */
export const ZInvitationToken = ZText.regex(
  /^[A-Za-z0-9_-]{16,128}$/,
  'must be an invitation token',
);

export const ZInvitationParams = z.object({ orgId: ZRequestId, invitationId: ZRequestId }).strict();
export type TInvitationParams = z.infer<typeof ZInvitationParams>;

/**
 * `POST /organisations/:orgId/invitations` (admin). The email is compared case-insensitively.
 * An address with a pending invitation answers 409 `invitation_pending` (the detail says when it
 * was sent and with which role) unless `replace: true`, which revokes the old link first.
 */
export const ZCreateInvitationBody = z
  .object({
    email: ZText.trim().max(254).email(),
    role: ZMemberRole,
    replace: z.boolean().optional(),
  })
  .strict();
export type TCreateInvitationBody = z.infer<typeof ZCreateInvitationBody>;

export const ZInvitation = z.object({
  id: z.uuid(),
  email: z.string(),
  role: ZMemberRole,
  status: ZInvitationStatus,
  expiresAt: ZTimestamp,
  createdAt: ZTimestamp,
  acceptedAt: ZTimestamp.nullable(),
  revokedAt: ZTimestamp.nullable(),
});
export type TInvitation = z.infer<typeof ZInvitation>;

/**
 * With mail configured the link goes to the invitee by email (`delivery: 'email'`) and is not
 * returned; otherwise the admin gets `inviteUrl` to pass on (`delivery: 'link'`).
 */
export const ZCreateInvitationResponse = z.object({
  invitation: ZInvitation,
  delivery: z.enum(['email', 'link']),
  inviteUrl: z.string().optional(),
});
export type TCreateInvitationResponse = z.infer<typeof ZCreateInvitationResponse>;

/** `GET /organisations/:orgId/invitations` (admin): newest first, every status. */
export const ZInvitationListResponse = z.object({ items: z.array(ZInvitation) });
export type TInvitationListResponse = z.infer<typeof ZInvitationListResponse>;

/** `GET /invitations/preview?token=…` (public): what the accept page shows before sign-in. */
export const ZInvitationPreviewQuery = z.object({ token: ZInvitationToken }).strict();
export type TInvitationPreviewQuery = z.infer<typeof ZInvitationPreviewQuery>;

export const ZInvitationPreview = z.object({
  organisationName: z.string(),
  role: ZMemberRole,
  email: z.string(),
  expiresAt: ZTimestamp,
  status: ZInvitationStatus,
});
export type TInvitationPreview = z.infer<typeof ZInvitationPreview>;

/** `POST /invitations/accept` (signed in, with the invited email). */
export const ZAcceptInvitationBody = z.object({ token: ZInvitationToken }).strict();
export type TAcceptInvitationBody = z.infer<typeof ZAcceptInvitationBody>;

/** The organisation joined, with the new role: the web app switches to it. */
export const ZAcceptInvitationResponse = z.object({ organisation: ZOrganisation });
export type TAcceptInvitationResponse = z.infer<typeof ZAcceptInvitationResponse>;

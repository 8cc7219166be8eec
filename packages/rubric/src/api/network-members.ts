import { z } from 'zod';
import { ZOrganisationType, ZSizeBand } from '../schemas/framework.js';
import { ZRequestId } from './text.js';

/**
 * The request and response contract of `/networks/:networkId/members`: who is in a network, with
 * which sharing level, changing it and leaving. Request bodies are `.strict()`.
 */

const ZTimestamp = z.string().datetime({ offset: true });

/**
 * How a member shares its results with the network (DESIGN.md, NetworkMember): `named` —
 * coordinators see its scores; `anonymous` — it only counts in aggregates and is not listed to
 * other members.
 */
export const NETWORK_SHARING_LEVELS = ['named', 'anonymous'] as const;
export const ZNetworkSharing = z.enum(NETWORK_SHARING_LEVELS);
export type TNetworkSharing = z.infer<typeof ZNetworkSharing>;

export const ZNetworkMemberParams = z
  .object({ networkId: ZRequestId, organisationId: ZRequestId })
  .strict();
export type TNetworkMemberParams = z.infer<typeof ZNetworkMemberParams>;

/**
 * One member organisation as the caller may see it. Coordinators see every member with its sharing
 * level; a member organisation's people see the named members and their own organisations, and
 * the sharing level only of their own (`sharing: null` for the others).
 */
export const ZNetworkMember = z.object({
  organisationId: z.uuid(),
  name: z.string(),
  type: ZOrganisationType,
  sizeBand: ZSizeBand,
  /** `null` when the caller may not see it (another member's level, seen by a member). */
  sharing: ZNetworkSharing.nullable(),
  joinedAt: ZTimestamp,
  /** The caller belongs to this organisation. */
  isOwn: z.boolean(),
  /** The caller may change its sharing level and make it leave (an admin of the organisation). */
  canManage: z.boolean(),
});
export type TNetworkMember = z.infer<typeof ZNetworkMember>;

/** `GET /networks/:networkId/members` (coordinator or member organisation): by name. */
export const ZNetworkMemberListResponse = z.object({
  items: z.array(ZNetworkMember),
  /** The caller coordinates the network (sees every member and their sharing levels). */
  isCoordinator: z.boolean(),
});
export type TNetworkMemberListResponse = z.infer<typeof ZNetworkMemberListResponse>;

/**
 * `PATCH /networks/:networkId/members/:organisationId` (an admin of that organisation only; a
 * coordinator cannot change a member's consent). Applies to every view and export at once.
 * Answers the updated `ZNetworkMember`.
 */
export const ZUpdateNetworkMemberBody = z.object({ sharing: ZNetworkSharing }).strict();
export type TUpdateNetworkMemberBody = z.infer<typeof ZUpdateNetworkMemberBody>;

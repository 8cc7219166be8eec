import { z } from 'zod';
import { ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of the networks, coordinators and local-authority routes,
 * shared by the API and the web app. Request bodies are `.strict()`: unknown fields are rejected.
 * Whether a local authority code or an optional pillar exists is checked by the API (422 naming
 * the unknown ones), against the shipped list and the default framework.
 */

const ZTimestamp = z.string().datetime({ offset: true });

/** DESIGN.md: aggregates show at least 5 organisations by default, never fewer than 3. */
export const DEFAULT_MIN_GROUP_SIZE = 5;
export const MIN_GROUP_SIZE_FLOOR = 3;
export const MAX_GROUP_SIZE = 1000;

export const ZNetworkParams = z.object({ networkId: ZRequestId }).strict();
export type TNetworkParams = z.infer<typeof ZNetworkParams>;

export const ZCoordinatorParams = z.object({ networkId: ZRequestId, userId: ZRequestId }).strict();
export type TCoordinatorParams = z.infer<typeof ZCoordinatorParams>;

// ─── Local authorities ──────────────────────────────────────────────────────────────────────

/** An ONS local authority district code, e.g. `E08000035` (Leeds). */
export const ZLocalAuthorityCode = ZText.trim()
  .toUpperCase()
  .regex(/^[ENSW]\d{8}$/, 'must be an ONS local authority district code such as E08000035');

/** One district of the shipped list (`GET /local-authorities`). */
export const ZLocalAuthority = z.object({
  code: z.string(),
  name: z.string(),
  nation: z.string(),
  region: z.string(),
});
export type TLocalAuthority = z.infer<typeof ZLocalAuthority>;

export const ZLocalAuthorityListResponse = z.object({ items: z.array(ZLocalAuthority) });
export type TLocalAuthorityListResponse = z.infer<typeof ZLocalAuthorityListResponse>;

/** A district as a network's settings show it. */
export const ZLocalAuthorityRef = z.object({ code: z.string(), name: z.string() });
export type TLocalAuthorityRef = z.infer<typeof ZLocalAuthorityRef>;

// ─── Networks ───────────────────────────────────────────────────────────────────────────────

const ZNetworkName = ZText.trim().min(1).max(200);
const ZPlace = ZText.trim().min(1).max(200);
const ZDescription = ZText.trim().max(2000);

function unique<T>(items: readonly T[]): boolean {
  return new Set(items).size === items.length;
}

/** `POST /networks`: the creator becomes its coordinator. */
export const ZCreateNetworkBody = z
  .object({
    name: ZNetworkName,
    place: ZPlace,
    description: ZDescription.optional(),
  })
  .strict();
export type TCreateNetworkBody = z.infer<typeof ZCreateNetworkBody>;

/** The settings a coordinator may change; each may be left out. */
export const ZUpdateNetworkSettings = z
  .object({
    localAuthorityCodes: z
      .array(ZLocalAuthorityCode)
      .max(400)
      .refine(unique, 'must not list a local authority twice')
      .optional(),
    minGroupSize: z
      .number()
      .int()
      .min(
        MIN_GROUP_SIZE_FLOOR,
        `must be at least ${MIN_GROUP_SIZE_FLOOR}, so that no member can be singled out in an aggregate`,
      )
      .max(MAX_GROUP_SIZE)
      .optional(),
    /** Ids of optional pillars of the default framework (e.g. `service-delivery`). */
    optionalPillars: z
      .array(ZText.trim().min(1).max(100))
      .max(50)
      .refine(unique, 'must not list a pillar twice')
      .optional(),
    /** Days before a cycle closes to remind members who have not submitted; `null`: never. */
    reminderDaysBefore: z.number().int().min(1).max(90).nullable().optional(),
  })
  .strict();
export type TUpdateNetworkSettings = z.infer<typeof ZUpdateNetworkSettings>;

/** `PATCH /networks/:networkId` (coordinator): any fields, at least one; `null` clears the description. */
export const ZUpdateNetworkBody = z
  .object({
    name: ZNetworkName.optional(),
    place: ZPlace.optional(),
    description: ZDescription.nullable().optional(),
    settings: ZUpdateNetworkSettings.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'at least one field must be given',
  });
export type TUpdateNetworkBody = z.infer<typeof ZUpdateNetworkBody>;

export const ZNetworkSettings = z.object({
  localAuthorities: z.array(ZLocalAuthorityRef),
  minGroupSize: z.number().int(),
  optionalPillars: z.array(z.string()),
  reminderDaysBefore: z.number().int().nullable(),
});
export type TNetworkSettings = z.infer<typeof ZNetworkSettings>;

/** Kept local: the members contract owns the sharing-level schema of its own requests. */
const ZMemberSharing = z.enum(['named', 'anonymous']);

/** A network with the caller's relation to it: coordinator, and/or through member organisations. */
export const ZNetwork = z.object({
  id: z.uuid(),
  name: z.string(),
  place: z.string(),
  description: z.string().nullable(),
  settings: ZNetworkSettings,
  isCoordinator: z.boolean(),
  /** The caller's organisations that are members, with their sharing level. */
  memberOrganisations: z.array(z.object({ organisationId: z.uuid(), sharing: ZMemberSharing })),
  createdAt: ZTimestamp,
  updatedAt: ZTimestamp,
});
export type TNetwork = z.infer<typeof ZNetwork>;

/** `GET /networks`: the networks the caller coordinates or belongs to, by name. */
export const ZNetworkListResponse = z.object({ items: z.array(ZNetwork) });
export type TNetworkListResponse = z.infer<typeof ZNetworkListResponse>;

// ─── Coordinators ───────────────────────────────────────────────────────────────────────────

export const ZCoordinator = z.object({
  userId: z.uuid(),
  name: z.string(),
  email: z.string(),
  addedAt: ZTimestamp,
});
export type TCoordinator = z.infer<typeof ZCoordinator>;

/** `GET /networks/:networkId/coordinators` (coordinator): by name. */
export const ZCoordinatorListResponse = z.object({ items: z.array(ZCoordinator) });
export type TCoordinatorListResponse = z.infer<typeof ZCoordinatorListResponse>;

/** `POST /networks/:networkId/coordinators` (coordinator): someone who already has an account. */
export const ZAddCoordinatorBody = z.object({ email: ZText.trim().max(254).email() }).strict();
export type TAddCoordinatorBody = z.infer<typeof ZAddCoordinatorBody>;

import { z } from 'zod';
import { ZSlug } from '../schemas/framework.js';
import { ZBenchmarkStat } from '../scoring/schemas.js';
import { ZAssessmentStatus } from './assessments.js';
import { ZCycleStatus } from './cycle-status.js';
import { storable, ZRequestId, ZText } from './text.js';

/**
 * The request and response contract of the cycles routes (issue 9): a network's yearly cycles,
 * starting an organisation's assessment from a cycle, and the member's benchmark.
 *
 * Dates are calendar dates (`YYYY-MM-DD`); a cycle is open from the start of `opensOn` to the end of
 * `closesOn` in Europe/London. Request bodies are `.strict()`: unknown fields are rejected.
 */

const ZId = z.uuid();
const ZDateTime = z.iso.datetime({ offset: true });
/** A calendar date in a request: `YYYY-MM-DD`, a real day. */
const ZRequestDate = storable(z.iso.date());
const ZCycleName = ZText.trim().min(1).max(80);

export { CYCLE_STATUSES, type TCycleStatus, ZCycleStatus } from './cycle-status.js';

export const ZNetworkCyclesParams = z.object({ networkId: ZRequestId }).strict();
export type TNetworkCyclesParams = z.infer<typeof ZNetworkCyclesParams>;

export const ZCycleParams = z.object({ cycleId: ZRequestId }).strict();
export type TCycleParams = z.infer<typeof ZCycleParams>;

/** `POST /networks/:networkId/cycles` (coordinators): a published framework version, closesOn ≥ opensOn. */
export const ZCreateCycleBody = z
  .object({
    name: ZCycleName,
    frameworkId: storable(ZSlug),
    frameworkVersion: z.number().int().min(1),
    opensOn: ZRequestDate,
    closesOn: ZRequestDate,
  })
  .strict()
  .refine((b) => b.closesOn >= b.opensOn, {
    message: 'closesOn must be on or after opensOn',
    path: ['closesOn'],
  });
export type TCreateCycleBody = z.infer<typeof ZCreateCycleBody>;

/**
 * `PATCH /cycles/:cycleId` (coordinators): rename, move the dates (extend or reopen by moving
 * `closesOn`), or change the framework version while no assessment is linked. At least one field.
 */
export const ZUpdateCycleBody = z
  .object({
    name: ZCycleName.optional(),
    frameworkVersion: z.number().int().min(1).optional(),
    opensOn: ZRequestDate.optional(),
    closesOn: ZRequestDate.optional(),
  })
  .strict()
  .refine((body) => Object.values(body).some((v) => v !== undefined), {
    message: 'at least one field must be given',
  });
export type TUpdateCycleBody = z.infer<typeof ZUpdateCycleBody>;

/** A cycle with its status now and the days left until it closes (0 on its last day; null unless open). */
export const ZCycle = z.object({
  id: ZId,
  networkId: ZId,
  name: z.string(),
  frameworkId: ZSlug,
  frameworkVersion: z.number().int().min(1),
  opensOn: z.iso.date(),
  closesOn: z.iso.date(),
  status: ZCycleStatus,
  daysLeft: z.number().int().min(0).nullable(),
  createdAt: ZDateTime,
  updatedAt: ZDateTime,
});
export type TCycle = z.infer<typeof ZCycle>;

export const ZCycleListResponse = z.object({ items: z.array(ZCycle) });
export type TCycleListResponse = z.infer<typeof ZCycleListResponse>;

/** One of the caller's member organisations in a cycle, with its linked assessment if any. */
export const ZCycleOrganisation = z.object({
  organisationId: ZId,
  assessment: z.object({ id: ZId, status: ZAssessmentStatus }).nullable(),
});
export type TCycleOrganisation = z.infer<typeof ZCycleOrganisation>;

/** `GET /cycles/:cycleId`: the cycle and, for a member, its organisations' linked assessments. */
export const ZCycleDetail = ZCycle.extend({
  yourOrganisations: z.array(ZCycleOrganisation),
});
export type TCycleDetail = z.infer<typeof ZCycleDetail>;

/** `POST /cycles/:cycleId/assessments` (writer or admin of a member organisation, cycle open). */
export const ZStartCycleAssessmentBody = z.object({ organisationId: ZRequestId }).strict();
export type TStartCycleAssessmentBody = z.infer<typeof ZStartCycleAssessmentBody>;

export const ZCycleAssessmentLink = z.object({
  cycleId: ZId,
  organisationId: ZId,
  assessmentId: ZId,
  status: ZAssessmentStatus,
  /** True when the assessment was already linked to another network's open cycle and is shared. */
  shared: z.boolean(),
});
export type TCycleAssessmentLink = z.infer<typeof ZCycleAssessmentLink>;

/** `GET /cycles/:cycleId/benchmark?organisationId=` (any person of a member organisation). */
export const ZCycleBenchmarkQuery = z.object({ organisationId: ZRequestId }).strict();
export type TCycleBenchmarkQuery = z.infer<typeof ZCycleBenchmarkQuery>;

export const ZQuartile = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);

/** One figure of a group: statistics or `suppressed`, with the caller's own score and quartile. */
export const ZCycleBenchmarkFigure = z.object({
  stat: ZBenchmarkStat,
  /** The organisation's own score, null when it has not submitted or the figure does not apply. */
  yourScore: z.number().nullable(),
  /** Which quartile its score falls in (1 lowest); null when suppressed or no score. */
  yourQuartile: ZQuartile.nullable(),
});
export type TCycleBenchmarkFigure = z.infer<typeof ZCycleBenchmarkFigure>;

export const BENCHMARK_GROUPS = ['all', 'sameType', 'sameSizeBand'] as const;
export const ZBenchmarkGroupKind = z.enum(BENCHMARK_GROUPS);

/** One comparison group. `contributors`: organisations that submitted; shown only when ≥ threshold. */
export const ZCycleBenchmarkGroup = z.object({
  group: ZBenchmarkGroupKind,
  status: z.enum(['ok', 'suppressed']),
  contributors: z.number().int().min(0),
  threshold: z.number().int().min(3),
  overall: ZCycleBenchmarkFigure.nullable(),
  pillars: z.array(ZCycleBenchmarkFigure.extend({ pillarId: ZSlug })),
});
export type TCycleBenchmarkGroup = z.infer<typeof ZCycleBenchmarkGroup>;

export const ZCycleBenchmarkResponse = z.object({
  cycleId: ZId,
  organisationId: ZId,
  threshold: z.number().int().min(3),
  submitted: z.boolean(),
  groups: z.array(ZCycleBenchmarkGroup),
});
export type TCycleBenchmarkResponse = z.infer<typeof ZCycleBenchmarkResponse>;

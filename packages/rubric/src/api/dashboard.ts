import { z } from 'zod';
import { ZIndicatorUnit, ZOrganisationType, ZSizeBand, ZSlug } from '../schemas/framework.js';
import { MIN_BENCHMARK_GROUP } from '../scoring/schemas.js';
import { ZStage } from './assessments.js';
import { ZCycleStatus } from './cycles.js';

/**
 * The contract of a cycle's coordinator dashboard (`GET /cycles/:cycleId/dashboard`) and its CSV
 * export (`GET /cycles/:cycleId/export.csv`), issue 9. Coordinators only.
 *
 * Privacy rules, enforced by the rubric's network-dashboard functions that shape every section:
 * - Named members' own results appear (heatmap, collaboration matches); anonymous members' never do.
 * - Every network figure (radar, stage distribution, priorities, indicators) counts named and
 *   anonymous members alike and is shown only when at least `threshold` members contribute to it
 *   AND its anonymous contributors are none or at least `threshold`: the coordinator sees the named
 *   members' results, so a figure over named members plus one or two anonymous ones would give
 *   those away by subtraction.
 * - When a figure is held back only for its anonymous contributors (`few_anonymous`), the same figure
 *   over the NAMED members alone is shown instead (`basis: 'named'`, with how many anonymous members
 *   it leaves out), from {@link MIN_NAMED_FIGURE} named contributors: the coordinator already sees
 *   each of those members' results, so it tells nothing new about anyone. A figure that counts the
 *   anonymous members (`basis: 'all'`) is never shown in that case.
 * Scores are unrounded (0–100); levels are the framework's level numbers.
 */

const ZId = z.uuid();
const ZScore = z.number().min(0).max(100);
const ZCount = z.number().int().min(0);
const ZThreshold = z.number().int().min(MIN_BENCHMARK_GROUP);

/**
 * Why a network figure is held back: `too_few`, fewer than `threshold` members contribute to it;
 * `few_anonymous`, enough do but 1 … threshold − 1 of them are anonymous (complementary
 * suppression: the coordinator knows the named members' results).
 */
export const DASHBOARD_HOLD_REASONS = ['too_few', 'few_anonymous'] as const;
export const ZDashboardHoldReason = z.enum(DASHBOARD_HOLD_REASONS);
export type TDashboardHoldReason = z.infer<typeof ZDashboardHoldReason>;

/** A held-back figure carries only its counts and the reason, never a statistic. */
const ZHeldBack = z.object({
  status: z.literal('suppressed'),
  /** Members the figure would count, named and anonymous. */
  contributors: ZCount,
  /** How many of them are anonymous. */
  anonymous: ZCount,
  reason: ZDashboardHoldReason,
});

/**
 * The fewest named members a named-only figure is computed from: a "median" of one member is just
 * its own result (visible in the heatmap anyway), not a network figure.
 */
export const MIN_NAMED_FIGURE = 2;

/** `all`: every contributor, named and anonymous; `named`: the named contributors only. */
export const ZDashboardFigureBasis = z.enum(['all', 'named']);
export type TDashboardFigureBasis = z.infer<typeof ZDashboardFigureBasis>;

/**
 * What a shown figure counts. `contributors` is at least `threshold` when `basis` is `all`, and at
 * least {@link MIN_NAMED_FIGURE} named members when it is `named`.
 */
const ZShownBasis = z.object({
  basis: ZDashboardFigureBasis,
  contributors: z.number().int().min(MIN_NAMED_FIGURE),
  /** Anonymous contributors left out of a `named` figure (1 … threshold − 1); 0 for `all`. */
  anonymousLeftOut: ZCount,
});

// Deliberately no min or max: the extremes single out one member.
const ZShownStat = ZShownBasis.extend({
  status: z.literal('ok'),
  median: ZScore,
  q1: ZScore,
  q3: ZScore,
});

/** A network score figure (median and quartiles), or why it is held back. */
export const ZDashboardStat = z.discriminatedUnion('status', [ZHeldBack, ZShownStat]);
export type TDashboardStat = z.infer<typeof ZDashboardStat>;

export const ZDashboardPillarStat = z.discriminatedUnion('status', [
  ZHeldBack.extend({ pillarId: ZSlug }),
  ZShownStat.extend({ pillarId: ZSlug }),
]);
export type TDashboardPillarStat = z.infer<typeof ZDashboardPillarStat>;

export const DASHBOARD_EXPORT_KINDS = ['members', 'aggregates'] as const;
export const ZDashboardExportKind = z.enum(DASHBOARD_EXPORT_KINDS);
export type TDashboardExportKind = z.infer<typeof ZDashboardExportKind>;

/** `GET /cycles/:cycleId/export.csv?kind=members|aggregates` (params: `ZCycleParams`). */
export const ZCycleExportQuery = z.object({ kind: ZDashboardExportKind }).strict();
export type TCycleExportQuery = z.infer<typeof ZCycleExportQuery>;

export const ZDashboardSharing = z.enum(['named', 'anonymous']);
export type TDashboardSharing = z.infer<typeof ZDashboardSharing>;

// ─── Participation ────────────────────────────────────────────────────────────────────────────

/** A member that has not submitted: coordinators see every member's name and progress. */
export const ZDashboardPendingMember = z.object({
  organisationId: ZId,
  name: z.string(),
  sharing: ZDashboardSharing,
  /** `not_started`: no assessment linked to the cycle; `in_progress`: a draft or a reopened one. */
  progress: z.enum(['not_started', 'in_progress']),
});
export type TDashboardPendingMember = z.infer<typeof ZDashboardPendingMember>;

export const ZDashboardParticipation = z.object({
  /** Invitations ever sent for the network (accepted, pending, revoked or expired). */
  invited: ZCount,
  /** Invitations neither accepted, revoked nor expired. */
  pendingInvitations: ZCount,
  /** Member organisations now. */
  joined: ZCount,
  /** Members with an assessment linked to the cycle (submitted ones included). */
  started: ZCount,
  submitted: ZCount,
  /** Members that have not submitted, by name. */
  notSubmitted: z.array(ZDashboardPendingMember),
  status: ZCycleStatus,
  closesOn: z.iso.date(),
  /** Whole days after today until the closing date (0 on the last day); null unless open. */
  daysLeft: z.number().int().min(0).nullable(),
});
export type TDashboardParticipation = z.infer<typeof ZDashboardParticipation>;

// ─── Heatmap: named members only ────────────────────────────────────────────────────────────────

export const ZHeatmapCell = z.object({
  pillarId: ZSlug,
  score: ZScore.nullable(),
  stage: ZStage.nullable(),
});
export type THeatmapCell = z.infer<typeof ZHeatmapCell>;

/** One named member's submitted results; `assessmentId` opens its results read-only. */
export const ZHeatmapRow = z.object({
  organisationId: ZId,
  name: z.string(),
  type: ZOrganisationType,
  sizeBand: ZSizeBand,
  assessmentId: ZId,
  overall: z.object({ score: ZScore.nullable(), stage: ZStage.nullable() }),
  /** One cell per pillar of `ZDashboardHeatmap.pillarIds`, in that order (null: not applicable). */
  pillars: z.array(ZHeatmapCell),
});
export type THeatmapRow = z.infer<typeof ZHeatmapRow>;

export const ZDashboardHeatmap = z.object({
  /** The columns: the cycle's framework pillars that any submitted member answered, in order. */
  pillarIds: z.array(ZSlug),
  /** Named members that submitted, by name. */
  rows: z.array(ZHeatmapRow),
});
export type TDashboardHeatmap = z.infer<typeof ZDashboardHeatmap>;

// ─── Network radar and stage distribution ────────────────────────────────────────────────────

export const ZDashboardRadar = z.object({
  /** Members that submitted (named and anonymous). */
  contributors: ZCount,
  anonymousContributors: ZCount,
  overall: ZDashboardStat,
  pillars: z.array(ZDashboardPillarStat),
});
export type TDashboardRadar = z.infer<typeof ZDashboardRadar>;

export const ZStageCount = ZStage.extend({ count: ZCount });
export type TStageCount = z.infer<typeof ZStageCount>;

/** How many members reached each stage of a pillar; a cell may be small, the pillar is not. */
export const ZStageDistribution = z.discriminatedUnion('status', [
  ZHeldBack.extend({ pillarId: ZSlug }),
  ZShownBasis.extend({
    status: z.literal('ok'),
    pillarId: ZSlug,
    stages: z.array(ZStageCount),
  }),
]);
export type TStageDistribution = z.infer<typeof ZStageDistribution>;

// ─── Collective priorities ───────────────────────────────────────────────────────────────────

export const ZPillarPriority = ZShownBasis.extend({
  pillarId: ZSlug,
  median: ZScore,
});
export type TPillarPriority = z.infer<typeof ZPillarPriority>;

export const ZCriterionPriority = ZShownBasis.extend({
  criterionId: ZSlug,
  pillarId: ZSlug,
  /** Median level today of the members that answered it with a level. */
  medianLevel: z.number().min(1),
  /** Median of (target level − level), a member without a target counting 0. */
  medianGap: z.number().min(0),
});
export type TCriterionPriority = z.infer<typeof ZCriterionPriority>;

export const ZDashboardPriorities = z.object({
  /** Pillars with the lowest median score, lowest first. */
  lowestPillars: z.array(ZPillarPriority),
  /** Criteria with the lowest median level, lowest first. */
  lowestCriteria: z.array(ZCriterionPriority),
  /** Criteria with the largest median gap to target (gap > 0), largest first. */
  largestGaps: z.array(ZCriterionPriority),
  /**
   * Criteria left out, by reason: too few members answered them; or 1 … threshold − 1 of those are
   * anonymous and fewer than `MIN_NAMED_FIGURE` named (else they show over the named, see above).
   */
  heldBackCriteria: z.object({ tooFew: ZCount, fewAnonymous: ZCount }),
  /** Criteria whose figures count the named members only (`basis: 'named'`). */
  namedOnlyCriteria: ZCount,
});
export type TDashboardPriorities = z.infer<typeof ZDashboardPriorities>;

// ─── Collaboration matches: named members only ───────────────────────────────────────────────

/** Levels are numbers of the scale; the dashboard's `levels` names them (lists can be long). */
export const ZCollaborationMember = z.object({
  organisationId: ZId,
  name: z.string(),
  level: z.number().int().min(1),
  /** Null: no target set (leaders only; learners always have a higher target). */
  targetLevel: z.number().int().min(1).nullable(),
});
export type TCollaborationMember = z.infer<typeof ZCollaborationMember>;

/**
 * A criterion where named members at the top level could help named members at the first two
 * levels that aim higher. Every leader pairs with every learner.
 */
export const ZCollaborationMatch = z.object({
  criterionId: ZSlug,
  pillarId: ZSlug,
  leaders: z.array(ZCollaborationMember).min(1),
  learners: z.array(ZCollaborationMember).min(1),
});
export type TCollaborationMatch = z.infer<typeof ZCollaborationMatch>;

// ─── Aggregated indicators ───────────────────────────────────────────────────────────────────

const ZIndicatorBase = z.object({ indicatorId: ZSlug, pillarId: ZSlug, unit: ZIndicatorUnit });
export const ZIndicatorAggregate = z.discriminatedUnion('status', [
  ZIndicatorBase.extend(ZHeldBack.shape),
  ZIndicatorBase.extend(ZShownBasis.shape).extend({
    status: z.literal('ok'),
    median: z.number(),
  }),
]);
export type TIndicatorAggregate = z.infer<typeof ZIndicatorAggregate>;

// ─── The dashboard ───────────────────────────────────────────────────────────────────────────

export const ZCycleDashboardResponse = z.object({
  cycle: z.object({
    id: ZId,
    networkId: ZId,
    name: z.string(),
    frameworkId: ZSlug,
    frameworkVersion: z.number().int().min(1),
  }),
  /** max(3, the network's minimum group size). */
  threshold: ZThreshold,
  /** The framework's scale, to name the level numbers below. */
  levels: z.array(ZStage),
  participation: ZDashboardParticipation,
  heatmap: ZDashboardHeatmap,
  radar: ZDashboardRadar,
  distribution: z.array(ZStageDistribution),
  priorities: ZDashboardPriorities,
  collaboration: z.array(ZCollaborationMatch),
  indicators: z.array(ZIndicatorAggregate),
});
export type TCycleDashboardResponse = z.infer<typeof ZCycleDashboardResponse>;

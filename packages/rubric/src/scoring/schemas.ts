import { z } from 'zod';
import { ZOrganisationType, ZSizeBand, ZSlug } from '../schemas/framework.js';

/**
 * The shapes that scoring takes in and hands out. They cross the API (answers in, score snapshots
 * and benchmarks out), so each has a zod schema beside its type.
 */

/**
 * One answer as scoring sees it.
 * - `level: null` means "don't know yet": the criterion still applies and counts as unanswered.
 * - `notApplicable: true` leaves the criterion out entirely (neither applicable nor answered);
 *   it wins over any `level` given alongside it.
 * - `targetLevel` is where the organisation aims to be; unset means "stay where we are".
 */
export const ZAnswerInput = z.object({
  criterionId: ZSlug,
  level: z.number().int().min(1).nullable(),
  notApplicable: z.boolean().optional(),
  targetLevel: z.number().int().min(1).nullable().optional(),
});
export type TAnswerInput = z.infer<typeof ZAnswerInput>;

/** What scoring needs to know about an organisation to decide which criteria apply to it. */
export const ZOrganisationProfile = z.object({
  organisationType: ZOrganisationType.optional(),
  sizeBand: ZSizeBand.optional(),
});
export type TOrganisationProfile = z.infer<typeof ZOrganisationProfile>;

const ZScore = z.number().min(0).max(100);

export const ZPillarStatus = z.enum(['not_started', 'in_progress', 'complete']);
export type TPillarStatus = z.infer<typeof ZPillarStatus>;

/** A pillar's results; `score`, `meanLevel`, `stage` and `targetScore` are null until one answer. */
export const ZPillarScore = z.object({
  pillarId: ZSlug,
  score: ZScore.nullable(),
  meanLevel: z.number().min(1).nullable(),
  stage: z.object({ level: z.number().int().min(1), name: z.string() }).nullable(),
  targetScore: ZScore.nullable(),
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  completeness: z.number().min(0).max(1),
  status: ZPillarStatus,
});
export type TPillarScore = z.infer<typeof ZPillarScore>;

export const ZCompleteness = z.object({
  answered: z.number().int().min(0),
  applicable: z.number().int().min(0),
  ratio: z.number().min(0).max(1),
});
export type TCompleteness = z.infer<typeof ZCompleteness>;

/** An assessment's scores: unrounded, so that a stored snapshot loses nothing. */
export const ZAssessmentScores = z.object({
  overall: ZScore.nullable(),
  overallTarget: ZScore.nullable(),
  completeness: ZCompleteness,
  pillars: z.array(ZPillarScore),
});
export type TAssessmentScores = z.infer<typeof ZAssessmentScores>;

/** One score before and after; `change` (after − before) is null when either side is null. */
export const ZScoreChange = z.object({
  before: ZScore.nullable(),
  after: ZScore.nullable(),
  change: z.number().min(-100).max(100).nullable(),
});
export type TScoreChange = z.infer<typeof ZScoreChange>;

export const ZAssessmentComparison = z.object({
  overall: ZScoreChange,
  pillars: z.array(ZScoreChange.extend({ pillarId: ZSlug })),
});
export type TAssessmentComparison = z.infer<typeof ZAssessmentComparison>;

/** No benchmark is ever shown for fewer organisations than this, whatever a network sets. */
export const MIN_BENCHMARK_GROUP = 3;
/** The benchmark group size a network starts with. */
export const DEFAULT_BENCHMARK_GROUP = 5;

const ZSuppressedStat = z.object({
  status: z.literal('suppressed'),
  contributors: z.number().int().min(0),
});
// Deliberately no min or max: the extremes single out one member.
const ZOkStat = z.object({
  status: z.literal('ok'),
  contributors: z.number().int().min(MIN_BENCHMARK_GROUP),
  median: ZScore,
  q1: ZScore,
  q3: ZScore,
});

/** A benchmark for one score: statistics, or only the number of contributors when too few. */
export const ZBenchmarkStat = z.discriminatedUnion('status', [ZSuppressedStat, ZOkStat]);
export type TBenchmarkStat = z.infer<typeof ZBenchmarkStat>;

export const ZPillarBenchmark = z.discriminatedUnion('status', [
  ZSuppressedStat.extend({ pillarId: ZSlug }),
  ZOkStat.extend({ pillarId: ZSlug }),
]);
export type TPillarBenchmark = z.infer<typeof ZPillarBenchmark>;

export const ZBenchmark = z.object({
  overall: ZBenchmarkStat,
  pillars: z.array(ZPillarBenchmark),
});
export type TBenchmark = z.infer<typeof ZBenchmark>;

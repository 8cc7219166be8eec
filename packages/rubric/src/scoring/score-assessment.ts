import type { TFramework, TLevel, TPillar } from '../schemas/framework.js';
import { type ApplicabilityOptions, applicableCriteria } from './applicable-criteria.js';
import { criterionScore } from './criterion-score.js';
import type {
  TAnswerInput,
  TAssessmentScores,
  TOrganisationProfile,
  TPillarScore,
  TPillarStatus,
} from './schemas.js';
import { type Weighted, weightedMean } from './weighted-mean.js';

export interface ScoreOptions extends ApplicabilityOptions {
  /** The organisation's profile; criteria whose `appliesTo` excludes it are left out. */
  profile?: TOrganisationProfile;
}

/**
 * Indexes answers by criterion id.
 *
 * @throws Error when two answers name the same criterion: the API stores one answer per criterion,
 *   so a duplicate is a bug upstream, and silently picking one would hide it.
 */
export function indexAnswers<T extends TAnswerInput>(answers: readonly T[]): Map<string, T> {
  const byCriterion = new Map<string, T>();
  for (const answer of answers) {
    if (byCriterion.has(answer.criterionId)) {
      throw new Error(
        `two answers name criterion "${answer.criterionId}"; an assessment has at most one answer per criterion`,
      );
    }
    byCriterion.set(answer.criterionId, answer);
  }
  return byCriterion;
}

// A weighted mean of whole levels can land a rounding error below a whole number (2.9999999999999996
// for a true 3); this tolerance stops that from costing a stage. Real means are never that close.
const STAGE_TOLERANCE = 1e-9;

function stageOf(meanLevel: number, levels: readonly TLevel[]): TPillarScore['stage'] {
  const reached = Math.min(levels.length, Math.max(1, Math.floor(meanLevel + STAGE_TOLERANCE)));
  const level = levels.find((l) => l.level === reached);
  // The framework schema numbers levels 1..L in order, so the level always exists.
  return level ? { level: level.level, name: level.name } : null;
}

function statusOf(answered: number, applicable: number): TPillarStatus {
  if (answered === applicable) return 'complete';
  return answered === 0 ? 'not_started' : 'in_progress';
}

function scorePillar(
  pillar: TPillar,
  answers: ReadonlyMap<string, TAnswerInput>,
  levels: readonly TLevel[],
): TPillarScore {
  const levelCount = levels.length;
  const scores: Weighted[] = [];
  const meanLevels: Weighted[] = [];
  const targets: Weighted[] = [];
  let applicable = 0;
  for (const criterion of pillar.criteria) {
    const answer = answers.get(criterion.id);
    if (answer?.notApplicable === true) continue;
    applicable += 1;
    if (answer === undefined || answer.level === null) continue;
    const weight = criterion.weight;
    scores.push({ value: criterionScore(answer.level, levelCount), weight });
    meanLevels.push({ value: answer.level, weight });
    const target = answer.targetLevel ?? answer.level;
    targets.push({ value: criterionScore(target, levelCount), weight });
  }
  const answered = scores.length;
  const meanLevel = weightedMean(meanLevels);
  return {
    pillarId: pillar.id,
    score: weightedMean(scores),
    meanLevel,
    stage: meanLevel === null ? null : stageOf(meanLevel, levels),
    targetScore: weightedMean(targets),
    answered,
    applicable,
    completeness: applicable === 0 ? 1 : answered / applicable,
    status: statusOf(answered, applicable),
  };
}

/**
 * Scores an assessment against a framework.
 *
 * - Only criteria that apply (see {@link applicableCriteria}) count; answers naming other or
 *   unknown criteria are ignored. Pillars that do not apply are absent from `pillars`.
 * - A criterion scores {@link criterionScore} of its level. `notApplicable` leaves it out entirely;
 *   `level: null` ("don't know yet") and no answer at all both leave it applicable but unanswered.
 * - A pillar's `score` is the criterion-weighted mean of its answered criteria's scores, `meanLevel`
 *   the weighted mean of their levels, and `stage` the level that `meanLevel` reaches
 *   (floor(meanLevel)); `targetScore` is the same mean taken at each `targetLevel`, or the current
 *   level where no target is set. All are null while nothing is answered.
 * - `completeness` is answered ÷ applicable, and 1 for a pillar whose criteria are all not
 *   applicable (nothing is left to answer: it is `complete`, with a null score).
 * - `overall` (and `overallTarget`) is the pillar-weighted mean of the non-null pillar scores.
 * - Nothing is rounded; use {@link roundScore} to display.
 *
 * @throws Error when two answers name the same criterion.
 * @throws RangeError when a counted answer's level or target level is outside the framework's scale.
 */
export function scoreAssessment(
  framework: TFramework,
  answers: readonly TAnswerInput[],
  options: ScoreOptions = {},
): TAssessmentScores {
  const byCriterion = indexAnswers(answers);
  const pillars = applicableCriteria(framework, options.profile ?? {}, options);
  const pillarScores = pillars.map((pillar) => scorePillar(pillar, byCriterion, framework.levels));

  const overall: Weighted[] = [];
  const overallTarget: Weighted[] = [];
  let answered = 0;
  let applicable = 0;
  pillars.forEach((pillar, i) => {
    const result = pillarScores[i];
    if (!result) return;
    answered += result.answered;
    applicable += result.applicable;
    if (result.score !== null) overall.push({ value: result.score, weight: pillar.weight });
    if (result.targetScore !== null) {
      overallTarget.push({ value: result.targetScore, weight: pillar.weight });
    }
  });

  return {
    overall: weightedMean(overall),
    overallTarget: weightedMean(overallTarget),
    completeness: { answered, applicable, ratio: applicable === 0 ? 1 : answered / applicable },
    pillars: pillarScores,
  };
}

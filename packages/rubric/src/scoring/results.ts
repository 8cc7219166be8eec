import type {
  TAssessmentResults,
  TCriterionResult,
  TNextStep,
  TPillarResult,
  TStage,
} from '../api/assessments.js';
import type { TCriterion, TFramework, TLevel } from '../schemas/framework.js';
import { applicableCriteria } from './applicable-criteria.js';
import { roundScore } from './criterion-score.js';
import type { TAnswerInput, TAssessmentScores } from './schemas.js';
import { type ScoreOptions, scoreAssessment } from './score-assessment.js';

/** What `buildAssessmentResults` shapes; the API adds which assessment and revision it is. */
export type AssessmentResultsBody = Pick<
  TAssessmentResults,
  'overall' | 'completeness' | 'pillars' | 'radar' | 'strengths' | 'priorities' | 'criteria'
>;

export const STRENGTH_PILLARS = 3;
export const STRENGTH_CRITERIA = 5;
export const PRIORITY_CRITERIA = 5;

// See score-assessment.ts: a mean of whole levels can land a hair below a whole number.
const STAGE_TOLERANCE = 1e-9;

/**
 * The level of `criterion` to reach next, as "what to do next": level + 1 when answered below the
 * top, level 1 when not answered yet (`null`: don't know), none at the top level.
 */
export function nextStep(
  framework: Pick<TFramework, 'levels'>,
  criterion: Pick<TCriterion, 'levels'>,
  level: number | null,
): TNextStep | null {
  const nextLevel = level === null ? 1 : level + 1;
  const scale = framework.levels.find((l) => l.level === nextLevel);
  const descriptor = criterion.levels.find((l) => l.level === nextLevel);
  if (!scale || !descriptor) return null;
  return {
    level: nextLevel,
    name: scale.name,
    descriptor: descriptor.descriptor,
    example: descriptor.example,
  };
}

/**
 * A starting point for an action on `criterion`, from where it stands (`level`, null if not
 * answered): a short title naming the criterion and the level to reach ("Fair pay: reach
 * Embedding"), with that level's descriptor and example as the description (issue 8: the
 * descriptor is too long for a title); at the top level, "Fair pay: keep Leading" and no
 * description. The title is cut to `maxTitle` characters.
 */
export function suggestAction(
  framework: Pick<TFramework, 'levels'>,
  criterion: Pick<TCriterion, 'levels' | 'title'>,
  level: number | null,
  maxTitle = 200,
): { title: string; description: string | null } {
  const next = nextStep(framework, criterion, level);
  const top = framework.levels[framework.levels.length - 1];
  const title = next
    ? `${criterion.title}: reach ${next.name}`
    : `${criterion.title}: keep ${top?.name ?? 'the top level'}`;
  return {
    title: title.length > maxTitle ? `${title.slice(0, maxTitle - 1).trimEnd()}…` : title,
    description: next ? `${next.descriptor}\n\nFor example: ${next.example}` : null,
  };
}

function stageForScore(score: number | null, levels: readonly TLevel[]): TStage | null {
  if (score === null) return null;
  // The inverse of criterionScore: a score of s sits at level 1 + s(L − 1)/100.
  const meanLevel = 1 + (score * (levels.length - 1)) / 100;
  const reached = Math.min(levels.length, Math.max(1, Math.floor(meanLevel + STAGE_TOLERANCE)));
  const level = levels.find((l) => l.level === reached);
  return level ? { level: level.level, name: level.name } : null;
}

function gapOf(from: number | null, to: number | null): number | null {
  return from === null || to === null ? null : roundScore(to - from);
}

/**
 * Shapes the results page from a framework and the answers: rounded pillar and overall scores with
 * their stage, radar rows (`today`, `target`), strengths, priorities and, per applicable criterion,
 * "what to do next". Numbers are `scoreAssessment`'s, rounded with `roundScore`.
 *
 * - strengths: up to 3 pillars scoring above 0 (a pillar with every criterion at the first level
 *   is no strength), highest score first (framework order breaks ties); up to 5
 *   criteria in the upper half of the scale (level > (L + 1) / 2), highest level first.
 * - priorities: pillars whose target is above today, largest gap first; up to 5 criteria whose
 *   target level is above today's, largest gap first, then the lower level, then framework order.
 *
 * @param scores `scoreAssessment(framework, answers, options)` when already computed (e.g. a
 *   stored snapshot); computed here otherwise.
 */
export function buildAssessmentResults(
  framework: TFramework,
  answers: readonly TAnswerInput[],
  options: ScoreOptions = {},
  scores: TAssessmentScores = scoreAssessment(framework, answers, options),
): AssessmentResultsBody {
  const byCriterion = new Map(answers.map((a) => [a.criterionId, a]));
  const levelName = new Map(framework.levels.map((l) => [l.level, l.name]));
  const pillars = applicableCriteria(framework, options.profile ?? {}, options);
  const pillarTitles = new Map(pillars.map((p) => [p.id, p.title]));

  const pillarResults: TPillarResult[] = scores.pillars.map((p) => {
    const score = roundScore(p.score);
    const targetScore = roundScore(p.targetScore);
    return {
      pillarId: p.pillarId,
      title: pillarTitles.get(p.pillarId) ?? p.pillarId,
      score,
      targetScore,
      gap: gapOf(p.score, p.targetScore),
      stage: p.stage,
      answered: p.answered,
      applicable: p.applicable,
      completeness: p.completeness,
      status: p.status,
    };
  });

  const criteria: TCriterionResult[] = pillars.flatMap((pillar) =>
    pillar.criteria.map((criterion) => {
      const answer = byCriterion.get(criterion.id);
      const notApplicable = answer?.notApplicable === true;
      const level = notApplicable ? null : (answer?.level ?? null);
      const targetLevel = notApplicable ? null : (answer?.targetLevel ?? null);
      return {
        criterionId: criterion.id,
        pillarId: pillar.id,
        title: criterion.title,
        level,
        levelName: level === null ? null : (levelName.get(level) ?? null),
        notApplicable,
        targetLevel,
        gap: level === null || targetLevel === null ? null : targetLevel - level,
        next: notApplicable ? null : nextStep(framework, criterion, level),
      };
    }),
  );

  const order = new Map(criteria.map((c, i) => [c.criterionId, i]));
  const pillarOrder = new Map(pillarResults.map((p, i) => [p.pillarId, i]));
  const upperHalf = (framework.levels.length + 1) / 2;

  const strengthPillars = pillarResults
    .filter((p) => p.score !== null && p.score > 0)
    .sort((a, b) => (b.score ?? 0) - (a.score ?? 0) || byIndex(pillarOrder, a.pillarId, b.pillarId))
    .slice(0, STRENGTH_PILLARS);
  const strengthCriteria = criteria
    .filter((c) => c.level !== null && c.level > upperHalf)
    .sort((a, b) => (b.level ?? 0) - (a.level ?? 0) || byIndex(order, a.criterionId, b.criterionId))
    .slice(0, STRENGTH_CRITERIA);
  const priorityPillars = pillarResults
    .filter((p) => p.gap !== null && p.gap > 0)
    .sort((a, b) => (b.gap ?? 0) - (a.gap ?? 0) || byIndex(pillarOrder, a.pillarId, b.pillarId));
  const priorityCriteria = criteria
    .filter((c) => c.gap !== null && c.gap > 0)
    .sort(
      (a, b) =>
        (b.gap ?? 0) - (a.gap ?? 0) ||
        (a.level ?? 0) - (b.level ?? 0) ||
        byIndex(order, a.criterionId, b.criterionId),
    )
    .slice(0, PRIORITY_CRITERIA);

  return {
    overall: {
      score: roundScore(scores.overall),
      targetScore: roundScore(scores.overallTarget),
      stage: stageForScore(scores.overall, framework.levels),
    },
    completeness: scores.completeness,
    pillars: pillarResults,
    radar: pillarResults.map((p) => ({
      axis: p.title,
      pillarId: p.pillarId,
      today: p.score,
      target: p.targetScore,
    })),
    strengths: { pillars: strengthPillars, criteria: strengthCriteria },
    priorities: { pillars: priorityPillars, criteria: priorityCriteria },
    criteria,
  };
}

function byIndex(index: ReadonlyMap<string, number>, a: string, b: string): number {
  return (index.get(a) ?? 0) - (index.get(b) ?? 0);
}

import type { TCriterionResult } from '../api/assessments.js';
import type { TFramework } from '../schemas/framework.js';

export const TOP_PRIORITIES = 5;

export interface RankedPriority {
  criterion: TCriterionResult;
  /** 1 for the first priority. */
  rank: number;
  /** The gap to target in levels × the pillar's weight × the criterion's weight. */
  weightedGap: number;
}

/**
 * What to work on first: the criteria whose target is above today, ranked by the gap in levels
 * weighted by how much the pillar and the criterion count in the overall score (both default to
 * 1, so with default weights this is the plain gap). Ties go to the lower level today (the
 * earlier step is the easier win), then to framework order. Not-applicable criteria, criteria
 * without a level or target, and those at or above their target are left out.
 */
export function rankPriorities(
  framework: Pick<TFramework, 'pillars'>,
  criteria: readonly TCriterionResult[],
  limit = TOP_PRIORITIES,
): RankedPriority[] {
  const pillarWeight = new Map(framework.pillars.map((p) => [p.id, p.weight]));
  const criterionWeight = new Map(
    framework.pillars.flatMap((p) => p.criteria.map((c) => [c.id, c.weight] as const)),
  );
  const candidates = criteria.flatMap((criterion, order) => {
    if (criterion.notApplicable || criterion.level === null || criterion.targetLevel === null) {
      return [];
    }
    const gap = criterion.targetLevel - criterion.level;
    if (gap <= 0) return [];
    const weight =
      (pillarWeight.get(criterion.pillarId) ?? 1) *
      (criterionWeight.get(criterion.criterionId) ?? 1);
    return [{ criterion, order, weightedGap: gap * weight }];
  });
  candidates.sort(
    (a, b) =>
      b.weightedGap - a.weightedGap ||
      (a.criterion.level ?? 0) - (b.criterion.level ?? 0) ||
      a.order - b.order,
  );
  return candidates
    .slice(0, Math.max(0, limit))
    .map(({ criterion, weightedGap }, i) => ({ criterion, rank: i + 1, weightedGap }));
}

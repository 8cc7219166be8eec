import type { TAssessmentComparison, TAssessmentScores, TScoreChange } from './schemas.js';

function change(before: number | null, after: number | null): TScoreChange {
  return { before, after, change: before === null || after === null ? null : after - before };
}

/**
 * Compares two scorings of one organisation (typically last cycle's and this cycle's):
 * `change = after − before`, null when either side is null.
 *
 * Every pillar present on either side is listed — `after`'s pillars in its order, then any pillar
 * only `before` had — with null on the side that lacks it. To compare across framework versions
 * honestly, score last year's answers after {@link mapAnswersToVersion} against the new framework.
 */
export function compareAssessments(
  before: TAssessmentScores,
  after: TAssessmentScores,
): TAssessmentComparison {
  const beforeById = new Map(before.pillars.map((p) => [p.pillarId, p.score]));
  const afterById = new Map(after.pillars.map((p) => [p.pillarId, p.score]));
  const ids = [...new Set([...afterById.keys(), ...beforeById.keys()])];
  return {
    overall: change(before.overall, after.overall),
    pillars: ids.map((pillarId) => ({
      pillarId,
      ...change(beforeById.get(pillarId) ?? null, afterById.get(pillarId) ?? null),
    })),
  };
}

import type { TVersionMapping } from '../schemas/framework.js';
import type { TAnswerInput } from './schemas.js';
import { indexAnswers } from './score-assessment.js';

function lowest(values: readonly (number | null)[]): number | null {
  let result: number | null = Number.POSITIVE_INFINITY;
  for (const value of values) {
    if (value === null) return null;
    result = Math.min(result, value);
  }
  return result;
}

/**
 * Merges the answers of several old criteria that a new version folds into one, conservatively:
 * an organisation only reaches the merged criterion's level if it reached it on every part.
 * - Parts marked not applicable are set aside; if every part was, the merged answer is too.
 * - The level is the lowest of the remaining parts' levels, a "don't know" (null) counting as
 *   lowest: part of the merged criterion is unknown, so the whole is.
 * - If any part set a target, the merged target is the lowest of the parts' effective targets
 *   (target, or level where unset), ignoring unknowns; otherwise no target is set.
 */
function mergeAnswers(criterionId: string, parts: readonly TAnswerInput[]): TAnswerInput {
  const applicable = parts.filter((part) => part.notApplicable !== true);
  if (applicable.length === 0) return { criterionId, level: null, notApplicable: true };
  const merged: TAnswerInput = { criterionId, level: lowest(applicable.map((p) => p.level)) };
  if (applicable.some((part) => part.targetLevel != null)) {
    const targets = applicable
      .map((part) => part.targetLevel ?? part.level)
      .filter((target): target is number => target !== null);
    merged.targetLevel = targets.length === 0 ? null : Math.min(...targets);
  }
  return merged;
}

/**
 * Carries a previous version's answers onto the next framework version, for an honest
 * year-on-year comparison (score the result against the new framework, then
 * {@link compareAssessments}). Following `mapping.criteria`:
 * - an old id mapped to one new id (kept or renamed) keeps its answer under the new id;
 * - an old id mapped to several (split) gives each new id the same answer;
 * - an old id mapped to `[]` (dropped) is dropped;
 * - an old id absent from the mapping keeps its id (the criterion is unchanged).
 * When several old answers land on one new id (merged), the lower level is kept — see
 * `mergeAnswers`: a merged criterion is only reached if every part was.
 *
 * Answers come out in the order their new ids first appear. Unmerged answers keep every other
 * property they carry; the input is not modified.
 *
 * @throws Error when two input answers name the same criterion.
 */
export function mapAnswersToVersion<T extends TAnswerInput>(
  answers: readonly T[],
  mapping: TVersionMapping,
): (T | TAnswerInput)[] {
  indexAnswers(answers);
  const landing = new Map<string, T[]>();
  for (const answer of answers) {
    const oldId = answer.criterionId;
    // `Object.hasOwn`: a criterion may well be called `constructor`, which every object inherits.
    const targets = Object.hasOwn(mapping.criteria, oldId)
      ? (mapping.criteria[oldId] ?? [])
      : [oldId];
    for (const newId of new Set(targets)) {
      const parts = landing.get(newId);
      if (parts) parts.push(answer);
      else landing.set(newId, [answer]);
    }
  }
  return [...landing].map(([newId, parts]) => {
    const [only] = parts;
    return only && parts.length === 1
      ? { ...only, criterionId: newId }
      : mergeAnswers(newId, parts);
  });
}

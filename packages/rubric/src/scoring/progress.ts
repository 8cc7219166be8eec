import type { TFramework } from '../schemas/framework.js';
import { type ApplicabilityOptions, applicableCriteria } from './applicable-criteria.js';
import type { TAnswerInput, TOrganisationProfile, TPillarStatus } from './schemas.js';

export interface ProgressOptions extends ApplicabilityOptions {
  profile?: TOrganisationProfile;
}

/** How far one applicable pillar has been answered. */
export interface PillarProgress {
  pillarId: string;
  /** The applicable criteria, in framework order. */
  criterionIds: string[];
  /** Criteria with a level or marked not applicable. */
  answered: number;
  applicable: number;
  status: TPillarStatus;
  /** The applicable criteria still without a level or a not-applicable mark. */
  missingCriterionIds: string[];
}

export interface AssessmentProgress {
  pillars: PillarProgress[];
  answered: number;
  applicable: number;
  /** answered ÷ applicable; 1 when nothing applies. */
  ratio: number;
  /** Of the answered, how many are marked not applicable (left out of the scores). */
  notApplicable: number;
  /** Every applicable criterion still unanswered, in framework order: empty means submittable. */
  missingCriterionIds: string[];
}

/** An answer that settles a criterion: a level, or not applicable. "Don't know yet" does not. */
export function isSettled(answer: TAnswerInput | undefined): boolean {
  return answer !== undefined && (answer.notApplicable === true || answer.level !== null);
}

/**
 * Progress through the questionnaire, for the task list and the submit check. Unlike
 * `scoreAssessment` (which leaves not-applicable criteria out of both counts), a criterion marked
 * not applicable counts here as answered: the user has dealt with it. Answers naming criteria that
 * do not apply are ignored.
 */
export function assessmentProgress(
  framework: TFramework,
  answers: readonly TAnswerInput[],
  options: ProgressOptions = {},
): AssessmentProgress {
  const byCriterion = new Map(answers.map((a) => [a.criterionId, a]));
  const pillars = applicableCriteria(framework, options.profile ?? {}, options).map(
    (pillar): PillarProgress => {
      const criterionIds = pillar.criteria.map((c) => c.id);
      const missingCriterionIds = criterionIds.filter((id) => !isSettled(byCriterion.get(id)));
      const applicable = criterionIds.length;
      const answered = applicable - missingCriterionIds.length;
      const status: TPillarStatus =
        answered === applicable ? 'complete' : answered === 0 ? 'not_started' : 'in_progress';
      return {
        pillarId: pillar.id,
        criterionIds,
        answered,
        applicable,
        status,
        missingCriterionIds,
      };
    },
  );
  const answered = pillars.reduce((n, p) => n + p.answered, 0);
  const applicable = pillars.reduce((n, p) => n + p.applicable, 0);
  const notApplicable = pillars
    .flatMap((p) => p.criterionIds)
    .filter((id) => byCriterion.get(id)?.notApplicable === true).length;
  return {
    pillars,
    answered,
    applicable,
    ratio: applicable === 0 ? 1 : answered / applicable,
    notApplicable,
    missingCriterionIds: pillars.flatMap((p) => p.missingCriterionIds),
  };
}

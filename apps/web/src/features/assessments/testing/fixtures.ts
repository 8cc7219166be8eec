import {
  applicableCriteria,
  buildAssessmentResults,
  DEFAULT_FRAMEWORK,
  type TAction,
  type TAnswer,
  type TAssessmentDetail,
  type TAssessmentResults,
  type TAssessmentSummary,
  type TMember,
} from '@waymark/rubric';
import { CREATED_AT, ORG_ID, USER_ID } from '../../../testing/session';

/** Test data for the assessment pages, built from the default framework. */

export const ASSESSMENT_ID = '33333333-3333-4333-8333-333333333333';
export const COLLEAGUE_ID = '44444444-4444-4444-8444-444444444444';
export const FIRST_CRITERION = 'real-living-wage-staff';

export function anAnswer(overrides: Partial<TAnswer> = {}): TAnswer {
  return {
    criterionId: FIRST_CRITERION,
    level: 2,
    notApplicable: null,
    targetLevel: 3,
    notes: null,
    evidenceLinks: [],
    indicators: {},
    version: 1,
    updatedBy: { userId: USER_ID, name: 'Ada Lovelace' },
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

export function anAssessmentSummary(
  overrides: Partial<TAssessmentSummary> = {},
): TAssessmentSummary {
  return {
    id: ASSESSMENT_ID,
    organisationId: ORG_ID,
    frameworkId: DEFAULT_FRAMEWORK.id,
    frameworkVersion: DEFAULT_FRAMEWORK.version,
    title: 'Anchor Progression Framework 2026',
    status: 'draft',
    revision: 1,
    profile: { organisationType: 'business', sizeBand: 'large' },
    includedOptionalPillars: [],
    completeness: { answered: 0, applicable: 0, ratio: 0, notApplicable: 0 },
    submittedAt: null,
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    ...overrides,
  };
}

/**
 * The detail of an assessment of a large business on the default framework; `answers` decide the
 * task list's counts, as the API would.
 */
export function anAssessmentDetail(
  answers: TAnswer[] = [],
  overrides: Partial<Omit<TAssessmentDetail, 'answers'>> = {},
): TAssessmentDetail {
  const pillars = applicableCriteria(DEFAULT_FRAMEWORK, {
    organisationType: 'business',
    sizeBand: 'large',
  });
  const byId = new Map(answers.map((a) => [a.criterionId, a]));
  const tasks = pillars.map((pillar) => {
    const ids = pillar.criteria.map((c) => c.id);
    const applicable = ids.filter((id) => !byId.get(id)?.notApplicable).length;
    const answered = ids.filter((id) => {
      const a = byId.get(id);
      return a && !a.notApplicable && a.level !== null;
    }).length;
    return {
      pillarId: pillar.id,
      criterionIds: ids,
      status:
        answered === 0
          ? ('not_started' as const)
          : answered === applicable
            ? ('complete' as const)
            : ('in_progress' as const),
      answered,
      applicable,
      percentAnswered: applicable === 0 ? 100 : Math.round((answered / applicable) * 100),
      assignee: null,
      assignedToYou: false,
    };
  });
  const answered = tasks.reduce((n, t) => n + t.answered, 0);
  const applicable = tasks.reduce((n, t) => n + t.applicable, 0);
  return {
    assessment: anAssessmentSummary({
      completeness: {
        answered,
        applicable,
        ratio: applicable === 0 ? 1 : answered / applicable,
        notApplicable: 0,
      },
    }),
    framework: { id: DEFAULT_FRAMEWORK.id, version: DEFAULT_FRAMEWORK.version },
    role: 'admin',
    canEdit: true,
    pillars: tasks,
    answers,
    cycles: [],
    ...overrides,
  };
}

/** An answer for every applicable criterion of `detail` (level 2, target 3). */
export function allAnswered(): TAnswer[] {
  return anAssessmentDetail().pillars.flatMap((p) =>
    p.criterionIds.map((criterionId) => anAnswer({ criterionId })),
  );
}

export function aMember(overrides: Partial<TMember> = {}): TMember {
  return {
    userId: USER_ID,
    name: 'Ada Lovelace',
    email: 'ada@example.org',
    role: 'admin',
    joinedAt: CREATED_AT,
    ...overrides,
  };
}

/** Results as the API would shape them for `answers`. */
export function resultsFor(
  answers: TAnswer[],
  overrides: Partial<TAssessmentResults> = {},
): TAssessmentResults {
  const body = buildAssessmentResults(
    DEFAULT_FRAMEWORK,
    answers.map((a) => ({
      criterionId: a.criterionId,
      level: a.level,
      notApplicable: a.notApplicable !== null,
      targetLevel: a.targetLevel,
    })),
    { profile: { organisationType: 'business', sizeBand: 'large' } },
  );
  return {
    assessmentId: ASSESSMENT_ID,
    status: 'draft',
    revision: 1,
    source: 'working_copy',
    framework: { id: DEFAULT_FRAMEWORK.id, version: DEFAULT_FRAMEWORK.version },
    ...body,
    ...overrides,
  };
}

export function anAction(overrides: Partial<TAction> = {}): TAction {
  return {
    id: '55555555-5555-4555-8555-555555555555',
    assessmentId: ASSESSMENT_ID,
    criterionId: FIRST_CRITERION,
    title: 'Reach ‘Embedding’: pay everyone the real Living Wage',
    description: null,
    owner: null,
    dueDate: null,
    status: 'planned',
    createdAt: CREATED_AT,
    updatedAt: CREATED_AT,
    completedAt: null,
    ...overrides,
  };
}

import {
  type AssessmentProgress,
  type TAnswer,
  type TAnswerInput,
  type TAssessmentCycle,
  type TAssessmentSummary,
  type TOrganisationProfile,
  type TRevisionAnswer,
  ZAssessmentProfile,
} from '@waymark/rubric';
import { cycleStatus } from '../cycles/cycle-dates.js';
import type { AnswerRow } from './answers.queries.js';
import type { AssessmentRow } from './assessments.queries.js';

/** Rows → the contract's shapes (`@waymark/rubric` api/assessments.ts). */

/**
 * The options that decide which criteria apply, from an assessment row. The profile was copied
 * from a validated organisation (the database checks its type and size band).
 */
export function scoringOptions(row: Pick<AssessmentRow, 'profile' | 'includedOptionalPillars'>): {
  profile: TOrganisationProfile;
  includeOptionalPillars: string[];
} {
  return {
    profile: row.profile as TOrganisationProfile,
    includeOptionalPillars: row.includedOptionalPillars,
  };
}

/** A cycle the assessment answers, with its status at `now` (Europe/London calendar dates). */
export function toAssessmentCycle(
  row: Omit<TAssessmentCycle, 'status'> & { opensOn: string },
  now: Date,
): TAssessmentCycle {
  const { opensOn, ...cycle } = row;
  return { ...cycle, status: cycleStatus({ opensOn, closesOn: row.closesOn }, now).status };
}

export function toIso(value: Date | string): string {
  return (value instanceof Date ? value : new Date(value)).toISOString();
}

export function toAssessmentSummary(
  row: AssessmentRow,
  progress: Pick<AssessmentProgress, 'answered' | 'applicable' | 'ratio' | 'notApplicable'>,
): TAssessmentSummary {
  return {
    id: row.id,
    organisationId: row.organisationId,
    frameworkId: row.frameworkId,
    frameworkVersion: row.frameworkVersion,
    title: row.title,
    status: row.status as TAssessmentSummary['status'],
    revision: row.revision,
    profile: ZAssessmentProfile.parse(row.profile),
    includedOptionalPillars: row.includedOptionalPillars,
    completeness: {
      answered: progress.answered,
      applicable: progress.applicable,
      ratio: progress.ratio,
      notApplicable: progress.notApplicable,
    },
    submittedAt: row.submittedAt === null ? null : toIso(row.submittedAt),
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
  };
}

export function toAnswer(row: AnswerRow): TAnswer {
  return {
    criterionId: row.criterionId,
    level: row.level,
    notApplicable: row.notApplicableReason === null ? null : { reason: row.notApplicableReason },
    targetLevel: row.targetLevel,
    notes: row.notes,
    evidenceLinks: row.evidenceLinks,
    indicators: row.indicators,
    version: row.version,
    updatedBy:
      row.updatedBy === null ? null : { userId: row.updatedBy, name: row.updatedByName ?? '' },
    updatedAt: toIso(row.updatedAt),
  };
}

/** What scoring and progress read from a stored answer. */
export function toAnswerInput(row: {
  criterionId: string;
  level: number | null;
  notApplicableReason?: string | null;
  notApplicable?: { reason: string } | null;
  targetLevel: number | null;
}): TAnswerInput {
  const notApplicable =
    (row.notApplicableReason ?? null) !== null || (row.notApplicable ?? null) !== null;
  return {
    criterionId: row.criterionId,
    level: notApplicable ? null : row.level,
    notApplicable,
    targetLevel: row.targetLevel,
  };
}

/** An answer as a submitted revision keeps it. */
export function toRevisionAnswer(row: AnswerRow): TRevisionAnswer {
  const { updatedBy: _by, updatedAt: _at, version: _v, ...rest } = toAnswer(row);
  return rest;
}

import type { TAssessmentScores, TFramework } from '@waymark/rubric';
import type { Db } from '../db/client.js';
import { getAssessmentForMember } from '../modules/assessments/assessments.queries.js';
import { scoringOptions } from '../modules/assessments/mappers.js';
import { submitAssessment } from '../modules/assessments/submit-assessment.js';

/**
 * Submits a demo assessment through the same code path as `POST /assessments/:assessmentId/submit`
 * (modules/assessments/submit-assessment.ts), inside the caller's transaction, after the same
 * admin check.
 */
export async function submitDemoAssessment(
  tx: Db,
  framework: TFramework,
  key: { assessmentId: string; userId: string },
): Promise<TAssessmentScores> {
  const { assessmentId, userId } = key;
  const assessment = await getAssessmentForMember(tx, { assessmentId, userId });
  if (assessment?.role !== 'admin') {
    throw new Error(`demo: ${userId} cannot submit assessment ${assessmentId}`);
  }
  const { scores } = await submitAssessment(tx, framework, scoringOptions(assessment), {
    assessmentId,
    organisationId: assessment.organisationId,
    userId,
  });
  return scores;
}

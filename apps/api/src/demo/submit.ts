import {
  assessmentProgress,
  scoreAssessment,
  type TAssessmentScores,
  type TFramework,
} from '@waymark/rubric';
import type { Db } from '../db/client.js';
import { listAnswers } from '../modules/assessments/answers.queries.js';
import {
  getAssessmentForMember,
  insertRevision,
  lockAssessment,
  setAssessmentState,
} from '../modules/assessments/assessments.queries.js';
import { scoringOptions, toAnswerInput, toRevisionAnswer } from '../modules/assessments/mappers.js';
import { recordAudit } from '../modules/audit/audit.queries.js';
import {
  closedCyclesBlockingSubmit,
  listAssessmentCycles,
} from '../modules/cycles/cycles.queries.js';

/**
 * Submits a demo assessment with the same steps, queries and rubric functions as
 * `POST /assessments/:assessmentId/submit` (modules/assessments/assessments.routes.ts), whose
 * logic lives in its route handler: lock the row, refuse a closed cycle or an incomplete
 * assessment, score the applicable answers, keep them and the scores as the revision, mark it
 * submitted and record the audit event. Runs inside the caller's transaction.
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
  const scoring = scoringOptions(assessment);
  const locked = await lockAssessment(tx, { assessmentId });
  if (!locked || locked.status === 'submitted') {
    throw new Error(`demo: assessment ${assessmentId} cannot be submitted`);
  }
  const closed = closedCyclesBlockingSubmit(await listAssessmentCycles(tx, { assessmentId }));
  if (closed) throw new Error(`demo: the cycle "${closed.name}" is closed`);
  const answerRows = await listAnswers(tx, { assessmentId });
  const inputs = answerRows.map(toAnswerInput);
  const progress = assessmentProgress(framework, inputs, scoring);
  if (progress.missingCriterionIds.length > 0) {
    throw new Error(`demo: unanswered criteria ${progress.missingCriterionIds.join(', ')}`);
  }
  const applicable = new Set(progress.pillars.flatMap((p) => p.criterionIds));
  const scores: TAssessmentScores = scoreAssessment(
    framework,
    inputs.filter((a) => applicable.has(a.criterionId)),
    scoring,
  );
  await insertRevision(tx, {
    assessmentId,
    revision: locked.revision,
    answers: answerRows.filter((a) => applicable.has(a.criterionId)).map(toRevisionAnswer),
    scores,
    submittedBy: userId,
  });
  await setAssessmentState(
    tx,
    { assessmentId },
    { status: 'submitted', revision: locked.revision },
  );
  await recordAudit(tx, {
    actorUserId: userId,
    organisationId: assessment.organisationId,
    entityType: 'assessment',
    entityId: assessmentId,
    action: 'submitted',
    data: { revision: locked.revision, overall: scores.overall },
  });
  return scores;
}

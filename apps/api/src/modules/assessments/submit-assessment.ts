import {
  assessmentProgress,
  type ProgressOptions,
  type ScoreOptions,
  scoreAssessment,
  type TAssessmentScores,
  type TFramework,
} from '@waymark/rubric';
import type { Db } from '../../db/client.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { closedCyclesBlockingSubmit, listAssessmentCycles } from '../cycles/cycles.queries.js';
import { listAnswers } from './answers.queries.js';
import { insertRevision, lockAssessment, setAssessmentState } from './assessments.queries.js';
import { toAnswerInput, toRevisionAnswer } from './mappers.js';
import { lockedError, ProblemWithExtras } from './problems.js';

/**
 * Submits an assessment inside the caller's transaction: lock the row, refuse a closed cycle or an
 * incomplete assessment, score the applicable answers, keep them and the scores as the revision,
 * mark it submitted and record the audit event. The one code path for
 * `POST /assessments/:assessmentId/submit` and the demo loader. The caller has checked that the
 * user is an admin of the organisation.
 */
export async function submitAssessment(
  tx: Db,
  framework: TFramework,
  scoring: ProgressOptions & ScoreOptions,
  key: { assessmentId: string; organisationId: string; userId: string },
) {
  const { assessmentId, organisationId, userId } = key;
  // Saves hold the row FOR SHARE: once locked here, the answers read below are final.
  const locked = await lockAssessment(tx, { assessmentId });
  if (!locked) throw new NotFoundError();
  if (locked.status === 'submitted') throw lockedError();
  // One query: an assessment answering cycles can only be submitted while one of them is open.
  const closed = closedCyclesBlockingSubmit(await listAssessmentCycles(tx, { assessmentId }));
  if (closed) {
    throw new ConflictError(
      'cycle_closed',
      `The cycle "${closed.name}" closed on ${closed.closesOn}; a coordinator can extend it.`,
    );
  }
  const answerRows = await listAnswers(tx, { assessmentId });
  const inputs = answerRows.map(toAnswerInput);
  const progress = assessmentProgress(framework, inputs, scoring);
  if (progress.missingCriterionIds.length > 0) {
    throw new ProblemWithExtras(
      422,
      'assessment_incomplete',
      'Unprocessable Content',
      `${progress.missingCriterionIds.length} criteria still need a level or a not-applicable reason.`,
      { missingCriterionIds: progress.missingCriterionIds },
    );
  }
  const applicable = new Set(progress.pillars.flatMap((p) => p.criterionIds));
  const scores: TAssessmentScores = scoreAssessment(
    framework,
    inputs.filter((a) => applicable.has(a.criterionId)),
    scoring,
  );
  const revision = await insertRevision(tx, {
    assessmentId,
    revision: locked.revision,
    answers: answerRows.filter((a) => applicable.has(a.criterionId)).map(toRevisionAnswer),
    scores,
    submittedBy: userId,
  });
  const row = await setAssessmentState(
    tx,
    { assessmentId },
    { status: 'submitted', revision: locked.revision },
  );
  await recordAudit(tx, {
    actorUserId: userId,
    organisationId,
    entityType: 'assessment',
    entityId: assessmentId,
    action: 'submitted',
    data: { revision: locked.revision, overall: scores.overall },
  });
  return { row, revision, scores, progress };
}

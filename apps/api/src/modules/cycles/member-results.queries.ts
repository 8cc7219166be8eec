import type { TAssessmentScores, TRevisionAnswer } from '@waymark/rubric';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentRevisions,
  assessments,
  cycleAssessments,
  networkMembers,
  organisations,
} from '../../db/schema.js';

export interface NamedMemberSubmissionRow {
  organisationId: string;
  organisationName: string;
  assessmentId: string;
  status: 'draft' | 'submitted' | 'reopened';
  frameworkId: string;
  frameworkVersion: number;
  profile: { organisationType: string; sizeBand: string };
  includedOptionalPillars: string[];
  /** The latest submitted revision; null when the assessment has never been submitted. */
  revision: number | null;
  answers: TRevisionAnswer[] | null;
  scores: TAssessmentScores | null;
  submittedAt: Date | null;
}

/**
 * In one statement: a NAMED current member of the network with the assessment it linked to the
 * cycle and that assessment's latest submitted revision. Anonymous members, organisations that are
 * not members and members with nothing linked to the cycle are not found (the caller answers 404
 * for each alike, so a coordinator cannot tell an anonymous member from a stranger).
 */
export async function getNamedMemberSubmission(
  db: Db,
  key: { cycleId: string; networkId: string; organisationId: string },
): Promise<NamedMemberSubmissionRow | undefined> {
  const [row] = await db
    .select({
      organisationId: networkMembers.organisationId,
      organisationName: organisations.name,
      assessmentId: assessments.id,
      status: assessments.status,
      frameworkId: assessments.frameworkId,
      frameworkVersion: assessments.frameworkVersion,
      profile: assessments.profile,
      includedOptionalPillars: assessments.includedOptionalPillars,
      revision: assessmentRevisions.revision,
      answers: assessmentRevisions.answers,
      scores: assessmentRevisions.scores,
      submittedAt: assessmentRevisions.submittedAt,
    })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .innerJoin(
      cycleAssessments,
      and(
        eq(cycleAssessments.cycleId, key.cycleId),
        eq(cycleAssessments.organisationId, networkMembers.organisationId),
      ),
    )
    .innerJoin(assessments, eq(assessments.id, cycleAssessments.assessmentId))
    .leftJoin(
      assessmentRevisions,
      and(
        eq(assessmentRevisions.assessmentId, assessments.id),
        // A reopened assessment's latest submitted revision is the one before its working copy.
        sql`${assessmentRevisions.revision} = (
          select max(latest.revision) from ${assessmentRevisions} as latest
          where latest.assessment_id = ${assessments.id}
        )`,
      ),
    )
    .where(
      and(
        eq(networkMembers.networkId, key.networkId),
        eq(networkMembers.organisationId, key.organisationId),
        eq(networkMembers.sharing, 'named'),
      ),
    )
    .limit(1);
  return row as NamedMemberSubmissionRow | undefined;
}

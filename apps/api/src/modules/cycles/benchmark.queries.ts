import type { TAssessmentScores } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentRevisions,
  assessments,
  cycleAssessments,
  cycles,
  networkMembers,
  organisations,
} from '../../db/schema.js';

export interface BenchmarkRow {
  organisationId: string;
  type: string;
  sizeBand: string;
  scores: TAssessmentScores;
}

/**
 * In one statement: the submitted scores of every assessment linked to the cycle whose
 * organisation is still a member of the cycle's network (named and anonymous alike), with each
 * organisation's type and size band for the "similar members" groups.
 */
export async function listCycleSubmissions(
  db: Db,
  key: { cycleId: string },
): Promise<BenchmarkRow[]> {
  const rows = await db
    .select({
      organisationId: cycleAssessments.organisationId,
      type: organisations.type,
      sizeBand: organisations.sizeBand,
      scores: assessmentRevisions.scores,
    })
    .from(cycleAssessments)
    .innerJoin(cycles, eq(cycles.id, cycleAssessments.cycleId))
    .innerJoin(
      networkMembers,
      and(
        eq(networkMembers.networkId, cycles.networkId),
        eq(networkMembers.organisationId, cycleAssessments.organisationId),
      ),
    )
    .innerJoin(organisations, eq(organisations.id, cycleAssessments.organisationId))
    .innerJoin(
      assessments,
      and(eq(assessments.id, cycleAssessments.assessmentId), eq(assessments.status, 'submitted')),
    )
    .innerJoin(
      assessmentRevisions,
      and(
        eq(assessmentRevisions.assessmentId, assessments.id),
        eq(assessmentRevisions.revision, assessments.revision),
      ),
    )
    .where(eq(cycleAssessments.cycleId, key.cycleId));
  return rows as BenchmarkRow[];
}

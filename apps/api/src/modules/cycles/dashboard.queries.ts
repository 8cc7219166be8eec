import type { DashboardAnswer, TAssessmentScores } from '@waymark/rubric';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  assessmentRevisions,
  assessments,
  cycleAssessments,
  networkInvitations,
  networkMembers,
  organisations,
} from '../../db/schema.js';

/**
 * The dashboard's reads: a constant number of statements whatever the number of members (the
 * statement-count test holds it), each scoped to the cycle's network in its own `where`.
 */

export interface DashboardMemberRow {
  organisationId: string;
  name: string;
  type: string;
  sizeBand: string;
  sharing: 'named' | 'anonymous';
  /** The assessment linked to the cycle, null when the member has not started. */
  assessmentId: string | null;
  status: 'draft' | 'submitted' | 'reopened' | null;
  /** The submitted revision's scores; null unless `status` is `submitted`. */
  scores: TAssessmentScores | null;
  /** The submitted revision's answers, reduced to what the dashboard reads; [] unless submitted. */
  answers: DashboardAnswer[];
}

/**
 * In one statement: every current member of the network with its organisation, the assessment it
 * linked to the cycle (if any) and, when that is submitted, the latest revision's scores and
 * answers. Answers are reduced in the database (no notes or evidence links cross the wire).
 */
export async function listDashboardMembers(
  db: Db,
  key: { cycleId: string; networkId: string },
): Promise<DashboardMemberRow[]> {
  const rows = await db
    .select({
      organisationId: networkMembers.organisationId,
      name: organisations.name,
      type: organisations.type,
      sizeBand: organisations.sizeBand,
      sharing: networkMembers.sharing,
      assessmentId: cycleAssessments.assessmentId,
      status: assessments.status,
      scores: assessmentRevisions.scores,
      answers: sql<DashboardAnswer[]>`(
        select coalesce(jsonb_agg(jsonb_build_object(
          'criterionId', a->>'criterionId',
          'level', a->'level',
          'targetLevel', a->'targetLevel',
          'notApplicable', coalesce(jsonb_typeof(a->'notApplicable') = 'object', false),
          'indicators', coalesce(a->'indicators', '{}'::jsonb)
        )), '[]'::jsonb)
        from jsonb_array_elements(${assessmentRevisions.answers}) as a
      )`,
    })
    .from(networkMembers)
    .innerJoin(organisations, eq(organisations.id, networkMembers.organisationId))
    .leftJoin(
      cycleAssessments,
      and(
        eq(cycleAssessments.cycleId, key.cycleId),
        eq(cycleAssessments.organisationId, networkMembers.organisationId),
      ),
    )
    .leftJoin(assessments, eq(assessments.id, cycleAssessments.assessmentId))
    .leftJoin(
      assessmentRevisions,
      and(
        eq(assessments.status, 'submitted'),
        eq(assessmentRevisions.assessmentId, assessments.id),
        eq(assessmentRevisions.revision, assessments.revision),
      ),
    )
    .where(eq(networkMembers.networkId, key.networkId))
    .orderBy(organisations.name, networkMembers.organisationId);
  return rows as DashboardMemberRow[];
}

/** In one statement: invitations ever sent for the network, and those still pending. */
export async function countNetworkInvitations(
  db: Db,
  key: { networkId: string },
): Promise<{ invited: number; pending: number }> {
  const [row] = await db
    .select({
      invited: sql<number>`count(*)::int`,
      pending: sql<number>`(count(*) filter (
        where ${networkInvitations.acceptedAt} is null
          and ${networkInvitations.revokedAt} is null
          and ${networkInvitations.expiresAt} > now()
      ))::int`,
    })
    .from(networkInvitations)
    .where(eq(networkInvitations.networkId, key.networkId));
  return { invited: Number(row?.invited ?? 0), pending: Number(row?.pending ?? 0) };
}

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
}

/**
 * In one statement: every current member of the network with its organisation, the assessment it
 * linked to the cycle (if any) and, when that is submitted, the latest revision's scores.
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

export interface DashboardAnswerRow extends DashboardAnswer {
  assessmentId: string;
}

/**
 * In one statement: the answers of every current member's submitted revision for the cycle, one
 * row each, reduced in the database to what the dashboard reads (no notes or evidence links).
 * Rows, not a JSON document per member: `jsonb_to_recordset` is several times faster than
 * rebuilding each answer with `jsonb_build_object` (measured by `pnpm bench`).
 */
export async function listDashboardAnswers(
  db: Db,
  key: { cycleId: string; networkId: string },
): Promise<DashboardAnswerRow[]> {
  const result = (await db.execute(sql`
    select r.assessment_id as "assessmentId",
           a."criterionId",
           a.level,
           a."targetLevel",
           coalesce(jsonb_typeof(a."notApplicable") = 'object', false) as "notApplicable",
           a.indicators
    from ${networkMembers} m
    join ${cycleAssessments} ca
      on ca.cycle_id = ${key.cycleId} and ca.organisation_id = m.organisation_id
    join ${assessments} s on s.id = ca.assessment_id and s.status = 'submitted'
    join ${assessmentRevisions} r on r.assessment_id = s.id and r.revision = s.revision
    cross join lateral jsonb_to_recordset(r.answers) as a(
      "criterionId" text, level int, "targetLevel" int, "notApplicable" jsonb, indicators jsonb
    )
    where m.network_id = ${key.networkId}
  `)) as unknown as { rows: (Omit<DashboardAnswerRow, 'indicators'> & { indicators: unknown })[] };
  return result.rows.map((row) => ({
    ...row,
    indicators: (row.indicators ?? {}) as Record<string, number>,
  }));
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

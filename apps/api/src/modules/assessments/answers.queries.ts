import { and, asc, eq, sql } from 'drizzle-orm';
import { PgDialect } from 'drizzle-orm/pg-core';
import type { Db } from '../../db/client.js';
import { answers, users } from '../../db/schema.js';

const dialect = new PgDialect();

/** A stored answer with the name of whoever saved it last. */
export interface AnswerRow {
  criterionId: string;
  level: number | null;
  notApplicableReason: string | null;
  targetLevel: number | null;
  notes: string | null;
  evidenceLinks: string[];
  indicators: Record<string, number>;
  version: number;
  updatedBy: string | null;
  updatedByName: string | null;
  updatedAt: Date;
}

const answerColumns = {
  criterionId: answers.criterionId,
  level: answers.level,
  notApplicableReason: answers.notApplicableReason,
  targetLevel: answers.targetLevel,
  notes: answers.notes,
  evidenceLinks: answers.evidenceLinks,
  indicators: answers.indicators,
  version: answers.version,
  updatedBy: answers.updatedBy,
  updatedByName: users.name,
  updatedAt: answers.updatedAt,
};

export function listAnswers(db: Db, key: { assessmentId: string }): Promise<AnswerRow[]> {
  return db
    .select(answerColumns)
    .from(answers)
    .leftJoin(users, eq(users.id, answers.updatedBy))
    .where(eq(answers.assessmentId, key.assessmentId))
    .orderBy(asc(answers.criterionId));
}

export async function getAnswer(
  db: Db,
  key: { assessmentId: string; criterionId: string },
): Promise<AnswerRow | undefined> {
  const rows = await db
    .select(answerColumns)
    .from(answers)
    .leftJoin(users, eq(users.id, answers.updatedBy))
    .where(
      and(eq(answers.assessmentId, key.assessmentId), eq(answers.criterionId, key.criterionId)),
    )
    .limit(1);
  return rows[0];
}

export interface AnswerValues {
  level: number | null;
  notApplicableReason: string | null;
  targetLevel: number | null;
  notes: string | null;
  evidenceLinks: string[];
  indicators: Record<string, number>;
}

type RawAnswerRow = {
  criterion_id: string;
  level: number | null;
  not_applicable_reason: string | null;
  target_level: number | null;
  notes: string | null;
  evidence_links: string[];
  indicators: Record<string, number>;
  version: number;
  updated_by: string | null;
  updated_by_name: string | null;
  updated_at: string;
};

/**
 * Saves an answer if, and only if, the caller is an admin or contributor of the assessment's
 * organisation, the assessment is not submitted and the stored version is still `expectedVersion`
 * (0: nothing stored yet), and records the audit event — all in ONE statement, so atomically and
 * in one round trip (autosave is the hottest write): the answer is acknowledged only once this
 * statement has committed. The membership is checked here too, so that the route may skip its own
 * look-up when it already knows the assessment (see `AssessmentMetaCache`).
 *
 * - `FOR SHARE` on the assessment row makes a save and a submission (which locks the row
 *   `FOR UPDATE`) wait for each other: a save never slips in after a submission has read the answers,
 *   and a save that waited re-checks the status it finds.
 * - The compare-and-set is the `WHERE version = $expected` of the UPDATE (re-checked against the
 *   newest row when another save got there first), or the INSERT … ON CONFLICT DO NOTHING of a first
 *   save (a concurrent first save waits on the key and then inserts nothing).
 *
 * Returns the saved answer with its new version, or undefined when nothing was written: the caller
 * may not write, the assessment is submitted, or the version has moved on (the caller looks at which).
 */
export async function saveAnswerIfVersion(
  db: Db,
  key: { assessmentId: string; organisationId: string; criterionId: string; userId: string },
  expectedVersion: number,
  values: AnswerValues,
): Promise<AnswerRow | undefined> {
  const evidence = JSON.stringify(values.evidenceLinks);
  const indicators = JSON.stringify(values.indicators);
  const write =
    expectedVersion === 0
      ? sql`insert into answers (assessment_id, criterion_id, level, not_applicable_reason,
            target_level, notes, evidence_links, indicators, version, updated_by, updated_at)
          select target.id, ${key.criterionId}, ${values.level}::int, ${values.notApplicableReason}::text,
            ${values.targetLevel}::int, ${values.notes}::text, ${evidence}::jsonb, ${indicators}::jsonb,
            1, ${key.userId}::uuid, now()
          from target
          on conflict (assessment_id, criterion_id) do nothing
          returning *`
      : sql`update answers set level = ${values.level}::int,
            not_applicable_reason = ${values.notApplicableReason}::text,
            target_level = ${values.targetLevel}::int, notes = ${values.notes}::text,
            evidence_links = ${evidence}::jsonb, indicators = ${indicators}::jsonb,
            version = answers.version + 1, updated_by = ${key.userId}::uuid, updated_at = now()
          from target
          where answers.assessment_id = target.id and answers.criterion_id = ${key.criterionId}
            and answers.version = ${expectedVersion}::int
          returning answers.*`;
  const statement = sql`
    with target as (
      select a.id from assessments a
      where a.id = ${key.assessmentId}::uuid and a.status <> 'submitted'
        and exists (
          select 1 from memberships m
          where m.organisation_id = a.organisation_id and m.user_id = ${key.userId}::uuid
            and m.role in ('admin', 'contributor')
        )
      for share of a
    ),
    saved as (${write}),
    audit as (
      insert into audit_events (actor_user_id, organisation_id, entity_type, entity_id, action, data)
      select ${key.userId}::uuid, ${key.organisationId}::uuid, 'answer',
        saved.assessment_id || '/' || saved.criterion_id, 'saved',
        jsonb_build_object('criterionId', saved.criterion_id, 'version', saved.version,
          'level', saved.level, 'notApplicable', saved.not_applicable_reason is not null,
          'targetLevel', saved.target_level)
      from saved
    )
    select saved.criterion_id, saved.level, saved.not_applicable_reason, saved.target_level,
      saved.notes, saved.evidence_links, saved.indicators, saved.version, saved.updated_by,
      users.name as updated_by_name,
      to_char(saved.updated_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') as updated_at
    from saved left join users on users.id = saved.updated_by
  `;
  // A named (prepared) statement: each connection parses and plans it once, then sends only the
  // values. The text never varies (values are parameters), as a named statement requires.
  const result = (await db._.session
    .prepareQuery(
      dialect.sqlToQuery(statement),
      undefined,
      expectedVersion === 0 ? 'waymark_save_first_answer' : 'waymark_save_answer',
      false,
    )
    .execute()) as { rows: RawAnswerRow[] };
  const row = result.rows[0];
  if (!row) return undefined;
  return {
    criterionId: row.criterion_id,
    level: row.level,
    notApplicableReason: row.not_applicable_reason,
    targetLevel: row.target_level,
    notes: row.notes,
    evidenceLinks: row.evidence_links,
    indicators: row.indicators,
    version: row.version,
    updatedBy: row.updated_by,
    updatedByName: row.updated_by_name,
    updatedAt: new Date(row.updated_at),
  };
}

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
 * The save statement, with placeholders for its values: built and turned into SQL once per
 * variant (first save, later save) rather than on every autosave.
 */
function saveAnswerStatement(firstSave: boolean) {
  const p = (name: string) => sql.placeholder(name);
  const write = firstSave
    ? sql`insert into answers (assessment_id, criterion_id, level, not_applicable_reason,
          target_level, notes, evidence_links, indicators, version, updated_by, updated_at)
        select target.id, ${p('criterionId')}::text, ${p('level')}::int, ${p('notApplicableReason')}::text,
          ${p('targetLevel')}::int, ${p('notes')}::text, ${p('evidence')}::jsonb, ${p('indicators')}::jsonb,
          1, ${p('userId')}::uuid, now()
        from target
        on conflict (assessment_id, criterion_id) do nothing
        returning *`
    : sql`update answers set level = ${p('level')}::int,
          not_applicable_reason = ${p('notApplicableReason')}::text,
          target_level = ${p('targetLevel')}::int, notes = ${p('notes')}::text,
          evidence_links = ${p('evidence')}::jsonb, indicators = ${p('indicators')}::jsonb,
          version = answers.version + 1, updated_by = ${p('userId')}::uuid, updated_at = now()
        from target
        where answers.assessment_id = target.id and answers.criterion_id = ${p('criterionId')}::text
          and answers.version = ${p('expectedVersion')}::int
        returning answers.*`;
  return dialect.sqlToQuery(sql`
    with target as (
      select a.id from assessments a
      where a.id = ${p('assessmentId')}::uuid and a.status <> 'submitted'
        and exists (
          select 1 from memberships m
          where m.organisation_id = a.organisation_id and m.user_id = ${p('userId')}::uuid
            and m.role in ('admin', 'contributor')
        )
      for share of a
    ),
    saved as (${write}),
    audit as (
      insert into audit_events (actor_user_id, organisation_id, entity_type, entity_id, action, data)
      select ${p('userId')}::uuid, ${p('organisationId')}::uuid, 'answer',
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
  `);
}

const SAVE_STATEMENTS = {
  first: { name: 'waymark_save_first_answer', query: saveAnswerStatement(true) },
  later: { name: 'waymark_save_answer', query: saveAnswerStatement(false) },
};

type PreparedSave = { execute(values: Record<string, unknown>): Promise<unknown> };
/** Prepared once per database handle (the pool, or PGlite): a handle never changes its session. */
const preparedSaves = new WeakMap<Db, Record<keyof typeof SAVE_STATEMENTS, PreparedSave>>();

function preparedSave(db: Db, variant: keyof typeof SAVE_STATEMENTS): PreparedSave {
  let prepared = preparedSaves.get(db);
  if (!prepared) {
    // Named statements: each connection parses and plans them once, then gets only the values.
    const prepare = ({ name, query }: (typeof SAVE_STATEMENTS)['first']) =>
      db._.session.prepareQuery(query, undefined, name, false) as unknown as PreparedSave;
    prepared = { first: prepare(SAVE_STATEMENTS.first), later: prepare(SAVE_STATEMENTS.later) };
    preparedSaves.set(db, prepared);
  }
  return prepared[variant];
}

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
  const result = (await preparedSave(db, expectedVersion === 0 ? 'first' : 'later').execute({
    assessmentId: key.assessmentId,
    organisationId: key.organisationId,
    criterionId: key.criterionId,
    userId: key.userId,
    expectedVersion,
    level: values.level,
    notApplicableReason: values.notApplicableReason,
    targetLevel: values.targetLevel,
    notes: values.notes,
    evidence: JSON.stringify(values.evidenceLinks),
    indicators: JSON.stringify(values.indicators),
  })) as { rows: RawAnswerRow[] };
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

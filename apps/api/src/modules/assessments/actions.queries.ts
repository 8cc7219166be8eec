import { and, asc, eq, type SQL, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { actions, users } from '../../db/schema.js';

export interface ActionRow {
  id: string;
  assessmentId: string;
  criterionId: string;
  title: string;
  description: string | null;
  ownerUserId: string | null;
  ownerName: string | null;
  dueDate: string | null;
  status: string;
  createdAt: Date;
  updatedAt: Date;
  completedAt: Date | null;
}

const actionColumns = {
  id: actions.id,
  assessmentId: actions.assessmentId,
  criterionId: actions.criterionId,
  title: actions.title,
  description: actions.description,
  ownerUserId: actions.ownerUserId,
  ownerName: users.name,
  dueDate: actions.dueDate,
  status: actions.status,
  createdAt: actions.createdAt,
  updatedAt: actions.updatedAt,
  completedAt: actions.completedAt,
};

export function listActions(
  db: Db,
  key: { assessmentId: string },
  filters: { status?: string; criterionId?: string; ownerUserId?: string } = {},
): Promise<ActionRow[]> {
  const where: SQL[] = [eq(actions.assessmentId, key.assessmentId)];
  if (filters.status) where.push(eq(actions.status, filters.status));
  if (filters.criterionId) where.push(eq(actions.criterionId, filters.criterionId));
  if (filters.ownerUserId) where.push(eq(actions.ownerUserId, filters.ownerUserId));
  return db
    .select(actionColumns)
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .where(and(...where))
    .orderBy(asc(actions.createdAt), asc(actions.id));
}

/** One action of one assessment: the assessment id is part of the key (tenancy in the query). */
export async function getAction(
  db: Db,
  key: { assessmentId: string; actionId: string },
): Promise<ActionRow | undefined> {
  const rows = await db
    .select(actionColumns)
    .from(actions)
    .leftJoin(users, eq(users.id, actions.ownerUserId))
    .where(and(eq(actions.assessmentId, key.assessmentId), eq(actions.id, key.actionId)))
    .limit(1);
  return rows[0];
}

export interface ActionValues {
  criterionId: string;
  title: string;
  description: string | null;
  ownerUserId: string | null;
  dueDate: string | null;
  status: 'planned' | 'in_progress' | 'done';
}

export async function insertAction(
  db: Db,
  key: { assessmentId: string; createdBy: string },
  values: ActionValues,
): Promise<string> {
  const [row] = await db
    .insert(actions)
    .values({
      ...values,
      assessmentId: key.assessmentId,
      createdBy: key.createdBy,
      completedAt: values.status === 'done' ? sql`now()` : null,
    })
    .returning({ id: actions.id });
  if (!row) throw new Error('action not inserted');
  return row.id;
}

/** Applies a change; `completedAt` follows the status into and out of `done`. */
export async function updateAction(
  db: Db,
  key: { assessmentId: string; actionId: string },
  values: Partial<ActionValues>,
): Promise<boolean> {
  const completedAt =
    values.status === undefined
      ? {}
      : {
          completedAt:
            values.status === 'done' ? sql`coalesce(${actions.completedAt}, now())` : null,
        };
  const rows = await db
    .update(actions)
    .set({ ...values, ...completedAt, updatedAt: sql`now()` })
    .where(and(eq(actions.assessmentId, key.assessmentId), eq(actions.id, key.actionId)))
    .returning({ id: actions.id });
  return rows.length > 0;
}

export async function deleteAction(
  db: Db,
  key: { assessmentId: string; actionId: string },
): Promise<boolean> {
  const rows = await db
    .delete(actions)
    .where(and(eq(actions.assessmentId, key.assessmentId), eq(actions.id, key.actionId)))
    .returning({ id: actions.id });
  return rows.length > 0;
}

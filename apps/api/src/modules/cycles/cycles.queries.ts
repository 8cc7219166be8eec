import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessments, type CycleRow, cycleAssessments, cycles } from '../../db/schema.js';

/** A network's cycles, newest opening first. */
export async function listNetworkCycles(db: Db, key: { networkId: string }): Promise<CycleRow[]> {
  return db
    .select()
    .from(cycles)
    .where(eq(cycles.networkId, key.networkId))
    .orderBy(sql`${cycles.opensOn} desc`, asc(cycles.name));
}

export async function insertCycle(
  db: Db,
  values: {
    networkId: string;
    name: string;
    frameworkId: string;
    frameworkVersion: number;
    opensOn: string;
    closesOn: string;
    createdBy: string;
  },
): Promise<CycleRow> {
  const [row] = await db.insert(cycles).values(values).returning();
  if (!row) throw new Error('cycle not inserted');
  return row;
}

/** The cycle after the change; only the given fields change. */
export async function updateCycle(
  db: Db,
  key: { cycleId: string },
  values: Partial<Pick<CycleRow, 'name' | 'frameworkVersion' | 'opensOn' | 'closesOn'>>,
): Promise<CycleRow> {
  const [row] = await db
    .update(cycles)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(cycles.id, key.cycleId))
    .returning();
  if (!row) throw new Error('cycle not updated');
  return row;
}

/** Whether any assessment is linked to the cycle. */
export async function hasLinkedAssessments(db: Db, key: { cycleId: string }): Promise<boolean> {
  const rows = await db
    .select({ one: sql<number>`1` })
    .from(cycleAssessments)
    .where(eq(cycleAssessments.cycleId, key.cycleId))
    .limit(1);
  return rows.length > 0;
}

/** The assessments linked to the cycle for these organisations, with their status. */
export async function listLinkedAssessments(
  db: Db,
  key: { cycleId: string; organisationIds: string[] },
) {
  if (key.organisationIds.length === 0) return [];
  return db
    .select({
      organisationId: cycleAssessments.organisationId,
      assessmentId: cycleAssessments.assessmentId,
      status: assessments.status,
    })
    .from(cycleAssessments)
    .innerJoin(assessments, eq(assessments.id, cycleAssessments.assessmentId))
    .where(
      and(
        eq(cycleAssessments.cycleId, key.cycleId),
        inArray(cycleAssessments.organisationId, key.organisationIds),
      ),
    );
}

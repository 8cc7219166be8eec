import { and, asc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { assessments, type CycleRow, cycleAssessments, cycles } from '../../db/schema.js';
import { cycleStatus } from './cycle-dates.js';

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

/** The cycles an assessment is linked to (name and dates), for the submit rule. */
export async function listAssessmentCycles(db: Db, key: { assessmentId: string }) {
  return db
    .select({ name: cycles.name, opensOn: cycles.opensOn, closesOn: cycles.closesOn })
    .from(cycleAssessments)
    .innerJoin(cycles, eq(cycles.id, cycleAssessments.cycleId))
    .where(eq(cycleAssessments.assessmentId, key.assessmentId))
    .orderBy(sql`${cycles.closesOn} desc`);
}

/**
 * The cycle to name when every cycle the assessment is linked to has closed (the one that closed
 * last), or undefined when it may be submitted: not linked to any, or one is still open or upcoming.
 */
export function closedCyclesBlockingSubmit(
  linked: { name: string; opensOn: string; closesOn: string }[],
  now: Date = new Date(),
) {
  if (linked.length === 0) return undefined;
  if (linked.some((c) => cycleStatus(c, now).status !== 'closed')) return undefined;
  return linked[0];
}

/** The organisation's cycle links on one framework version, with each linked cycle's dates. */
export async function listOrganisationLinks(
  db: Db,
  key: { organisationId: string; frameworkId: string; frameworkVersion: number },
) {
  return db
    .select({
      cycleId: cycleAssessments.cycleId,
      assessmentId: cycleAssessments.assessmentId,
      status: assessments.status,
      opensOn: cycles.opensOn,
      closesOn: cycles.closesOn,
    })
    .from(cycleAssessments)
    .innerJoin(cycles, eq(cycles.id, cycleAssessments.cycleId))
    .innerJoin(assessments, eq(assessments.id, cycleAssessments.assessmentId))
    .where(
      and(
        eq(cycleAssessments.organisationId, key.organisationId),
        eq(cycles.frameworkId, key.frameworkId),
        eq(cycles.frameworkVersion, key.frameworkVersion),
      ),
    );
}

export async function insertCycleLink(
  db: Db,
  values: { cycleId: string; organisationId: string; assessmentId: string },
): Promise<void> {
  await db.insert(cycleAssessments).values(values);
}

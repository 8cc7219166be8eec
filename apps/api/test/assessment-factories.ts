import {
  applicableCriteria,
  DEFAULT_FRAMEWORK,
  type TFramework,
  type TOrganisationProfile,
} from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach } from 'vitest';
import { assessments, organisations } from '../src/db/schema.js';
import { type TestContext, truncateAll } from './build-test-app.js';
import { type createOrganisation, createTeam, type TestUser } from './factories.js';

/** Test factories for assessments, answers and actions; they write through the database or the API. */

export interface TestAssessment {
  id: string;
  organisationId: string;
  framework: TFramework;
  profile: { organisationType: string; sizeBand: string };
  includedOptionalPillars: string[];
  /** The applicable criteria, in framework order. */
  criterionIds: string[];
}

/** An assessment on the default framework, with the organisation's profile as it is now. */
export async function createAssessment(
  ctx: TestContext,
  organisation: { id: string },
  overrides: {
    title?: string;
    status?: 'draft' | 'submitted' | 'reopened';
    includedOptionalPillars?: string[];
    createdBy?: { id: string };
  } = {},
): Promise<TestAssessment> {
  const [org] = await ctx.database.db
    .select({ type: organisations.type, sizeBand: organisations.sizeBand })
    .from(organisations)
    .where(eq(organisations.id, organisation.id));
  if (!org) throw new Error('organisation not found');
  const profile = { organisationType: org.type, sizeBand: org.sizeBand };
  const includedOptionalPillars = overrides.includedOptionalPillars ?? [];
  const [row] = await ctx.database.db
    .insert(assessments)
    .values({
      organisationId: organisation.id,
      frameworkId: DEFAULT_FRAMEWORK.id,
      frameworkVersion: DEFAULT_FRAMEWORK.version,
      title: overrides.title ?? 'Anchor self-assessment 2026',
      status: overrides.status ?? 'draft',
      profile,
      includedOptionalPillars,
      createdBy: overrides.createdBy?.id ?? null,
    })
    .returning({ id: assessments.id });
  if (!row) throw new Error('assessment not created');
  const criterionIds = applicableCriteria(DEFAULT_FRAMEWORK, profile as TOrganisationProfile, {
    includeOptionalPillars: includedOptionalPillars,
  }).flatMap((p) => p.criteria.map((c) => c.id));
  return {
    id: row.id,
    organisationId: organisation.id,
    framework: DEFAULT_FRAMEWORK,
    profile,
    includedOptionalPillars,
    criterionIds,
  };
}

/** The role matrix of `createTeam` and an assessment of its organisation. */
export async function createAssessmentTeam(
  ctx: TestContext,
  orgOverrides: Parameters<typeof createOrganisation>[2] = {},
) {
  const team = await createTeam(ctx, { org: orgOverrides });
  const assessment = await createAssessment(ctx, team.org, { createdBy: team.admin });
  return { ...team, assessment };
}

export type AssessmentTeam = Awaited<ReturnType<typeof createAssessmentTeam>>;

/**
 * Registers a `beforeEach` that empties the tables and builds a new `createAssessmentTeam`: the
 * object returned is filled in again before each test.
 */
export function useAssessmentTeam(ctx: TestContext): AssessmentTeam {
  const team = {} as AssessmentTeam;
  beforeEach(async () => {
    await truncateAll(ctx.database);
    Object.assign(team, await createAssessmentTeam(ctx));
  });
  return team;
}

export interface AnswerBody {
  level: number | null;
  notApplicable?: { reason: string };
  targetLevel?: number | null;
  notes?: string | null;
  evidenceLinks?: string[];
  indicators?: Record<string, number>;
  version: number;
}

/** PUT an answer through the API. */
export function putAnswer(
  ctx: TestContext,
  user: TestUser,
  assessmentId: string,
  criterionId: string,
  body: AnswerBody | Record<string, unknown>,
) {
  return ctx.app.inject({
    method: 'PUT',
    url: `/api/v1/assessments/${assessmentId}/answers/${criterionId}`,
    headers: user.headers,
    payload: body,
  });
}

/** Answers every applicable criterion (first saves), level by `levelOf`, through the API. */
export async function answerAll(
  ctx: TestContext,
  user: TestUser,
  assessment: TestAssessment,
  levelOf: (criterionId: string, index: number) => Omit<AnswerBody, 'version'> = (_, i) => ({
    level: (i % 4) + 1,
    targetLevel: Math.min(4, (i % 4) + 2),
  }),
): Promise<void> {
  for (const [i, criterionId] of assessment.criterionIds.entries()) {
    const res = await putAnswer(ctx, user, assessment.id, criterionId, {
      ...levelOf(criterionId, i),
      version: 0,
    });
    if (res.statusCode !== 200) {
      throw new Error(`answering ${criterionId}: ${res.statusCode} ${res.body}`);
    }
  }
}

/** Audit events recorded for an entity type, oldest first. */
export async function auditEvents(ctx: TestContext, entityType: string) {
  const { auditEvents: table } = await import('../src/db/schema.js');
  const { asc, eq: equals } = await import('drizzle-orm');
  return ctx.database.db
    .select()
    .from(table)
    .where(equals(table.entityType, entityType))
    .orderBy(asc(table.id));
}

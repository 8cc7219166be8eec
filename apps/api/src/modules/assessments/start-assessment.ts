import type { Db } from '../../db/client.js';
import { NotFoundError, UnprocessableError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import type { FrameworkCache } from './assessment-context.js';
import { getOrganisationProfile, insertAssessment } from './assessments.queries.js';

type AssessmentRow = Awaited<ReturnType<typeof insertAssessment>>;

/**
 * Starts an organisation's assessment on a published framework version, keeping its profile as it
 * is now, with its audit event in one transaction. `alsoInTransaction` runs in the same
 * transaction (a cycle links the new assessment there). The one code path for
 * `POST /organisations/:orgId/assessments` and `POST /cycles/:cycleId/assessments`.
 */
export async function startAssessment(
  db: Db,
  frameworks: FrameworkCache,
  input: {
    organisationId: string;
    frameworkId: string;
    frameworkVersion: number;
    title?: string | undefined;
    includeOptionalPillars?: readonly string[] | undefined;
    userId: string;
  },
  alsoInTransaction?: (tx: Db, row: AssessmentRow) => Promise<void>,
) {
  const framework = await frameworks.get({
    frameworkId: input.frameworkId,
    version: input.frameworkVersion,
  });
  if (!framework) {
    throw new UnprocessableError(
      'unknown_framework_version',
      `Framework "${input.frameworkId}" has no published version ${input.frameworkVersion}.`,
    );
  }
  const included = [...new Set(input.includeOptionalPillars ?? [])];
  for (const pillarId of included) {
    if (!framework.pillars.some((p) => p.id === pillarId && p.optional)) {
      throw new UnprocessableError(
        'unknown_optional_pillar',
        `"${pillarId}" is not an optional pillar of ${framework.id} version ${framework.version}.`,
      );
    }
  }
  const organisation = await getOrganisationProfile(db, { organisationId: input.organisationId });
  if (!organisation) throw new NotFoundError();
  const profile = { organisationType: organisation.type, sizeBand: organisation.sizeBand };

  const row = await db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const created = await insertAssessment(tx, {
      organisationId: input.organisationId,
      frameworkId: framework.id,
      frameworkVersion: framework.version,
      title: input.title ?? `${framework.title} ${new Date().getUTCFullYear()}`,
      profile,
      includedOptionalPillars: included,
      createdBy: input.userId,
    });
    await recordAudit(tx, {
      actorUserId: input.userId,
      organisationId: input.organisationId,
      entityType: 'assessment',
      entityId: created.id,
      action: 'created',
      data: { frameworkId: framework.id, frameworkVersion: framework.version, profile, included },
    });
    if (alsoInTransaction) await alsoInTransaction(tx, created);
    return created;
  });
  return { row, framework };
}

import {
  buildAssessmentResults,
  type TAssessmentScores,
  ZCycleMemberResults,
  ZCycleMemberResultsParams,
  ZProblem,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';
import { ConflictError, NotFoundError } from '../../errors.js';
import { createFrameworkCache } from '../assessments/assessment-context.js';
import { scoringOptions, toAnswerInput } from '../assessments/mappers.js';
import { requireCycleAccess } from '../networks/network-access.js';
import { getNamedMemberSubmission } from './member-results.queries.js';

/**
 * A coordinator's read-only view of a named member's results in a cycle (the dashboard heatmap's
 * click-through). The same shaping as `GET /assessments/:id/results?revision=n`, from the latest
 * submitted revision's stored answers and scores: `buildAssessmentResults` in the rubric package.
 */
export const cycleMemberResultsRoutes: FastifyPluginAsyncZod<{ config: Config }> = async (app) => {
  const frameworks = createFrameworkCache(app.db);

  app.route({
    method: 'GET',
    url: '/cycles/:cycleId/members/:organisationId/results',
    schema: {
      tags: ['cycles'],
      security: [{ bearerAuth: [] }],
      summary: "A named member's latest submitted results in the cycle (coordinators, read-only)",
      description:
        'Only for members that share their results by name: an anonymous member, an organisation that is not a member and a member with no assessment in the cycle all answer 404. A member whose assessment has never been submitted answers 409 `not_submitted`.',
      params: ZCycleMemberResultsParams,
      response: {
        200: ZCycleMemberResults,
        400: ZProblem,
        401: ZProblem,
        403: ZProblem,
        404: ZProblem,
        409: ZProblem,
      },
    },
    handler: async (request) => {
      const { cycleId, organisationId } = request.params;
      const { network } = await requireCycleAccess(
        app.db,
        { cycleId, userId: request.user.id },
        'coordinator',
      );
      const row = await getNamedMemberSubmission(app.db, {
        cycleId,
        networkId: network.id,
        organisationId,
      });
      if (!row) throw new NotFoundError();
      if (row.revision === null || row.answers === null || row.submittedAt === null) {
        throw new ConflictError(
          'not_submitted',
          `${row.organisationName} has not submitted its assessment for this cycle yet.`,
        );
      }
      const framework = await frameworks.get({
        frameworkId: row.frameworkId,
        version: row.frameworkVersion,
      });
      // The foreign key guarantees the version exists; reaching this is a bug, not a client error.
      if (!framework)
        throw new Error(`framework ${row.frameworkId}@${row.frameworkVersion} missing`);
      return {
        cycleId,
        organisationId: row.organisationId,
        organisationName: row.organisationName,
        sharing: 'named' as const,
        submittedAt: row.submittedAt.toISOString(),
        assessmentId: row.assessmentId,
        status: row.status,
        revision: row.revision,
        source: 'submitted' as const,
        framework: { id: framework.id, version: framework.version },
        ...buildAssessmentResults(
          framework,
          row.answers.map(toAnswerInput),
          scoringOptions(row),
          row.scores as TAssessmentScores,
        ),
      };
    },
  });
};

import {
  buildAssessmentResults,
  type TAnswerInput,
  type TAssessmentScores,
  type TRevisionAnswer,
  ZAssessmentParams,
  ZAssessmentResults,
  ZProblem,
  ZResultsQuery,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { ROLES } from '../tenancy.js';
import { listAnswers } from './answers.queries.js';
import { type AssessmentModuleOptions, loadAssessment } from './assessment-context.js';
import { getRevision } from './assessments.queries.js';
import { toAnswerInput } from './mappers.js';

/** GET /assessments/:assessmentId/results: loads answers and lets the rubric package shape them. */
export const resultRoutes: FastifyPluginAsyncZod<AssessmentModuleOptions> = async (
  app,
  { frameworks },
) => {
  app.route({
    method: 'GET',
    url: '/assessments/:assessmentId/results',
    schema: {
      tags: ['assessments'],
      security: [{ bearerAuth: [] }],
      summary:
        'Scores per pillar and overall, radar data, strengths, priorities and what to do next per criterion',
      description:
        'Without `revision`: the answers as they are now (partial for a draft). With `revision`: that submitted revision, from its stored answers and scores.',
      params: ZAssessmentParams,
      querystring: ZResultsQuery,
      response: { 200: ZAssessmentResults, 400: ZProblem, 401: ZProblem, 404: ZProblem },
    },
    handler: async (request) => {
      const { assessment, framework, scoring } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        ROLES,
      );
      const requested = request.query.revision;
      let answers: TAnswerInput[];
      let snapshot: TAssessmentScores | undefined;
      let source: 'working_copy' | 'submitted';
      let revision: number;
      if (requested === undefined) {
        answers = (await listAnswers(app.db, { assessmentId: assessment.id })).map(toAnswerInput);
        source = assessment.status === 'submitted' ? 'submitted' : 'working_copy';
        revision = assessment.revision;
      } else {
        const row = await getRevision(app.db, { assessmentId: assessment.id, revision: requested });
        if (!row) {
          throw new AppError(
            404,
            'revision_not_found',
            'Not Found',
            `Revision ${requested} of this assessment has not been submitted.`,
          );
        }
        answers = (row.answers as TRevisionAnswer[]).map(toAnswerInput);
        snapshot = row.scores as TAssessmentScores;
        source = 'submitted';
        revision = row.revision;
      }
      return {
        assessmentId: assessment.id,
        status: assessment.status as 'draft' | 'submitted' | 'reopened',
        revision,
        source,
        framework: { id: framework.id, version: framework.version },
        ...buildAssessmentResults(framework, answers, scoring, snapshot),
      };
    },
  });
};

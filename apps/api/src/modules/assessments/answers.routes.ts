import {
  applicableCriteria,
  checkIndicatorValues,
  type TFramework,
  type TSaveAnswerBody,
  ZAnswer,
  ZAnswerConflictProblem,
  ZAnswerParams,
  ZProblem,
  ZSaveAnswerBody,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { AppError } from '../../errors.js';
import { WRITER_ROLES } from '../tenancy.js';
import { getAnswer, saveAnswerIfVersion } from './answers.queries.js';
import {
  type AssessmentMeta,
  type AssessmentModuleOptions,
  loadAssessment,
} from './assessment-context.js';
import { toAnswer } from './mappers.js';
import { lockedError, ProblemWithExtras } from './problems.js';

const tags = ['assessments'];
const security = [{ bearerAuth: [] }];

function invalidAnswer(detail: string): AppError {
  return new AppError(400, 'invalid_answer', 'Bad Request', detail);
}

/**
 * The criteria that apply to an assessment, each with its pillar's id: fixed once the assessment
 * has started (its meta never changes), so worked out once per cached meta rather than on every
 * save.
 */
const applicableByMeta = new WeakMap<AssessmentMeta, Map<string, string>>();

function applicableCriterionPillars(framework: TFramework, meta: AssessmentMeta) {
  let applicable = applicableByMeta.get(meta);
  if (!applicable) {
    applicable = new Map();
    for (const pillar of applicableCriteria(framework, meta.profile, {
      includeOptionalPillars: meta.includedOptionalPillars,
    })) {
      for (const criterion of pillar.criteria) applicable.set(criterion.id, pillar.id);
    }
    applicableByMeta.set(meta, applicable);
  }
  return applicable;
}

/**
 * What the body schema cannot know: the criterion must be in the framework AND apply to this
 * assessment (404 `criterion_not_found`), levels within the framework's scale and indicators of
 * the criterion's pillar within their units (400 `invalid_answer`).
 */
function checkAnswer(
  framework: TFramework,
  meta: AssessmentMeta,
  criterionId: string,
  body: TSaveAnswerBody,
): AppError | undefined {
  const pillarId = applicableCriterionPillars(framework, meta).get(criterionId);
  if (pillarId === undefined) {
    return new AppError(
      404,
      'criterion_not_found',
      'Not Found',
      `Criterion "${criterionId}" is not part of this assessment.`,
    );
  }
  const levelCount = framework.levels.length;
  if (body.level !== null && body.level > levelCount) {
    return invalidAnswer(`level must be from 1 to ${levelCount}, or null for "don't know yet".`);
  }
  if (body.targetLevel != null && body.targetLevel > levelCount) {
    return invalidAnswer(`targetLevel must be from 1 to ${levelCount}, or null.`);
  }
  const issues = checkIndicatorValues(framework, pillarId, body.indicators ?? {});
  if (issues.length > 0) return invalidAnswer(issues.map((i) => i.message).join('; '));
  return undefined;
}

/** PUT /assessments/:assessmentId/answers/:criterionId: autosave with optimistic concurrency. */
export const answerRoutes: FastifyPluginAsyncZod<AssessmentModuleOptions> = async (
  app,
  { frameworks, metas },
) => {
  app.route({
    method: 'PUT',
    url: '/assessments/:assessmentId/answers/:criterionId',
    schema: {
      tags,
      security,
      summary:
        'Save one answer (admin or contributor); send back the version you last saw, 0 for the first save',
      description:
        'The body replaces the stored answer. `level: null` is "don\'t know yet"; `notApplicable` needs `level: null`. ' +
        'A stale `version` answers 409 `answer_conflict` with the stored answer in `current`; a submitted assessment answers 409 `assessment_locked`.',
      params: ZAnswerParams,
      body: ZSaveAnswerBody,
      response: {
        200: ZAnswer,
        400: ZProblem,
        401: ZProblem,
        403: ZProblem,
        404: ZProblem,
        409: ZAnswerConflictProblem,
      },
    },
    handler: async (request) => {
      const { assessmentId, criterionId } = request.params;
      const body = request.body;
      const key = { assessmentId, userId: request.user.id };
      const writer = () => loadAssessment(app.db, frameworks, key, WRITER_ROLES);

      // Known assessment: validate against its framework and save in one statement, which checks
      // membership and status itself. Otherwise (first save in this process) look it up first.
      let meta = metas.get(assessmentId);
      const known = meta !== undefined;
      if (!meta) {
        const { assessment, scoring } = await writer();
        meta = {
          organisationId: assessment.organisationId,
          frameworkId: assessment.frameworkId,
          frameworkVersion: assessment.frameworkVersion,
          profile: scoring.profile,
          includedOptionalPillars: assessment.includedOptionalPillars,
        };
        metas.remember(assessmentId, meta);
      }
      const framework = await frameworks.get({
        frameworkId: meta.frameworkId,
        version: meta.frameworkVersion,
      });
      if (!framework)
        throw new Error(`framework ${meta.frameworkId}@${meta.frameworkVersion} missing`);

      const problem = checkAnswer(framework, meta, criterionId, body);
      if (problem) {
        // A stranger or a viewer learns nothing about the assessment from a 400: 404/403 first.
        if (known) await writer();
        throw problem;
      }

      const saved = await saveAnswerIfVersion(
        app.db,
        { assessmentId, organisationId: meta.organisationId, criterionId, userId: request.user.id },
        body.version,
        {
          level: body.notApplicable ? null : body.level,
          notApplicableReason: body.notApplicable?.reason ?? null,
          targetLevel: body.targetLevel ?? null,
          notes: body.notes ?? null,
          evidenceLinks: body.evidenceLinks ?? [],
          indicators: body.indicators ?? {},
        },
      );
      if (saved) return toAnswer(saved);

      // Nothing written: not a writer (404/403), submitted (409 locked) or another save won (409).
      const { assessment } = await writer();
      if (assessment.status === 'submitted') throw lockedError();
      const current = await getAnswer(app.db, { assessmentId, criterionId });
      throw new ProblemWithExtras(
        409,
        'answer_conflict',
        'Conflict',
        current
          ? `This answer was changed (now version ${current.version}) since you loaded version ${body.version}.`
          : `There is no saved answer at version ${body.version}; save with version 0.`,
        { current: current ? toAnswer(current) : null },
      );
    },
  });
};

import {
  assessmentProgress,
  type TAssessmentScores,
  type TPillarTask,
  ZAssessmentDetail,
  ZAssessmentIncompleteProblem,
  ZAssessmentListResponse,
  ZAssessmentParams,
  ZAssessmentSummary,
  ZCreateAssessmentBody,
  ZOrganisationAssessmentsParams,
  ZPillarAssigneeBody,
  ZPillarAssigneeParams,
  ZPillarAssigneeResponse,
  ZProblem,
  ZReopenAssessmentResponse,
  ZRevisionListResponse,
  ZSubmitAssessmentResponse,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError, NotFoundError, UnprocessableError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import type { RouteModuleOptions } from '../route-options.js';
import { ADMIN_ONLY, ROLES, requireMembership, WRITER_ROLES } from '../tenancy.js';
import { actionRoutes } from './actions.routes.js';
import { listAnswers } from './answers.queries.js';
import { answerRoutes } from './answers.routes.js';
import {
  AssessmentMetaCache,
  type AssessmentModuleOptions,
  createFrameworkCache,
  loadAssessment,
} from './assessment-context.js';
import {
  getMember,
  listAnswerStates,
  listAssessmentCycles,
  listOrganisationAssessments,
  listPillarAssignments,
  listRevisions,
  lockAssessment,
  setAssessmentState,
  setPillarAssignment,
} from './assessments.queries.js';
import { exportRoutes } from './export.routes.js';
import {
  scoringOptions,
  toAnswer,
  toAnswerInput,
  toAssessmentCycle,
  toAssessmentSummary,
  toIso,
} from './mappers.js';
import { handleProblemExtras, lockedError } from './problems.js';
import { resultRoutes } from './results.routes.js';
import { startAssessment } from './start-assessment.js';
import { submitAssessment } from './submit-assessment.js';

const tags = ['assessments'];
const security = [{ bearerAuth: [] }];
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/**
 * /organisations/:orgId/assessments and /assessments/* (protected scope). Every route under
 * /assessments/:assessmentId finds the assessment through the caller's membership (see
 * `loadAssessment`); each change is written with its audit event in one transaction.
 */
export const assessmentRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  handleProblemExtras(app);
  const options: AssessmentModuleOptions = {
    frameworks: createFrameworkCache(app.db),
    metas: new AssessmentMetaCache(),
  };
  await app.register(assessmentCoreRoutes, options);
  await app.register(answerRoutes, options);
  await app.register(resultRoutes, options);
  await app.register(actionRoutes, options);
  await app.register(exportRoutes, options);
};

const assessmentCoreRoutes: FastifyPluginAsyncZod<AssessmentModuleOptions> = async (
  app,
  { frameworks },
) => {
  app.route({
    method: 'POST',
    url: '/organisations/:orgId/assessments',
    schema: {
      tags,
      security,
      summary:
        "Start an assessment on a framework version (admin); the organisation's profile is kept",
      params: ZOrganisationAssessmentsParams,
      body: ZCreateAssessmentBody,
      response: { 201: ZAssessmentSummary, ...problems, 422: ZProblem },
    },
    handler: async (request, reply) => {
      const { orgId } = request.params;
      const body = request.body;
      await requireMembership(
        app.db,
        { organisationId: orgId, userId: request.user.id },
        ADMIN_ONLY,
      );
      const { row: created, framework } = await startAssessment(app.db, frameworks, {
        organisationId: orgId,
        frameworkId: body.frameworkId,
        frameworkVersion: body.frameworkVersion,
        title: body.title,
        includeOptionalPillars: body.includeOptionalPillars,
        userId: request.user.id,
      });
      const progress = assessmentProgress(framework, [], scoringOptions(created));
      return reply.status(201).send(toAssessmentSummary(created, progress));
    },
  });

  app.route({
    method: 'GET',
    url: '/organisations/:orgId/assessments',
    schema: {
      tags,
      security,
      summary: "The organisation's assessments with status, revision and completeness",
      params: ZOrganisationAssessmentsParams,
      response: { 200: ZAssessmentListResponse, ...problems },
    },
    handler: async (request) => {
      const { orgId } = request.params;
      await requireMembership(app.db, { organisationId: orgId, userId: request.user.id }, ROLES);
      const rows = await listOrganisationAssessments(app.db, { organisationId: orgId });
      const states = await listAnswerStates(app.db, { assessmentIds: rows.map((r) => r.id) });
      const items = [];
      for (const row of rows) {
        const framework = await frameworks.get({
          frameworkId: row.frameworkId,
          version: row.frameworkVersion,
        });
        if (!framework)
          throw new Error(`framework ${row.frameworkId}@${row.frameworkVersion} missing`);
        const progress = assessmentProgress(
          framework,
          states.filter((s) => s.assessmentId === row.id).map(toAnswerInput),
          scoringOptions(row),
        );
        items.push(toAssessmentSummary(row, progress));
      }
      return { items };
    },
  });

  app.route({
    method: 'GET',
    url: '/assessments/:assessmentId',
    schema: {
      tags,
      security,
      summary:
        'An assessment: its applicable pillars and criteria, every answer, the task list and your role',
      params: ZAssessmentParams,
      response: { 200: ZAssessmentDetail, ...problems },
    },
    handler: async (request) => {
      const context = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        ROLES,
      );
      const { assessment, framework, role, scoring } = context;
      const [answerRows, assignments, cycleRows] = await Promise.all([
        listAnswers(app.db, { assessmentId: assessment.id }),
        listPillarAssignments(app.db, { assessmentId: assessment.id }),
        listAssessmentCycles(app.db, {
          assessmentId: assessment.id,
          organisationId: assessment.organisationId,
        }),
      ]);
      const now = new Date();
      const progress = assessmentProgress(framework, answerRows.map(toAnswerInput), scoring);
      const assigneeOf = new Map(assignments.map((a) => [a.pillarId, a]));
      const pillars: TPillarTask[] = progress.pillars.map((p) => {
        const assignee = assigneeOf.get(p.pillarId);
        return {
          pillarId: p.pillarId,
          criterionIds: p.criterionIds,
          status: p.status,
          answered: p.answered,
          applicable: p.applicable,
          percentAnswered: p.applicable === 0 ? 100 : Math.round((100 * p.answered) / p.applicable),
          assignee: assignee ? { userId: assignee.userId, name: assignee.name } : null,
          assignedToYou: assignee?.userId === request.user.id,
        };
      });
      const applicable = new Set(progress.pillars.flatMap((p) => p.criterionIds));
      return {
        assessment: toAssessmentSummary(assessment, progress),
        framework: { id: framework.id, version: framework.version },
        role,
        canEdit: WRITER_ROLES.includes(role) && assessment.status !== 'submitted',
        pillars,
        answers: answerRows.filter((a) => applicable.has(a.criterionId)).map(toAnswer),
        cycles: cycleRows.map((row) => toAssessmentCycle(row, now)),
      };
    },
  });

  app.route({
    method: 'PUT',
    url: '/assessments/:assessmentId/pillars/:pillarId/assignee',
    schema: {
      tags,
      security,
      summary: 'Assign a pillar to an admin or contributor, or unassign it with null (admin)',
      params: ZPillarAssigneeParams,
      body: ZPillarAssigneeBody,
      response: { 200: ZPillarAssigneeResponse, ...problems, 409: ZProblem, 422: ZProblem },
    },
    handler: async (request) => {
      const { assessmentId, pillarId } = request.params;
      const { assessment, framework, scoring } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId, userId: request.user.id },
        ADMIN_ONLY,
      );
      const progress = assessmentProgress(framework, [], scoring);
      if (!progress.pillars.some((p) => p.pillarId === pillarId)) {
        throw new AppError(
          404,
          'pillar_not_found',
          'Not Found',
          `Pillar "${pillarId}" is not part of this assessment.`,
        );
      }
      if (assessment.status === 'submitted') throw lockedError();
      const { userId } = request.body;
      let assignee: { userId: string; name: string } | null = null;
      if (userId !== null) {
        const member = await getMember(app.db, {
          organisationId: assessment.organisationId,
          userId,
        });
        if (!member || !WRITER_ROLES.includes(member.role)) {
          throw new UnprocessableError(
            'invalid_assignee',
            'A pillar can only be assigned to an admin or contributor of this organisation.',
          );
        }
        assignee = { userId: member.userId, name: member.name };
      }
      await app.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        await setPillarAssignment(
          db,
          { assessmentId, pillarId },
          userId === null ? null : { userId, assignedBy: request.user.id },
        );
        await recordAudit(db, {
          actorUserId: request.user.id,
          organisationId: assessment.organisationId,
          entityType: 'pillar_assignment',
          entityId: `${assessmentId}/${pillarId}`,
          action: userId === null ? 'unassigned' : 'assigned',
          data: { pillarId, userId },
        });
      });
      return { pillarId, assignee };
    },
  });

  app.route({
    method: 'POST',
    url: '/assessments/:assessmentId/submit',
    schema: {
      tags,
      security,
      summary:
        'Submit a complete assessment (admin): locks it and keeps its answers and scores as a revision',
      params: ZAssessmentParams,
      response: {
        200: ZSubmitAssessmentResponse,
        ...problems,
        409: ZProblem,
        422: ZAssessmentIncompleteProblem,
      },
    },
    handler: async (request) => {
      const { assessmentId } = request.params;
      const { assessment, framework, scoring } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId, userId: request.user.id },
        ADMIN_ONLY,
      );
      const result = await app.db.transaction((tx) =>
        submitAssessment(tx as unknown as Db, framework, scoring, {
          assessmentId,
          organisationId: assessment.organisationId,
          userId: request.user.id,
        }),
      );
      return {
        assessment: toAssessmentSummary(result.row, result.progress),
        revision: {
          revision: result.revision.revision,
          submittedAt: toIso(result.revision.submittedAt),
          submittedBy: { userId: request.user.id, name: request.user.name },
          scores: result.scores,
        },
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/assessments/:assessmentId/reopen',
    schema: {
      tags,
      security,
      summary:
        'Reopen a submitted assessment (admin): a new revision to edit; the submitted one is kept unchanged',
      params: ZAssessmentParams,
      response: { 200: ZReopenAssessmentResponse, ...problems, 409: ZProblem },
    },
    handler: async (request) => {
      const { assessmentId } = request.params;
      const { assessment, framework, scoring } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId, userId: request.user.id },
        ADMIN_ONLY,
      );
      const row = await app.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const locked = await lockAssessment(db, { assessmentId });
        if (!locked) throw new NotFoundError();
        if (locked.status !== 'submitted') {
          throw new ConflictError(
            'assessment_not_submitted',
            'Only a submitted assessment can be reopened; this one is still open for editing.',
          );
        }
        const reopened = await setAssessmentState(
          db,
          { assessmentId },
          { status: 'reopened', revision: locked.revision + 1 },
        );
        await recordAudit(db, {
          actorUserId: request.user.id,
          organisationId: assessment.organisationId,
          entityType: 'assessment',
          entityId: assessmentId,
          action: 'reopened',
          data: { fromRevision: locked.revision, revision: locked.revision + 1 },
        });
        return reopened;
      });
      const answerRows = await listAnswers(app.db, { assessmentId });
      return toAssessmentSummary(
        row,
        assessmentProgress(framework, answerRows.map(toAnswerInput), scoring),
      );
    },
  });

  app.route({
    method: 'GET',
    url: '/assessments/:assessmentId/revisions',
    schema: {
      tags,
      security,
      summary: 'The submitted revisions of an assessment with their score snapshots, oldest first',
      params: ZAssessmentParams,
      response: { 200: ZRevisionListResponse, ...problems },
    },
    handler: async (request) => {
      const { assessment } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        ROLES,
      );
      const rows = await listRevisions(app.db, { assessmentId: assessment.id });
      return {
        items: rows.map((r) => ({
          revision: r.revision,
          submittedAt: toIso(r.submittedAt),
          submittedBy:
            r.submittedBy === null
              ? null
              : { userId: r.submittedBy, name: r.submittedByName ?? '' },
          scores: r.scores as TAssessmentScores,
        })),
      };
    },
  });
};

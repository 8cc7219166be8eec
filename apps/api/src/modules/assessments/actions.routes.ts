import {
  suggestAction,
  type TAction,
  ZAction,
  ZActionListQuery,
  ZActionListResponse,
  ZActionParams,
  ZAssessmentParams,
  ZCreateActionBody,
  ZProblem,
  ZUpdateActionBody,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, UnprocessableError } from '../../errors.js';
import { recordAudit } from '../audit/audit.queries.js';
import { ROLES, WRITER_ROLES } from '../tenancy.js';
import {
  type ActionRow,
  deleteAction,
  getAction,
  insertAction,
  listActions,
  updateAction,
} from './actions.queries.js';
import { getAnswer } from './answers.queries.js';
import {
  type AssessmentModuleOptions,
  findCriterion,
  loadAssessment,
} from './assessment-context.js';
import { getMember } from './assessments.queries.js';
import { toIso } from './mappers.js';

const tags = ['assessments'];
const security = [{ bearerAuth: [] }];
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

export function toAction(row: ActionRow): TAction {
  return {
    id: row.id,
    assessmentId: row.assessmentId,
    criterionId: row.criterionId,
    title: row.title,
    description: row.description,
    owner: row.ownerUserId === null ? null : { userId: row.ownerUserId, name: row.ownerName ?? '' },
    dueDate: row.dueDate,
    status: row.status as TAction['status'],
    createdAt: toIso(row.createdAt),
    updatedAt: toIso(row.updatedAt),
    completedAt: row.completedAt === null ? null : toIso(row.completedAt),
  };
}

function criterionNotInFramework(criterionId: string): AppError {
  return new UnprocessableError(
    'unknown_criterion',
    `Criterion "${criterionId}" is not in this assessment's framework.`,
  );
}

function actionNotFound(): AppError {
  return new AppError(404, 'action_not_found', 'Not Found', 'No such action in this assessment.');
}

/**
 * The action plan: /assessments/:assessmentId/actions. Writers create and edit, viewers read. The
 * plan lives on after submission, so actions stay editable on a submitted assessment.
 */
export const actionRoutes: FastifyPluginAsyncZod<AssessmentModuleOptions> = async (
  app,
  { frameworks },
) => {
  async function requireOwnerMember(
    organisationId: string,
    ownerUserId: string | null | undefined,
  ) {
    if (ownerUserId == null) return;
    const member = await getMember(app.db, { organisationId, userId: ownerUserId });
    if (!member) {
      throw new UnprocessableError(
        'owner_not_member',
        "An action's owner must be a member of the organisation.",
      );
    }
  }

  app.route({
    method: 'GET',
    url: '/assessments/:assessmentId/actions',
    schema: {
      tags,
      security,
      summary: 'The action plan, filtered by status, criterion or owner',
      params: ZAssessmentParams,
      querystring: ZActionListQuery,
      response: { 200: ZActionListResponse, ...problems },
    },
    handler: async (request) => {
      const { assessment } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        ROLES,
      );
      const rows = await listActions(app.db, { assessmentId: assessment.id }, request.query);
      return { items: rows.map(toAction) };
    },
  });

  app.route({
    method: 'POST',
    url: '/assessments/:assessmentId/actions',
    schema: {
      tags,
      security,
      summary:
        "Add an action for a criterion (admin or contributor); without a title it is pre-filled from the criterion's next level",
      params: ZAssessmentParams,
      body: ZCreateActionBody,
      response: { 201: ZAction, ...problems, 422: ZProblem },
    },
    handler: async (request, reply) => {
      const { assessment, framework } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId: request.params.assessmentId, userId: request.user.id },
        WRITER_ROLES,
      );
      const body = request.body;
      const found = findCriterion(framework, body.criterionId);
      if (!found) throw criterionNotInFramework(body.criterionId);
      await requireOwnerMember(assessment.organisationId, body.ownerUserId);

      let title = body.title;
      let description = body.description ?? null;
      if (title === undefined) {
        const answer = await getAnswer(app.db, {
          assessmentId: assessment.id,
          criterionId: body.criterionId,
        });
        const level = answer?.notApplicableReason ? null : (answer?.level ?? null);
        const suggestion = suggestAction(framework, found.criterion, level);
        title = suggestion.title;
        if (body.description === undefined) description = suggestion.description;
      }
      const values = {
        criterionId: body.criterionId,
        title,
        description: description === '' ? null : description,
        ownerUserId: body.ownerUserId ?? null,
        dueDate: body.dueDate ?? null,
        status: body.status ?? 'planned',
      };
      const id = await app.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const actionId = await insertAction(
          db,
          { assessmentId: assessment.id, createdBy: request.user.id },
          values,
        );
        await recordAudit(db, {
          actorUserId: request.user.id,
          organisationId: assessment.organisationId,
          entityType: 'action',
          entityId: actionId,
          action: 'created',
          data: { assessmentId: assessment.id, ...values },
        });
        return actionId;
      });
      const row = await getAction(app.db, { assessmentId: assessment.id, actionId: id });
      if (!row) throw new Error('action vanished');
      return reply.status(201).send(toAction(row));
    },
  });

  app.route({
    method: 'PATCH',
    url: '/assessments/:assessmentId/actions/:actionId',
    schema: {
      tags,
      security,
      summary: 'Edit or complete an action (admin or contributor)',
      params: ZActionParams,
      body: ZUpdateActionBody,
      response: { 200: ZAction, ...problems, 422: ZProblem },
    },
    handler: async (request) => {
      const { assessmentId, actionId } = request.params;
      const { assessment, framework } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId, userId: request.user.id },
        WRITER_ROLES,
      );
      const body = request.body;
      if (body.criterionId !== undefined && !findCriterion(framework, body.criterionId)) {
        throw criterionNotInFramework(body.criterionId);
      }
      await requireOwnerMember(assessment.organisationId, body.ownerUserId);
      const changes = {
        ...body,
        ...(body.description === '' ? { description: null } : {}),
      };
      await app.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const updated = await updateAction(db, { assessmentId, actionId }, changes);
        if (!updated) throw actionNotFound();
        await recordAudit(db, {
          actorUserId: request.user.id,
          organisationId: assessment.organisationId,
          entityType: 'action',
          entityId: actionId,
          action: 'updated',
          data: { assessmentId, ...changes },
        });
      });
      const row = await getAction(app.db, { assessmentId, actionId });
      if (!row) throw actionNotFound();
      return toAction(row);
    },
  });

  app.route({
    method: 'DELETE',
    url: '/assessments/:assessmentId/actions/:actionId',
    schema: {
      tags,
      security,
      summary: 'Delete an action (admin or contributor)',
      params: ZActionParams,
      response: { 204: z.null(), ...problems },
    },
    handler: async (request, reply) => {
      const { assessmentId, actionId } = request.params;
      const { assessment } = await loadAssessment(
        app.db,
        frameworks,
        { assessmentId, userId: request.user.id },
        WRITER_ROLES,
      );
      await app.db.transaction(async (tx) => {
        const db = tx as unknown as Db;
        const deleted = await deleteAction(db, { assessmentId, actionId });
        if (!deleted) throw actionNotFound();
        await recordAudit(db, {
          actorUserId: request.user.id,
          organisationId: assessment.organisationId,
          entityType: 'action',
          entityId: actionId,
          action: 'deleted',
          data: { assessmentId },
        });
      });
      return reply.status(204).send(null);
    },
  });
};

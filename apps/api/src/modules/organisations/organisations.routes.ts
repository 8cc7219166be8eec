import {
  ZAcceptInvitationBody,
  ZAcceptInvitationResponse,
  ZCreateInvitationBody,
  ZCreateInvitationResponse,
  ZCreateOrganisationBody,
  ZInvitationListResponse,
  ZInvitationParams,
  ZInvitationPreview,
  ZInvitationPreviewQuery,
  ZMember,
  ZMemberListResponse,
  ZMemberParams,
  ZOrganisation,
  ZOrganisationListResponse,
  ZOrganisationParams,
  ZProblem,
  ZUpdateMemberBody,
  ZUpdateOrganisationBody,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { deliverInvitation, PREVIEW_RATE_LIMIT } from '../invitation-delivery.js';
import type { RouteModuleOptions } from '../route-options.js';
import {
  acceptInvitation,
  changeMemberRole,
  createInvitation,
  createOrganisation,
  editOrganisation,
  getOrganisation,
  listOrganisationInvitations,
  listOrganisationMembers,
  listOrganisations,
  previewInvitation,
  removeMember,
  revokeOrganisationInvitation,
} from './organisations.service.js';

const tags = ['organisations'];
const security = [{ bearerAuth: [] }];
/** Problem details for the errors every protected route may answer. */
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** /organisations/*: profile, members, invitations (protected scope). */
export const organisationRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (
  app,
  { config },
) => {
  // ── Profile ──
  app.route({
    method: 'POST',
    url: '/organisations',
    schema: {
      tags,
      security,
      summary: 'Create an organisation; the caller becomes its admin',
      body: ZCreateOrganisationBody,
      response: { 201: ZOrganisation, 400: ZProblem, 401: ZProblem },
    },
    handler: async (request, reply) => {
      const organisation = await createOrganisation(app.db, request.user, request.body);
      return reply.status(201).send(organisation);
    },
  });

  app.route({
    method: 'GET',
    url: '/organisations',
    schema: {
      tags,
      security,
      summary: "The caller's organisations, with the caller's role in each",
      response: { 200: ZOrganisationListResponse, 401: ZProblem },
    },
    handler: async (request) => ({ items: await listOrganisations(app.db, request.user) }),
  });

  app.route({
    method: 'GET',
    url: '/organisations/:orgId',
    schema: {
      tags,
      security,
      summary: "An organisation's profile and the caller's role (any member)",
      params: ZOrganisationParams,
      response: { 200: ZOrganisation, ...problems },
    },
    handler: async (request) => getOrganisation(app.db, request.user, request.params.orgId),
  });

  app.route({
    method: 'PATCH',
    url: '/organisations/:orgId',
    schema: {
      tags,
      security,
      summary: "Edit an organisation's profile (admin); `null` clears an optional field",
      params: ZOrganisationParams,
      body: ZUpdateOrganisationBody,
      response: { 200: ZOrganisation, ...problems },
    },
    handler: async (request) =>
      editOrganisation(app.db, request.user, request.params.orgId, request.body),
  });

  // ── Members ──
  app.route({
    method: 'GET',
    url: '/organisations/:orgId/members',
    schema: {
      tags,
      security,
      summary: "An organisation's members and their roles (any member)",
      params: ZOrganisationParams,
      response: { 200: ZMemberListResponse, ...problems },
    },
    handler: async (request) => ({
      items: await listOrganisationMembers(app.db, request.user, request.params.orgId),
    }),
  });

  app.route({
    method: 'PATCH',
    url: '/organisations/:orgId/members/:userId',
    schema: {
      tags,
      security,
      summary: "Change a member's role (admin); the last admin cannot be demoted",
      params: ZMemberParams,
      body: ZUpdateMemberBody,
      response: { 200: ZMember, ...problems, 409: ZProblem },
    },
    handler: async (request) =>
      changeMemberRole(
        app.db,
        request.user,
        { organisationId: request.params.orgId, userId: request.params.userId },
        request.body.role,
      ),
  });

  app.route({
    method: 'DELETE',
    url: '/organisations/:orgId/members/:userId',
    schema: {
      tags,
      security,
      summary: 'Remove a member (admin), or leave (any member); the last admin cannot go',
      params: ZMemberParams,
      response: { 204: z.null(), ...problems, 409: ZProblem },
    },
    handler: async (request, reply) => {
      await removeMember(app.db, request.user, {
        organisationId: request.params.orgId,
        userId: request.params.userId,
      });
      return reply.status(204).send(null);
    },
  });

  // ── Invitations ──
  app.route({
    method: 'POST',
    url: '/organisations/:orgId/invitations',
    schema: {
      tags,
      security,
      summary:
        'Invite someone by email with a role (admin). With mail configured the link is emailed; otherwise it is returned to copy',
      params: ZOrganisationParams,
      body: ZCreateInvitationBody,
      response: { 201: ZCreateInvitationResponse, ...problems, 409: ZProblem, 502: ZProblem },
    },
    handler: async (request, reply) => {
      const { orgId } = request.params;
      const created = await createInvitation(
        app.db,
        request.user,
        orgId,
        request.body,
        config.auth.invitationTtlDays,
      );
      const { invitation, organisationName } = created;
      const delivered = await deliverInvitation(app, request.log, {
        invitation,
        url: `${config.publicUrl}/invitations/accept?token=${created.token}`,
        mail: (url) => ({
          to: invitation.email,
          subject: `You're invited to join ${organisationName} on Waymark`,
          text: [
            `${request.user.name} has invited you to join ${organisationName} on Waymark as ${invitation.role === 'admin' ? 'an' : 'a'} ${invitation.role}.`,
            '',
            `Accept the invitation: ${url}`,
            '',
            `The link works once and expires on ${invitation.expiresAt.slice(0, 10)}. Sign in or register with ${invitation.email} to accept it.`,
            "If you weren't expecting this, you can ignore this email.",
          ].join('\n'),
        }),
        withdraw: () =>
          revokeOrganisationInvitation(
            app.db,
            request.user,
            { organisationId: orgId, invitationId: invitation.id },
            { reason: 'mail_failed' },
          ),
      });
      return reply.status(201).send(delivered);
    },
  });

  app.route({
    method: 'GET',
    url: '/organisations/:orgId/invitations',
    schema: {
      tags,
      security,
      summary: "An organisation's invitations with their status (admin), newest first",
      params: ZOrganisationParams,
      response: { 200: ZInvitationListResponse, ...problems },
    },
    handler: async (request) => ({
      items: await listOrganisationInvitations(app.db, request.user, request.params.orgId),
    }),
  });

  app.route({
    method: 'DELETE',
    url: '/organisations/:orgId/invitations/:invitationId',
    schema: {
      tags,
      security,
      summary: 'Revoke an invitation (admin): its link stops working',
      params: ZInvitationParams,
      response: { 204: z.null(), ...problems, 409: ZProblem },
    },
    handler: async (request, reply) => {
      await revokeOrganisationInvitation(app.db, request.user, {
        organisationId: request.params.orgId,
        invitationId: request.params.invitationId,
      });
      return reply.status(204).send(null);
    },
  });
};

/** Accepting an invitation by its token (protected scope: the invitee signs in or registers first). */
export const invitationRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'POST',
    url: '/invitations/accept',
    schema: {
      tags,
      security,
      summary: 'Accept an invitation as the signed-in user (whose email must be the invited one)',
      body: ZAcceptInvitationBody,
      response: {
        200: ZAcceptInvitationResponse,
        ...problems,
        409: ZProblem,
        410: ZProblem,
      },
    },
    handler: async (request) => ({
      organisation: await acceptInvitation(app.db, request.user, request.body.token),
    }),
  });
};

/**
 * What an invitation link is for, before sign-in (public scope): the accept page says "You're
 * invited to X as contributor". Whoever holds the link may see this; the token is 256 random bits.
 */
export const invitationPublicRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'GET',
    url: '/invitations/preview',
    // Public and answered from the database: a brake on floods (guessing a token is hopeless).
    config: { rateLimit: { max: PREVIEW_RATE_LIMIT, timeWindow: '1 minute' } },
    schema: {
      tags,
      summary: 'What an invitation link offers: organisation, role, email, expiry and status',
      querystring: ZInvitationPreviewQuery,
      response: { 200: ZInvitationPreview, 400: ZProblem, 404: ZProblem, 429: ZProblem },
    },
    handler: async (request) => previewInvitation(app.db, request.query.token),
  });
};

import {
  ZNetworkMember,
  ZNetworkMemberListResponse,
  ZNetworkMemberParams,
  ZNetworkParams,
  ZProblem,
  ZUpdateNetworkMemberBody,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteModuleOptions } from '../route-options.js';
import {
  changeNetworkSharing,
  listNetworkMembers,
  removeNetworkMember,
} from './members.service.js';

const tags = ['networks'];
const security = [{ bearerAuth: [] }];
/** Problem details for the errors every protected network route may answer. */
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** /networks/:networkId/members/*: who is in a network, their sharing level, leaving (protected). */
export const networkMemberRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'GET',
    url: '/networks/:networkId/members',
    schema: {
      tags,
      security,
      summary:
        "A network's members, by name: every member with its sharing level for a coordinator; the named members and the caller's own organisations for a member",
      params: ZNetworkParams,
      response: { 200: ZNetworkMemberListResponse, ...problems },
    },
    handler: async (request) => listNetworkMembers(app.db, request.user, request.params.networkId),
  });

  app.route({
    method: 'PATCH',
    url: '/networks/:networkId/members/:organisationId',
    schema: {
      tags,
      security,
      summary:
        "Change a member's sharing level (an admin of that organisation only; not a coordinator). Applies to every view and export at once",
      params: ZNetworkMemberParams,
      body: ZUpdateNetworkMemberBody,
      response: { 200: ZNetworkMember, ...problems },
    },
    handler: async (request) =>
      changeNetworkSharing(app.db, request.user, request.params, request.body.sharing),
  });

  app.route({
    method: 'DELETE',
    url: '/networks/:networkId/members/:organisationId',
    schema: {
      tags,
      security,
      summary:
        'Take an organisation out of the network: its admin leaves, or a coordinator removes it',
      params: ZNetworkMemberParams,
      response: { 204: z.null(), ...problems },
    },
    handler: async (request, reply) => {
      await removeNetworkMember(app.db, request.user, request.params);
      return reply.status(204).send(null);
    },
  });
};

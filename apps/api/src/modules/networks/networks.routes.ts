import {
  ZAddCoordinatorBody,
  ZCoordinator,
  ZCoordinatorListResponse,
  ZCoordinatorParams,
  ZCreateNetworkBody,
  ZLocalAuthorityListResponse,
  ZNetwork,
  ZNetworkListResponse,
  ZNetworkParams,
  ZProblem,
  ZUpdateNetworkBody,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteModuleOptions } from '../route-options.js';
import { localAuthorities } from './local-authorities.js';
import {
  addCoordinator,
  createNetwork,
  editNetwork,
  getNetwork,
  listNetworkCoordinators,
  listNetworks,
  removeCoordinator,
} from './networks.service.js';

const tags = ['networks'];
const security = [{ bearerAuth: [] }];
/** Problem details for the errors every protected network route may answer. */
const problems = { 400: ZProblem, 401: ZProblem, 403: ZProblem, 404: ZProblem };

/** /networks/*: networks, their settings and coordinators (protected scope). */
export const networkRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'POST',
    url: '/networks',
    schema: {
      tags,
      security,
      summary: 'Create a network; the caller becomes its coordinator',
      body: ZCreateNetworkBody,
      response: { 201: ZNetwork, 400: ZProblem, 401: ZProblem },
    },
    handler: async (request, reply) =>
      reply.status(201).send(await createNetwork(app.db, request.user, request.body)),
  });

  app.route({
    method: 'GET',
    url: '/networks',
    schema: {
      tags,
      security,
      summary:
        'The networks the caller coordinates or belongs to through an organisation, with the relation',
      response: { 200: ZNetworkListResponse, 401: ZProblem },
    },
    handler: async (request) => ({ items: await listNetworks(app.db, request.user) }),
  });

  app.route({
    method: 'GET',
    url: '/networks/:networkId',
    schema: {
      tags,
      security,
      summary: 'A network with its settings (coordinators and member organisations)',
      params: ZNetworkParams,
      response: { 200: ZNetwork, ...problems },
    },
    handler: async (request) => getNetwork(app.db, request.user, request.params.networkId),
  });

  app.route({
    method: 'PATCH',
    url: '/networks/:networkId',
    schema: {
      tags,
      security,
      summary:
        "Edit a network's profile and settings (coordinator); unknown local authority codes or pillars answer 422",
      params: ZNetworkParams,
      body: ZUpdateNetworkBody,
      response: { 200: ZNetwork, ...problems, 422: ZProblem },
    },
    handler: async (request) =>
      editNetwork(app.db, request.user, request.params.networkId, request.body),
  });

  // ── Coordinators ──
  app.route({
    method: 'GET',
    url: '/networks/:networkId/coordinators',
    schema: {
      tags,
      security,
      summary: "A network's coordinators, by name (coordinator)",
      params: ZNetworkParams,
      response: { 200: ZCoordinatorListResponse, ...problems },
    },
    handler: async (request) => ({
      items: await listNetworkCoordinators(app.db, request.user, request.params.networkId),
    }),
  });

  app.route({
    method: 'POST',
    url: '/networks/:networkId/coordinators',
    schema: {
      tags,
      security,
      summary:
        'Add a coordinator by the email of an existing account (coordinator); 422 when no account uses it',
      params: ZNetworkParams,
      body: ZAddCoordinatorBody,
      response: { 201: ZCoordinator, ...problems, 409: ZProblem, 422: ZProblem },
    },
    handler: async (request, reply) =>
      reply
        .status(201)
        .send(
          await addCoordinator(app.db, request.user, request.params.networkId, request.body.email),
        ),
  });

  app.route({
    method: 'DELETE',
    url: '/networks/:networkId/coordinators/:userId',
    schema: {
      tags,
      security,
      summary: 'Remove a coordinator, or step down (coordinator); the last one cannot go',
      params: ZCoordinatorParams,
      response: { 204: z.null(), ...problems, 409: ZProblem },
    },
    handler: async (request, reply) => {
      await removeCoordinator(app.db, request.user, {
        networkId: request.params.networkId,
        userId: request.params.userId,
      });
      return reply.status(204).send(null);
    },
  });
};

/** Public (no session): the shipped list of local authority districts. */
export const networkPublicRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'GET',
    url: '/local-authorities',
    schema: {
      tags,
      summary: 'UK local authority districts (ONS codes) a network may name as its area',
      response: { 200: ZLocalAuthorityListResponse },
    },
    handler: async (_request, reply) => {
      // The list only changes with a release: let browsers and proxies keep it for a day.
      reply.header('cache-control', 'public, max-age=86400');
      return { items: [...localAuthorities()] };
    },
  });
};

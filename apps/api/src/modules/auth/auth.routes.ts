import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteModuleOptions } from '../route-options.js';

/** /auth/*: register, login, refresh, logout (public scope). */
export const authRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async () => {};

/** /me and account routes (protected scope). */
export const meRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app) => {
  app.route({
    method: 'GET',
    url: '/me',
    schema: {
      tags: ['account'],
      summary: 'The signed-in user',
      security: [{ bearerAuth: [] }],
      response: {
        200: z.object({ user: z.object({ id: z.uuid(), email: z.string(), name: z.string() }) }),
      },
    },
    handler: async (request) => ({ user: request.user }),
  });
};

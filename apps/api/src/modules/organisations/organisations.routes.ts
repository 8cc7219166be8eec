import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteModuleOptions } from '../route-options.js';

/** /organisations/*: profile, members, invitations (protected scope). */
export const organisationRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async () => {};

/** Accepting an invitation by its token (protected scope: the invitee signs in or registers first). */
export const invitationRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { RouteModuleOptions } from '../route-options.js';

/** /organisations/:orgId/assessments and /assessments/* (protected scope). */
export const assessmentRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async () => {};

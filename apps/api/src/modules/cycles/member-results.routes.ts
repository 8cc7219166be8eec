import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: a coordinator's read-only view of a named member's results in a cycle (issue 9). */
export const cycleMemberResultsRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

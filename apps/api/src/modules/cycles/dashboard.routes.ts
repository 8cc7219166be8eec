import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: a cycle's coordinator dashboard and its CSV export (issue 9). */
export const cycleDashboardRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

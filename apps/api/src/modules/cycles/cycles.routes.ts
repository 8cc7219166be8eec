import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: filled in by issue 9. */
export const cycleRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: filled in by issue 9. */
export const networkRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

/** Public (no session): e.g. what an invitation link is for. */
export const networkPublicRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

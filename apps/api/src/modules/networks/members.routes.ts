import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: a network's members, their sharing level and leaving (issue 9). */
export const networkMemberRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

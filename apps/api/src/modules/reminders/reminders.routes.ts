import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: a coordinator's reminder to members who have not submitted (issue 9). */
export const reminderRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

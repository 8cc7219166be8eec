import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Config } from '../../config.js';

/** Scaffold: network invitations (one at a time and by CSV) and accepting them (issue 9). */
export const networkInvitationRoutes: FastifyPluginAsyncZod<{ config: Config }> = async () => {};

/** Public (no session): what a network invitation link is for. */
export const networkInvitationPublicRoutes: FastifyPluginAsyncZod<{
  config: Config;
}> = async () => {};

import Fastify, { type FastifyServerOptions } from 'fastify';
import {
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from 'fastify-type-provider-zod';
import { type Config, fastifyTrustProxy } from './config.js';
import type { Database } from './db/client.js';
import { assessmentRoutes } from './modules/assessments/assessments.routes.js';
import { authRoutes, meRoutes } from './modules/auth/auth.routes.js';
import { cycleRoutes } from './modules/cycles/cycles.routes.js';
import { cycleDashboardRoutes } from './modules/cycles/dashboard.routes.js';
import { cycleMemberResultsRoutes } from './modules/cycles/member-results.routes.js';
import { frameworkRoutes } from './modules/frameworks/frameworks.routes.js';
import { healthRoutes } from './modules/health/health.routes.js';
import {
  networkInvitationPublicRoutes,
  networkInvitationRoutes,
} from './modules/networks/invitations.routes.js';
import { networkMemberRoutes } from './modules/networks/members.routes.js';
import { networkPublicRoutes, networkRoutes } from './modules/networks/networks.routes.js';
import { noticeRoutes } from './modules/notices/notices.routes.js';
import {
  invitationPublicRoutes,
  invitationRoutes,
  organisationRoutes,
} from './modules/organisations/organisations.routes.js';
import { reminderRoutes } from './modules/reminders/reminders.routes.js';
import authPlugin from './plugins/auth.js';
import dbPlugin from './plugins/db.js';
import errorsPlugin from './plugins/errors.js';
import mailerPlugin from './plugins/mailer.js';
import openapiPlugin from './plugins/openapi.js';
import rateLimitPlugin from './plugins/rate-limit.js';
import remindersPlugin from './plugins/reminders.js';
import securityPlugin from './plugins/security.js';
import webPlugin from './plugins/web.js';
import { API_VERSION } from './version.js';

export interface BuildAppOptions {
  config: Config;
  database: Database;
  logger?: FastifyServerOptions['logger'];
}

/**
 * Builds the app and never listens: `server.ts` listens, tests use `app.inject`. The order of
 * registration below is the documentation of the request pipeline.
 */
export async function buildApp({ config, database, logger = false }: BuildAppOptions) {
  const app = Fastify({
    logger,
    bodyLimit: config.bodyLimit,
    // Behind a load balancer, X-Forwarded-For names the client (logs, rate limits): see TRUST_PROXY.
    trustProxy: fastifyTrustProxy(config.trustProxy),
    routerOptions: { ignoreTrailingSlash: true },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  await app.register(errorsPlugin);
  await app.register(securityPlugin);
  await app.register(dbPlugin, { database });
  await app.register(authPlugin, {
    secret: config.auth.jwtSecret,
    accessTokenTtlSeconds: config.auth.accessTokenTtlSeconds,
  });
  await app.register(mailerPlugin, { smtpUrl: config.smtpUrl, from: config.mailFrom });
  await app.register(openapiPlugin, { version: API_VERSION });
  await app.register(rateLimitPlugin, { redisUrl: config.redisUrl });
  await app.register(remindersPlugin, { config });

  await app.register(healthRoutes);
  await app.register(
    async (api) => {
      // Public: anyone may call these.
      await api.register(async (publicScope) => {
        await publicScope.register(frameworkRoutes);
        await publicScope.register(authRoutes, { config });
        await publicScope.register(invitationPublicRoutes, { config });
        await publicScope.register(networkPublicRoutes, { config });
        await publicScope.register(networkInvitationPublicRoutes, { config });
      });
      // Protected: every route below needs a valid access token; tenancy is checked per query.
      await api.register(async (protectedScope) => {
        protectedScope.addHook('onRequest', app.authenticate);
        await protectedScope.register(meRoutes, { config });
        await protectedScope.register(organisationRoutes, { config });
        await protectedScope.register(invitationRoutes, { config });
        await protectedScope.register(assessmentRoutes, { config });
        await protectedScope.register(networkRoutes, { config });
        await protectedScope.register(networkInvitationRoutes, { config });
        await protectedScope.register(networkMemberRoutes, { config });
        await protectedScope.register(cycleRoutes, { config });
        await protectedScope.register(cycleDashboardRoutes, { config });
        await protectedScope.register(cycleMemberResultsRoutes, { config });
        await protectedScope.register(noticeRoutes, { config });
        await protectedScope.register(reminderRoutes, { config });
      });
    },
    { prefix: '/api/v1' },
  );

  await app.register(webPlugin, { root: config.webDist });
  return app;
}

export type App = Awaited<ReturnType<typeof buildApp>>;

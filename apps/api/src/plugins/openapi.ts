import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { jsonSchemaTransform } from 'fastify-type-provider-zod';

/**
 * The OpenAPI 3 document, generated from the zod schemas that every route declares, served at
 * /api/openapi.json with a docs page at /api/docs. Register before the routes.
 */
async function openapiPlugin(app: FastifyInstance, opts: { version: string }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Waymark API',
        description:
          'Self-assessment progression framework for anchor organisations. Errors are RFC 9457 problem details.',
        version: opts.version,
      },
      tags: [
        { name: 'health', description: 'Liveness and readiness' },
        { name: 'frameworks', description: 'Published framework versions' },
        { name: 'auth', description: 'Registration, sign-in and tokens' },
        { name: 'account', description: 'The signed-in user' },
        { name: 'organisations', description: 'Organisations, members and invitations' },
        { name: 'assessments', description: 'Assessments, answers, results and actions' },
        { name: 'networks', description: 'Networks, coordinators, members and invitations' },
        { name: 'cycles', description: 'Assessment cycles, benchmarks, dashboards and reminders' },
        { name: 'notices', description: 'In-app notices for organisations' },
      ],
      components: {
        securitySchemes: {
          bearerAuth: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
        },
      },
    },
    transform: jsonSchemaTransform,
  });

  app.get('/api/openapi.json', { schema: { hide: true } }, () => app.swagger());

  await app.register(swaggerUi, {
    routePrefix: '/api/docs',
    // Helmet's policy applies (it allows the inline styles Swagger UI sets; no inline scripts).
    staticCSP: false,
    uiConfig: { docExpansion: 'list', deepLinking: true },
  });
}

export default fp(openapiPlugin, { name: 'openapi', fastify: '5.x' });

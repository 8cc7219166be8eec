import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Security headers through @fastify/helmet. The Content-Security-Policy is strict: the built web
 * app loads only its own scripts, styles and fonts. Inline style attributes are allowed because
 * the chart library positions SVG labels with them; inline scripts are not.
 */
async function securityPlugin(app: FastifyInstance) {
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        baseUri: ["'self'"],
        connectSrc: ["'self'"],
        fontSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        imgSrc: ["'self'", 'data:'],
        objectSrc: ["'none'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        upgradeInsecureRequests: null,
      },
    },
    // The API docs page and the app are same-origin; nothing is embedded cross-origin.
    crossOriginEmbedderPolicy: false,
  });
}

export default fp(securityPlugin, { name: 'security', fastify: '5.x' });

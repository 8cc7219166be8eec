import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';

/**
 * Serves the built web app on the same origin as the API. Client-side routes (any GET that is not
 * an API path or a file) answer index.html so that a reload on /frameworks/… works. Without a
 * build (tests, `pnpm dev` where Vite serves the app) nothing is registered.
 */
async function webPlugin(app: FastifyInstance, opts: { root: string }) {
  const indexHtml = join(opts.root, 'index.html');
  if (!existsSync(indexHtml)) {
    app.log.warn({ root: opts.root }, 'web app not built: serving the API only');
    return;
  }
  await app.register(fastifyStatic, {
    root: opts.root,
    wildcard: false,
    index: false,
    // Hashed assets never change; index.html must always be revalidated.
    setHeaders(reply, path) {
      reply.header(
        'cache-control',
        path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });

  const isApiPath = (url: string) =>
    url === '/api' || url.startsWith('/api/') || url === '/healthz' || url === '/readyz';

  app.get('/*', { schema: { hide: true } }, (request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    // A missing hashed asset is a 404, not the app shell.
    if (isApiPath(path) || path.startsWith('/assets/')) return reply.callNotFound();
    return reply.header('cache-control', 'no-cache').sendFile('index.html');
  });
}

export default fp(webPlugin, { name: 'web', fastify: '5.x' });

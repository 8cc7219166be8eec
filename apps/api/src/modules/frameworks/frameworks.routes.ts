import {
  ZFrameworkListResponse,
  ZFrameworkVersionParams,
  ZFrameworkVersionResponse,
  ZProblem,
} from '@waymark/rubric';
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { NotFoundError } from '../../errors.js';
import { listFrameworkVersions } from './frameworks.queries.js';
import { createFrameworkVersionBodyCache, ifNoneMatchMatches } from './version-body.js';

/** A published version is immutable: caches may keep it for a year without asking again. */
const IMMUTABLE = 'public, max-age=31536000, immutable';

/** Published frameworks are public: anyone may read what good looks like. */
export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
  const bodies = createFrameworkVersionBodyCache(app.db);

  app.route({
    method: 'GET',
    url: '/frameworks',
    schema: {
      tags: ['frameworks'],
      summary: 'List published framework versions',
      response: { 200: ZFrameworkListResponse },
    },
    handler: async () => {
      const rows = await listFrameworkVersions(app.db);
      return {
        items: rows.map((row) => ({
          id: row.frameworkId,
          version: row.version,
          title: row.definition.title,
          description: row.definition.description,
          pillarCount: row.definition.pillars.length,
          criterionCount: row.definition.pillars.reduce((n, p) => n + p.criteria.length, 0),
          publishedAt: row.publishedAt.toISOString(),
        })),
      };
    },
  });

  app.route({
    method: 'GET',
    url: '/frameworks/:frameworkId/versions/:version',
    schema: {
      tags: ['frameworks'],
      summary: 'One framework version: pillars, criteria, levels and indicators',
      description:
        'A published version never changes: the answer carries a strong `ETag` and ' +
        '`Cache-Control: public, max-age=31536000, immutable`; send the tag back in `If-None-Match` ' +
        'to get 304 Not Modified without the body.',
      params: ZFrameworkVersionParams,
      response: {
        200: ZFrameworkVersionResponse,
        304: z.null().describe('Not Modified: the `If-None-Match` tag is still current'),
        404: ZProblem,
      },
    },
    handler: async (request, reply) => {
      const found = await bodies.get(request.params);
      if (!found) {
        throw new NotFoundError(
          `Framework "${request.params.frameworkId}" has no published version ${request.params.version}.`,
        );
      }
      // The body is bytes already validated and serialised through the 200 schema (see
      // version-body.ts), which Fastify sends as they are; the typed reply only knows objects.
      const bytes: FastifyReply = reply;
      bytes.header('etag', found.etag).header('cache-control', IMMUTABLE);
      if (ifNoneMatchMatches(request.headers['if-none-match'], found.etag)) {
        return bytes.code(304).send();
      }
      return bytes.type('application/json; charset=utf-8').send(found.body);
    },
  });
};

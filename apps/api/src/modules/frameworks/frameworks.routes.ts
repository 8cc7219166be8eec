import {
  ZFrameworkListResponse,
  ZFrameworkVersionParams,
  ZFrameworkVersionResponse,
  ZProblem,
} from '@waymark/rubric';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { NotFoundError } from '../../errors.js';
import { getFrameworkVersion, listFrameworkVersions } from './frameworks.queries.js';

/** Published frameworks are public: anyone may read what good looks like. */
export const frameworkRoutes: FastifyPluginAsyncZod = async (app) => {
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
      params: ZFrameworkVersionParams,
      response: { 200: ZFrameworkVersionResponse, 404: ZProblem },
    },
    handler: async (request) => {
      const row = await getFrameworkVersion(app.db, request.params);
      if (!row) {
        throw new NotFoundError(
          `Framework "${request.params.frameworkId}" has no published version ${request.params.version}.`,
        );
      }
      return { framework: row.definition, publishedAt: row.publishedAt.toISOString() };
    },
  });
};

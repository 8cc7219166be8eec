import {
  DEFAULT_FRAMEWORK,
  ZFrameworkListResponse,
  ZFrameworkVersionResponse,
} from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import { seedFrameworks } from '../src/db/seed.js';
import { useTestApp } from './build-test-app.js';

const ctx = useTestApp();

describe('GET /api/v1/frameworks', () => {
  it('lists the seeded default framework with its counts', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/frameworks' });
    expect(res.statusCode).toBe(200);
    const body = ZFrameworkListResponse.parse(res.json());
    const criterionCount = DEFAULT_FRAMEWORK.pillars.reduce((n, p) => n + p.criteria.length, 0);
    expect(body.items).toEqual([
      expect.objectContaining({
        id: DEFAULT_FRAMEWORK.id,
        version: DEFAULT_FRAMEWORK.version,
        title: 'Anchor Progression Framework',
        pillarCount: DEFAULT_FRAMEWORK.pillars.length,
        criterionCount,
      }),
    ]);
    expect(Date.parse(body.items[0]?.publishedAt ?? '')).not.toBeNaN();
  });

  it('seeding again publishes nothing new: a published version is immutable', async () => {
    expect(await seedFrameworks(ctx.database.db)).toBe(0);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/frameworks' });
    expect(res.json().items).toHaveLength(1);
  });
});

describe('GET /api/v1/frameworks/:frameworkId/versions/:version', () => {
  it('answers the whole definition from the database', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/frameworks/${DEFAULT_FRAMEWORK.id}/versions/${DEFAULT_FRAMEWORK.version}`,
    });
    expect(res.statusCode).toBe(200);
    const body = ZFrameworkVersionResponse.parse(res.json());
    expect(body.framework).toEqual(DEFAULT_FRAMEWORK);
    expect(body.framework.levels.map((l) => l.name)).toEqual([
      'Getting started',
      'Developing',
      'Embedding',
      'Leading',
    ]);
  });

  it('answers 404 problem details for an unknown version', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/api/v1/frameworks/${DEFAULT_FRAMEWORK.id}/versions/99`,
    });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toMatchObject({ status: 404, code: 'not_found', title: 'Not Found' });
  });

  it('answers 404 for an unknown framework id', async () => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/frameworks/no-such-framework/versions/1',
    });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('not_found');
  });

  it.each([
    [
      'a version that is not a number',
      `/api/v1/frameworks/anchor-progression/versions/abc`,
      'params.version',
    ],
    ['version zero', `/api/v1/frameworks/anchor-progression/versions/0`, 'params.version'],
    ['a negative version', `/api/v1/frameworks/anchor-progression/versions/-1`, 'params.version'],
    ['an id that is not a slug', `/api/v1/frameworks/Bad_Id!/versions/1`, 'params.frameworkId'],
  ])('answers 400 with the issue for %s', async (_name, url, path) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(400);
    const body = res.json();
    expect(body).toMatchObject({ status: 400, code: 'validation_failed' });
    expect(body.issues.map((i: { path: string }) => i.path)).toContain(path);
  });
});

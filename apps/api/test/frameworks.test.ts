import { createHash } from 'node:crypto';
import {
  DEFAULT_FRAMEWORK,
  ZFrameworkListResponse,
  ZFrameworkVersionResponse,
} from '@waymark/rubric';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { seedFrameworks } from '../src/db/seed.js';
import { ifNoneMatchMatches } from '../src/modules/frameworks/version-body.js';
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

describe('GET /api/v1/frameworks/:frameworkId/versions/:version caching', () => {
  const url = `/api/v1/frameworks/${DEFAULT_FRAMEWORK.id}/versions/${DEFAULT_FRAMEWORK.version}`;
  const get = (headers: Record<string, string> = {}) =>
    ctx.app.inject({ method: 'GET', url, headers });

  it('answers a strong ETag that hashes the body, immutable caching and the security headers', async () => {
    const res = await get();
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const digest = createHash('sha256').update(res.rawPayload).digest('base64url');
    expect(res.headers.etag).toBe(`"${digest}"`);
    expect(res.headers['content-length']).toBe(String(res.rawPayload.length));
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(String(res.headers['content-security-policy'])).toContain("default-src 'self'");
    expect(ZFrameworkVersionResponse.parse(res.json()).framework).toEqual(DEFAULT_FRAMEWORK);
  });

  it('keeps the same ETag and bytes across requests and across two app instances on one database', async () => {
    const first = await get();
    const second = await get();
    const other = await buildApp({ config: ctx.config, database: ctx.database });
    try {
      await other.ready();
      const fromOther = await other.inject({ method: 'GET', url });
      expect(fromOther.statusCode).toBe(200);
      expect(second.headers.etag).toBe(first.headers.etag);
      expect(fromOther.headers.etag).toBe(first.headers.etag);
      expect(fromOther.rawPayload.equals(first.rawPayload)).toBe(true);
    } finally {
      await other.close();
    }
  });

  it('answers 304 with no body to a matching If-None-Match, in every form RFC 9110 allows', async () => {
    const etag = String((await get()).headers.etag);
    for (const ifNoneMatch of [
      etag,
      `W/${etag}`,
      `"something-else", ${etag}`,
      `"a,b",W/${etag} , "c"`,
      '*',
    ]) {
      const res = await get({ 'if-none-match': ifNoneMatch });
      expect(res.statusCode, ifNoneMatch).toBe(304);
      expect(res.payload, ifNoneMatch).toBe('');
      expect(res.headers.etag).toBe(etag);
      expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('answers 200 with the body to a different tag', async () => {
    const etag = String((await get()).headers.etag);
    for (const ifNoneMatch of [
      '"not-the-tag"',
      `W/"x", "y"`,
      `"${etag.slice(1, -2)}"`,
      etag.slice(1, -1),
    ]) {
      const res = await get({ 'if-none-match': ifNoneMatch });
      expect(res.statusCode, ifNoneMatch).toBe(200);
      expect(res.headers.etag).toBe(etag);
      expect(res.json().framework).toEqual(DEFAULT_FRAMEWORK);
    }
  });

  it('still answers 404 problem details for an unknown version, whatever If-None-Match says', async () => {
    const etag = String((await get()).headers.etag);
    for (const ifNoneMatch of [etag, '*']) {
      const res = await ctx.app.inject({
        method: 'GET',
        url: `/api/v1/frameworks/${DEFAULT_FRAMEWORK.id}/versions/98`,
        headers: { 'if-none-match': ifNoneMatch },
      });
      expect(res.statusCode).toBe(404);
      expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(res.headers.etag).toBeUndefined();
      expect(res.json()).toMatchObject({ status: 404, code: 'not_found' });
    }
  });

  it('documents the 200 schema and the 304 in the OpenAPI document', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const responses =
      res.json().paths['/api/v1/frameworks/{frameworkId}/versions/{version}'].get.responses;
    expect(responses['200'].content['application/json'].schema.properties).toHaveProperty(
      'framework',
    );
    expect(responses['304'].description).toMatch(/Not Modified/);
    expect(responses['304'].content).toBeUndefined();
    expect(responses['404']).toBeDefined();
  });
});

describe('ifNoneMatchMatches', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['*', true],
    [' * ', true],
    ['"abc"', true],
    ['W/"abc"', true],
    ['"x", W/"abc"', true],
    ['"a,b","abc"', true],
    ['"a,"abc""', false],
    ['"abcd"', false],
    ['abc', false],
    ['"ab"', false],
  ])('%j against "abc" → %s', (header, expected) => {
    expect(ifNoneMatchMatches(header, '"abc"')).toBe(expected);
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useTestApp } from './build-test-app.js';

// A stand-in for the built web app, so the static serving and client-side routing can be tested
// without building it.
const webDist = mkdtempSync(join(tmpdir(), 'waymark-web-'));
writeFileSync(
  join(webDist, 'index.html'),
  '<!doctype html><title>Waymark</title><div id="root"></div>',
);
mkdirSync(join(webDist, 'assets'));
writeFileSync(join(webDist, 'assets', 'app-abc123.js'), 'console.log("waymark")');

const ctx = useTestApp({ webDist });

describe('problem details', () => {
  it('answers an unknown API route with 404 problem+json', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/nothing-here?x=1' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json()).toEqual({
      type: 'https://waymark.app/problems/route-not-found',
      title: 'Not Found',
      status: 404,
      code: 'route_not_found',
      detail: 'No route GET /api/v1/nothing-here.',
      instance: '/api/v1/nothing-here?x=1',
    });
  });

  it('answers an unknown method on a known path with 404 problem+json', async () => {
    const res = await ctx.app.inject({ method: 'DELETE', url: '/api/v1/frameworks' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('route_not_found');
  });

  it('hides the details of an unexpected error behind a generic 500', async () => {
    const original = ctx.database.db.select;
    // Make the next query explode the way a driver bug would.
    ctx.database.db.select = (() => {
      throw new Error('secret internal detail: relation "x" does not exist');
    }) as unknown as typeof original;
    try {
      const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/frameworks' });
      expect(res.statusCode).toBe(500);
      const body = res.json();
      expect(body).toMatchObject({ status: 500, code: 'internal_error' });
      expect(JSON.stringify(body)).not.toContain('secret');
    } finally {
      ctx.database.db.select = original;
    }
  });
});

describe('OpenAPI', () => {
  it('serves an OpenAPI 3 document describing every route with its schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining([
        '/api/v1/frameworks',
        '/api/v1/frameworks/{frameworkId}/versions/{version}',
        '/api/v1/me',
        '/healthz',
        '/readyz',
      ]),
    );
    // Every operation declares the schema of what it answers.
    for (const [path, operations] of Object.entries<Record<string, { responses: object }>>(
      doc.paths,
    )) {
      for (const [method, operation] of Object.entries(operations)) {
        const responses = Object.values(operation.responses) as { content?: object }[];
        expect(
          responses.some((r) => r.content),
          `${method} ${path}`,
        ).toBe(true);
      }
    }
    const get = doc.paths['/api/v1/frameworks/{frameworkId}/versions/{version}'].get;
    expect(get.parameters.map((p: { name: string }) => p.name).sort()).toEqual([
      'frameworkId',
      'version',
    ]);
    expect(get.responses['200'].content['application/json'].schema).toBeTypeOf('object');
    expect(get.responses['404']).toBeDefined();
  });

  it('serves a docs page', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(res.body).toContain('swagger');
  });
});

describe('security headers', () => {
  it('sends a strict Content-Security-Policy and the usual helmet headers', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['strict-transport-security']).toBeDefined();
    expect(res.headers['x-powered-by']).toBeUndefined();
  });
});

describe('the web app on the same origin', () => {
  it('serves index.html at /', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
    expect(res.headers['cache-control']).toBe('no-cache');
  });

  it('serves index.html for client-side routes', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/frameworks/anchor-progression/1' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('<div id="root">');
  });

  it('serves hashed assets with a long cache lifetime', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/assets/app-abc123.js' });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('waymark');
    expect(res.headers['cache-control']).toContain('immutable');
  });

  it('answers a missing asset and an unknown API path with 404, not the app shell', async () => {
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/missing-123.js' });
    expect(asset.statusCode).toBe(404);
    const api = await ctx.app.inject({ method: 'GET', url: '/api/v2/whatever' });
    expect(api.statusCode).toBe(404);
    expect(api.headers['content-type']).toMatch(/problem\+json/);
  });
});

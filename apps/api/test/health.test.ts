import { describe, expect, it } from 'vitest';
import { TEST_DB, useTestApp } from './build-test-app.js';

const ctx = useTestApp();

describe('health', () => {
  it('GET /healthz answers ok', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/healthz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok' });
  });

  it('GET /readyz checks the database', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toEqual({ status: 'ok', database: TEST_DB });
  });

  it('GET /readyz answers 503 when the database cannot answer', async () => {
    const original = ctx.database.ping;
    ctx.database.ping = async () => {
      throw new Error('connection lost');
    };
    try {
      const res = await ctx.app.inject({ method: 'GET', url: '/readyz' });
      expect(res.statusCode).toBe(503);
      expect(res.json()).toEqual({ status: 'unavailable', database: TEST_DB });
    } finally {
      ctx.database.ping = original;
    }
  });
});

import { randomUUID } from 'node:crypto';
import Fastify from 'fastify';
import { Redis } from 'ioredis';
import { afterAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import errorsPlugin from '../src/plugins/errors.js';
import rateLimitPlugin from '../src/plugins/rate-limit.js';
import { clientIp, expectProblem, login, uniqueEmail } from './auth-helpers.js';
import { useTestApp } from './build-test-app.js';

/**
 * Rate limits shared through Redis (REDIS_URL): the real server at TEST_REDIS_URL (default the
 * local one, also in CI). Every key this file makes is unique to the run, and removed afterwards.
 */
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const runId = randomUUID();
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });
const createdKeys = new Set<string>();
afterAll(async () => {
  if (createdKeys.size > 0) await redis.del(...createdKeys);
  await redis.quit();
});

async function keysMatching(pattern: string): Promise<string[]> {
  const keys = await redis.keys(pattern);
  for (const key of keys) createdKeys.add(key);
  return keys;
}

const ctx = useTestApp({ env: { REDIS_URL } });

describe('sign-in limits through Redis', () => {
  it('are shared by two instances of the app', async () => {
    // A second instance on the same database and Redis, as behind a load balancer.
    const second = await buildApp({ config: ctx.config, database: ctx.database });
    try {
      const ip = clientIp();
      const email = uniqueEmail('redis');
      const attempt = (app: typeof second) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          headers: { 'x-forwarded-for': ip },
          payload: { email, password: 'not the password' },
        });
      for (let i = 0; i < 5; i++) expect((await attempt(ctx.app)).statusCode).toBe(401);
      for (let i = 0; i < 5; i++) expect((await attempt(second)).statusCode).toBe(401);
      // The eleventh attempt is refused by whichever instance gets it.
      expectProblem(await attempt(ctx.app), 429, 'rate_limited');
      expectProblem(await attempt(second), 429, 'rate_limited');

      const keys = await keysMatching(`waymark-rate-limit:*${ip}|${email}`);
      expect(keys).toHaveLength(1);
      expect(Number(await redis.get(keys[0] ?? ''))).toBe(12);
      const ttl = await redis.pttl(keys[0] ?? '');
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(15 * 60 * 1000);

      // Another email from the same address is counted apart.
      const other = await login(ctx, { email: uniqueEmail('redis'), password: 'x' }, ip);
      expect(other.statusCode).toBe(401);
      await keysMatching(`waymark-rate-limit:*${ip}|*`);
    } finally {
      await second.close();
    }
  });
});

describe('the rate-limit plugin', () => {
  async function limitedApp(options: { redisUrl: string; nameSpace: string }) {
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(rateLimitPlugin, options);
    app.get(
      '/limited',
      { config: { rateLimit: { max: 3, timeWindow: '1 minute' } } },
      async () => ({
        ok: true,
      }),
    );
    await app.ready();
    return app;
  }

  it('counts in Redis under its key prefix, across instances', async () => {
    const nameSpace = `waymark-test-${runId}:`;
    const a = await limitedApp({ redisUrl: REDIS_URL, nameSpace });
    const b = await limitedApp({ redisUrl: REDIS_URL, nameSpace });
    try {
      expect((await a.inject('/limited')).statusCode).toBe(200);
      expect((await b.inject('/limited')).statusCode).toBe(200);
      const third = await a.inject('/limited');
      expect(third.statusCode).toBe(200);
      expect(third.headers['x-ratelimit-remaining']).toBe('0');
      const refused = await b.inject('/limited');
      expect(refused.statusCode).toBe(429);
      expect(refused.headers['content-type']).toMatch(/problem\+json/);
      expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
      const keys = await keysMatching(`${nameSpace}*`);
      expect(keys).toHaveLength(1);
      expect(keys[0]).toContain('/limited');
    } finally {
      await a.close();
      await b.close();
    }
  });

  it('lets requests through when Redis cannot be reached', async () => {
    const app = await limitedApp({ redisUrl: 'redis://127.0.0.1:1', nameSpace: 'unused:' });
    try {
      for (let i = 0; i < 5; i++) expect((await app.inject('/limited')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('counts in memory without Redis', async () => {
    const a = await limitedApp({ redisUrl: '', nameSpace: `waymark-test-${runId}-memory:` });
    const b = await limitedApp({ redisUrl: '', nameSpace: `waymark-test-${runId}-memory:` });
    try {
      for (let i = 0; i < 3; i++) expect((await a.inject('/limited')).statusCode).toBe(200);
      expect((await a.inject('/limited')).statusCode).toBe(429);
      // Each instance counts on its own.
      expect((await b.inject('/limited')).statusCode).toBe(200);
      expect(await keysMatching(`waymark-test-${runId}-memory:*`)).toEqual([]);
    } finally {
      await a.close();
      await b.close();
    }
  });
});

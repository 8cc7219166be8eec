import Fastify from 'fastify';
import { afterEach, describe, expect, it, vi } from 'vitest';
import errorsPlugin from '../src/plugins/errors.js';
import rateLimitPlugin from '../src/plugins/rate-limit.js';

/**
 * The in-memory rate-limit store (no REDIS_URL), on a bare app with a tiny capacity: a flood of
 * new keys must not evict a counter that is still counting.
 */
afterEach(() => {
  vi.useRealTimers();
});

const MAX_KEYS = 5;

async function limitedApp() {
  const app = Fastify();
  await app.register(errorsPlugin);
  await app.register(rateLimitPlugin, { maxKeys: MAX_KEYS });
  app.get(
    '/limited',
    {
      config: {
        rateLimit: {
          max: 2,
          timeWindow: '1 minute',
          keyGenerator: (request) => String(request.headers['x-key']),
        },
      },
    },
    async () => ({ ok: true }),
  );
  await app.ready();
  return app;
}

const hit = (app: Awaited<ReturnType<typeof limitedApp>>, key: string) =>
  app.inject({ url: '/limited', headers: { 'x-key': key } });

describe('the in-memory rate-limit store', () => {
  it('keeps a live counter however many new keys arrive, and refuses new keys while full', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2030-01-01T00:00:00Z'));
    const app = await limitedApp();
    try {
      expect((await hit(app, 'victim')).statusCode).toBe(200);
      expect((await hit(app, 'victim')).statusCode).toBe(200);
      expect((await hit(app, 'victim')).statusCode).toBe(429);

      // The flood: the first keys fill the store, the rest are refused rather than evicting.
      const flood: number[] = [];
      for (let i = 0; i < 20; i++) flood.push((await hit(app, `flood-${i}`)).statusCode);
      expect(flood.slice(0, MAX_KEYS - 1)).toEqual(Array(MAX_KEYS - 1).fill(200));
      expect(flood.slice(MAX_KEYS - 1)).toEqual(Array(20 - MAX_KEYS + 1).fill(429));
      const refused = await hit(app, 'newcomer');
      expect(refused.statusCode).toBe(429);
      expect(refused.json()).toMatchObject({ status: 429, code: 'rate_limited' });
      expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);

      // The victim's counter survived the flood.
      expect((await hit(app, 'victim')).statusCode).toBe(429);

      // Once the window is over, expired counters make room and start again from zero.
      vi.setSystemTime(new Date('2030-01-01T00:01:01Z'));
      expect((await hit(app, 'newcomer')).statusCode).toBe(200);
      expect((await hit(app, 'victim')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });

  it('counts each route apart', async () => {
    const app = Fastify();
    await app.register(errorsPlugin);
    await app.register(rateLimitPlugin, { maxKeys: MAX_KEYS });
    for (const url of ['/a', '/b']) {
      app.get(url, { config: { rateLimit: { max: 1, timeWindow: '1 minute' } } }, async () => ({
        ok: true,
      }));
    }
    await app.ready();
    try {
      expect((await app.inject('/a')).statusCode).toBe(200);
      expect((await app.inject('/a')).statusCode).toBe(429);
      expect((await app.inject('/b')).statusCode).toBe(200);
    } finally {
      await app.close();
    }
  });
});

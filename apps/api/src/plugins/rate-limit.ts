import rateLimit from '@fastify/rate-limit';
import type { FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from '../errors.js';

export interface RateLimitPluginOptions {
  /** Shares the counters between instances when set; otherwise each instance counts in memory. */
  redisUrl?: string | undefined;
  /** Prefix of the Redis keys (tests use one per run so that they never share counters). */
  nameSpace?: string;
}

export class RateLimitedError extends AppError {
  constructor(retryAfter: string) {
    super(
      429,
      'rate_limited',
      'Too Many Requests',
      `Too many attempts: try again in ${retryAfter}.`,
    );
  }
}

/**
 * @fastify/rate-limit with no global limit: a route opts in with
 * `config: { rateLimit: { max, timeWindow, keyGenerator? } }`. Exceeding a limit answers 429
 * problem details with the code `rate_limited` and a `Retry-After` header.
 */
async function rateLimitPlugin(app: FastifyInstance, opts: RateLimitPluginOptions) {
  let redis: Redis | undefined;
  if (opts.redisUrl) {
    // Fail fast rather than queue: a request must not hang while Redis is away.
    redis = new Redis(opts.redisUrl, {
      connectTimeout: 2_000,
      maxRetriesPerRequest: 1,
      enableOfflineQueue: true,
      lazyConnect: false,
    });
    // Reconnection is automatic; an unhandled 'error' event would crash the process.
    redis.on('error', (error) => app.log.warn({ err: error }, 'rate-limit store (Redis) error'));
    app.addHook('onClose', async () => {
      await redis?.quit().catch(() => redis?.disconnect());
    });
  }

  await app.register(rateLimit, {
    global: false,
    ...(redis ? { redis, nameSpace: opts.nameSpace ?? 'waymark-rate-limit:' } : {}),
    // If Redis is unreachable, let the request through (logged above) rather than lock every
    // user out: the limits are a brake on guessing, argon2 is the other one.
    skipOnError: true,
    errorResponseBuilder: (_request, context) => new RateLimitedError(context.after),
  });
}

export default fp(rateLimitPlugin, {
  name: 'rate-limit',
  fastify: '5.x',
  dependencies: ['errors'],
});

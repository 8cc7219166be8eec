import rateLimit, { type FastifyRateLimitStore } from '@fastify/rate-limit';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import fp from 'fastify-plugin';
import { Redis } from 'ioredis';
import { AppError } from '../errors.js';

export interface RateLimitPluginOptions {
  /** Shares the counters between instances when set; otherwise each instance counts in memory. */
  redisUrl?: string | undefined;
  /** Prefix of the Redis keys (tests use one per run so that they never share counters). */
  nameSpace?: string;
  /** Most counters kept in memory without Redis, across all routes (tests make it small). */
  maxKeys?: number;
}

/**
 * About 100 bytes a counter: some 10 MB at most. One address can only add a few dozen keys per
 * window to the sign-in limits (see modules/auth/login-limits.ts), so filling this takes a
 * thousand addresses or more.
 */
export const DEFAULT_MAX_KEYS = 100_000;

export class RateLimitedError extends AppError {
  constructor(retryAfter: string, hint = '') {
    super(
      429,
      'rate_limited',
      'Too Many Requests',
      `Too many attempts: try again in ${retryAfter}${hint}.`,
    );
  }
}

/** "45 seconds", "1 minute", "15 minutes", "2 hours". */
export function describeWait(seconds: number): string {
  const [n, unit] =
    seconds < 60
      ? [Math.max(1, Math.ceil(seconds)), 'second']
      : seconds < 3600
        ? [Math.ceil(seconds / 60), 'minute']
        : [Math.ceil(seconds / 3600), 'hour'];
  return `${n} ${unit}${n === 1 ? '' : 's'}`;
}

export type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

/**
 * Counts one attempt on a limiter made with `app.createRateLimit` (for routes that apply several
 * limits in an order of their own); over its max, answers 429 with `Retry-After`. Returns whether
 * the attempt was within the limit when `throwWhenExceeded` is false.
 */
export async function countAttempt(
  limiter: Limiter,
  request: FastifyRequest,
  reply: FastifyReply,
  options: { hint?: string; throwWhenExceeded?: boolean } = {},
): Promise<boolean> {
  const result = await limiter(request);
  if (result.isAllowed || !result.isExceeded) return true;
  if (options.throwWhenExceeded === false) return false;
  reply.header('retry-after', result.ttlInSeconds);
  throw new RateLimitedError(describeWait(result.ttlInSeconds), options.hint);
}

interface Counter {
  count: number;
  resetAt: number;
}

interface SharedCounters {
  counters: Map<string, Counter>;
  maxKeys: number;
  /** No counter expires before this: sweeping earlier would find nothing to remove. */
  nextSweepAt: number;
  onFull: () => void;
}

/** Sweeps at most once a second, so that a full store cannot make every request walk it. */
const MIN_SWEEP_INTERVAL_MS = 1000;

/**
 * The in-memory store (without Redis): fixed windows, like the plugin's own, but bounded without
 * evicting. The plugin's LRU (5,000 keys a route) drops the least recently used counter when
 * full, so a flood of fresh keys (random emails) would reset a victim's counter. Here a counter
 * goes only once its window is over; when every slot holds a live counter, a *new* key is refused
 * (429) until one expires — failing closed, and logged. Routes share one map (keys are prefixed
 * by route), so the bound is the process's, not each route's.
 */
function boundedMemoryStore(shared: SharedCounters) {
  function sweep(now: number): boolean {
    if (now < shared.nextSweepAt) return false;
    let earliest = Number.POSITIVE_INFINITY;
    for (const [key, counter] of shared.counters) {
      if (counter.resetAt <= now) shared.counters.delete(key);
      else earliest = Math.min(earliest, counter.resetAt);
    }
    shared.nextSweepAt = Math.max(earliest, now + MIN_SWEEP_INTERVAL_MS);
    return shared.counters.size < shared.maxKeys;
  }

  class BoundedMemoryStore implements FastifyRateLimitStore {
    /** The plugin constructs the root store with its options (unused); children get a prefix. */
    constructor(
      _options?: unknown,
      private readonly prefix = '',
    ) {}

    incr(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
      timeWindow: number,
      max: number,
    ): void {
      const now = Date.now();
      const id = this.prefix + key;
      let counter = shared.counters.get(id);
      if (counter && counter.resetAt <= now) {
        counter.count = 0;
        counter.resetAt = now + timeWindow;
      }
      if (!counter) {
        if (shared.counters.size >= shared.maxKeys && !sweep(now)) {
          shared.onFull();
          callback(null, { current: max + 1, ttl: Math.max(1000, shared.nextSweepAt - now) });
          return;
        }
        counter = { count: 0, resetAt: now + timeWindow };
        shared.counters.set(id, counter);
        shared.nextSweepAt = Math.min(shared.nextSweepAt, counter.resetAt);
      }
      counter.count += 1;
      callback(null, { current: counter.count, ttl: counter.resetAt - now });
    }

    read(
      key: string,
      callback: (error: Error | null, result?: { current: number; ttl: number }) => void,
    ): void {
      const now = Date.now();
      const counter = shared.counters.get(this.prefix + key);
      if (!counter || counter.resetAt <= now) callback(null, { current: 0, ttl: 0 });
      else callback(null, { current: counter.count, ttl: counter.resetAt - now });
    }

    child(routeOptions: {
      method?: unknown;
      url?: unknown;
      routeInfo?: { method?: unknown; url?: unknown };
    }) {
      // Route limits are prefixed by route; limiters from createRateLimit (no route) name their keys.
      const route = routeOptions.routeInfo;
      return new BoundedMemoryStore(
        undefined,
        route?.method && route.url ? `${String(route.method)}${String(route.url)}-` : '',
      );
    }
  }
  return BoundedMemoryStore;
}

/**
 * @fastify/rate-limit with no global limit: a route opts in with
 * `config: { rateLimit: { max, timeWindow, keyGenerator? } }`, or applies several limiters of its
 * own (`app.createRateLimit` and `countAttempt`, as sign-in does). Exceeding a limit answers 429
 * problem details with the code `rate_limited` and a `Retry-After` header. Counters live in Redis
 * (REDIS_URL; they expire by TTL, and Redis must not evict them first: `maxmemory-policy noeviction`) or in the
 * bounded in-memory store above.
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

  let warnedAt = Number.NEGATIVE_INFINITY;
  const shared: SharedCounters = {
    counters: new Map(),
    maxKeys: opts.maxKeys ?? DEFAULT_MAX_KEYS,
    nextSweepAt: 0,
    onFull: () => {
      // Once a minute at most: the flood that fills the store would flood the log too.
      if (Date.now() - warnedAt < 60_000) return;
      warnedAt = Date.now();
      app.log.warn(
        { maxKeys: shared.maxKeys },
        'rate-limit store full of live counters: new clients are refused until some expire (set REDIS_URL to keep counters in Redis)',
      );
    },
  };

  await app.register(rateLimit, {
    global: false,
    ...(redis
      ? { redis, nameSpace: opts.nameSpace ?? 'waymark-rate-limit:' }
      : { store: boundedMemoryStore(shared) }),
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

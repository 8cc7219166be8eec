import { randomBytes } from 'node:crypto';
import { isIP } from 'node:net';
import { z } from 'zod';
import { DEMO_MODES, type DemoMode } from './demo/demo-modes.js';
import { DEFAULT_DATA_DIR, DEFAULT_WEB_DIST } from './paths.js';

/** The one module that reads `process.env`. Everything else receives a parsed `Config`. */

/** An unset variable and an empty one mean the same: not configured. */
function emptyAsUnset(schema: z.ZodString | z.ZodURL) {
  return z
    .string()
    .trim()
    .optional()
    .transform((v) => (v === '' ? undefined : v))
    .pipe(schema.optional());
}

const ZConfig = z.object({
  NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
  HOST: z.string().min(1).default('0.0.0.0'),
  PORT: z.coerce.number().int().min(0).max(65535).default(3000),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** A PostgreSQL URL. Unset: the embedded PGlite database under DATA_DIR. */
  DATABASE_URL: emptyAsUnset(
    z.string().regex(/^postgres(ql)?:\/\//, 'must start with postgres:// or postgresql://'),
  ),
  DATA_DIR: z.string().min(1).default(DEFAULT_DATA_DIR),
  /**
   * The demo network (src/demo): `auto` loads it on the first start of the embedded database
   * outside production, never into DATABASE_URL; `on` loads it into the configured database;
   * `off` never.
   */
  WAYMARK_DEMO: z.preprocess(
    (v) => (typeof v === 'string' ? v.trim().toLowerCase() || undefined : v),
    z.enum(DEMO_MODES).default('auto'),
  ),
  /** The built web app to serve on the same origin; missing folder → API only. */
  WEB_DIST: z.string().min(1).default(DEFAULT_WEB_DIST),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * Which proxies may name the client in X-Forwarded-For: `false` (clients reach the app
   * directly), a hop count, or the proxies' addresses and CIDRs. See `parseTrustProxy`.
   */
  TRUST_PROXY: z.string().trim().default('false'),
  /** Signs access tokens; shared by every instance. Required in production. */
  JWT_SECRET: emptyAsUnset(z.string().min(32, 'must be at least 32 characters')),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  /** Absolute lifetime of a session (a sign-in and its refreshes): then sign in again. */
  SESSION_MAX_AGE_DAYS: z.coerce.number().int().min(1).max(3650).default(90),
  /** Sign-in attempts per 15 minutes: per client address and email, */
  LOGIN_LIMIT_ADDRESS_EMAIL: z.coerce.number().int().min(1).max(1000).default(10),
  /** per client address across emails (from browsers without a device cookie for the email), */
  LOGIN_LIMIT_ADDRESS: z.coerce.number().int().min(1).max(10_000).default(30),
  /** and per account across addresses (likewise): see modules/auth/login-limits.ts. */
  LOGIN_LIMIT_ACCOUNT: z.coerce.number().int().min(1).max(1000).default(20),
  /** Shares rate limits between instances when set; otherwise they are kept per instance. */
  REDIS_URL: emptyAsUnset(
    z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
  ),
  /** Sends invitations and password resets by email when set, e.g. smtp://user:pass@host:587. */
  SMTP_URL: emptyAsUnset(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')),
  MAIL_FROM: z.string().min(3).default('Waymark <no-reply@waymark.local>'),
  /** The address users reach the app at, for links in emails. Default: http://localhost:PORT. */
  PUBLIC_URL: emptyAsUnset(z.url()),
  /**
   * How often each instance runs the reminders job, in seconds; 0: never on a timer. Default 300,
   * but 0 under NODE_ENV=test (tests run it with `app.reminders.runOnce()`).
   */
  REMINDER_INTERVAL_SECONDS: z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
    z.coerce.number().int().min(0).max(86_400).optional(),
  ),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  /** WAYMARK_DEMO: when the demo network is loaded (see src/demo/demo-startup.ts). */
  demo: DemoMode;
  webDist: string;
  bodyLimit: number;
  trustProxy: TrustProxy;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    invitationTtlDays: number;
    sessionMaxAgeDays: number;
    loginLimits: LoginLimits;
  };
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
  reminders: {
    /** Seconds between runs of the reminders job on this instance; 0: no timer. */
    intervalSeconds: number;
  };
};

/** Sign-in attempts allowed per 15 minutes, by what they are counted on. */
export interface LoginLimits {
  perAddressAndEmail: number;
  perAddress: number;
  perAccount: number;
}

/**
 * `false`: X-Forwarded-For is ignored. `{ hops }`: that many proxies stand in front of the app and
 * the client is the address the outermost one saw. `{ addresses }`: only these proxies (IPs, CIDRs,
 * or proxy-addr's `loopback`, `linklocal`, `uniquelocal`) are believed.
 */
export type TrustProxy = false | { hops: number } | { addresses: string[] };

export class ConfigError extends Error {}

const PROXY_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(value: string): boolean {
  if (PROXY_NAMES.has(value)) return true;
  const [address = '', prefix, ...rest] = value.split('/');
  const version = isIP(address);
  if (version === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (version === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY. `true` (trust every hop) is refused: behind a proxy that appends to
 * X-Forwarded-For, the client would pick the left-most value, i.e. its own address for the
 * rate limits and the logs. A hop count trusts exactly that many proxies, so it is only safe when
 * clients cannot reach the app except through them; a list of addresses is safe either way.
 */
export function parseTrustProxy(raw: string): TrustProxy {
  const value = raw.trim().toLowerCase();
  if (value === '' || value === 'false' || value === '0') return false;
  if (value === 'true') {
    throw new ConfigError(
      'Invalid configuration: TRUST_PROXY=true would let any client choose its own address (rate limits, logs); set the number of proxies in front of the app (e.g. TRUST_PROXY=1) or their addresses (e.g. TRUST_PROXY=10.0.0.0/8,192.168.1.10)',
    );
  }
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    if (hops > 10) {
      throw new ConfigError('Invalid configuration: TRUST_PROXY must be a hop count from 0 to 10');
    }
    return { hops };
  }
  const addresses = value.split(',').map((a) => a.trim());
  const bad = addresses.filter((a) => !isProxyAddress(a));
  if (bad.length > 0) {
    throw new ConfigError(
      `Invalid configuration: TRUST_PROXY must be false, a hop count (e.g. 1) or a comma-separated list of proxy addresses or CIDRs; not an address: ${bad.map((a) => JSON.stringify(a)).join(', ')}`,
    );
  }
  return { addresses };
}

/** TRUST_PROXY as Fastify's `trustProxy` option. */
export function fastifyTrustProxy(
  trust: TrustProxy,
): false | string[] | ((address: string, hop: number) => boolean) {
  if (trust === false) return false;
  if ('addresses' in trust) return trust.addresses;
  // A function, not a number: Fastify 5.12+ reads a bare number as "trust nothing".
  const { hops } = trust;
  return (_address, hop) => hop < hops;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = ZConfig.safeParse(env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    throw new ConfigError(`Invalid configuration: ${problems.join('; ')}`);
  }
  const c = parsed.data;
  if (c.NODE_ENV === 'production' && !c.JWT_SECRET) {
    throw new ConfigError(
      'Invalid configuration: JWT_SECRET must be set in production (32 characters or more, the same on every instance)',
    );
  }
  return {
    env: c.NODE_ENV,
    host: c.HOST,
    port: c.PORT,
    logLevel: c.LOG_LEVEL,
    databaseUrl: c.DATABASE_URL,
    dataDir: c.DATA_DIR,
    demo: c.WAYMARK_DEMO,
    webDist: c.WEB_DIST,
    bodyLimit: c.BODY_LIMIT,
    trustProxy: parseTrustProxy(c.TRUST_PROXY),
    auth: {
      // Outside production a per-process secret is enough: access tokens live minutes, and the
      // web app gets a new one from its refresh token (stored in the database) after a restart.
      jwtSecret: c.JWT_SECRET ?? randomBytes(32).toString('hex'),
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlDays: c.INVITATION_TTL_DAYS,
      sessionMaxAgeDays: c.SESSION_MAX_AGE_DAYS,
      loginLimits: {
        perAddressAndEmail: c.LOGIN_LIMIT_ADDRESS_EMAIL,
        perAddress: c.LOGIN_LIMIT_ADDRESS,
        perAccount: c.LOGIN_LIMIT_ACCOUNT,
      },
    },
    redisUrl: c.REDIS_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
    reminders: {
      intervalSeconds: c.REMINDER_INTERVAL_SECONDS ?? (c.NODE_ENV === 'test' ? 0 : 300),
    },
  };
}

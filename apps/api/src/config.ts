import { randomBytes } from 'node:crypto';
import { z } from 'zod';
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
  /** The built web app to serve on the same origin; missing folder → API only. */
  WEB_DIST: z.string().min(1).default(DEFAULT_WEB_DIST),
  /** Largest request body accepted, in bytes. */
  BODY_LIMIT: z.coerce
    .number()
    .int()
    .min(1024)
    .default(256 * 1024),
  /**
   * `true` behind a load balancer or reverse proxy that sets X-Forwarded-For. Leave unset when
   * clients reach the app directly, or they could choose the address rate limits are keyed on.
   */
  TRUST_PROXY: z.enum(['true', 'false']).default('false'),
  /** Signs access tokens; shared by every instance. Required in production. */
  JWT_SECRET: emptyAsUnset(z.string().min(32, 'must be at least 32 characters')),
  ACCESS_TOKEN_TTL_SECONDS: z.coerce.number().int().min(30).max(3600).default(900),
  REFRESH_TOKEN_TTL_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  INVITATION_TTL_DAYS: z.coerce.number().int().min(1).max(60).default(14),
  /** Shares rate limits between instances when set; otherwise they are kept per instance. */
  REDIS_URL: emptyAsUnset(
    z.string().regex(/^rediss?:\/\//, 'must start with redis:// or rediss://'),
  ),
  /** Sends invitations and password resets by email when set, e.g. smtp://user:pass@host:587. */
  SMTP_URL: emptyAsUnset(z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://')),
  MAIL_FROM: z.string().min(3).default('Waymark <no-reply@waymark.local>'),
  /** The address users reach the app at, for links in emails. Default: http://localhost:PORT. */
  PUBLIC_URL: emptyAsUnset(z.url()),
});

export type Config = {
  env: 'development' | 'production' | 'test';
  host: string;
  port: number;
  logLevel: z.infer<typeof ZConfig>['LOG_LEVEL'];
  databaseUrl: string | undefined;
  dataDir: string;
  webDist: string;
  bodyLimit: number;
  trustProxy: boolean;
  auth: {
    jwtSecret: string;
    accessTokenTtlSeconds: number;
    refreshTokenTtlDays: number;
    invitationTtlDays: number;
  };
  redisUrl: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  publicUrl: string;
};

export class ConfigError extends Error {}

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
    webDist: c.WEB_DIST,
    bodyLimit: c.BODY_LIMIT,
    trustProxy: c.TRUST_PROXY === 'true',
    auth: {
      // Outside production a per-process secret is enough: access tokens live minutes, and the
      // web app gets a new one from its refresh token (stored in the database) after a restart.
      jwtSecret: c.JWT_SECRET ?? randomBytes(32).toString('hex'),
      accessTokenTtlSeconds: c.ACCESS_TOKEN_TTL_SECONDS,
      refreshTokenTtlDays: c.REFRESH_TOKEN_TTL_DAYS,
      invitationTtlDays: c.INVITATION_TTL_DAYS,
    },
    redisUrl: c.REDIS_URL,
    smtpUrl: c.SMTP_URL,
    mailFrom: c.MAIL_FROM,
    publicUrl: (c.PUBLIC_URL ?? `http://localhost:${c.PORT}`).replace(/\/$/, ''),
  };
}

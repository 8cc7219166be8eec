import { randomUUID } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import {
  CSRF_HEADER,
  CSRF_HEADER_VALUE,
  REFRESH_COOKIE_NAME,
  type TAuthSession,
  type TUser,
} from '@waymark/rubric';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import type { Db } from '../../db/client.js';
import { AppError } from '../../errors.js';
import {
  findRefreshToken,
  findUserById,
  hashToken,
  insertRefreshToken,
  markRefreshTokenReplaced,
  newOpaqueToken,
  revokeRefreshTokenFamily,
  type UserRecord,
} from './auth.queries.js';

/**
 * Sessions: a short-lived access token (JWT, in the response body) and an opaque refresh token
 * (httpOnly cookie scoped to the auth routes, stored hashed). Each sign-in starts a family; each
 * refresh rotates the token within the family; presenting a rotated token again revokes the family
 * (OAuth 2.0 Security BCP, RFC 9700 §4.14.2).
 */

/** The cookie reaches only the auth routes (refresh, logout, logout-all). */
export const REFRESH_COOKIE_PATH = '/api/v1/auth';

export function toUserDto(user: UserRecord): TUser {
  return {
    id: user.id,
    email: user.email,
    name: user.name,
    createdAt: user.createdAt.toISOString(),
  };
}

function cookieOptions(config: Config): CookieSerializeOptions {
  return {
    httpOnly: true,
    secure: config.env === 'production',
    sameSite: 'strict',
    path: REFRESH_COOKIE_PATH,
  };
}

/** Sets the cookie to live exactly as long as its token (never past the session's max age). */
export function setRefreshCookie(
  reply: FastifyReply,
  token: { value: string; expiresAt: Date; now: Date },
  config: Config,
): void {
  reply.setCookie(REFRESH_COOKIE_NAME, token.value, {
    ...cookieOptions(config),
    maxAge: Math.max(0, Math.floor((token.expiresAt.getTime() - token.now.getTime()) / 1000)),
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(REFRESH_COOKIE_NAME, cookieOptions(config));
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE_NAME];
  return value ? value : undefined;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/** When a session started at `familyStartedAt` must end, however often it was refreshed. */
export function sessionDeadline(config: Config, familyStartedAt: Date): Date {
  return new Date(familyStartedAt.getTime() + config.auth.sessionMaxAgeDays * DAY_MS);
}

/** A new refresh token lives REFRESH_TOKEN_TTL_DAYS, but not past its session's deadline. */
function refreshExpiry(config: Config, familyStartedAt: Date, now: Date): Date {
  return new Date(
    Math.min(
      now.getTime() + config.auth.refreshTokenTtlDays * DAY_MS,
      sessionDeadline(config, familyStartedAt).getTime(),
    ),
  );
}

/** Starts a new family (a sign-in): stores the token's hash and sets the cookie. */
export async function startSession(
  app: FastifyInstance,
  db: Db,
  reply: FastifyReply,
  config: Config,
  user: UserRecord,
): Promise<TAuthSession> {
  const { token, hash } = newOpaqueToken();
  const now = new Date();
  const expiresAt = refreshExpiry(config, now, now);
  await insertRefreshToken(db, {
    userId: user.id,
    familyId: randomUUID(),
    familyStartedAt: now,
    tokenHash: hash,
    expiresAt,
  });
  setRefreshCookie(reply, { value: token, expiresAt, now }, config);
  return { ...app.signAccessToken(user), user: toUserDto(user) };
}

export class RefreshTokenError extends AppError {
  constructor(
    code: 'refresh_token_invalid' | 'refresh_token_reused' | 'session_expired',
    detail: string,
  ) {
    super(401, code, 'Unauthorized', detail);
  }
}

export type RotationResult =
  | { kind: 'rotated'; user: UserRecord; token: { value: string; expiresAt: Date; now: Date } }
  | { kind: 'invalid' }
  | { kind: 'reused' }
  | { kind: 'session_expired' };

/**
 * Exchanges a refresh token for its successor in one transaction. The conditional update makes
 * the exchange happen once: a second, concurrent presentation of the same token finds it replaced
 * and is treated as reuse, like any later one. A family older than SESSION_MAX_AGE_DAYS is not
 * refreshed any more (checked before the token's own expiry, so that the answer says why).
 */
export async function rotateRefreshToken(
  db: Db,
  config: Config,
  presented: string,
): Promise<RotationResult> {
  return db.transaction(async (transaction) => {
    const tx = transaction as unknown as Db;
    const row = await findRefreshToken(tx, hashToken(presented));
    if (!row || row.revokedAt) return { kind: 'invalid' };
    if (row.replacedAt) {
      await revokeRefreshTokenFamily(tx, { familyId: row.familyId });
      return { kind: 'reused' };
    }
    const now = new Date();
    if (sessionDeadline(config, row.familyStartedAt).getTime() <= now.getTime()) {
      await revokeRefreshTokenFamily(tx, { familyId: row.familyId });
      return { kind: 'session_expired' };
    }
    if (row.expiresAt.getTime() <= now.getTime()) return { kind: 'invalid' };
    if (!(await markRefreshTokenReplaced(tx, { id: row.id }))) {
      await revokeRefreshTokenFamily(tx, { familyId: row.familyId });
      return { kind: 'reused' };
    }
    const user = await findUserById(tx, row.userId);
    if (!user) return { kind: 'invalid' };
    const { token, hash } = newOpaqueToken();
    const expiresAt = refreshExpiry(config, row.familyStartedAt, now);
    await insertRefreshToken(tx, {
      userId: user.id,
      familyId: row.familyId,
      familyStartedAt: row.familyStartedAt,
      tokenHash: hash,
      expiresAt,
    });
    return { kind: 'rotated', user, token: { value: token, expiresAt, now } };
  });
}

// ─── Cross-site request forgery ──────────────────────────────────────────────────────────────

export class CsrfError extends AppError {
  constructor(detail: string) {
    super(403, 'csrf_failed', 'Forbidden', detail);
  }
}

/**
 * Refuses requests another site could have made the browser send. The refresh cookie is
 * SameSite=Strict already; in depth:
 * - `requireHeader`: the custom header `X-Requested-With: waymark` must be present — an HTML form
 *   cannot set it, and a cross-origin `fetch` with it needs a CORS preflight that is never granted;
 * - an `Origin` header, when sent, must be this app's own origin (the request's host or PUBLIC_URL);
 * - `Sec-Fetch-Site: cross-site` is refused.
 * (OWASP CSRF Prevention Cheat Sheet: custom request headers, verifying origin with standard headers.)
 */
export function assertNotCrossSite(
  request: FastifyRequest,
  config: Config,
  options: { requireHeader: boolean },
): void {
  if (options.requireHeader) {
    const header = request.headers[CSRF_HEADER.toLowerCase()];
    if (header !== CSRF_HEADER_VALUE) {
      throw new CsrfError(
        `This request must carry the header ${CSRF_HEADER}: ${CSRF_HEADER_VALUE}.`,
      );
    }
  }
  const origin = request.headers.origin;
  if (origin !== undefined) {
    const allowed = new Set([
      new URL(config.publicUrl).origin,
      `${request.protocol}://${request.host}`,
    ]);
    if (!allowed.has(origin)) {
      throw new CsrfError('This request comes from another site.');
    }
  }
  if (request.headers['sec-fetch-site'] === 'cross-site') {
    throw new CsrfError('This request comes from another site.');
  }
}

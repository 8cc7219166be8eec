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

export function setRefreshCookie(reply: FastifyReply, config: Config, token: string): void {
  reply.setCookie(REFRESH_COOKIE_NAME, token, {
    ...cookieOptions(config),
    maxAge: config.auth.refreshTokenTtlDays * 24 * 60 * 60,
  });
}

export function clearRefreshCookie(reply: FastifyReply, config: Config): void {
  reply.clearCookie(REFRESH_COOKIE_NAME, cookieOptions(config));
}

export function readRefreshCookie(request: FastifyRequest): string | undefined {
  const value = request.cookies[REFRESH_COOKIE_NAME];
  return value ? value : undefined;
}

function refreshExpiry(config: Config): Date {
  return new Date(Date.now() + config.auth.refreshTokenTtlDays * 24 * 60 * 60 * 1000);
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
  await insertRefreshToken(db, {
    userId: user.id,
    familyId: randomUUID(),
    tokenHash: hash,
    expiresAt: refreshExpiry(config),
  });
  setRefreshCookie(reply, config, token);
  return { ...app.signAccessToken(user), user: toUserDto(user) };
}

export class RefreshTokenError extends AppError {
  constructor(code: 'refresh_token_invalid' | 'refresh_token_reused', detail: string) {
    super(401, code, 'Unauthorized', detail);
  }
}

export type RotationResult =
  | { kind: 'rotated'; user: UserRecord; token: string }
  | { kind: 'invalid' }
  | { kind: 'reused' };

/**
 * Exchanges a refresh token for its successor in one transaction. The conditional update makes
 * the exchange happen once: a second, concurrent presentation of the same token finds it replaced
 * and is treated as reuse, like any later one.
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
    if (row.expiresAt.getTime() <= Date.now()) return { kind: 'invalid' };
    if (!(await markRefreshTokenReplaced(tx, { id: row.id }))) {
      await revokeRefreshTokenFamily(tx, { familyId: row.familyId });
      return { kind: 'reused' };
    }
    const user = await findUserById(tx, row.userId);
    if (!user) return { kind: 'invalid' };
    const { token, hash } = newOpaqueToken();
    await insertRefreshToken(tx, {
      userId: user.id,
      familyId: row.familyId,
      tokenHash: hash,
      expiresAt: refreshExpiry(config),
    });
    return { kind: 'rotated', user, token };
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

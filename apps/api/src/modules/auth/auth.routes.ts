import cookie from '@fastify/cookie';
import {
  ZAuthSession,
  ZChangePasswordRequest,
  ZLoginRequest,
  ZMeResponse,
  ZPasswordResetConfirmRequest,
  ZPasswordResetRequest,
  ZProblem,
  ZRegisterRequest,
} from '@waymark/rubric';
import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../../db/client.js';
import { AppError, ConflictError } from '../../errors.js';
import { UnauthorizedError } from '../../plugins/auth.js';
import { recordAudit } from '../audit/audit.queries.js';
import type { RouteModuleOptions } from '../route-options.js';
import {
  consumePasswordReset,
  findRefreshToken,
  findUsablePasswordReset,
  findUserByEmail,
  findUserById,
  hashToken,
  insertPasswordReset,
  insertUser,
  listMemberships,
  newOpaqueToken,
  retirePasswordResets,
  revokeRefreshTokenFamily,
  revokeUserRefreshTokens,
  updatePasswordHash,
} from './auth.queries.js';
import { loginLimits, setDeviceCookie } from './login-limits.js';
import { assertAcceptablePassword } from './password-policy.js';
import { dummyPasswordHash, hashPassword, verifyPassword } from './passwords.js';
import {
  assertNotCrossSite,
  clearRefreshCookie,
  RefreshTokenError,
  readRefreshCookie,
  rotateRefreshToken,
  setRefreshCookie,
  startSession,
  toUserDto,
} from './sessions.js';

const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

class InvalidCredentialsError extends AppError {
  constructor() {
    super(
      401,
      'invalid_credentials',
      'Unauthorized',
      'The email address or password is not correct.',
    );
  }
}

/** The change-password form's own field is wrong: say so, not "email or password" (issue 8). */
class CurrentPasswordWrongError extends AppError {
  constructor() {
    super(403, 'current_password_wrong', 'Forbidden', 'The current password is not correct.');
  }
}

class ResetTokenError extends AppError {
  constructor() {
    super(
      400,
      'reset_token_invalid',
      'Bad Request',
      'This password reset link is invalid, expired or already used: ask for a new one.',
    );
  }
}

function asDb(tx: unknown): Db {
  return tx as Db;
}

const ZNoContent = z.null().describe('No content');
/** 202 answers no body either. */
const ZAccepted = z.undefined().describe('Accepted; no body');

/** /auth/*: register, login, refresh, logout, password reset (public scope). */
export const authRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app, { config }) => {
  await app.register(cookie);
  // Computed now, so that even the first sign-in with an unknown email takes no longer.
  void dummyPasswordHash();

  // Every auth route refuses requests from another site's pages (see sessions.ts); the routes
  // that read the refresh cookie also need the custom header.
  const sameSite = async (request: FastifyRequest) =>
    assertNotCrossSite(request, config, { requireHeader: false });
  const cookieCarrying = async (request: FastifyRequest) =>
    assertNotCrossSite(request, config, { requireHeader: true });

  app.route({
    method: 'POST',
    url: '/auth/register',
    onRequest: sameSite,
    config: { rateLimit: { max: 10, timeWindow: '1 hour' } },
    schema: {
      tags: ['auth'],
      summary: 'Create an account and sign in',
      description:
        'Email is trimmed and lower-cased. The password needs 12+ characters, a zxcvbn score of 3+, and must not contain the name or the email’s local part. Sets the refresh cookie. Limited to 10 per hour per client address.',
      body: ZRegisterRequest,
      response: { 201: ZAuthSession, 400: ZProblem, 403: ZProblem, 409: ZProblem, 429: ZProblem },
    },
    handler: async (request, reply) => {
      const { name, email, password } = request.body;
      assertAcceptablePassword('password', password, { email, name });
      if (await findUserByEmail(app.db, email)) {
        throw new ConflictError(
          'email_taken',
          'An account with this email address already exists.',
        );
      }
      const passwordHash = await hashPassword(password);
      const session = await app.db.transaction(async (tx) => {
        const user = await insertUser(asDb(tx), { email, name, passwordHash });
        if (!user) {
          throw new ConflictError(
            'email_taken',
            'An account with this email address already exists.',
          );
        }
        return startSession(app, asDb(tx), reply, config, user);
      });
      setDeviceCookie(reply, config, email);
      return reply.status(201).send(session);
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/login',
    onRequest: sameSite,
    // preHandler: the keys need the validated (normalised) email. See login-limits.ts.
    preHandler: loginLimits(app, config),
    schema: {
      tags: ['auth'],
      summary: 'Sign in',
      description:
        'A wrong email and a wrong password get the same 401 `invalid_credentials`, in the same time. Sets the refresh cookie and a device cookie (`waymark_device`) for this email. Attempts are limited per 15 minutes: per client address and email (LOGIN_LIMIT_ADDRESS_EMAIL, default 10), and — unless the browser presents a device cookie for this email from an earlier sign-in — per client address (LOGIN_LIMIT_ADDRESS, default 30) and per account (LOGIN_LIMIT_ACCOUNT, default 20). A refused attempt answers 429 `rate_limited` with `Retry-After`.',
      body: ZLoginRequest,
      response: { 200: ZAuthSession, 400: ZProblem, 401: ZProblem, 403: ZProblem, 429: ZProblem },
    },
    handler: async (request, reply) => {
      const { email, password } = request.body;
      const user = await findUserByEmail(app.db, email);
      // Unknown email: verify against a real hash anyway so that both failures take as long.
      const ok = await verifyPassword(user?.passwordHash ?? (await dummyPasswordHash()), password);
      if (!user || !ok) throw new InvalidCredentialsError();
      const session = await startSession(app, app.db, reply, config, user);
      setDeviceCookie(reply, config, user.email);
      return session;
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/refresh',
    onRequest: cookieCarrying,
    schema: {
      tags: ['auth'],
      summary: 'Exchange the refresh cookie for a new access token',
      description:
        'Needs the `waymark_refresh` cookie and the header `X-Requested-With: waymark`. Rotates the refresh token. Presenting a token that was already exchanged revokes its whole family (401 `refresh_token_reused`); an unknown, expired or revoked one answers 401 `refresh_token_invalid`; a session older than SESSION_MAX_AGE_DAYS (from its sign-in, however often refreshed) answers 401 `session_expired`. The cookie never lives past that. A failure clears the cookie.',
      response: { 200: ZAuthSession, 401: ZProblem, 403: ZProblem },
    },
    handler: async (request, reply) => {
      const presented = readRefreshCookie(request);
      if (!presented) {
        throw new RefreshTokenError(
          'refresh_token_invalid',
          'There is no session to refresh: sign in.',
        );
      }
      const result = await rotateRefreshToken(app.db, config, presented);
      if (result.kind !== 'rotated') {
        clearRefreshCookie(reply, config);
        if (result.kind === 'session_expired') {
          throw new RefreshTokenError(
            'session_expired',
            `Sessions last at most ${config.auth.sessionMaxAgeDays} days from signing in, and this one has reached that: sign in again.`,
          );
        }
        if (result.kind === 'reused') {
          request.log.warn('refresh token reuse: family revoked');
          throw new RefreshTokenError(
            'refresh_token_reused',
            'This session was already refreshed elsewhere, so it has been ended for safety: sign in again.',
          );
        }
        throw new RefreshTokenError(
          'refresh_token_invalid',
          'The session has expired or was signed out: sign in again.',
        );
      }
      setRefreshCookie(reply, result.token, config);
      return { ...app.signAccessToken(result.user), user: toUserDto(result.user) };
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/logout',
    onRequest: cookieCarrying,
    schema: {
      tags: ['auth'],
      summary: 'Sign out this session',
      description:
        'Revokes the refresh token family of the `waymark_refresh` cookie and clears the cookie. Needs the header `X-Requested-With: waymark`. Answers 204 even without a (valid) cookie.',
      response: { 204: ZNoContent, 403: ZProblem },
    },
    handler: async (request, reply) => {
      const presented = readRefreshCookie(request);
      if (presented) {
        const row = await findRefreshToken(app.db, hashToken(presented));
        if (row) await revokeRefreshTokenFamily(app.db, { familyId: row.familyId });
      }
      clearRefreshCookie(reply, config);
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/password-reset',
    onRequest: sameSite,
    config: { rateLimit: { max: 5, timeWindow: '1 hour' } },
    schema: {
      tags: ['auth'],
      summary: 'Ask for a password reset link by email',
      description:
        'Always answers 202, whether or not the email has an account. When SMTP is configured (SMTP_URL) and the account exists, emails a single-use link valid for one hour to `PUBLIC_URL/reset-password?token=…`. Without SMTP nothing is sent. Limited to 5 per hour per client address.',
      body: ZPasswordResetRequest,
      response: { 202: ZAccepted, 400: ZProblem, 403: ZProblem, 429: ZProblem },
    },
    handler: async (request, reply) => {
      const user = await findUserByEmail(app.db, request.body.email);
      if (user && app.mailer.enabled) {
        const { token, hash } = newOpaqueToken();
        await insertPasswordReset(app.db, {
          userId: user.id,
          tokenHash: hash,
          expiresAt: new Date(Date.now() + PASSWORD_RESET_TTL_MS),
        });
        const link = `${config.publicUrl}/reset-password?token=${encodeURIComponent(token)}`;
        // Not awaited: the answer must not take longer when the account exists.
        app.mailer
          .send({
            to: user.email,
            subject: 'Reset your Waymark password',
            text: `Hello ${user.name},\n\nSomeone (hopefully you) asked to reset the password of your Waymark account. Choose a new password here within the next hour:\n\n${link}\n\nIf you did not ask for this, ignore this email: your password stays as it is.\n`,
          })
          .catch((error: unknown) =>
            request.log.error({ err: error }, 'password reset email not sent'),
          );
      }
      return reply.status(202).send();
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/password-reset/confirm',
    onRequest: sameSite,
    config: { rateLimit: { max: 10, timeWindow: '15 minutes' } },
    schema: {
      tags: ['auth'],
      summary: 'Set a new password with a reset link’s token',
      description:
        'Uses the token once (400 `reset_token_invalid` if unknown, expired or used), sets the password (same rules as registration), signs out every session of the account, and gives this browser a device cookie for the email (see POST /auth/login).',
      body: ZPasswordResetConfirmRequest,
      response: { 204: ZNoContent, 400: ZProblem, 403: ZProblem, 429: ZProblem },
    },
    handler: async (request, reply) => {
      const { token, newPassword } = request.body;
      const reset = await findUsablePasswordReset(app.db, hashToken(token), new Date());
      if (!reset) throw new ResetTokenError();
      assertAcceptablePassword('newPassword', newPassword, reset.user);
      const passwordHash = await hashPassword(newPassword);
      await app.db.transaction(async (transaction) => {
        const tx = asDb(transaction);
        const now = new Date();
        if (!(await consumePasswordReset(tx, { id: reset.id }, now))) throw new ResetTokenError();
        await retirePasswordResets(tx, { userId: reset.user.id }, now);
        await updatePasswordHash(tx, { userId: reset.user.id }, passwordHash);
        const revoked = await revokeUserRefreshTokens(tx, { userId: reset.user.id });
        await recordAudit(tx, {
          actorUserId: reset.user.id,
          organisationId: null,
          entityType: 'user',
          entityId: reset.user.id,
          action: 'user.password_reset',
          data: { revokedRefreshTokens: revoked },
        });
      });
      // This browser proved it reads the account's email: sign-in from it is not slowed down.
      setDeviceCookie(reply, config, reset.user.email);
      return reply.status(204).send(null);
    },
  });
};

/** /me and account routes (protected scope: a valid access token is required). */
export const meRoutes: FastifyPluginAsyncZod<RouteModuleOptions> = async (app, { config }) => {
  await app.register(cookie);

  app.route({
    method: 'GET',
    url: '/me',
    schema: {
      tags: ['account'],
      summary: 'The signed-in user and the organisations they belong to',
      security: [{ bearerAuth: [] }],
      response: { 200: ZMeResponse, 401: ZProblem },
    },
    handler: async (request) => {
      const user = await findUserById(app.db, request.user.id);
      if (!user) throw new UnauthorizedError('This account no longer exists.');
      const rows = await listMemberships(app.db, { userId: user.id });
      return {
        user: toUserDto(user),
        memberships: rows.map((row) => ({
          ...row,
          role: row.role as 'admin' | 'contributor' | 'viewer',
        })),
      };
    },
  });

  app.route({
    method: 'POST',
    url: '/me/password',
    config: {
      rateLimit: {
        max: 10,
        timeWindow: '15 minutes',
        hook: 'preHandler',
        keyGenerator: (request: FastifyRequest) => request.user.id,
      },
    },
    schema: {
      tags: ['account'],
      summary: 'Change the password',
      description:
        'Checks the current password (403 `current_password_wrong` if wrong), applies the registration rules to the new one, then signs out every session and starts a new one for this browser (a new `waymark_refresh` cookie is set), so other devices are signed out and this one stays signed in. Limited to 10 per 15 minutes per user.',
      security: [{ bearerAuth: [] }],
      body: ZChangePasswordRequest,
      response: { 204: ZNoContent, 400: ZProblem, 401: ZProblem, 403: ZProblem, 429: ZProblem },
    },
    handler: async (request, reply) => {
      const user = await findUserById(app.db, request.user.id);
      if (!user) throw new UnauthorizedError('This account no longer exists.');
      if (!(await verifyPassword(user.passwordHash, request.body.currentPassword))) {
        throw new CurrentPasswordWrongError();
      }
      assertAcceptablePassword('newPassword', request.body.newPassword, user);
      const passwordHash = await hashPassword(request.body.newPassword);
      await app.db.transaction(async (transaction) => {
        const tx = asDb(transaction);
        await updatePasswordHash(tx, { userId: user.id }, passwordHash);
        const revoked = await revokeUserRefreshTokens(tx, { userId: user.id });
        await retirePasswordResets(tx, { userId: user.id }, new Date());
        await recordAudit(tx, {
          actorUserId: user.id,
          organisationId: null,
          entityType: 'user',
          entityId: user.id,
          action: 'user.password_changed',
          data: { revokedRefreshTokens: revoked },
        });
        await startSession(app, tx, reply, config, user);
      });
      return reply.status(204).send(null);
    },
  });

  app.route({
    method: 'POST',
    url: '/auth/logout-all',
    schema: {
      tags: ['auth'],
      summary: 'Sign out everywhere',
      description:
        'Needs the access token (Bearer), which a cross-site page cannot send. Revokes every refresh token of the user and clears this browser’s cookie. Access tokens already issued expire on their own (within ACCESS_TOKEN_TTL_SECONDS).',
      security: [{ bearerAuth: [] }],
      response: { 204: ZNoContent, 401: ZProblem },
    },
    handler: async (request, reply) => {
      const userId = request.user.id;
      await app.db.transaction(async (transaction) => {
        const tx = asDb(transaction);
        const revoked = await revokeUserRefreshTokens(tx, { userId });
        await recordAudit(tx, {
          actorUserId: userId,
          organisationId: null,
          entityType: 'user',
          entityId: userId,
          action: 'user.signed_out_everywhere',
          data: { revokedRefreshTokens: revoked },
        });
      });
      clearRefreshCookie(reply, config);
      return reply.status(204).send(null);
    },
  });
};

import { ZMeResponse } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, passwordResets, refreshTokens, users } from '../src/db/schema.js';
import {
  clientIp,
  expectProblem,
  login,
  OTHER_STRONG_PASSWORD,
  refresh,
  refreshTokenOf,
  STRONG_PASSWORD,
} from './auth-helpers.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMember, createOrganisation, createUser } from './factories.js';

// No SMTP_URL here: the mail path is in auth-password-reset.test.ts.
const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

describe('GET /me', () => {
  it('answers the user and their memberships, by organisation name', async () => {
    const user = await createUser(ctx, { name: 'Mina Patel' });
    const stranger = await createUser(ctx);
    const zeta = await createOrganisation(ctx, user, { name: 'Zeta Housing' });
    const alpha = await createOrganisation(ctx, stranger, { name: 'Alpha Trust' });
    await addMember(ctx, alpha, user, 'viewer');
    await createOrganisation(ctx, stranger, { name: 'Not Mine Ltd' });

    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(res.statusCode).toBe(200);
    const body = ZMeResponse.parse(res.json());
    expect(body.user).toMatchObject({ id: user.id, email: user.email, name: 'Mina Patel' });
    expect(Number.isNaN(Date.parse(body.user.createdAt))).toBe(false);
    expect(body.memberships).toEqual([
      { organisationId: alpha.id, organisationName: 'Alpha Trust', role: 'viewer' },
      { organisationId: zeta.id, organisationName: 'Zeta Housing', role: 'admin' },
    ]);
  });

  it('answers an empty list for a user without organisations', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expect(res.json().memberships).toEqual([]);
  });

  it('refuses a valid token whose account was deleted (401)', async () => {
    const user = await createUser(ctx);
    await ctx.database.db.delete(users).where(eq(users.id, user.id));
    const res = await ctx.app.inject({ method: 'GET', url: '/api/v1/me', headers: user.headers });
    expectProblem(res, 401, 'unauthorized');
  });
});

describe('POST /me/password', () => {
  const url = '/api/v1/me/password';

  async function signedIn() {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const res = await login(ctx, { email: user.email, password: STRONG_PASSWORD });
    return { user, token: refreshTokenOf(res) };
  }

  it('changes the password, signs out every other session, keeps this browser signed in', async () => {
    const { user, token } = await signedIn();
    const other = refreshTokenOf(
      await login(ctx, { email: user.email, password: STRONG_PASSWORD }),
    );
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(204);
    // A new session for this browser, in a new family.
    const fresh = refreshTokenOf(res);
    expect((await refresh(ctx, fresh)).statusCode).toBe(200);
    expectProblem(await refresh(ctx, token), 401, 'refresh_token_invalid');
    expectProblem(await refresh(ctx, other), 401, 'refresh_token_invalid');

    expectProblem(
      await login(ctx, { email: user.email, password: STRONG_PASSWORD }),
      401,
      'invalid_credentials',
    );
    expect(
      (await login(ctx, { email: user.email, password: OTHER_STRONG_PASSWORD })).statusCode,
    ).toBe(200);

    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.entityId, user.id));
    expect(events).toMatchObject([
      { action: 'user.password_changed', actorUserId: user.id, entityType: 'user' },
    ]);
    expect(JSON.stringify(events)).not.toContain(OTHER_STRONG_PASSWORD);
  });

  it('refuses a wrong current password (403 current_password_wrong) and changes nothing', async () => {
    const { user, token } = await signedIn();
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { currentPassword: 'not-my-password', newPassword: OTHER_STRONG_PASSWORD },
    });
    expectProblem(res, 403, 'current_password_wrong');
    expect(res.json().detail).toBe('The current password is not correct.');
    expect((await refresh(ctx, token)).statusCode).toBe(200);
    expect((await login(ctx, { email: user.email, password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
    expect(await ctx.database.db.select().from(auditEvents)).toHaveLength(0);
  });

  it.each([
    ['too short', { newPassword: 'Short-1!' }, 'too_small'],
    ['common', { newPassword: 'password1234' }, 'password_common'],
    ['unknown field', { newPassword: OTHER_STRONG_PASSWORD, confirm: 'x' }, 'unrecognized_keys'],
  ])('refuses a new password that is %s (400)', async (_label, body, code) => {
    const { user } = await signedIn();
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { currentPassword: STRONG_PASSWORD, ...body },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.issues?.[0]).toMatchObject({ code });
    expect((await login(ctx, { email: user.email, password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('refuses a new password containing the user’s name', async () => {
    const user = await createUser(ctx, { name: 'Florence Nightingale', password: STRONG_PASSWORD });
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: 'Nightingale-orbit-quartz-7' },
    });
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.issues?.[0]).toMatchObject({
      path: 'body.newPassword',
      code: 'password_personal',
    });
  });

  it('needs an access token (401)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD },
    });
    expectProblem(res, 401, 'unauthorized');
  });

  it('is limited to 10 attempts per 15 minutes per user (429)', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    for (let i = 0; i < 10; i++) {
      const res = await ctx.app.inject({
        method: 'POST',
        url,
        headers: { ...user.headers, 'x-forwarded-for': clientIp() },
        payload: { currentPassword: `guess-${i}`, newPassword: OTHER_STRONG_PASSWORD },
      });
      expect(res.statusCode).toBe(403);
    }
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: user.headers,
      payload: { currentPassword: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD },
    });
    expectProblem(res, 429, 'rate_limited');
  });
});

describe('POST /auth/password-reset without SMTP', () => {
  it('answers 202 for a known and an unknown email alike and stores nothing', async () => {
    const user = await createUser(ctx);
    const known = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'x-forwarded-for': clientIp() },
      payload: { email: user.email },
    });
    const unknown = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'x-forwarded-for': clientIp() },
      payload: { email: 'nobody@example.org' },
    });
    expect(known.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(known.body).toBe('');
    expect(unknown.body).toBe('');
    expect(ctx.app.mailer.enabled).toBe(false);
    expect(await ctx.database.db.select().from(passwordResets)).toHaveLength(0);
    expect(await ctx.database.db.select().from(refreshTokens)).toHaveLength(0);
  });

  it('refuses a malformed body (400)', async () => {
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/password-reset',
      headers: { 'x-forwarded-for': clientIp() },
      payload: { email: 'x', extra: 1 },
    });
    expectProblem(res, 400, 'validation_failed');
  });
});

describe('the OpenAPI document', () => {
  it('describes every auth and account route with its schemas', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/api/openapi.json' });
    const doc = res.json() as { paths: Record<string, Record<string, { tags?: string[] }>> };
    const expected: [string, string, string][] = [
      ['/api/v1/auth/register', 'post', 'auth'],
      ['/api/v1/auth/login', 'post', 'auth'],
      ['/api/v1/auth/refresh', 'post', 'auth'],
      ['/api/v1/auth/logout', 'post', 'auth'],
      ['/api/v1/auth/logout-all', 'post', 'auth'],
      ['/api/v1/auth/password-reset', 'post', 'auth'],
      ['/api/v1/auth/password-reset/confirm', 'post', 'auth'],
      ['/api/v1/me', 'get', 'account'],
      ['/api/v1/me/password', 'post', 'account'],
    ];
    for (const [path, method, tag] of expected) {
      expect(doc.paths[path]?.[method]?.tags, `${method} ${path}`).toEqual([tag]);
    }
    expect(JSON.stringify(doc.paths['/api/v1/auth/register'])).toContain('password');
  });
});

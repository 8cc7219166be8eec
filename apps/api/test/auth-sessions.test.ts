import { REFRESH_COOKIE_NAME, ZAuthSession } from '@waymark/rubric';
import { eq, sql } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditEvents, refreshTokens } from '../src/db/schema.js';
import { hashToken } from '../src/modules/auth/auth.queries.js';
import {
  CSRF_HEADERS,
  expectProblem,
  login,
  logout,
  refresh,
  refreshCookie,
  refreshTokenOf,
  STRONG_PASSWORD,
} from './auth-helpers.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { createUser, type TestUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

async function signIn(user?: TestUser) {
  const who = user ?? (await createUser(ctx, { password: STRONG_PASSWORD }));
  const res = await login(ctx, { email: who.email, password: STRONG_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return { user: who, token: refreshTokenOf(res), session: ZAuthSession.parse(res.json()) };
}

async function tokenRow(token: string) {
  const [row] = await ctx.database.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)));
  return row;
}

describe('the refresh cookie', () => {
  it('is httpOnly, SameSite=Strict, scoped to the auth routes, and lives REFRESH_TOKEN_TTL_DAYS', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const res = await login(ctx, { email: user.email, password: STRONG_PASSWORD });
    const cookie = refreshCookie(res);
    expect(cookie).toMatchObject({
      name: REFRESH_COOKIE_NAME,
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth',
      maxAge: ctx.config.auth.refreshTokenTtlDays * 86_400,
    });
    // Not Secure outside production (the test app runs with NODE_ENV=test over plain HTTP).
    expect(cookie?.secure).toBeFalsy();
    // Sign-in also sets the device cookie (login-limits.ts): look at the refresh cookie's header.
    const header = [res.headers['set-cookie'] ?? []]
      .flat()
      .find((line) => line.startsWith(`${REFRESH_COOKIE_NAME}=`));
    expect(header).toMatch(/HttpOnly/);
    expect(header).toMatch(/SameSite=Strict/);
  });

  it('is stored only as a SHA-256 hash, in a family of its own per sign-in', async () => {
    const first = await signIn();
    const second = await signIn(first.user);
    const rows = await ctx.database.db.select().from(refreshTokens);
    expect(rows).toHaveLength(2);
    for (const row of rows) {
      expect([first.token, second.token]).not.toContain(row.tokenHash);
      expect(row.userId).toBe(first.user.id);
    }
    expect((await tokenRow(first.token))?.familyId).not.toBe(
      (await tokenRow(second.token))?.familyId,
    );
  });
});

describe('POST /auth/refresh', () => {
  it('rotates the token within its family and answers a new access token', async () => {
    const { user, token } = await signIn();
    const res = await refresh(ctx, token);
    expect(res.statusCode, res.body).toBe(200);
    const body = ZAuthSession.parse(res.json());
    expect(body.user).toMatchObject({ id: user.id, email: user.email, name: user.name });
    const next = refreshTokenOf(res);
    expect(next).not.toBe(token);

    const old = await tokenRow(token);
    const fresh = await tokenRow(next);
    expect(old?.replacedAt).toBeInstanceOf(Date);
    expect(old?.revokedAt).toBeNull();
    expect(fresh?.familyId).toBe(old?.familyId);
    expect(fresh?.replacedAt).toBeNull();

    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.statusCode).toBe(200);

    // The successor rotates in turn.
    const again = await refresh(ctx, next);
    expect(again.statusCode).toBe(200);
  });

  it('treats a rotated token presented again as reuse and revokes the whole family', async () => {
    const { token: first } = await signIn();
    const other = await signIn(); // another user's session must survive
    const second = refreshTokenOf(await refresh(ctx, first));
    const third = refreshTokenOf(await refresh(ctx, second));

    const reuse = await refresh(ctx, first);
    expectProblem(reuse, 401, 'refresh_token_reused');
    // The cookie is cleared in the answer.
    expect(refreshCookie(reuse)?.value).toBe('');

    const family = (await tokenRow(first))?.familyId ?? '';
    const rows = await ctx.database.db
      .select()
      .from(refreshTokens)
      .where(eq(refreshTokens.familyId, family));
    expect(rows).toHaveLength(3);
    expect(rows.every((row) => row.revokedAt !== null)).toBe(true);

    // The newest token of the family (the legitimate user's or the thief's) is dead too.
    expectProblem(await refresh(ctx, third), 401, 'refresh_token_invalid');
    expect((await refresh(ctx, other.token)).statusCode).toBe(200);
  });

  it('lets only one of two concurrent refreshes with the same token win; the other is reuse', async () => {
    const { token } = await signIn();
    const results = await Promise.all([refresh(ctx, token), refresh(ctx, token)]);
    const statuses = results.map((r) => r.statusCode).sort();
    expect(statuses).toEqual([200, 401]);
    const loser = results.find((r) => r.statusCode === 401);
    expect(loser?.json().code).toBe('refresh_token_reused');
    // Reuse ended the family, the winner's new token included.
    const winner = results.find((r) => r.statusCode === 200);
    if (!winner) throw new Error('no refresh succeeded');
    expectProblem(await refresh(ctx, refreshTokenOf(winner)), 401, 'refresh_token_invalid');
    const live = await ctx.database.db
      .select()
      .from(refreshTokens)
      .where(sql`${refreshTokens.revokedAt} is null`);
    expect(live).toHaveLength(0);
  });

  it('refuses an expired token', async () => {
    const { token } = await signIn();
    await ctx.database.db
      .update(refreshTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(refreshTokens.tokenHash, hashToken(token)));
    const res = await refresh(ctx, token);
    expectProblem(res, 401, 'refresh_token_invalid');
    expect((await tokenRow(token))?.replacedAt).toBeNull();
  });

  it('refuses an unknown, a malformed and a missing token', async () => {
    await signIn();
    expectProblem(await refresh(ctx, 'A'.repeat(43)), 401, 'refresh_token_invalid');
    expectProblem(await refresh(ctx, 'not a token;'), 401, 'refresh_token_invalid');
    expectProblem(await refresh(ctx, undefined), 401, 'refresh_token_invalid');
  });

  it('does not take an access token instead of the cookie', async () => {
    const { session } = await signIn();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/refresh',
      headers: { ...CSRF_HEADERS, authorization: `Bearer ${session.accessToken}` },
    });
    expectProblem(res, 401, 'refresh_token_invalid');
  });
});

describe('cross-site request forgery on the cookie routes', () => {
  it.each([
    ['without the X-Requested-With header', {}],
    ['with a wrong X-Requested-With value', { 'x-requested-with': 'XMLHttpRequest' }],
    ['from another origin', { ...CSRF_HEADERS, origin: 'https://evil.example' }],
    ['from an opaque origin', { ...CSRF_HEADERS, origin: 'null' }],
    ['marked cross-site by the browser', { ...CSRF_HEADERS, 'sec-fetch-site': 'cross-site' }],
  ])('refuses a refresh %s (403 csrf_failed) and leaves the token alone', async (_l, headers) => {
    const { token } = await signIn();
    const res = await refresh(ctx, token, headers as Record<string, string>);
    expectProblem(res, 403, 'csrf_failed');
    expect(res.headers['set-cookie']).toBeUndefined();
    const row = await tokenRow(token);
    expect(row?.replacedAt).toBeNull();
    expect(row?.revokedAt).toBeNull();
  });

  it('refuses a logout without the header or from another origin', async () => {
    const { token } = await signIn();
    expectProblem(await logout(ctx, token, {}), 403, 'csrf_failed');
    expectProblem(
      await logout(ctx, token, { ...CSRF_HEADERS, origin: 'http://attacker.test' }),
      403,
      'csrf_failed',
    );
    expect((await tokenRow(token))?.revokedAt).toBeNull();
  });

  it('accepts the app’s own origin: PUBLIC_URL or the request’s host', async () => {
    const { token } = await signIn();
    const viaPublicUrl = await refresh(ctx, token, {
      ...CSRF_HEADERS,
      origin: ctx.config.publicUrl,
      'sec-fetch-site': 'same-origin',
    });
    expect(viaPublicUrl.statusCode, viaPublicUrl.body).toBe(200);
    const viaHost = await refresh(ctx, refreshTokenOf(viaPublicUrl), {
      ...CSRF_HEADERS,
      host: 'waymark.example:8443',
      'x-forwarded-proto': 'https',
      origin: 'https://waymark.example:8443',
    });
    expect(viaHost.statusCode, viaHost.body).toBe(200);
  });
});

describe('POST /auth/logout', () => {
  it('revokes the presented token’s family, clears the cookie and answers 204', async () => {
    const { user, token } = await signIn();
    const rotated = refreshTokenOf(await refresh(ctx, token));
    const elsewhere = await signIn(user);

    const res = await logout(ctx, rotated);
    expect(res.statusCode).toBe(204);
    expect(res.body).toBe('');
    const cleared = refreshCookie(res);
    expect(cleared?.value).toBe('');
    expect(cleared?.path).toBe('/api/v1/auth');
    expect(new Date(cleared?.expires ?? Date.now()).getTime()).toBeLessThan(Date.now());

    expectProblem(await refresh(ctx, rotated), 401, 'refresh_token_invalid');
    // Another device's session stays.
    expect((await refresh(ctx, elsewhere.token)).statusCode).toBe(200);
  });

  it('answers 204 without a cookie or with an unknown one', async () => {
    expect((await logout(ctx, undefined)).statusCode).toBe(204);
    expect((await logout(ctx, 'B'.repeat(43))).statusCode).toBe(204);
  });
});

describe('POST /auth/logout-all', () => {
  const url = '/api/v1/auth/logout-all';

  it('revokes every refresh token of the user, records it, and clears the cookie', async () => {
    const { user, token, session } = await signIn();
    const second = await signIn(user);
    const bystander = await signIn();

    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: { authorization: `Bearer ${session.accessToken}` },
    });
    expect(res.statusCode).toBe(204);
    expect(refreshCookie(res)?.value).toBe('');

    expectProblem(await refresh(ctx, token), 401, 'refresh_token_invalid');
    expectProblem(await refresh(ctx, second.token), 401, 'refresh_token_invalid');
    expect((await refresh(ctx, bystander.token)).statusCode).toBe(200);

    const events = await ctx.database.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.actorUserId, user.id));
    expect(events).toMatchObject([
      {
        action: 'user.signed_out_everywhere',
        entityType: 'user',
        entityId: user.id,
        organisationId: null,
      },
    ]);
  });

  it('needs an access token (401), the cookie alone is not enough', async () => {
    const { token } = await signIn();
    const res = await ctx.app.inject({
      method: 'POST',
      url,
      headers: CSRF_HEADERS,
      cookies: { [REFRESH_COOKIE_NAME]: token },
    });
    expectProblem(res, 401, 'unauthorized');
    expect((await tokenRow(token))?.revokedAt).toBeNull();
  });
});

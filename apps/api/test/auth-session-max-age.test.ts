import { randomUUID } from 'node:crypto';
import { REFRESH_COOKIE_NAME } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { buildApp } from '../src/app.js';
import { refreshTokens } from '../src/db/schema.js';
import { hashToken, newOpaqueToken } from '../src/modules/auth/auth.queries.js';
import {
  expectProblem,
  login,
  refresh,
  refreshCookie,
  refreshTokenOf,
  STRONG_PASSWORD,
} from './auth-helpers.js';
import { type TestContext, truncateAll, useTestApp } from './build-test-app.js';
import { createUser } from './factories.js';

/** SESSION_MAX_AGE_DAYS: a sign-in can be refreshed for so long, then never again. */
const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));
afterEach(() => {
  vi.useRealTimers();
});

const DAY_MS = 86_400_000;
const DAY_S = 86_400;

async function tokenRow(token: string) {
  const [row] = await ctx.database.db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, hashToken(token)));
  return row;
}

async function signIn(on: TestContext = ctx) {
  const user = await createUser(ctx, { password: STRONG_PASSWORD });
  const res = await login(on, { email: user.email, password: STRONG_PASSWORD });
  expect(res.statusCode, res.body).toBe(200);
  return { user, res, token: refreshTokenOf(res) };
}

/** A refresh token in a family that started `startedDaysAgo` days ago (rows of an older sign-in). */
async function insertToken(userId: string, startedDaysAgo: number, expiresInDays: number) {
  const { token, hash } = newOpaqueToken();
  await ctx.database.db.insert(refreshTokens).values({
    userId,
    familyId: randomUUID(),
    familyStartedAt: new Date(Date.now() - startedDaysAgo * DAY_MS),
    tokenHash: hash,
    expiresAt: new Date(Date.now() + expiresInDays * DAY_MS),
  });
  return token;
}

describe('the absolute session lifetime', () => {
  it('defaults to 90 days', () => {
    expect(ctx.config.auth.sessionMaxAgeDays).toBe(90);
  });

  it('lets a session be refreshed until SESSION_MAX_AGE_DAYS after sign-in, and the cookie never outlives it', async () => {
    const start = new Date('2030-01-01T09:00:00Z').getTime();
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(start);
    const signedIn = await signIn();
    expect(refreshCookie(signedIn.res)?.maxAge).toBe(30 * DAY_S);
    let token = signedIn.token;

    // Refreshed every 25 days: each token lives 30 days, but never past day 90.
    for (const [day, maxAge] of [
      [25, 30 * DAY_S],
      [50, 30 * DAY_S],
      [75, 15 * DAY_S],
      [89.5, 0.5 * DAY_S],
    ] as const) {
      vi.setSystemTime(start + day * DAY_MS);
      const res = await refresh(ctx, token);
      expect(res.statusCode, `day ${day}: ${res.body}`).toBe(200);
      expect(refreshCookie(res)?.maxAge, `day ${day}`).toBe(maxAge);
      token = refreshTokenOf(res);
      const row = await tokenRow(token);
      expect(row?.familyStartedAt.getTime()).toBe(start);
      expect(row?.expiresAt.getTime()).toBe(start + day * DAY_MS + maxAge * 1000);
    }

    vi.setSystemTime(start + 90 * DAY_MS + 1000);
    const expired = await refresh(ctx, token);
    const problem = expectProblem(expired, 401, 'session_expired');
    expect(problem.detail).toMatch(/90 days/);
    const cleared = refreshCookie(expired);
    expect(cleared?.value).toBe('');
    expect(cleared?.path).toBe('/api/v1/auth');
    // The family is ended; the token stays refused.
    expect((await tokenRow(token))?.revokedAt).not.toBeNull();
    expectProblem(await refresh(ctx, token), 401, 'refresh_token_invalid');

    // Signing in again starts a new session with a full lifetime.
    const again = await login(ctx, { email: signedIn.user.email, password: STRONG_PASSWORD });
    expect(again.statusCode).toBe(200);
    const fresh = await tokenRow(refreshTokenOf(again));
    expect(fresh?.familyStartedAt.getTime()).toBe(start + 90 * DAY_MS + 1000);
    expect(refreshCookie(again)?.maxAge).toBe(30 * DAY_S);
  });

  it('refuses a token whose family started more than SESSION_MAX_AGE_DAYS ago, even if unexpired', async () => {
    const user = await createUser(ctx);
    const token = await insertToken(user.id, 91, 10);
    expectProblem(await refresh(ctx, token), 401, 'session_expired');
  });

  it('caps the successor of a token near the limit at what is left of the session', async () => {
    const user = await createUser(ctx);
    const token = await insertToken(user.id, 89, 30);
    const res = await refresh(ctx, token);
    expect(res.statusCode, res.body).toBe(200);
    const maxAge = refreshCookie(res)?.maxAge ?? Number.POSITIVE_INFINITY;
    expect(maxAge).toBeLessThanOrEqual(DAY_S);
    expect(maxAge).toBeGreaterThan(DAY_S - 120);
    const row = await tokenRow(refreshTokenOf(res));
    const deadline = (row?.familyStartedAt.getTime() ?? 0) + 90 * DAY_MS;
    expect(row?.expiresAt.getTime()).toBe(deadline);
  });

  it('caps the sign-in cookie when SESSION_MAX_AGE_DAYS is shorter than the refresh token TTL', async () => {
    const config = { ...ctx.config, auth: { ...ctx.config.auth, sessionMaxAgeDays: 7 } };
    const app = await buildApp({ config, database: ctx.database });
    try {
      const short = { ...ctx, app, config };
      const { res, token } = await signIn(short);
      expect(refreshCookie(res)).toMatchObject({ name: REFRESH_COOKIE_NAME, maxAge: 7 * DAY_S });
      const row = await tokenRow(token);
      expect(row?.expiresAt.getTime()).toBe((row?.familyStartedAt.getTime() ?? 0) + 7 * DAY_MS);
    } finally {
      await app.close();
    }
  });
});

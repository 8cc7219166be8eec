import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { auditEvents, passwordResets, refreshTokens } from '../src/db/schema.js';
import { hashToken } from '../src/modules/auth/auth.queries.js';
import { DEVICE_COOKIE_NAME, verifyDeviceCookie } from '../src/modules/auth/login-limits.js';
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
import { createUser } from './factories.js';
import { decodeQuotedPrintable, useSmtpInbox } from './smtp-inbox.js';

const { received: inbox, env } = useSmtpInbox();
const ctx = useTestApp({ env });
beforeEach(async () => {
  await truncateAll(ctx.database);
});

function requestReset(email: string) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset',
    headers: { 'x-forwarded-for': clientIp() },
    payload: { email },
  });
}

function confirmReset(body: Record<string, unknown>) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/password-reset/confirm',
    headers: { 'x-forwarded-for': clientIp() },
    payload: body,
  });
}

/** Asks for a reset and returns the token from the link in the email. */
async function tokenFromEmail(email: string): Promise<string> {
  const res = await requestReset(email);
  expect(res.statusCode).toBe(202);
  await vi.waitFor(() => expect(inbox).toHaveLength(1), { timeout: 10_000 });
  const mail = inbox[0];
  expect(mail?.to).toEqual([email]);
  const body = decodeQuotedPrintable(mail?.raw ?? '');
  const match = body.match(/https:\/\/waymark\.example\/reset-password\?token=([A-Za-z0-9_-]+)/);
  expect(match, body).not.toBeNull();
  return match?.[1] ?? '';
}

describe('password reset by email', () => {
  it('emails a single-use link valid for an hour, storing only its hash', async () => {
    const user = await createUser(ctx, { name: 'Rosalind Franklin' });
    const before = Date.now();
    const token = await tokenFromEmail(user.email);
    expect(token).toHaveLength(43);
    const mail = decodeQuotedPrintable(inbox[0]?.raw ?? '');
    expect(mail).toMatch(/Subject: Reset your Waymark password/);
    expect(mail).toContain('Hello Rosalind Franklin');

    const rows = await ctx.database.db.select().from(passwordResets);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(rows[0]?.userId).toBe(user.id);
    const ttl = (rows[0]?.expiresAt.getTime() ?? 0) - before;
    expect(ttl).toBeGreaterThan(59 * 60 * 1000);
    expect(ttl).toBeLessThanOrEqual(61 * 60 * 1000);
  });

  it('answers an unknown email the same 202, and sends nothing', async () => {
    await createUser(ctx);
    const res = await requestReset('nobody@example.org');
    expect(res.statusCode).toBe(202);
    // Every mail the request started has been delivered (or failed) by now.
    await ctx.app.mailer.idle();
    expect(inbox).toHaveLength(0);
    expect(await ctx.database.db.select().from(passwordResets)).toHaveLength(0);
  });

  it('sets the new password, signs out every session, records it, and works once only', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const session = refreshTokenOf(
      await login(ctx, { email: user.email, password: STRONG_PASSWORD }),
    );
    const token = await tokenFromEmail(user.email);

    const res = await confirmReset({ token, newPassword: OTHER_STRONG_PASSWORD });
    expect(res.statusCode, res.body).toBe(204);
    // This browser proved it reads the mail: sign-in from it skips the per-account limit.
    const device = res.cookies.find((c) => c.name === DEVICE_COOKIE_NAME);
    expect(device?.value).toMatch(/^[A-Za-z0-9_-]+\.\d+\.[A-Za-z0-9_-]+$/);
    expect(verifyDeviceCookie(ctx.config.auth.jwtSecret, user.email, device?.value)).toBeDefined();

    expectProblem(await refresh(ctx, session), 401, 'refresh_token_invalid');
    const live = await ctx.database.db.select().from(refreshTokens);
    expect(live.every((row) => row.revokedAt !== null)).toBe(true);
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
    expect(events).toMatchObject([{ action: 'user.password_reset', actorUserId: user.id }]);

    const again = await confirmReset({ token, newPassword: 'another fine 9 password here' });
    expectProblem(again, 400, 'reset_token_invalid');
    expect(
      (await login(ctx, { email: user.email, password: OTHER_STRONG_PASSWORD })).statusCode,
    ).toBe(200);
  });

  it('refuses an expired link', async () => {
    const user = await createUser(ctx);
    const token = await tokenFromEmail(user.email);
    await ctx.database.db
      .update(passwordResets)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(passwordResets.tokenHash, hashToken(token)));
    expectProblem(
      await confirmReset({ token, newPassword: OTHER_STRONG_PASSWORD }),
      400,
      'reset_token_invalid',
    );
  });

  it('refuses a weak new password without using up the link', async () => {
    const user = await createUser(ctx, { email: 'ada.byron@example.org' });
    const token = await tokenFromEmail(user.email);
    const weak = await confirmReset({ token, newPassword: 'password1234' });
    expect(expectProblem(weak, 400, 'validation_failed').issues?.[0]).toMatchObject({
      path: 'body.newPassword',
      code: 'password_common',
    });
    const personal = await confirmReset({ token, newPassword: 'ADA.BYRON-orbit-quartz-77' });
    expect(expectProblem(personal, 400, 'validation_failed').issues?.[0]).toMatchObject({
      code: 'password_personal',
    });
    expect((await confirmReset({ token, newPassword: OTHER_STRONG_PASSWORD })).statusCode).toBe(
      204,
    );
  });

  it('refuses an unknown token and malformed bodies', async () => {
    expectProblem(
      await confirmReset({ token: 'C'.repeat(43), newPassword: OTHER_STRONG_PASSWORD }),
      400,
      'reset_token_invalid',
    );
    expectProblem(
      await confirmReset({ token: 'short', newPassword: OTHER_STRONG_PASSWORD }),
      400,
      'validation_failed',
    );
    expectProblem(
      await confirmReset({ token: 'C'.repeat(43), newPassword: OTHER_STRONG_PASSWORD, extra: 1 }),
      400,
      'validation_failed',
    );
  });

  it('retires older links once one is used', async () => {
    const user = await createUser(ctx);
    const first = await tokenFromEmail(user.email);
    inbox.length = 0;
    const second = await tokenFromEmail(user.email);
    expect(
      (await confirmReset({ token: second, newPassword: OTHER_STRONG_PASSWORD })).statusCode,
    ).toBe(204);
    expectProblem(
      await confirmReset({ token: first, newPassword: 'another fine 9 password here' }),
      400,
      'reset_token_invalid',
    );
  });

  it('limits reset requests to 5 per hour per client address (429)', async () => {
    const ip = clientIp();
    const ask = () =>
      ctx.app.inject({
        method: 'POST',
        url: '/api/v1/auth/password-reset',
        headers: { 'x-forwarded-for': ip },
        payload: { email: 'nobody@example.org' },
      });
    for (let i = 0; i < 5; i++) expect((await ask()).statusCode).toBe(202);
    expectProblem(await ask(), 429, 'rate_limited');
  });
});

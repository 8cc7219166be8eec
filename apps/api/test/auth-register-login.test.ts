import { ZAuthSession } from '@waymark/rubric';
import { eq } from 'drizzle-orm';
import { beforeEach, describe, expect, it } from 'vitest';
import { users } from '../src/db/schema.js';
import {
  clientIp,
  expectProblem,
  login,
  OTHER_STRONG_PASSWORD,
  refreshTokenOf,
  register,
  STRONG_PASSWORD,
  uniqueEmail,
} from './auth-helpers.js';
import { truncateAll, useTestApp } from './build-test-app.js';
import { createUser } from './factories.js';

const ctx = useTestApp();
beforeEach(() => truncateAll(ctx.database));

describe('POST /auth/register', () => {
  it('creates the account, signs in and sets the refresh cookie', async () => {
    const res = await register(ctx, { name: '  Ada Lovelace ', email: '  Ada.L@Example.ORG ' });
    expect(res.statusCode, res.body).toBe(201);
    const body = ZAuthSession.parse(res.json());
    expect(body.user).toMatchObject({ email: 'ada.l@example.org', name: 'Ada Lovelace' });
    expect(body.expiresIn).toBe(ctx.config.auth.accessTokenTtlSeconds);
    refreshTokenOf(res);

    // The access token works on the protected scope.
    const me = await ctx.app.inject({
      method: 'GET',
      url: '/api/v1/me',
      headers: { authorization: `Bearer ${body.accessToken}` },
    });
    expect(me.statusCode).toBe(200);
    expect(me.json().user.id).toBe(body.user.id);

    const [row] = await ctx.database.db.select().from(users).where(eq(users.id, body.user.id));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$/);
    expect(row?.passwordHash).not.toContain(STRONG_PASSWORD);
  });

  it('refuses an email already taken, whatever its case (409 email_taken)', async () => {
    await createUser(ctx, { email: 'taken@example.org' });
    const res = await register(ctx, { email: 'TAKEN@Example.org' });
    expectProblem(res, 409, 'email_taken');
    const rows = await ctx.database.db.select().from(users);
    expect(rows).toHaveLength(1);
  });

  it.each([
    ['a short password', { password: 'short-pw-1' }, 'body.password', 'too_small'],
    ['an over-long password', { password: `${'Zq9!'.repeat(64)}x` }, 'body.password', 'too_big'],
    ['a common password', { password: 'password1234' }, 'body.password', 'password_common'],
    ['a guessable password', { password: 'aaaaaaaaaaaaaaaa' }, 'body.password', 'password_weak'],
    ['a bad email', { email: 'not-an-email' }, 'body.email', 'invalid_format'],
    ['an empty name', { name: '   ' }, 'body.name', 'too_small'],
    ['a number for a name', { name: 42 }, 'body.name', 'invalid_type'],
    ['an unknown field', { isAdmin: true }, 'body', 'unrecognized_keys'],
  ])('refuses %s with 400 and says where', async (_label, override, path, code) => {
    const res = await register(ctx, override);
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.issues).toEqual(expect.arrayContaining([expect.objectContaining({ path, code })]));
    expect(await ctx.database.db.select().from(users)).toHaveLength(0);
  });

  it('explains why a common password is refused', async () => {
    const res = await register(ctx, { password: 'iloveyou2024!' });
    const body = expectProblem(res, 400, 'validation_failed');
    expect(body.issues?.[0]?.path).toBe('body.password');
    expect(body.issues?.[0]?.message).toMatch(/common/i);
  });

  it('refuses a password that contains the name or the email’s local part', async () => {
    const withName = await register(ctx, {
      name: 'Grace Hopper',
      password: 'hopper-Zebra-Quill-1906',
    });
    expect(expectProblem(withName, 400, 'validation_failed').issues?.[0]).toMatchObject({
      path: 'body.password',
      code: 'password_personal',
    });
    const withEmail = await register(ctx, {
      email: 'marlowe77@example.org',
      password: 'Marlowe77-quiet-lantern!',
    });
    expect(expectProblem(withEmail, 400, 'validation_failed').issues?.[0]).toMatchObject({
      path: 'body.password',
      code: 'password_personal',
    });
  });

  it('refuses a body that is not JSON or too large', async () => {
    // What an HTML form can post: neither is accepted as a body.
    const form = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: {
        'content-type': 'application/x-www-form-urlencoded',
        'x-forwarded-for': clientIp(),
      },
      payload: `name=a&email=b%40example.org&password=${STRONG_PASSWORD}`,
    });
    expectProblem(form, 415, 'unsupported_media_type');
    const text = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'content-type': 'text/plain', 'x-forwarded-for': clientIp() },
      payload: JSON.stringify({ name: 'a', email: 'b@example.org', password: STRONG_PASSWORD }),
    });
    expectProblem(text, 400, 'validation_failed');
    const huge = await register(ctx, { name: 'x'.repeat(ctx.config.bodyLimit + 10) });
    expectProblem(huge, 413, 'payload_too_large');
    expect(await ctx.database.db.select().from(users)).toHaveLength(0);
  });

  it('is limited to 10 registrations per hour per client address (429 rate_limited)', async () => {
    const ip = clientIp();
    for (let i = 0; i < 10; i++) {
      // Invalid bodies count too: the limit runs before validation.
      const res = await register(ctx, { email: 'nope' }, ip);
      expect(res.statusCode).toBe(400);
    }
    const limited = await register(ctx, {}, ip);
    const body = expectProblem(limited, 429, 'rate_limited');
    expect(body.detail).toMatch(/try again in/);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(await ctx.database.db.select().from(users)).toHaveLength(0);
    // Another address is not affected.
    expect((await register(ctx, {}, clientIp())).statusCode).toBe(201);
  });
});

describe('POST /auth/login', () => {
  it('signs in with the right password, whatever the email’s case', async () => {
    const user = await createUser(ctx, { email: 'lin@example.org', password: STRONG_PASSWORD });
    const res = await login(ctx, { email: ' LIN@example.org', password: STRONG_PASSWORD });
    expect(res.statusCode, res.body).toBe(200);
    const body = ZAuthSession.parse(res.json());
    expect(body.user).toMatchObject({ id: user.id, email: 'lin@example.org', name: user.name });
    refreshTokenOf(res);
  });

  it('answers a wrong password and an unknown email identically', async () => {
    await createUser(ctx, { email: 'known@example.org', password: STRONG_PASSWORD });
    const wrongPassword = await login(ctx, {
      email: 'known@example.org',
      password: OTHER_STRONG_PASSWORD,
    });
    const unknownEmail = await login(ctx, {
      email: 'unknown@example.org',
      password: OTHER_STRONG_PASSWORD,
    });
    expectProblem(wrongPassword, 401, 'invalid_credentials');
    expect(unknownEmail.statusCode).toBe(wrongPassword.statusCode);
    expect(unknownEmail.json()).toEqual(wrongPassword.json());
    expect(unknownEmail.headers['set-cookie']).toBeUndefined();
    expect(wrongPassword.headers['set-cookie']).toBeUndefined();
  });

  it.each([
    ['a missing password', { email: 'a@example.org' }, 'body.password'],
    ['an empty password', { email: 'a@example.org', password: '' }, 'body.password'],
    ['a bad email', { email: 'a', password: 'x' }, 'body.email'],
    ['an unknown field', { email: 'a@example.org', password: 'x', remember: true }, 'body'],
  ])('refuses %s with 400', async (_label, body, path) => {
    const res = await login(ctx, body);
    const problem = expectProblem(res, 400, 'validation_failed');
    expect(problem.issues?.map((i) => i.path)).toContain(path);
  });

  it('is limited per client address and email (429 rate_limited)', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const ip = clientIp();
    for (let i = 0; i < 10; i++) {
      const res = await login(ctx, { email: user.email, password: `wrong-${i}` }, ip);
      expect(res.statusCode).toBe(401);
    }
    // Even the right password is refused now, and the email's case does not dodge the limit.
    const limited = await login(
      ctx,
      { email: user.email.toUpperCase(), password: STRONG_PASSWORD },
      ip,
    );
    expectProblem(limited, 429, 'rate_limited');
    // The same address may still try another account; another address this one.
    const other = await createUser(ctx, { password: STRONG_PASSWORD });
    expect(
      (await login(ctx, { email: other.email, password: STRONG_PASSWORD }, ip)).statusCode,
    ).toBe(200);
    expect((await login(ctx, { email: user.email, password: STRONG_PASSWORD })).statusCode).toBe(
      200,
    );
  });

  it('refuses a login posted by another site', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: 'https://evil.example', 'x-forwarded-for': clientIp() },
      payload: { email: user.email, password: STRONG_PASSWORD },
    });
    expectProblem(res, 403, 'csrf_failed');
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('accepts a login from the app’s own origin', async () => {
    const user = await createUser(ctx, { email: uniqueEmail(), password: STRONG_PASSWORD });
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      headers: { origin: ctx.config.publicUrl, 'x-forwarded-for': clientIp() },
      payload: { email: user.email, password: STRONG_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(200);
  });
});

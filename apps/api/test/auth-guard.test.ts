import { createSigner } from 'fast-jwt';
import { describe, expect, it } from 'vitest';
import { TOKEN_AUDIENCE, TOKEN_ISSUER } from '../src/plugins/auth.js';
import { useTestApp } from './build-test-app.js';
import { createUser } from './factories.js';

const ctx = useTestApp();

/** The guard on the protected scope, tested on GET /me (the simplest protected route). */
describe('access tokens', () => {
  const url = '/api/v1/me';

  function sign(payload: Record<string, unknown>, options: Record<string, unknown> = {}) {
    return createSigner({
      key: ctx.config.auth.jwtSecret,
      algorithm: 'HS256',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
      expiresIn: 60_000,
      ...options,
    })(payload);
  }

  async function expect401(authorization?: string) {
    const res = await ctx.app.inject({
      method: 'GET',
      url,
      headers: authorization ? { authorization } : {},
    });
    expect(res.statusCode).toBe(401);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
    expect(res.json()).toMatchObject({ status: 401, code: 'unauthorized' });
  }

  it('accepts a token the app signed', async () => {
    const user = await createUser(ctx);
    const res = await ctx.app.inject({ method: 'GET', url, headers: user.headers });
    expect(res.statusCode).toBe(200);
    expect(res.json().user).toMatchObject({ id: user.id, email: user.email, name: user.name });
  });

  it('refuses a missing token', () => expect401());
  it('refuses a malformed header', () => expect401('Bearer not-a-jwt'));
  it('refuses a token of another scheme', () => expect401('Basic dXNlcjpwYXNz'));

  it('refuses a token signed with another secret', () => {
    const forged = createSigner({
      key: 'x'.repeat(64),
      algorithm: 'HS256',
      iss: TOKEN_ISSUER,
      aud: TOKEN_AUDIENCE,
    })({ sub: '00000000-0000-0000-0000-000000000000', email: 'a@b.c', name: 'A' });
    return expect401(`Bearer ${forged}`);
  });

  it('refuses an expired token', async () => {
    const user = await createUser(ctx);
    const expired = sign(
      {
        sub: user.id,
        email: user.email,
        name: user.name,
        iat: Math.floor(Date.now() / 1000) - 7200,
      },
      { expiresIn: 1000, clockTimestamp: Date.now() - 3_600_000 },
    );
    await expect401(`Bearer ${expired}`);
  });

  it('refuses a token for another audience or issuer', async () => {
    const user = await createUser(ctx);
    const claims = { sub: user.id, email: user.email, name: user.name };
    await expect401(`Bearer ${sign(claims, { aud: 'someone-else' })}`);
    await expect401(`Bearer ${sign(claims, { iss: 'someone-else' })}`);
  });

  // Signed with the right secret, so only the missing claim can be the reason for the 401.
  it.each(['iss', 'aud', 'exp', 'sub'])('refuses a token without `%s`', async (claim) => {
    const user = await createUser(ctx);
    const claims: Record<string, unknown> = { sub: user.id, email: user.email, name: user.name };
    const options: Record<string, unknown> = {};
    if (claim === 'sub') delete claims.sub;
    else options[claim === 'exp' ? 'expiresIn' : claim] = undefined;
    const token = sign(claims, options);
    const payload = JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString());
    expect(payload).not.toHaveProperty(claim);
    // The same token with the claim is accepted (the test can tell the difference).
    const complete = sign({ sub: user.id, email: user.email, name: user.name });
    const ok = await ctx.app.inject({
      method: 'GET',
      url,
      headers: { authorization: `Bearer ${complete}` },
    });
    expect(ok.statusCode).toBe(200);
    await expect401(`Bearer ${token}`);
  });

  it('refuses a token whose subject is not a user id', async () => {
    await expect401(`Bearer ${sign({ sub: 'admin', email: 'a@b.c', name: 'A' })}`);
    await expect401(`Bearer ${sign({ sub: 42, email: 'a@b.c', name: 'A' })}`);
  });

  it('refuses an unsigned token (alg none)', async () => {
    const user = await createUser(ctx);
    const none = createSigner({ algorithm: 'none', iss: TOKEN_ISSUER, aud: TOKEN_AUDIENCE })({
      sub: user.id,
      email: user.email,
      name: user.name,
    });
    await expect401(`Bearer ${none}`);
  });
});

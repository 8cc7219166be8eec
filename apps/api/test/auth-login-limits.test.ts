import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import {
  DEVICE_COOKIE_NAME,
  signDeviceCookie,
  verifyDeviceCookie,
} from '../src/modules/auth/login-limits.js';
import { clientIp, expectProblem, register, STRONG_PASSWORD, uniqueEmail } from './auth-helpers.js';
import { testConfig, useTestApp } from './build-test-app.js';
import { createUser } from './factories.js';

/**
 * The sign-in limits (modules/auth/login-limits.ts), set low for this file so that each takes a
 * few attempts (each one costs an argon2 verification). Every test uses addresses and emails of
 * its own, so the counters of one never reach another.
 */
const LIMITS = { perAddressAndEmail: 2, perAddress: 4, perAccount: 3 };
const ctx = useTestApp({
  env: {
    LOGIN_LIMIT_ADDRESS_EMAIL: String(LIMITS.perAddressAndEmail),
    LOGIN_LIMIT_ADDRESS: String(LIMITS.perAddress),
    LOGIN_LIMIT_ACCOUNT: String(LIMITS.perAccount),
  },
});

async function attempt(
  email: string,
  password: string,
  options: { ip?: string; forwardedFor?: string; device?: string } = {},
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    // The test app trusts one proxy hop (TRUST_PROXY=1): the request comes from the proxy.
    headers: { 'x-forwarded-for': options.forwardedFor ?? options.ip ?? clientIp() },
    cookies: options.device ? { [DEVICE_COOKIE_NAME]: options.device } : {},
    payload: { email, password },
  });
}

function deviceCookieOf(res: LightMyRequestResponse): string {
  const cookie = res.cookies.find((c) => c.name === DEVICE_COOKIE_NAME);
  expect(cookie, 'a device cookie is set').toBeDefined();
  return cookie?.value ?? '';
}

function expectLimited(res: LightMyRequestResponse) {
  const problem = expectProblem(res, 429, 'rate_limited');
  expect(Number(res.headers['retry-after'])).toBeGreaterThan(0);
  expect(Number(res.headers['retry-after'])).toBeLessThanOrEqual(15 * 60);
  return problem;
}

/** A user with STRONG_PASSWORD and the device cookie of a first, successful sign-in. */
async function userWithDevice() {
  const user = await createUser(ctx, { password: STRONG_PASSWORD });
  const res = await attempt(user.email, STRONG_PASSWORD);
  expect(res.statusCode, res.body).toBe(200);
  return { user, device: deviceCookieOf(res) };
}

describe('the device cookie', () => {
  it('is set by sign-in and registration: httpOnly, SameSite=Strict, for the sign-in route only', async () => {
    const { device } = await userWithDevice();
    expect(device).toMatch(/^[A-Za-z0-9_-]{22}\.\d+\.[A-Za-z0-9_-]{43}$/);
    const registered = await register(ctx);
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.cookies.find((c) => c.name === DEVICE_COOKIE_NAME)).toMatchObject({
      httpOnly: true,
      sameSite: 'Strict',
      path: '/api/v1/auth/login',
      maxAge: 180 * 86_400,
    });
  });
});

describe('device cookie values', () => {
  const secret = 'k'.repeat(64);
  const now = Date.UTC(2030, 0, 1);
  const day = 86_400_000;

  it('are valid only for their email and secret, for 180 days', () => {
    const value = signDeviceCookie(secret, 'ada@example.org', now);
    expect(verifyDeviceCookie(secret, 'ada@example.org', value, now)).toBe(value.split('.')[0]);
    expect(verifyDeviceCookie(secret, 'ada@example.org', value, now + 179 * day)).toBeDefined();
    expect(verifyDeviceCookie(secret, 'ada@example.org', value, now + 181 * day)).toBeUndefined();
    expect(verifyDeviceCookie(secret, 'eve@example.org', value, now)).toBeUndefined();
    expect(verifyDeviceCookie('s'.repeat(64), 'ada@example.org', value, now)).toBeUndefined();
    for (const bad of [undefined, '', 'a.b', `${value}.x`, value.replace(/\.\d+\./, '.1e9.')]) {
      expect(verifyDeviceCookie(secret, 'ada@example.org', bad, now)).toBeUndefined();
    }
  });
});

describe('the limit per client address, across emails', () => {
  it(`refuses the ${LIMITS.perAddress + 1}th attempt from one address, whatever the email`, async () => {
    const ip = clientIp();
    for (let i = 0; i < LIMITS.perAddress; i++) {
      expect((await attempt(uniqueEmail('spray'), 'Winter2025!', { ip })).statusCode).toBe(401);
    }
    expectLimited(await attempt(uniqueEmail('spray'), 'Winter2025!', { ip }));
    // Even a right password, from a browser that never signed in to that account.
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    expectLimited(await attempt(user.email, STRONG_PASSWORD, { ip }));
    // Another address is not affected.
    expect((await attempt(uniqueEmail('spray'), 'Winter2025!')).statusCode).toBe(401);
  });

  it('does not hold back the owner of a device cookie for the email tried', async () => {
    const { user, device } = await userWithDevice();
    const ip = clientIp();
    for (let i = 0; i < LIMITS.perAddress; i++) {
      expect((await attempt(uniqueEmail('spray'), 'Winter2025!', { ip })).statusCode).toBe(401);
    }
    expectLimited(await attempt(uniqueEmail('spray'), 'Winter2025!', { ip, device }));
    expect((await attempt(user.email, STRONG_PASSWORD, { ip, device })).statusCode).toBe(200);
  });
});

describe('the limit per account, across addresses', () => {
  it('slows down guessing from many addresses, for known and unknown emails alike', async () => {
    const user = await createUser(ctx, { password: STRONG_PASSWORD });
    const unknown = uniqueEmail('nobody');
    for (const email of [user.email, unknown]) {
      for (let i = 0; i < LIMITS.perAccount; i++) {
        expect((await attempt(email, `guess-${i}`)).statusCode).toBe(401);
      }
      const problem = expectLimited(await attempt(email, `guess-${LIMITS.perAccount}`));
      expect(problem.detail).toMatch(/browser you have used before|reset your password/);
    }
    // From a new address and without a device cookie, even the right password waits.
    expectLimited(await attempt(user.email, STRONG_PASSWORD));
  });

  it('cannot lock the owner out: a device cookie for the account still signs in', async () => {
    const { user, device } = await userWithDevice();
    const other = await userWithDevice();
    // The attack: wrong passwords from many addresses until the account limit refuses them.
    let refused: LightMyRequestResponse | undefined;
    for (let i = 0; i <= LIMITS.perAccount && !refused; i++) {
      const res = await attempt(user.email, `guess-${i}`);
      if (res.statusCode === 429) refused = res;
      else expect(res.statusCode).toBe(401);
    }
    expect(refused, 'the account limit refuses the attack').toBeDefined();
    expectLimited(await attempt(user.email, STRONG_PASSWORD));
    // A cookie for another account, or a tampered one, does not count.
    expectLimited(await attempt(user.email, STRONG_PASSWORD, { device: other.device }));
    const [nonce, issuedAt, mac = ''] = device.split('.');
    const tampered = `${nonce}.${issuedAt}.${mac.startsWith('A') ? 'B' : 'A'}${mac.slice(1)}`;
    expectLimited(await attempt(user.email, STRONG_PASSWORD, { device: tampered }));
    // The owner's browser: a mistyped password is answered as such, the right one signs in.
    expect((await attempt(user.email, 'typo', { device })).statusCode).toBe(401);
    const signedIn = await attempt(user.email, STRONG_PASSWORD, { device });
    expect(signedIn.statusCode, signedIn.body).toBe(200);
  });

  it('counts a device cookie’s own attempts, so a stolen one does not give unlimited guesses', async () => {
    const { user, device } = await userWithDevice();
    for (let i = 0; i < LIMITS.perAccount; i++) await attempt(user.email, `guess-${i}`);
    // With the cookie, from fresh addresses: the per-cookie limit, then the account limit again.
    for (let i = 0; i < LIMITS.perAddressAndEmail; i++) {
      expect((await attempt(user.email, `cookie-guess-${i}`, { device })).statusCode).toBe(401);
    }
    expectLimited(await attempt(user.email, STRONG_PASSWORD, { device }));
  });
});

describe('the limit per client address and email behind a proxy (TRUST_PROXY=1)', () => {
  it('keys on the address the proxy saw, not on what the client wrote in X-Forwarded-For', async () => {
    const real = clientIp();
    const email = uniqueEmail('spoof');
    // The client sends its own X-Forwarded-For; the proxy appends the address it saw.
    const spoofed = () => attempt(email, 'guess', { forwardedFor: `${clientIp()}, ${real}` });
    for (let i = 0; i < LIMITS.perAddressAndEmail; i++)
      expect((await spoofed()).statusCode).toBe(401);
    expectLimited(await spoofed());
    expectLimited(await attempt(email, 'guess', { ip: real }));
    // Another client behind the same proxy is counted apart.
    expect(
      (await attempt(email, 'guess', { forwardedFor: `${real}, ${clientIp()}` })).statusCode,
    ).toBe(401);
  });

  it('with TRUST_PROXY as a list of addresses, believes only those proxies', async () => {
    const config = testConfig({
      TRUST_PROXY: '10.9.9.9',
      WEB_DIST: '/nonexistent-web-dist',
      LOGIN_LIMIT_ADDRESS_EMAIL: String(LIMITS.perAddressAndEmail),
    });
    const app = await buildApp({ config, database: ctx.database });
    try {
      const email = uniqueEmail('direct');
      const from = (remoteAddress: string, forwardedFor: string) =>
        app.inject({
          method: 'POST',
          url: '/api/v1/auth/login',
          remoteAddress,
          headers: { 'x-forwarded-for': forwardedFor },
          payload: { email, password: 'guess' },
        });
      // A client that reaches the app directly is counted on its own address, whatever it writes.
      for (let i = 0; i < LIMITS.perAddressAndEmail; i++) {
        expect((await from('198.51.100.7', clientIp())).statusCode).toBe(401);
      }
      expectLimited(await from('198.51.100.7', clientIp()));
      // Through the listed proxy, the client is the address the proxy appended.
      expect((await from('10.9.9.9', `198.51.100.7, ${clientIp()}`)).statusCode).toBe(401);
      expectLimited(await from('10.9.9.9', `${clientIp()}, 198.51.100.7`));
    } finally {
      await app.close();
    }
  });
});

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { CookieSerializeOptions } from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Config } from '../../config.js';
import { countAttempt } from '../../plugins/rate-limit.js';

/**
 * Sign-in limits. Every attempt costs an argon2 verification (19 MiB, tens of milliseconds), so
 * each is counted *before* the password is checked, in this order, and an attempt refused by one
 * limit is not counted by the next:
 *
 * 1. per client address, across emails — against password spraying and argon2 floods;
 * 2. per client address and email — the classic guessing brake;
 * 3. per account (email), across addresses — against a botnet guessing one password.
 *
 * The account limit must not let an attacker lock the owner out, so it follows OWASP's device
 * cookies (https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies):
 * a successful sign-in (or registration, or password reset) gives the browser a signed cookie
 * naming the account. An attempt that presents a valid one for the email it tries skips limits 1
 * and 3 — the attacker cannot forge one — and is counted per cookie instead (at the rate of limit
 * 2; past it, the cookie is ignored and the attempt counts as an untrusted one). So the owner on a
 * browser they used before always gets through; from a new browser during an attack, they are
 * slowed to the account's pace, and a password reset (by email) gives that browser a cookie.
 * Unknown emails are counted exactly like known ones: the limits tell nobody which accounts exist.
 */

export const DEVICE_COOKIE_NAME = 'waymark_device';
/** The cookie only needs to reach the sign-in route. */
const DEVICE_COOKIE_PATH = '/api/v1/auth/login';
const DEVICE_COOKIE_MAX_AGE_S = 180 * 24 * 60 * 60;
const WINDOW = '15 minutes';

function deviceMac(secret: string, email: string, nonce: string, issuedAt: number): string {
  return createHmac('sha256', secret)
    .update(`waymark device cookie\n${email}\n${nonce}\n${issuedAt}`)
    .digest('base64url');
}

/** `nonce.issuedAt.mac`: binds the browser to one (normalised) email. */
export function signDeviceCookie(secret: string, email: string, now = Date.now()): string {
  const nonce = randomBytes(16).toString('base64url');
  const issuedAt = Math.floor(now / 1000);
  return `${nonce}.${issuedAt}.${deviceMac(secret, email, nonce, issuedAt)}`;
}

/** The cookie's nonce when it is valid, unexpired and for this email; otherwise `undefined`. */
export function verifyDeviceCookie(
  secret: string,
  email: string,
  value: string | undefined,
  now = Date.now(),
): string | undefined {
  const [nonce, issued, mac, ...rest] = (value ?? '').split('.');
  if (!nonce || !issued || !mac || rest.length > 0 || !/^\d{1,12}$/.test(issued)) return undefined;
  const issuedAt = Number(issued);
  const age = now / 1000 - issuedAt;
  if (age < -60 || age > DEVICE_COOKIE_MAX_AGE_S) return undefined;
  const expected = Buffer.from(deviceMac(secret, email, nonce, issuedAt));
  const given = Buffer.from(mac);
  return given.length === expected.length && timingSafeEqual(given, expected) ? nonce : undefined;
}

export function setDeviceCookie(reply: FastifyReply, config: Config, email: string): void {
  const options: CookieSerializeOptions = {
    httpOnly: true,
    secure: config.env === 'production',
    sameSite: 'strict',
    path: DEVICE_COOKIE_PATH,
    maxAge: DEVICE_COOKIE_MAX_AGE_S,
  };
  reply.setCookie(DEVICE_COOKIE_NAME, signDeviceCookie(config.auth.jwtSecret, email), options);
}

function attemptedEmail(request: FastifyRequest): string {
  const body = request.body as { email?: unknown } | undefined;
  return typeof body?.email === 'string' ? body.email : '';
}

function deviceNonce(request: FastifyRequest, config: Config): string | undefined {
  return verifyDeviceCookie(
    config.auth.jwtSecret,
    attemptedEmail(request),
    request.cookies[DEVICE_COOKIE_NAME],
  );
}

/**
 * The preHandler of POST /auth/login (after validation: the keys use the normalised email).
 * Answers 429 `rate_limited` with `Retry-After` when a limit is reached.
 */
export function loginLimits(app: FastifyInstance, config: Config) {
  const limits = config.auth.loginLimits;
  // Keys are namespaced here: these limiters share one store with the route limits.
  const perAddress = app.createRateLimit({
    max: limits.perAddress,
    timeWindow: WINDOW,
    keyGenerator: (request) => `login:address:${request.ip}`,
  });
  const perAddressAndEmail = app.createRateLimit({
    max: limits.perAddressAndEmail,
    timeWindow: WINDOW,
    keyGenerator: (request) => `login:address-email:${request.ip}|${attemptedEmail(request)}`,
  });
  const perAccount = app.createRateLimit({
    max: limits.perAccount,
    timeWindow: WINDOW,
    keyGenerator: (request) => `login:account:${attemptedEmail(request)}`,
  });
  const perDevice = app.createRateLimit({
    max: limits.perAddressAndEmail,
    timeWindow: WINDOW,
    keyGenerator: (request) => `login:device:${deviceNonce(request, config) ?? ''}`,
  });

  return async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const trusted =
      deviceNonce(request, config) !== undefined &&
      (await countAttempt(perDevice, request, reply, { throwWhenExceeded: false }));
    if (!trusted) await countAttempt(perAddress, request, reply);
    await countAttempt(perAddressAndEmail, request, reply);
    if (!trusted) {
      await countAttempt(perAccount, request, reply, {
        hint: ' — or sign in from a browser you have used before, or reset your password',
      });
    }
  };
}

import { randomInt, randomUUID } from 'node:crypto';
import { CSRF_HEADER, CSRF_HEADER_VALUE, REFRESH_COOKIE_NAME } from '@waymark/rubric';
import type { LightMyRequestResponse } from 'fastify';
import { expect } from 'vitest';
import type { TestContext } from './build-test-app.js';

/** Helpers shared by the auth tests. */

/** A password zxcvbn scores 4 that contains no test name or email. */
export const STRONG_PASSWORD = 'mango-velvet-harbour-92';
export const OTHER_STRONG_PASSWORD = 'quartz lantern orbit 7 fjord';

/**
 * A client address of its own (the app trusts X-Forwarded-For, as behind a load balancer), so
 * that each test starts with fresh per-address rate limits.
 */
export function clientIp(): string {
  return `10.${randomInt(256)}.${randomInt(256)}.${randomInt(1, 255)}`;
}

export function uniqueEmail(prefix = 'person'): string {
  return `${prefix}-${randomUUID().slice(0, 8)}@example.org`;
}

export const CSRF_HEADERS = { [CSRF_HEADER.toLowerCase()]: CSRF_HEADER_VALUE };

export interface ResponseCookie {
  name: string;
  value: string;
  path?: string;
  maxAge?: number;
  expires?: Date;
  httpOnly?: boolean;
  secure?: boolean;
  sameSite?: string;
}

export function refreshCookie(res: LightMyRequestResponse): ResponseCookie | undefined {
  return res.cookies.find((c) => c.name === REFRESH_COOKIE_NAME);
}

/** The refresh token the response set (fails the test if none was set). */
export function refreshTokenOf(res: LightMyRequestResponse): string {
  const cookie = refreshCookie(res);
  expect(cookie, 'a refresh cookie is set').toBeDefined();
  expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/);
  return cookie?.value ?? '';
}

export function expectProblem(res: LightMyRequestResponse, status: number, code: string) {
  expect(res.statusCode, res.body).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
  const body = res.json();
  expect(body).toMatchObject({ status, code });
  return body as { issues?: { path: string; message: string; code?: string }[]; detail?: string };
}

export async function register(
  ctx: TestContext,
  body: Record<string, unknown> = {},
  ip = clientIp(),
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/register',
    headers: { 'x-forwarded-for': ip },
    payload: { name: 'Ada Lovelace', email: uniqueEmail(), password: STRONG_PASSWORD, ...body },
  });
}

export async function login(ctx: TestContext, body: Record<string, unknown>, ip = clientIp()) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    headers: { 'x-forwarded-for': ip },
    payload: body,
  });
}

export async function refresh(
  ctx: TestContext,
  token: string | undefined,
  headers: Record<string, string> = CSRF_HEADERS,
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/refresh',
    headers,
    cookies: token === undefined ? {} : { [REFRESH_COOKIE_NAME]: token },
  });
}

export async function logout(
  ctx: TestContext,
  token: string | undefined,
  headers: Record<string, string> = CSRF_HEADERS,
) {
  return ctx.app.inject({
    method: 'POST',
    url: '/api/v1/auth/logout',
    headers,
    cookies: token === undefined ? {} : { [REFRESH_COOKIE_NAME]: token },
  });
}

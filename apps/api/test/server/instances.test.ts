import { execFileSync } from 'node:child_process';
import { randomBytes, randomInt, randomUUID } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CSRF_HEADER, CSRF_HEADER_VALUE, REFRESH_COOKIE_NAME } from '@waymark/rubric';
import { Redis } from 'ioredis';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDatabase, type ServerProcess, useServerProcesses } from '../server-process.js';

/**
 * Two instances of the built server (dist/server.js, as deployed) behind a pretend load balancer:
 * one fresh PostgreSQL database, one Redis, one JWT secret, started at the same moment.
 */

const apiRoot = fileURLToPath(new URL('../../', import.meta.url));
const repoRoot = join(apiRoot, '../..');
const REDIS_URL = process.env.TEST_REDIS_URL ?? 'redis://127.0.0.1:6379';
const PASSWORD = 'mango-velvet-harbour-92';
/** Small, so that the test makes few argon2 verifications. */
const SIGN_IN_LIMIT = 6;
const CSRF = { [CSRF_HEADER.toLowerCase()]: CSRF_HEADER_VALUE };

const startServer = useServerProcesses(
  {
    NODE_ENV: 'production',
    REDIS_URL,
    JWT_SECRET: randomBytes(24).toString('hex'),
    // The test stands in for the load balancer and names the client address itself.
    TRUST_PROXY: '1',
    LOGIN_LIMIT_ADDRESS_EMAIL: String(SIGN_IN_LIMIT),
  },
  { built: true },
);
// The rate-limit keys of this file name these, so that it removes its own keys and no others.
const runAddress = `10.${randomInt(256)}.${randomInt(256)}`;
const runEmailTag = `multi-${randomUUID().slice(0, 8)}`;
const redis = new Redis(REDIS_URL, { maxRetriesPerRequest: 1 });

/** The newest modification time under a folder, in ms. */
function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs);
  }
  return newest;
}

/** The test runs the build it is meant to test: rebuilt when missing or older than the source. */
function ensureBuilt(): void {
  const server = join(apiRoot, 'dist/server.js');
  if (existsSync(server) && statSync(server).mtimeMs >= newestMtime(join(apiRoot, 'src'))) return;
  execFileSync('pnpm', ['exec', 'tsc', '-p', 'tsconfig.build.json'], {
    cwd: apiRoot,
    stdio: 'inherit',
  });
}

interface Instance extends ServerProcess {
  base: string;
}

/**
 * Waits for the start line (printed once migrations are applied and the server listens), then
 * checks /readyz once. Bounded by the hook's timeout.
 */
async function waitReady(instance: Instance): Promise<void> {
  instance.base = await instance.url;
  const status = (await fetch(`${instance.base}/readyz`)).status;
  if (status !== 200) throw new Error(`/readyz answered ${status}: ${instance.output().stderr}`);
}

function post(instance: Instance, path: string, body: unknown, headers: Record<string, string>) {
  return fetch(`${instance.base}/api/v1${path}`, {
    method: 'POST',
    ...(body === undefined
      ? { headers }
      : {
          headers: { 'content-type': 'application/json', ...headers },
          body: JSON.stringify(body),
        }),
  });
}

function refreshTokenOf(res: Response): string {
  const cookie = res.headers
    .getSetCookie()
    .find((c) => c.startsWith(`${REFRESH_COOKIE_NAME}=`))
    ?.split(';')[0]
    ?.slice(REFRESH_COOKIE_NAME.length + 1);
  expect(cookie, 'a refresh cookie is set').toMatch(/^[A-Za-z0-9_-]{43}$/);
  return cookie ?? '';
}

function refresh(instance: Instance, token: string) {
  return post(instance, '/auth/refresh', undefined, {
    ...CSRF,
    cookie: `${REFRESH_COOKIE_NAME}=${token}`,
  });
}

let database: Awaited<ReturnType<typeof createDatabase>>;
let first: Instance;
let second: Instance;

beforeAll(async () => {
  ensureBuilt();
  database = await createDatabase('waymark_multi');
  // Both at the same moment, on a database neither has migrated.
  first = { ...startServer({ DATABASE_URL: database.url }), base: '' };
  second = { ...startServer({ DATABASE_URL: database.url }), base: '' };
  await Promise.all([waitReady(first), waitReady(second)]);
}, 120_000);

afterAll(async () => {
  // Stopped before their database is dropped.
  await Promise.all([first?.stop(), second?.stop()]);
  const keys = [
    ...(await redis.keys(`*${runAddress}.*`)),
    ...(await redis.keys(`*${runEmailTag}*`)),
  ];
  if (keys.length > 0) await redis.del(...keys);
  await redis.quit();
  await database?.drop();
});

describe('two instances on one database and one Redis', () => {
  it('both start, and the migrations are applied exactly once (under the advisory lock)', async () => {
    for (const instance of [first, second]) {
      const ready = await (await fetch(`${instance.base}/readyz`)).json();
      expect(ready).toEqual({ status: 'ok', database: 'postgres' });
      expect(instance.output().stdout).toContain('Waymark is running at');
    }
    const journal = JSON.parse(
      readFileSync(join(repoRoot, 'migrations/meta/_journal.json'), 'utf8'),
    ) as { entries: { when: number }[] };
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    try {
      const { rows } = await client.query<{ created_at: string; n: number }>(
        'select created_at::text, count(*)::int as n from drizzle.__drizzle_migrations group by created_at order by created_at',
      );
      expect(rows).toEqual(journal.entries.map((e) => ({ created_at: String(e.when), n: 1 })));
      const frameworks = await client.query('select framework_id, version from framework_versions');
      expect(frameworks.rowCount).toBe(1);
    } finally {
      await client.end();
    }
  });

  it('a session started on one instance is refreshed on the other', async () => {
    const email = `ada-${runEmailTag}@example.org`;
    const address = { 'x-forwarded-for': `${runAddress}.1` };
    const registered = await post(
      first,
      '/auth/register',
      { name: 'Ada Lovelace', email, password: PASSWORD },
      address,
    );
    expect(registered.status).toBe(201);
    const signedIn = await post(first, '/auth/login', { email, password: PASSWORD }, address);
    expect(signedIn.status).toBe(200);

    const refreshed = await refresh(second, refreshTokenOf(signedIn));
    expect(refreshed.status).toBe(200);
    const { accessToken } = (await refreshed.json()) as { accessToken: string };
    // The token the second instance signed opens the first instance's protected routes.
    const organisations = await fetch(`${first.base}/api/v1/organisations`, {
      headers: { authorization: `Bearer ${accessToken}` },
    });
    expect(organisations.status).toBe(200);
    // The rotated-out token is spent for both.
    expect((await refresh(first, refreshTokenOf(signedIn))).status).toBe(401);
  });

  it('share the sign-in limit through Redis: half the attempts on each, then 429 on either', async () => {
    const email = `guess-${runEmailTag}@example.org`;
    const address = { 'x-forwarded-for': `${runAddress}.2` };
    const attempt = (instance: Instance) =>
      post(instance, '/auth/login', { email, password: 'not the password' }, address);
    for (let i = 0; i < SIGN_IN_LIMIT; i += 1) {
      // Alternating: each instance alone sees only half the limit.
      expect((await attempt(i % 2 === 0 ? first : second)).status).toBe(401);
    }
    const refused = await attempt(second);
    expect(refused.status).toBe(429);
    expect(((await refused.json()) as { code: string }).code).toBe('rate_limited');
    expect((await attempt(first)).status).toBe(429);
  });

  it('one instance killed (SIGKILL), the other keeps serving', async () => {
    first.child.kill('SIGKILL');
    await first.exited;
    expect(first.child.signalCode).toBe('SIGKILL');
    await expect(fetch(`${first.base}/readyz`)).rejects.toThrow();

    expect((await fetch(`${second.base}/readyz`)).status).toBe(200);
    const email = `grace-${runEmailTag}@example.org`;
    const address = { 'x-forwarded-for': `${runAddress}.3` };
    const registered = await post(
      second,
      '/auth/register',
      { name: 'Grace Hopper', email, password: PASSWORD },
      address,
    );
    expect(registered.status).toBe(201);
    expect((await refresh(second, refreshTokenOf(registered))).status).toBe(200);
  });
});

import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { DEMO_SIGN_INS } from '../src/demo/demo-data.js';
import { TEST_DB } from './build-test-app.js';

const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://waymark:waymark@127.0.0.1:5432/postgres';

/**
 * The real server entry, started as `pnpm start` starts it (NODE_ENV unset): on a new embedded
 * database (the pglite project) it loads the demo and prints the sign-ins; given DATABASE_URL (the
 * postgres project) it leaves the database alone.
 */

const apiRoot = fileURLToPath(new URL('../', import.meta.url));
const running = new Set<ChildProcess>();

afterAll(() => {
  for (const child of running) child.kill('SIGKILL');
});

function startServer(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    cwd: apiRoot,
    env: {
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '',
      LOG_LEVEL: 'warn',
      HOST: '127.0.0.1',
      PORT: '0',
      WEB_DIST: '/nonexistent-web-dist',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  running.add(child);
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<number | null>((resolve) => {
    child.on('exit', (code) => {
      running.delete(child);
      resolve(code);
    });
  });
  // The start-up message, demo sign-ins included, is written at once (see server.ts).
  const started = new Promise<string>((resolve, reject) => {
    child.stdout?.on('data', () => {
      const m = stdout.match(/running at (http:\/\/\S+)/);
      if (m?.[1]) resolve(m[1]);
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
  });
  started.catch(() => {});
  return {
    started,
    output: () => stdout,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

async function login(base: string, role: keyof typeof DEMO_SIGN_INS) {
  const { email, password } = DEMO_SIGN_INS[role];
  return fetch(`${base}/api/v1/auth/login`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password }),
  });
}

describe(`the server's first start (${TEST_DB})`, () => {
  if (TEST_DB === 'pglite') {
    it('loads the demo on a new embedded database and prints its sign-ins; not again after', async () => {
      const dataDir = mkdtempSync(join(tmpdir(), 'waymark-demo-'));
      const first = startServer({ DATA_DIR: dataDir });
      const base = await first.started;
      const out = first.output();
      expect(out, out).toContain('Demo network loaded: Kirkby Vale Anchor Network');
      for (const { email, password } of Object.values(DEMO_SIGN_INS)) {
        expect(out).toContain(email);
        expect(out).toContain(`password: ${password}`);
      }
      expect((await login(base, 'coordinator')).status).toBe(200);
      expect(await first.stop()).toBe(0);

      const second = startServer({ DATA_DIR: dataDir });
      const base2 = await second.started;
      // Not loaded again, but the sign-ins are repeated.
      expect(second.output()).toContain('The demo network (Kirkby Vale Anchor Network) is already');
      expect(second.output()).toContain(DEMO_SIGN_INS.admin.email);
      expect((await login(base2, 'admin')).status).toBe(200);
      expect(await second.stop()).toBe(0);

      const off = startServer({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-demo-')),
        WAYMARK_DEMO: 'off',
      });
      const base3 = await off.started;
      expect(off.output()).not.toMatch(/demo network/i);
      expect((await login(base3, 'coordinator')).status).toBe(401);
      expect(await off.stop()).toBe(0);
    }, 120_000);
  } else {
    it('never loads the demo into an empty database given by DATABASE_URL', async () => {
      const name = `waymark_demo_${randomBytes(5).toString('hex')}`;
      const admin = new pg.Client({ connectionString: ADMIN_URL });
      await admin.connect();
      await admin.query(`CREATE DATABASE ${name}`);
      try {
        const u = new URL(ADMIN_URL);
        u.pathname = `/${name}`;
        const server = startServer({ DATABASE_URL: u.toString() });
        const base = await server.started;
        expect(server.output()).toContain('PostgreSQL at');
        expect(server.output()).not.toMatch(/demo network/i);
        expect((await login(base, 'coordinator')).status).toBe(401);
        expect(await server.stop()).toBe(0);
        const db = new pg.Client({ connectionString: u.toString() });
        await db.connect();
        const { rows } = await db.query('select count(*)::int as n from users');
        await db.end();
        expect(rows[0]).toEqual({ n: 0 });
      } finally {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await admin.end();
      }
    }, 60_000);
  }
});

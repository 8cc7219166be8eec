import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { DEMO_SIGN_INS } from '../src/demo/demo-data.js';
import { TEST_DB } from './build-test-app.js';
import { useServerProcesses, withNewDatabase } from './server-process.js';

/**
 * The real server entry, started as `pnpm start` starts it (NODE_ENV unset): on a new embedded
 * database (the pglite project) it loads the demo and prints the sign-ins; given DATABASE_URL (the
 * postgres project) it leaves the database alone.
 */

const startServer = useServerProcesses();

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
      const base = await first.url;
      const out = first.output().stdout;
      expect(out, out).toContain('Demo network loaded: Kirkby Vale Anchor Network');
      for (const { email, password } of Object.values(DEMO_SIGN_INS)) {
        expect(out).toContain(email);
        expect(out).toContain(`password: ${password}`);
      }
      expect((await login(base, 'coordinator')).status).toBe(200);
      expect(await first.stop()).toBe(0);

      const second = startServer({ DATA_DIR: dataDir });
      const base2 = await second.url;
      // Not loaded again, but the sign-ins are repeated.
      expect(second.output().stdout).toContain(
        'The demo network (Kirkby Vale Anchor Network) is already',
      );
      expect(second.output().stdout).toContain(DEMO_SIGN_INS.admin.email);
      expect((await login(base2, 'admin')).status).toBe(200);
      expect(await second.stop()).toBe(0);

      const off = startServer({
        DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-demo-')),
        WAYMARK_DEMO: 'off',
      });
      const base3 = await off.url;
      expect(off.output().stdout).not.toMatch(/demo network/i);
      expect((await login(base3, 'coordinator')).status).toBe(401);
      expect(await off.stop()).toBe(0);
    }, 120_000);
  } else {
    it('never loads the demo into an empty database given by DATABASE_URL', async () => {
      await withNewDatabase('waymark_demo', async (databaseUrl) => {
        const server = startServer({ DATABASE_URL: databaseUrl });
        const base = await server.url;
        expect(server.output().stdout).toContain('PostgreSQL at');
        expect(server.output().stdout).not.toMatch(/demo network/i);
        expect((await login(base, 'coordinator')).status).toBe(401);
        expect(await server.stop()).toBe(0);
        const db = new pg.Client({ connectionString: databaseUrl });
        await db.connect();
        const { rows } = await db.query('select count(*)::int as n from users');
        await db.end();
        expect(rows[0]).toEqual({ n: 0 });
      });
    }, 60_000);
  }
});

import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import { type Config, loadConfig } from '../src/config.js';
import { connectPglite, connectPostgres, type Database } from '../src/db/client.js';
import { seedFrameworks } from '../src/db/seed.js';

/**
 * Test databases. `TEST_DB=pglite` → an in-memory PGlite per test file; `TEST_DB=postgres` → a new
 * database on the server named by TEST_DATABASE_URL (default: the local server), created per test
 * file and dropped afterwards, so files run in parallel without sharing rows.
 */
export const TEST_DB = process.env.TEST_DB === 'postgres' ? 'postgres' : 'pglite';
const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://waymark:waymark@127.0.0.1:5432/postgres';

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

export async function createTestDatabase(): Promise<{
  database: Database;
  drop: () => Promise<void>;
}> {
  if (TEST_DB === 'pglite') {
    const database = await connectPglite(undefined);
    await database.migrate();
    return { database, drop: () => database.close() };
  }
  const name = `waymark_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const database = await connectPostgres(withDatabase(ADMIN_URL, name), { max: 4 });
  await database.migrate();
  return {
    database,
    async drop() {
      await database.close();
      const a = new pg.Client({ connectionString: ADMIN_URL });
      await a.connect();
      await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await a.end();
    },
  };
}

/** Empties every table between tests, but the published frameworks (seeded once per file). */
export async function truncateAll(
  database: Database,
  options: { keep?: string[] } = { keep: ['framework_versions'] },
): Promise<void> {
  const result = (await database.db.execute(
    sql`select tablename from pg_tables where schemaname = 'public'`,
  )) as unknown as { rows: { tablename: string }[] };
  const keep = new Set(options.keep ?? []);
  const tables = result.rows.filter((r) => !keep.has(r.tablename)).map((r) => `"${r.tablename}"`);
  if (tables.length > 0) {
    await database.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')} RESTART IDENTITY CASCADE`));
  }
}

export interface TestContext {
  app: App;
  database: Database;
  config: Config;
}

/** The configuration the server would load from these variables, for tests. */
export function testConfig(env: Record<string, string> = {}): Config {
  // Tests stand behind a pretend proxy so that each can give itself a client address.
  return loadConfig({ NODE_ENV: 'test', LOG_LEVEL: 'silent', TRUST_PROXY: '1', ...env });
}

/**
 * Registers hooks that build the app on a fresh, migrated and seeded database for the calling test
 * file, and returns a context filled in once `beforeAll` has run.
 */
export function useTestApp(
  options: { seed?: boolean; webDist?: string; env?: Record<string, string> } = {},
): TestContext {
  const ctx = {} as TestContext;
  let drop: () => Promise<void> = async () => {};
  beforeAll(async () => {
    const created = await createTestDatabase();
    drop = created.drop;
    ctx.database = created.database;
    if (options.seed !== false) await seedFrameworks(ctx.database.db);
    ctx.config = testConfig({
      WEB_DIST: options.webDist ?? '/nonexistent-web-dist',
      ...options.env,
    });
    ctx.app = await buildApp({ config: ctx.config, database: ctx.database });
    await ctx.app.ready();
  });
  afterAll(async () => {
    await ctx.app?.close();
    await drop();
  });
  return ctx;
}

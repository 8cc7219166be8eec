import { accessSync, constants as fsConstants, mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { MIGRATIONS_DIR } from '../paths.js';
import * as schema from './schema.js';

/** Queries take this as their first argument; it is the same for PGlite and PostgreSQL. */
export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  kind: 'pglite' | 'postgres';
  db: Db;
  /** Where the data lives, for logs: a data folder or a server's host/database (never a password). */
  location: string;
  /** Applies the migrations in `migrations/` that have not run yet. */
  migrate(): Promise<void>;
  /** Throws when the database cannot answer. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

/** An arbitrary constant naming Waymark's migration lock among the server's advisory locks. */
const MIGRATION_LOCK_KEY = 724_051_731;

/** A start-up problem explained in one line for the operator, e.g. an unreachable server. */
export class DatabaseStartupError extends Error {}

export function describeUrl(url: string): string {
  try {
    const u = new URL(url);
    return `${u.hostname}:${u.port || '5432'}${u.pathname}`;
  } catch {
    return '(unparseable DATABASE_URL)';
  }
}

export async function connectPostgres(
  url: string,
  options: { max?: number } = {},
): Promise<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    connectionTimeoutMillis: 5_000,
  });
  // An idle client that errors (server restart) must not crash the process; the pool replaces it.
  pool.on('error', () => {});
  const location = describeUrl(url);
  try {
    const client = await pool.connect();
    client.release();
  } catch (error) {
    await pool.end().catch(() => {});
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(`Cannot connect to PostgreSQL at ${location}: ${reason}`);
  }
  const pgDb = drizzlePg(pool, { schema });
  const db = pgDb as unknown as Db;
  return {
    kind: 'postgres',
    db,
    location,
    async migrate() {
      // Several instances may start at once on one server: a session-level advisory lock, held on
      // its own connection, lets one migrate while the others wait and then find nothing to do.
      const lock = await pool.connect();
      try {
        await lock.query('select pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
        await migratePg(pgDb, { migrationsFolder: MIGRATIONS_DIR });
      } finally {
        await lock.query('select pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]).catch(() => {});
        lock.release();
      }
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await pool.end();
    },
  };
}

/** `dataDir` undefined → an in-memory database (tests). */
export async function connectPglite(dataDir: string | undefined): Promise<Database> {
  if (dataDir) {
    try {
      mkdirSync(dataDir, { recursive: true });
      accessSync(dataDir, fsConstants.W_OK);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new DatabaseStartupError(`Cannot write to the data folder ${dataDir}: ${reason}`);
    }
  }
  let client: PGlite;
  try {
    client = await PGlite.create(dataDir ? { dataDir } : {});
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DatabaseStartupError(
      `Cannot open the embedded database in ${dataDir ?? 'memory'}: ${reason}`,
    );
  }
  const pgliteDb = drizzlePglite(client, { schema });
  const db = pgliteDb as unknown as Db;
  return {
    kind: 'pglite',
    db,
    location: dataDir ?? 'memory',
    async migrate() {
      await migratePglite(pgliteDb, { migrationsFolder: MIGRATIONS_DIR });
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    async close() {
      await client.close();
    },
  };
}

export function connectDatabase(options: {
  databaseUrl: string | undefined;
  dataDir: string | undefined;
}): Promise<Database> {
  return options.databaseUrl
    ? connectPostgres(options.databaseUrl)
    : connectPglite(options.dataDir);
}

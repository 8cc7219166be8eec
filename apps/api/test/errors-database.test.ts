import { sql } from 'drizzle-orm';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../src/db/client.js';
import errorsPlugin, { databaseProblem } from '../src/plugins/errors.js';
import { createTestDatabase, TEST_DB } from './build-test-app.js';

/**
 * Database errors caused by a request's content answer a 4xx with a stable code, on both drivers:
 * each route below makes the real driver (pg or PGlite, wrapped by drizzle) raise one SQLSTATE, and
 * the app's one error handler answers. The probe tables live in this file's throwaway database.
 */

let database: Database;
let drop: () => Promise<void>;
let app: FastifyInstance;

/** A value that must never appear in an answer (nor in SQL echoed back). */
const MARKER = 'zebra-marker-7731';

const PROBES: Record<string, () => Promise<unknown>> = {
  // A `\u0000` escape inside jsonb: "unsupported Unicode escape sequence".
  '22P05': () => database.db.execute(sql`select ${`{"a":"${MARKER}\\u0000"}`}::jsonb`),
  // A NUL byte in a text parameter: "invalid byte sequence for encoding UTF8: 0x00".
  '22021': () => database.db.execute(sql`select ${`${MARKER}\u0000`}::text`),
  '22001': () => database.db.execute(sql`insert into probe_short (v) values (${MARKER})`),
  '22003': () => database.db.execute(sql`select ${'70000'}::smallint`),
  '22007': () => database.db.execute(sql`select ${MARKER}::date`),
  '22008': () => database.db.execute(sql`select ${'2020-13-45'}::date`),
  '22P02': () => database.db.execute(sql`select ${MARKER}::uuid`),
  // An index entry larger than a btree page allows.
  '54000': () =>
    database.db.execute(
      sql`insert into probe_indexed (v) select string_agg(md5(random()::text || g), '') from generate_series(1, 400) g`,
    ),
  '23505': async () => {
    await database.db.execute(sql`insert into probe_parent (id) values (2)`);
    await database.db.execute(sql`insert into probe_parent (id) values (2)`);
  },
  '23503-insert': () =>
    database.db.execute(sql`insert into probe_child (parent_id) values (${999})`),
  '23503-delete': async () => {
    await database.db.execute(sql`insert into probe_parent (id) values (3)`);
    await database.db.execute(sql`insert into probe_child (parent_id) values (3)`);
    await database.db.execute(sql`delete from probe_parent where id = 3`);
  },
  // Our own invariant, not the request's fault: stays a 500.
  '23514': () => database.db.execute(sql`insert into probe_short (v) values ('no')`),
};

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  await database.db.execute(sql`create table probe_short (v varchar(3) check (v <> 'no'))`);
  await database.db.execute(sql`create table probe_indexed (v text unique)`);
  await database.db.execute(sql`create table probe_parent (id int primary key)`);
  await database.db.execute(
    sql`create table probe_child (parent_id int not null references probe_parent (id))`,
  );
  app = Fastify({ logger: false });
  await app.register(errorsPlugin);
  for (const [name, probe] of Object.entries(PROBES)) {
    app.post(`/probe/${name}`, async () => {
      await probe();
      return { ok: true };
    });
  }
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe(`database errors caused by the request (${TEST_DB})`, () => {
  it.each([
    ['22P05', 400, 'invalid_characters'],
    ['22021', 400, 'invalid_characters'],
    ['22001', 400, 'value_too_long'],
    ['22003', 400, 'number_out_of_range'],
    ['22007', 400, 'invalid_datetime'],
    ['22008', 400, 'invalid_datetime'],
    ['22P02', 400, 'invalid_value'],
    ['54000', 400, 'value_too_long'],
    ['23505', 409, 'already_exists'],
    ['23503-insert', 422, 'unknown_reference'],
    ['23503-delete', 409, 'still_referenced'],
    ['23514', 500, 'internal_error'],
  ] as const)('%s answers %i %s, naming no SQL and no value', async (probe, status, code) => {
    const res = await app.inject({ method: 'POST', url: `/probe/${probe}` });
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    const { instance, ...problem } = res.json();
    expect(problem).toMatchObject({ status, code });
    expect(instance).toBe(`/probe/${probe}`);
    expect(res.body).not.toContain(MARKER);
    expect(JSON.stringify(problem)).not.toMatch(/select|insert|delete|probe_|\$1|constraint/i);
  });
});

describe('databaseProblem', () => {
  it('finds the SQLSTATE under a wrapper, and ignores errors that are not the database’s', () => {
    const driverError = Object.assign(new Error('duplicate key'), {
      code: '23505',
      severity: 'ERROR',
    });
    const wrapped = new Error('Failed query: insert …', { cause: driverError });
    expect(databaseProblem(wrapped)).toMatchObject({ status: 409, code: 'already_exists' });
    // A network error has a code too, but no severity: not the request's fault.
    expect(databaseProblem(Object.assign(new Error('x'), { code: 'EPIPE' }))).toBeUndefined();
    expect(databaseProblem(new Error('plain'))).toBeUndefined();
  });
});

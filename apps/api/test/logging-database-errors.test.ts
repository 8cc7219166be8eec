import { Writable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { DrizzleQueryError } from 'drizzle-orm/errors';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type App, buildApp } from '../src/app.js';
import type { Database } from '../src/db/client.js';
import { LOG_REDACT_PATHS, loggerOptions, serializeError } from '../src/logging.js';
import { clientIp, STRONG_PASSWORD } from './auth-helpers.js';
import { createTestDatabase, TEST_DB, testConfig } from './build-test-app.js';

/**
 * A failed query must not write the values it carried to the log: an email, a name and an argon2id
 * hash once did (drizzle's message ends in "params: …", PGlite attaches `params`, PostgreSQL's
 * `detail` repeats the failing row). The app logs to a stream here, with the server's own options.
 */

let database: Database;
let drop: () => Promise<void>;
let app: App;
let logged = '';

const sink = new Writable({
  write(chunk, _encoding, done) {
    logged += chunk.toString();
    done();
  },
});

const logLines = () =>
  logged
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);

beforeAll(async () => {
  ({ database, drop } = await createTestDatabase());
  app = await buildApp({
    config: testConfig(),
    database,
    logger: loggerOptions('info', { stream: sink }),
  });
  await app.ready();
});

afterAll(async () => {
  await app?.close();
  await drop?.();
});

describe(`a failed insert is logged without its values (${TEST_DB})`, () => {
  it('registering while the users table refuses every row: a 500, logged with its SQLSTATE only', async () => {
    // Only in this file's throwaway database: every new user row now breaks a CHECK constraint.
    await database.db.execute(
      sql`alter table users add constraint test_refuse_every_user check (false) not valid`,
    );
    logged = '';
    const email = 'grace.hopper.7731@example.org';
    const name = 'Grace Hopper Seventy';
    const res = await app.inject({
      method: 'POST',
      url: '/api/v1/auth/register',
      headers: { 'x-forwarded-for': clientIp() },
      payload: { name, email, password: STRONG_PASSWORD },
    });
    expect(res.statusCode, res.body).toBe(500);
    expect(res.json()).toMatchObject({ code: 'internal_error' });

    const failure = logLines().find((line) => line.level === 50 && line.msg === 'unhandled error');
    expect(failure, logged).toBeDefined();
    const err = failure?.err as { type: string; message: string; stack: string; cause?: unknown };
    expect(err.type).toBe('DrizzleQueryError');
    expect(err.message).toMatch(/^Failed query: insert into "users"/);
    expect(err.message).toContain('params: [redacted]');
    expect(err.stack).toContain('params: [redacted]');
    expect(err.cause).toMatchObject({ code: '23514', constraint: 'test_refuse_every_user' });

    expect(logged).not.toContain('$argon2id$');
    expect(logged).not.toContain(email);
    expect(logged).not.toContain('grace.hopper');
    expect(logged).not.toContain(name);
    expect(logged).not.toContain(STRONG_PASSWORD);
    expect(logged).not.toContain('Failing row');
  });

  it('the redaction list applies to the app’s logger', () => {
    logged = '';
    app.log.info(
      {
        headers: { authorization: 'Bearer eyJ-secret-token', cookie: 'waymark_refresh=abc' },
        body: { password: 'hunter2-hunter2', token: 'reset-secret-1' },
      },
      'probe',
    );
    const line = logLines().find((l) => l.msg === 'probe');
    expect(line).toMatchObject({
      headers: { authorization: '[redacted]', cookie: '[redacted]' },
      body: { password: '[redacted]', token: '[redacted]' },
    });
    expect(logged).not.toMatch(/eyJ-secret-token|hunter2|reset-secret-1|waymark_refresh=abc/);
    expect(LOG_REDACT_PATHS).toContain('*.password');
  });
});

describe('serializeError', () => {
  it('keeps the SQL, the code, the stack frames and the cause; drops values', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint'), {
      code: '23505',
      severity: 'ERROR',
      constraint: 'users_email_unique',
      detail: 'Key (email)=(ada@example.org) already exists.',
      params: ['ada@example.org', '$argon2id$v=19$m=19456'],
      queryOptions: { rowMode: 'object' },
    });
    const error = new DrizzleQueryError(
      'insert into "users" ("email", "password_hash") values ($1, $2)',
      ['ada@example.org', '$argon2id$v=19$m=19456'],
      driverError,
    );
    const out = serializeError(error);
    const text = JSON.stringify(out);
    expect(text).not.toContain('ada@example.org');
    expect(text).not.toContain('$argon2id$');
    expect(out).toMatchObject({
      type: 'DrizzleQueryError',
      message:
        'Failed query: insert into "users" ("email", "password_hash") values ($1, $2)\nparams: [redacted]',
      query: 'insert into "users" ("email", "password_hash") values ($1, $2)',
      cause: { code: '23505', constraint: 'users_email_unique', severity: 'ERROR' },
    });
    expect(out.stack).toMatch(/\n\s+at /);
    expect(out).not.toHaveProperty('params');
  });

  it('serialises plain errors as pino does', () => {
    const out = serializeError(new TypeError('boom'));
    expect(out).toMatchObject({ type: 'TypeError', message: 'boom' });
    expect(out.stack).toMatch(/^TypeError: boom\n\s+at /);
  });
});

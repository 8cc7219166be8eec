import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { useServerProcesses, withNewDatabase } from '../server-process.js';

/** Starts the real server entry (src/server.ts through tsx) as an operator would, in production. */

const startServer = useServerProcesses({
  NODE_ENV: 'production',
  JWT_SECRET: 'startup-test-secret-startup-test-secret',
});

describe('the server process', () => {
  it('starts on the embedded database, and keeps its data across a restart', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'waymark-data-'));
    const first = startServer({ DATA_DIR: dataDir });
    const base = await first.url;
    expect(first.output().stdout).toContain('embedded database');
    expect((await fetch(`${base}/readyz`)).status).toBe(200);
    const before = (await (await fetch(`${base}/api/v1/frameworks`)).json()) as {
      items: unknown[];
    };
    expect(before.items).toHaveLength(1);
    expect(await first.stop()).toBe(0);

    const second = startServer({ DATA_DIR: dataDir });
    const base2 = await second.url;
    const after = (await (await fetch(`${base2}/api/v1/frameworks`)).json()) as {
      items: unknown[];
    };
    // The very same row: published once, read back after the restart.
    expect(after.items).toEqual(before.items);
    expect(await second.stop()).toBe(0);
  });

  it('starts on a real PostgreSQL server given DATABASE_URL, migrating a new database', async () => {
    await withNewDatabase('waymark_start', async (databaseUrl) => {
      const server = startServer({ DATABASE_URL: databaseUrl });
      const base = await server.url;
      expect(server.output().stdout).toContain('PostgreSQL at');
      const ready = await (await fetch(`${base}/readyz`)).json();
      expect(ready).toEqual({ status: 'ok', database: 'postgres' });
      expect(await server.stop()).toBe(0);
    });
  });

  it('fails with one clear line when the PostgreSQL server cannot be reached', async () => {
    const server = startServer({ DATABASE_URL: 'postgres://nobody:secret@127.0.0.1:1/waymark' });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^waymark: Cannot connect to PostgreSQL at 127\.0\.0\.1:1\/waymark: /);
    expect(lines[0]).not.toContain('secret');
  });

  it('fails with one clear line when the data folder cannot be written', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'waymark-')), 'a-file');
    writeFileSync(file, 'not a folder');
    const server = startServer({ DATA_DIR: join(file, 'data') });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^waymark: Cannot write to the data folder .*a-file\/data/);
  });

  it('refuses to start in production without JWT_SECRET', async () => {
    const server = startServer({
      JWT_SECRET: '',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'waymark-')),
    });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('JWT_SECRET must be set in production');
  });

  it('refuses an invalid configuration with one clear line', async () => {
    const server = startServer({ PORT: 'eighty', DATABASE_URL: 'mysql://x' });
    expect(await server.exited).toBe(1);
    const lines = server.output().stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('waymark: Invalid configuration');
    expect(lines[0]).toContain('PORT');
    expect(lines[0]).toContain('DATABASE_URL');
  });
});

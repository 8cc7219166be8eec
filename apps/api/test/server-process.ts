import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll } from 'vitest';

/** The PostgreSQL server the tests may create databases on (its `postgres` database). */
export const ADMIN_URL =
  process.env.TEST_DATABASE_URL ?? 'postgres://waymark:waymark@127.0.0.1:5432/postgres';

const apiRoot = fileURLToPath(new URL('../', import.meta.url));

export interface ServerProcess {
  child: ChildProcess;
  /** The address it listens on, from its start-up message; rejects if it exits first. */
  url: Promise<string>;
  exited: Promise<number | null>;
  output: () => { stdout: string; stderr: string };
  /** SIGTERM, then its exit code once it has shut down. */
  stop: () => Promise<number | null>;
}

/**
 * Starts the real server entry (src/server.ts through tsx, or with `built` the compiled
 * dist/server.js, as deployed) as an operator would, with only `env` (over a few defaults: a free
 * port on 127.0.0.1, quiet logs, no web build) and not this process's environment. Any process a
 * test leaves running is killed after the file.
 */
export function useServerProcesses(
  baseEnv: Record<string, string> = {},
  { built = false }: { built?: boolean } = {},
) {
  const args = built ? ['dist/server.js'] : ['--import', 'tsx', 'src/server.ts'];
  const running = new Set<ChildProcess>();
  afterAll(() => {
    for (const child of running) child.kill('SIGKILL');
  });

  return function startServer(env: Record<string, string>): ServerProcess {
    const child = spawn(process.execPath, args, {
      cwd: apiRoot,
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        LOG_LEVEL: 'warn',
        HOST: '127.0.0.1',
        PORT: '0',
        WEB_DIST: '/nonexistent-web-dist',
        ...baseEnv,
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
    // The start-up message is written at once (see server.ts), with anything printed beside it.
    const url = new Promise<string>((resolve, reject) => {
      child.stdout?.on('data', () => {
        const m = stdout.match(/running at (http:\/\/\S+)/);
        if (m?.[1]) resolve(m[1]);
      });
      void exited.then((code) => reject(new Error(`server exited with ${code}: ${stderr}`)));
    });
    // Tests that expect a failed start await `exited` and never `url`.
    url.catch(() => {});
    return {
      child,
      url,
      exited,
      output: () => ({ stdout, stderr }),
      async stop() {
        child.kill('SIGTERM');
        return exited;
      },
    };
  };
}

/**
 * Creates a new, empty database on the PostgreSQL server; `drop` removes it (and ends any
 * connection still open to it).
 */
export async function createDatabase(
  prefix: string,
): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `${prefix}_${randomBytes(5).toString('hex')}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } catch (error) {
    await admin.end();
    throw error;
  }
  const u = new URL(ADMIN_URL);
  u.pathname = `/${name}`;
  return {
    url: u.toString(),
    async drop() {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    },
  };
}

/** Runs `work` with the URL of a new, empty database on the PostgreSQL server, dropped after. */
export async function withNewDatabase<T>(
  prefix: string,
  work: (databaseUrl: string) => Promise<T>,
): Promise<T> {
  const database = await createDatabase(prefix);
  try {
    return await work(database.url);
  } finally {
    await database.drop();
  }
}

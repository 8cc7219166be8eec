import { defineConfig } from 'vitest/config';

// Every API test file runs twice: on the embedded PGlite and on the real PostgreSQL server, each
// file on a fresh database (see test/build-test-app.ts). The server tests start the real process
// once, on both databases within the same file.
const shared = {
  include: ['test/**/*.test.ts'],
  exclude: ['test/server/**'],
  testTimeout: 30_000,
  hookTimeout: 60_000,
};

export default defineConfig({
  test: {
    projects: [
      { test: { ...shared, name: 'pglite', env: { TEST_DB: 'pglite' } } },
      { test: { ...shared, name: 'postgres', env: { TEST_DB: 'postgres' } } },
      {
        test: {
          name: 'server',
          include: ['test/server/**/*.test.ts'],
          testTimeout: 60_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});

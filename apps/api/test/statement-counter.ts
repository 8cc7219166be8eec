import type { TestContext } from './build-test-app.js';

/**
 * Every SQL statement that reaches the driver (PGlite or the pg pool) while `run` runs, for tests
 * that a request reads in a constant number of statements, however much data there is.
 */
export async function countStatements<T>(
  ctx: TestContext,
  run: () => Promise<T>,
): Promise<{ result: T; statements: string[] }> {
  const client = (
    ctx.database.db as unknown as { $client: { query: (...args: unknown[]) => unknown } }
  ).$client;
  const original = client.query;
  const statements: string[] = [];
  client.query = function (this: unknown, ...args: unknown[]) {
    const first = args[0];
    statements.push(typeof first === 'string' ? first : String((first as { text?: string })?.text));
    return original.apply(this, args);
  };
  try {
    return { result: await run(), statements };
  } finally {
    client.query = original;
  }
}

import { count } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../src/config.js';
import { users } from '../src/db/schema.js';
import { demoDecision, formatDemoMessage, prepareDemo } from '../src/demo/demo-startup.js';
import { useTestApp } from './build-test-app.js';
import { createUser } from './factories.js';

const ctx = useTestApp();

async function userCount() {
  const [row] = await ctx.database.db.select({ n: count() }).from(users);
  return row?.n;
}

describe('WAYMARK_DEMO', () => {
  it('defaults to auto and reads on and off in any case', () => {
    expect(loadConfig({}).demo).toBe('auto');
    expect(loadConfig({ WAYMARK_DEMO: '' }).demo).toBe('auto');
    expect(loadConfig({ WAYMARK_DEMO: ' OFF ' }).demo).toBe('off');
    expect(loadConfig({ WAYMARK_DEMO: 'on' }).demo).toBe('on');
    expect(() => loadConfig({ WAYMARK_DEMO: 'yes please' })).toThrow(ConfigError);
    expect(() => loadConfig({ WAYMARK_DEMO: 'yes please' })).toThrow(/WAYMARK_DEMO/);
  });

  it('loads on the first start of the embedded database only, and into DATABASE_URL only when asked', () => {
    const pglite = { kind: 'pglite' as const };
    const postgres = { kind: 'postgres' as const };
    expect(demoDecision('auto', pglite, false)).toEqual({ load: true });
    expect(demoDecision('auto', pglite, true)).toMatchObject({ load: false });
    expect(demoDecision('auto', postgres, false)).toMatchObject({
      load: false,
      reason: expect.stringContaining('DATABASE_URL'),
    });
    expect(demoDecision('off', pglite, false)).toMatchObject({ load: false });
    // Its passwords are published: a production deployment gets it only when it asks.
    expect(demoDecision('auto', { ...pglite, env: 'production' }, false)).toMatchObject({
      load: false,
      reason: expect.stringContaining('production'),
    });
    expect(demoDecision('auto', { ...pglite, env: 'development' }, false)).toEqual({ load: true });
    expect(demoDecision('on', { ...pglite, env: 'production' }, true)).toEqual({ load: true });
    expect(demoDecision('on', postgres, true)).toEqual({ load: true });
    expect(demoDecision('on', pglite, true)).toEqual({ load: true });
  });

  it('does not seed a DATABASE_URL database without the opt-in, even an empty one', async () => {
    expect(await userCount()).toBe(0);
    const outcome = await prepareDemo(ctx.database.db, { mode: 'auto', kind: 'postgres' });
    expect(outcome.status).toBe('skipped');
    expect(formatDemoMessage(outcome)).toEqual([]);
    expect(await userCount()).toBe(0);
  });

  it('does not seed when switched off, in production, nor an embedded database with users', async () => {
    expect(await prepareDemo(ctx.database.db, { mode: 'off', kind: 'pglite' })).toMatchObject({
      status: 'skipped',
    });
    expect(
      await prepareDemo(ctx.database.db, { mode: 'auto', kind: 'pglite', env: 'production' }),
    ).toMatchObject({ status: 'skipped' });
    expect(await userCount()).toBe(0);
    await createUser(ctx);
    expect(await prepareDemo(ctx.database.db, { mode: 'auto', kind: 'pglite' })).toMatchObject({
      status: 'skipped',
      reason: expect.stringContaining('first start'),
    });
    expect(await userCount()).toBe(1);
  });

  it('seeds when asked with WAYMARK_DEMO=on, and prints the three sign-ins', async () => {
    const outcome = await prepareDemo(ctx.database.db, { mode: 'on', kind: 'postgres' });
    expect(outcome.status).toBe('loaded');
    const lines = formatDemoMessage(outcome, 'http://localhost:3000').join('\n');
    expect(lines).toContain('Kirkby Vale Anchor Network');
    expect(lines).toContain('http://localhost:3000');
    for (const email of [
      'coordinator@kirkby-vale.example',
      'admin@kirkby-vale.example',
      'contributor@kirkby-vale.example',
    ]) {
      expect(lines).toContain(email);
    }
    expect(lines).toContain('password: vale-network-lead-2026');
    const again = await prepareDemo(ctx.database.db, { mode: 'on', kind: 'postgres' });
    expect(again.status).toBe('exists');
    expect(formatDemoMessage(again)[0]).toContain('already in this database');
    // A later start of the embedded database repeats the sign-ins; DATABASE_URL's stays quiet.
    expect(await prepareDemo(ctx.database.db, { mode: 'auto', kind: 'pglite' })).toMatchObject({
      status: 'exists',
    });
    expect(await prepareDemo(ctx.database.db, { mode: 'auto', kind: 'postgres' })).toMatchObject({
      status: 'skipped',
    });
    expect(await prepareDemo(ctx.database.db, { mode: 'off', kind: 'pglite' })).toMatchObject({
      status: 'skipped',
    });
  });
});

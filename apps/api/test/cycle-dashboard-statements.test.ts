import { beforeEach, describe, expect, it } from 'vitest';
import { truncateAll, useTestApp } from './build-test-app.js';
import { addMembers, createDashboardCycle, type MemberSpec } from './dashboard-factories.js';
import { call } from './factories.js';
import { countStatements } from './statement-counter.js';

const ctx = useTestApp();

// The dashboard's SQL is a constant number of statements whatever the number of members.

function members(n: number, offset: number): MemberSpec[] {
  return Array.from({ length: n }, (_, i) => ({
    name: `Member ${offset + i}`,
    sharing: (offset + i) % 3 === 0 ? 'anonymous' : 'named',
    level: { otherwise: ((offset + i) % 4) + 1, 'real-living-wage-staff': 4 },
    target: 4,
    indicators: { 'living-wage-staff-share': (offset + i) % 100 },
  }));
}

describe('cycle dashboard statement count', () => {
  beforeEach(async () => {
    await truncateAll(ctx.database, { keep: ['frameworks', 'framework_versions'] });
  });

  it('runs as many statements for 100 submitted members as for 10', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(ctx, setup, members(10, 0));
    const get = () => call(ctx, setup.coordinator, 'GET', `/cycles/${setup.cycle.id}/dashboard`);
    // Warm the per-version framework cache, which reads the framework once per app.
    expect((await get()).statusCode).toBe(200);

    const ten = await countStatements(ctx, get);
    expect(ten.result.statusCode).toBe(200);
    expect(ten.result.json().participation.submitted).toBe(10);

    await addMembers(ctx, setup, members(90, 10));
    const hundred = await countStatements(ctx, get);
    expect(hundred.result.statusCode).toBe(200);
    expect(hundred.result.json().participation.submitted).toBe(100);
    expect(hundred.result.json().heatmap.rows).toHaveLength(66);

    expect(ten.statements.length).toBeGreaterThan(0);
    expect(hundred.statements.length).toBe(ten.statements.length);
    // Access check, members with their latest submitted revision, invitations (and whatever the
    // authentication hook reads): a handful, not one per member.
    expect(ten.statements.length).toBeLessThanOrEqual(5);
    console.info(
      `dashboard statements: 10 members → ${ten.statements.length}, 100 → ${hundred.statements.length}`,
    );
  });

  it('runs as many statements for the CSV export of 100 members as for 10', async () => {
    const setup = await createDashboardCycle(ctx, { minGroupSize: 3 });
    await addMembers(ctx, setup, members(10, 0));
    const get = () =>
      call(ctx, setup.coordinator, 'GET', `/cycles/${setup.cycle.id}/export.csv?kind=members`);
    expect((await get()).statusCode).toBe(200);
    const ten = await countStatements(ctx, get);
    await addMembers(ctx, setup, members(90, 10));
    const hundred = await countStatements(ctx, get);
    expect(hundred.result.statusCode).toBe(200);
    expect(hundred.statements.length).toBe(ten.statements.length);
  });
});

import { networkCoordinators, networkMembers, networks } from '../src/db/schema.js';
import type { TestContext } from './build-test-app.js';
import type { TestUser } from './factories.js';

/** Test factories for networks and cycles: rows are written straight to the database. */

export async function createNetwork(
  ctx: TestContext,
  coordinator: TestUser,
  overrides: { name?: string; minGroupSize?: number; optionalPillars?: string[] } = {},
): Promise<{ id: string }> {
  const [row] = await ctx.database.db
    .insert(networks)
    .values({
      name: overrides.name ?? 'Leeds Anchors',
      place: 'Leeds',
      minGroupSize: overrides.minGroupSize ?? 5,
      optionalPillars: overrides.optionalPillars ?? [],
      createdBy: coordinator.id,
    })
    .returning({ id: networks.id });
  if (!row) throw new Error('network not created');
  await ctx.database.db
    .insert(networkCoordinators)
    .values({ networkId: row.id, userId: coordinator.id });
  return row;
}

export async function addNetworkMember(
  ctx: TestContext,
  network: { id: string },
  organisation: { id: string },
  sharing: 'named' | 'anonymous' = 'named',
): Promise<void> {
  await ctx.database.db
    .insert(networkMembers)
    .values({ networkId: network.id, organisationId: organisation.id, sharing });
}

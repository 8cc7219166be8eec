import { randomUUID } from 'node:crypto';
import type { TOrganisationType, TSizeBand } from '@waymark/rubric';
import { and, eq } from 'drizzle-orm';
import { memberships, organisations, users } from '../src/db/schema.js';
import { hashPassword } from '../src/modules/auth/passwords.js';
import type { Role } from '../src/modules/tenancy.js';
import type { TestContext } from './build-test-app.js';

/**
 * Small factories that write straight to the database and take overrides. Each returns what a
 * test needs next, e.g. a user with a ready `Authorization` header.
 */

export const DEFAULT_PASSWORD = 'correct horse battery staple 42';
// Hashing is deliberately slow: hash the shared default password once per test file.
let defaultHash: Promise<string> | undefined;

export interface TestUser {
  id: string;
  email: string;
  name: string;
  password: string;
  token: string;
  headers: { authorization: string };
}

export async function createUser(
  ctx: TestContext,
  overrides: { email?: string; name?: string; password?: string } = {},
): Promise<TestUser> {
  const password = overrides.password ?? DEFAULT_PASSWORD;
  defaultHash ??= hashPassword(DEFAULT_PASSWORD);
  const passwordHash =
    password === DEFAULT_PASSWORD ? await defaultHash : await hashPassword(password);
  const email = (overrides.email ?? `user-${randomUUID().slice(0, 8)}@example.org`).toLowerCase();
  const name = overrides.name ?? 'Test User';
  const [row] = await ctx.database.db
    .insert(users)
    .values({ email, name, passwordHash })
    .returning({ id: users.id });
  if (!row) throw new Error('user not created');
  const { accessToken } = ctx.app.signAccessToken({ id: row.id, email, name });
  return {
    id: row.id,
    email,
    name,
    password,
    token: accessToken,
    headers: { authorization: `Bearer ${accessToken}` },
  };
}

export interface TestOrganisation {
  id: string;
  name: string;
  type: TOrganisationType;
  sizeBand: TSizeBand;
}

/** An organisation with `admin` as its admin. */
export async function createOrganisation(
  ctx: TestContext,
  admin: TestUser,
  overrides: Partial<Omit<TestOrganisation, 'id'>> & {
    sector?: string;
    localAuthority?: string;
    employees?: number;
  } = {},
): Promise<TestOrganisation> {
  const values = {
    name: overrides.name ?? `Org ${randomUUID().slice(0, 6)}`,
    type: overrides.type ?? ('business' as const),
    sizeBand: overrides.sizeBand ?? ('large' as const),
    sector: overrides.sector ?? 'Logistics',
    localAuthority: overrides.localAuthority ?? 'Leeds',
    employees: overrides.employees ?? 1200,
  };
  const [row] = await ctx.database.db
    .insert(organisations)
    .values(values)
    .returning({ id: organisations.id });
  if (!row) throw new Error('organisation not created');
  await addMember(ctx, { id: row.id }, admin, 'admin');
  return { id: row.id, name: values.name, type: values.type, sizeBand: values.sizeBand };
}

/** The role a user has in an organisation: every role, and `outsider` for a stranger to it. */
export interface TestTeam {
  admin: TestUser;
  contributor: TestUser;
  viewer: TestUser;
  /** The admin of `otherOrg`, and a stranger to `org`. */
  outsider: TestUser;
  org: TestOrganisation;
  otherOrg: TestOrganisation;
}

/**
 * The role matrix most tests need: an organisation with one member of each role, and an outsider
 * who is the admin of another organisation. Names and emails are fixed (tables are emptied between
 * tests), so that tests may assert on them.
 */
export async function createTeam(
  ctx: TestContext,
  overrides: { org?: Parameters<typeof createOrganisation>[2] } = {},
): Promise<TestTeam> {
  const admin = await createUser(ctx, { name: 'Ada Admin', email: 'ada@example.org' });
  const contributor = await createUser(ctx, { name: 'Cy Contributor', email: 'cy@example.org' });
  const viewer = await createUser(ctx, { name: 'Vi Viewer', email: 'vi@example.org' });
  const outsider = await createUser(ctx, { name: 'Otto Outsider', email: 'otto@example.org' });
  const org = await createOrganisation(ctx, admin, {
    name: 'Leeds Teaching Hospitals',
    ...overrides.org,
  });
  await addMember(ctx, org, contributor, 'contributor');
  await addMember(ctx, org, viewer, 'viewer');
  const otherOrg = await createOrganisation(ctx, outsider, { name: 'Other Org' });
  return { admin, contributor, viewer, outsider, org, otherOrg };
}

export async function addMember(
  ctx: TestContext,
  organisation: { id: string },
  user: { id: string },
  role: Role,
): Promise<void> {
  await ctx.database.db
    .insert(memberships)
    .values({ organisationId: organisation.id, userId: user.id, role });
}

/** The user's role in the organisation as stored, undefined when not a member. */
export async function roleOf(ctx: TestContext, organisationId: string, userId: string) {
  const [row] = await ctx.database.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)));
  return row?.role;
}

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** One request through the app, as `user` (or unauthenticated with null). */
export function call(
  ctx: TestContext,
  user: TestUser | null,
  method: Method,
  url: string,
  payload?: unknown,
) {
  return ctx.app.inject({
    method,
    url: `/api/v1${url}`,
    headers: user ? user.headers : {},
    ...(payload === undefined ? {} : { payload: payload as Record<string, unknown> }),
  });
}

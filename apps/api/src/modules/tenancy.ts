import { and, eq } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { memberships } from '../db/schema.js';
import { ForbiddenError, NotFoundError } from '../errors.js';

export const ROLES = ['admin', 'contributor', 'viewer'] as const;
export type Role = (typeof ROLES)[number];
/** Roles that may change an assessment's answers. */
export const WRITER_ROLES: readonly Role[] = ['admin', 'contributor'];
export const ADMIN_ONLY: readonly Role[] = ['admin'];

/**
 * The caller's role in an organisation. Not a member → 404 (the organisation's existence is not
 * revealed); a member whose role is not in `allowed` → 403.
 */
export async function requireMembership(
  db: Db,
  key: { organisationId: string; userId: string },
  allowed: readonly Role[] = ROLES,
): Promise<Role> {
  const rows = await db
    .select({ role: memberships.role })
    .from(memberships)
    .where(
      and(eq(memberships.organisationId, key.organisationId), eq(memberships.userId, key.userId)),
    )
    .limit(1);
  const role = rows[0]?.role as Role | undefined;
  if (!role) throw new NotFoundError();
  if (!allowed.includes(role)) throw new ForbiddenError();
  return role;
}

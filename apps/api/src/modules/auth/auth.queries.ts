import { createHash, randomBytes } from 'node:crypto';
import { and, asc, eq, gt, isNull, ne } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import {
  memberships,
  organisations,
  passwordResets,
  refreshTokens,
  users,
} from '../../db/schema.js';

/** A random opaque token (32 bytes, base64url) and the SHA-256 hash under which it is stored. */
export function newOpaqueToken(): { token: string; hash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, hash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url');
}

// ─── Users ───────────────────────────────────────────────────────────────────────────────────

const userColumns = {
  id: users.id,
  email: users.email,
  name: users.name,
  createdAt: users.createdAt,
};

export type UserRecord = { id: string; email: string; name: string; createdAt: Date };

export async function findUserByEmail(
  db: Db,
  email: string,
): Promise<(UserRecord & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.email, email))
    .limit(1);
  return row;
}

export async function findUserById(
  db: Db,
  id: string,
): Promise<(UserRecord & { passwordHash: string }) | undefined> {
  const [row] = await db
    .select({ ...userColumns, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, id))
    .limit(1);
  return row;
}

/** Inserts a user; `undefined` when the (normalised) email is already taken. */
export async function insertUser(
  db: Db,
  values: { email: string; name: string; passwordHash: string },
): Promise<UserRecord | undefined> {
  const [row] = await db
    .insert(users)
    .values(values)
    .onConflictDoNothing({ target: users.email })
    .returning(userColumns);
  return row;
}

export async function updatePasswordHash(
  db: Db,
  key: { userId: string },
  passwordHash: string,
): Promise<void> {
  await db
    .update(users)
    .set({ passwordHash, updatedAt: new Date() })
    .where(eq(users.id, key.userId));
}

/** The organisations a user belongs to, with their role, by organisation name. */
export async function listMemberships(db: Db, key: { userId: string }) {
  return db
    .select({
      organisationId: memberships.organisationId,
      organisationName: organisations.name,
      role: memberships.role,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, key.userId))
    .orderBy(asc(organisations.name), asc(organisations.id));
}

// ─── Refresh tokens ──────────────────────────────────────────────────────────────────────────

export async function insertRefreshToken(
  db: Db,
  values: {
    userId: string;
    familyId: string;
    familyStartedAt: Date;
    tokenHash: string;
    expiresAt: Date;
  },
): Promise<void> {
  await db.insert(refreshTokens).values(values);
}

export async function findRefreshToken(db: Db, tokenHash: string) {
  const [row] = await db
    .select()
    .from(refreshTokens)
    .where(eq(refreshTokens.tokenHash, tokenHash))
    .limit(1);
  return row;
}

/**
 * Marks a token as exchanged, only if nobody did it first: under concurrency exactly one caller
 * gets `true` (the row lock serialises the updates; the loser re-reads `replaced_at` as set).
 */
export async function markRefreshTokenReplaced(db: Db, key: { id: string }): Promise<boolean> {
  const rows = await db
    .update(refreshTokens)
    .set({ replacedAt: new Date() })
    .where(
      and(
        eq(refreshTokens.id, key.id),
        isNull(refreshTokens.replacedAt),
        isNull(refreshTokens.revokedAt),
      ),
    )
    .returning({ id: refreshTokens.id });
  return rows.length === 1;
}

/** Revokes every token of a family (one sign-in and its rotations). */
export async function revokeRefreshTokenFamily(db: Db, key: { familyId: string }): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.familyId, key.familyId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

/** Revokes every refresh token of a user: every session everywhere signs out. */
export async function revokeUserRefreshTokens(db: Db, key: { userId: string }): Promise<number> {
  const rows = await db
    .update(refreshTokens)
    .set({ revokedAt: new Date() })
    .where(and(eq(refreshTokens.userId, key.userId), isNull(refreshTokens.revokedAt)))
    .returning({ id: refreshTokens.id });
  return rows.length;
}

// ─── Password resets ─────────────────────────────────────────────────────────────────────────

export async function insertPasswordReset(
  db: Db,
  values: { userId: string; tokenHash: string; expiresAt: Date },
): Promise<void> {
  await db.insert(passwordResets).values(values);
}

/** A reset that is unused and unexpired, with its user; `undefined` otherwise. */
export async function findUsablePasswordReset(db: Db, tokenHash: string, now: Date) {
  const [row] = await db
    .select({ id: passwordResets.id, user: { ...userColumns } })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(
      and(
        eq(passwordResets.tokenHash, tokenHash),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .limit(1);
  return row;
}

/** Uses a reset once: `false` when it was used (or expired) meanwhile. */
export async function consumePasswordReset(
  db: Db,
  key: { id: string },
  now: Date,
): Promise<boolean> {
  const rows = await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.id, key.id),
        isNull(passwordResets.usedAt),
        gt(passwordResets.expiresAt, now),
      ),
    )
    .returning({ id: passwordResets.id });
  return rows.length === 1;
}

/** Retires a user's other outstanding reset links once the password has changed. */
export async function retirePasswordResets(
  db: Db,
  key: { userId: string; exceptId?: string },
  now: Date,
): Promise<void> {
  await db
    .update(passwordResets)
    .set({ usedAt: now })
    .where(
      and(
        eq(passwordResets.userId, key.userId),
        isNull(passwordResets.usedAt),
        key.exceptId ? ne(passwordResets.id, key.exceptId) : undefined,
      ),
    );
}

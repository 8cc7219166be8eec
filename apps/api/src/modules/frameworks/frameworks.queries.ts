import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../../db/client.js';
import { frameworkVersions } from '../../db/schema.js';

/** Published framework versions, newest version of each framework last. */
export function listFrameworkVersions(db: Db) {
  return db
    .select({
      frameworkId: frameworkVersions.frameworkId,
      version: frameworkVersions.version,
      definition: frameworkVersions.definition,
      publishedAt: frameworkVersions.publishedAt,
    })
    .from(frameworkVersions)
    .orderBy(asc(frameworkVersions.frameworkId), asc(frameworkVersions.version));
}

export async function getFrameworkVersion(db: Db, key: { frameworkId: string; version: number }) {
  const rows = await db
    .select({
      definition: frameworkVersions.definition,
      publishedAt: frameworkVersions.publishedAt,
    })
    .from(frameworkVersions)
    .where(
      and(
        eq(frameworkVersions.frameworkId, key.frameworkId),
        eq(frameworkVersions.version, key.version),
      ),
    )
    .limit(1);
  return rows[0];
}

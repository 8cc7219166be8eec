import { DEFAULT_FRAMEWORKS, type TFramework } from '@waymark/rubric';
import type { Db } from './client.js';
import { frameworkVersions } from './schema.js';

/**
 * Publishes the frameworks that ship with Waymark. A published version never changes, so an
 * existing row is left as it is; editing a shipped framework means publishing a new version.
 */
export async function seedFrameworks(
  db: Db,
  frameworks: readonly TFramework[] = DEFAULT_FRAMEWORKS,
): Promise<number> {
  if (frameworks.length === 0) return 0;
  const inserted = await db
    .insert(frameworkVersions)
    .values(
      frameworks.map((f) => ({
        frameworkId: f.id,
        version: f.version,
        title: f.title,
        definition: f,
      })),
    )
    .onConflictDoNothing()
    .returning({ frameworkId: frameworkVersions.frameworkId });
  return inserted.length;
}

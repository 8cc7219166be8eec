import type { TFramework } from '@waymark/rubric';
import { sql } from 'drizzle-orm';
import { check, integer, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * The source of truth for the database. Change it, run `pnpm db:generate`, read the SQL, commit
 * both. A published framework version is immutable: a change is a new version.
 */
export const frameworkVersions = pgTable(
  'framework_versions',
  {
    frameworkId: text('framework_id').notNull(),
    version: integer('version').notNull(),
    title: text('title').notNull(),
    /** The whole validated definition, as `@waymark/rubric` parses it. */
    definition: jsonb('definition').$type<TFramework>().notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.frameworkId, t.version] }),
    check('framework_versions_version_positive', sql`${t.version} >= 1`),
  ],
);

export type FrameworkVersionRow = typeof frameworkVersions.$inferSelect;

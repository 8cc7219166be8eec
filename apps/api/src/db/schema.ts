import type { TFramework } from '@waymark/rubric';
import { sql } from 'drizzle-orm';
import {
  bigserial,
  check,
  date,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from 'drizzle-orm/pg-core';

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

// ─── Accounts ────────────────────────────────────────────────────────────────────────────────

export const users = pgTable(
  'users',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored normalised (trimmed, lower-case): unique without regard to case. */
    email: text('email').notNull(),
    name: text('name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('users_email_unique').on(t.email)],
);

/**
 * Opaque refresh tokens, stored as SHA-256 hashes. Each sign-in starts a family; every refresh
 * rotates the token within it. Presenting a rotated (replaced) token again is reuse: the whole
 * family is revoked.
 */
export const refreshTokens = pgTable(
  'refresh_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    familyId: uuid('family_id').notNull(),
    /**
     * When the family's sign-in happened, copied to every rotation: past SESSION_MAX_AGE_DAYS the
     * family can no longer be refreshed. (Rows from before this column count from the migration.)
     */
    familyStartedAt: timestamp('family_started_at', { withTimezone: true }).notNull().defaultNow(),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when this token was exchanged for its successor. */
    replacedAt: timestamp('replaced_at', { withTimezone: true }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('refresh_tokens_hash_unique').on(t.tokenHash),
    index('refresh_tokens_family_idx').on(t.familyId),
    index('refresh_tokens_user_idx').on(t.userId),
  ],
);

export const passwordResets = pgTable(
  'password_resets',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex('password_resets_hash_unique').on(t.tokenHash)],
);

// ─── Organisations and people ────────────────────────────────────────────────────────────────

export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    /** `business` | `public_sector` | `voluntary_community` (the rubric's ORGANISATION_TYPES). */
    type: text('type').notNull(),
    sector: text('sector'),
    /** `micro` | `small` | `medium` | `large` (the rubric's SIZE_BANDS). */
    sizeBand: text('size_band').notNull(),
    localAuthority: text('local_authority'),
    employees: integer('employees'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check(
      'organisations_type_valid',
      sql`${t.type} in ('business', 'public_sector', 'voluntary_community')`,
    ),
    check(
      'organisations_size_band_valid',
      sql`${t.sizeBand} in ('micro', 'small', 'medium', 'large')`,
    ),
    check(
      'organisations_employees_nonnegative',
      sql`${t.employees} is null or ${t.employees} >= 0`,
    ),
  ],
);

export const memberships = pgTable(
  'memberships',
  {
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    /** `admin` | `contributor` | `viewer`. */
    role: text('role').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organisationId, t.userId] }),
    index('memberships_user_idx').on(t.userId),
    check('memberships_role_valid', sql`${t.role} in ('admin', 'contributor', 'viewer')`),
  ],
);

/** A single-use link with an expiry; only the token's hash is stored. */
export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: text('role').notNull(),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('invitations_hash_unique').on(t.tokenHash),
    index('invitations_org_idx').on(t.organisationId),
    check('invitations_role_valid', sql`${t.role} in ('admin', 'contributor', 'viewer')`),
  ],
);

// ─── Assessments ─────────────────────────────────────────────────────────────────────────────

/**
 * The working copy of one organisation's assessment on one framework version. `draft` and
 * `reopened` are editable; `submitted` is locked. Each submission is kept unchanged as a row of
 * `assessment_revisions`.
 */
export const assessments = pgTable(
  'assessments',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    title: text('title').notNull(),
    /** `draft` | `submitted` | `reopened`. */
    status: text('status').notNull().default('draft'),
    /** 1 for the first submission; reopening moves to the next. */
    revision: integer('revision').notNull().default(1),
    /** The organisation's type and size when the assessment started: they decide which criteria apply. */
    profile: jsonb('profile').$type<{ organisationType: string; sizeBand: string }>().notNull(),
    includedOptionalPillars: jsonb('included_optional_pillars')
      .$type<string[]>()
      .notNull()
      .default([]),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index('assessments_org_idx').on(t.organisationId),
    foreignKey({
      name: 'assessments_framework_fk',
      columns: [t.frameworkId, t.frameworkVersion],
      foreignColumns: [frameworkVersions.frameworkId, frameworkVersions.version],
    }),
    check('assessments_status_valid', sql`${t.status} in ('draft', 'submitted', 'reopened')`),
  ],
);

/** A submitted revision: answers and scores as they were at submission, never changed. */
export const assessmentRevisions = pgTable(
  'assessment_revisions',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    revision: integer('revision').notNull(),
    answers: jsonb('answers').notNull(),
    scores: jsonb('scores').notNull(),
    submittedBy: uuid('submitted_by').references(() => users.id, { onDelete: 'set null' }),
    submittedAt: timestamp('submitted_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.revision] })],
);

export const pillarAssignments = pgTable(
  'pillar_assignments',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    pillarId: text('pillar_id').notNull(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    assignedBy: uuid('assigned_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.assessmentId, t.pillarId] })],
);

/** One answer per criterion; `version` increases on every save (optimistic concurrency). */
export const answers = pgTable(
  'answers',
  {
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    /** null: don't know yet. */
    level: integer('level'),
    notApplicableReason: text('not_applicable_reason'),
    targetLevel: integer('target_level'),
    notes: text('notes'),
    evidenceLinks: jsonb('evidence_links').$type<string[]>().notNull().default([]),
    indicators: jsonb('indicators').$type<Record<string, number>>().notNull().default({}),
    version: integer('version').notNull().default(1),
    updatedBy: uuid('updated_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.assessmentId, t.criterionId] }),
    check('answers_level_range', sql`${t.level} is null or ${t.level} between 1 and 10`),
    check(
      'answers_target_range',
      sql`${t.targetLevel} is null or ${t.targetLevel} between 1 and 10`,
    ),
    check('answers_version_positive', sql`${t.version} >= 1`),
  ],
);

export const actions = pgTable(
  'actions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    criterionId: text('criterion_id').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    ownerUserId: uuid('owner_user_id').references(() => users.id, { onDelete: 'set null' }),
    dueDate: date('due_date', { mode: 'string' }),
    /** `planned` | `in_progress` | `done`. */
    status: text('status').notNull().default('planned'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp('completed_at', { withTimezone: true }),
  },
  (t) => [
    index('actions_assessment_idx').on(t.assessmentId),
    check('actions_status_valid', sql`${t.status} in ('planned', 'in_progress', 'done')`),
  ],
);

/** Who did what to which record, when. Append-only. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    organisationId: uuid('organisation_id').references(() => organisations.id, {
      onDelete: 'cascade',
    }),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    action: text('action').notNull(),
    data: jsonb('data').$type<Record<string, unknown>>().notNull().default({}),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index('audit_events_org_idx').on(t.organisationId, t.createdAt)],
);

// ─── Networks ────────────────────────────────────────────────────────────────────────────────

/**
 * An anchor network: coordinators run its yearly cycles; organisations join it as members.
 * `localAuthorityCodes` are ONS district codes (the shipped LAD list) that "local" means for it.
 */
export const networks = pgTable(
  'networks',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    place: text('place').notNull(),
    description: text('description'),
    localAuthorityCodes: jsonb('local_authority_codes').$type<string[]>().notNull().default([]),
    /** The fewest organisations any aggregate may show (DESIGN.md: default 5, never below 3). */
    minGroupSize: integer('min_group_size').notNull().default(5),
    /** Optional pillars its members answer (e.g. `service-delivery` for public bodies). */
    optionalPillars: jsonb('optional_pillars').$type<string[]>().notNull().default([]),
    /** Members who have not submitted are reminded this many days before a cycle closes; null: never. */
    reminderDaysBefore: integer('reminder_days_before').default(7),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    check('networks_min_group_size', sql`${t.minGroupSize} between 3 and 1000`),
    check(
      'networks_reminder_days',
      sql`${t.reminderDaysBefore} is null or ${t.reminderDaysBefore} between 1 and 90`,
    ),
  ],
);

export const networkCoordinators = pgTable(
  'network_coordinators',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    addedBy: uuid('added_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.userId] }),
    index('network_coordinators_user_idx').on(t.userId),
  ],
);

/**
 * An organisation in a network. `named`: coordinators see its results; `anonymous`: it only counts
 * in aggregates. Leaving deletes the row (the audit trail keeps the history).
 */
export const networkMembers = pgTable(
  'network_members',
  {
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    sharing: text('sharing').notNull(),
    joinedAt: timestamp('joined_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.networkId, t.organisationId] }),
    index('network_members_org_idx').on(t.organisationId),
    check('network_members_sharing_valid', sql`${t.sharing} in ('named', 'anonymous')`),
  ],
);

/**
 * An invitation for an organisation to join a network, sent to a contact email. Accepted by an
 * admin of an existing organisation or by someone who creates the organisation on accepting.
 */
export const networkInvitations = pgTable(
  'network_invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    organisationName: text('organisation_name').notNull(),
    /** Stored normalised (trimmed, lower-case). */
    email: text('email').notNull(),
    organisationType: text('organisation_type'),
    sizeBand: text('size_band'),
    tokenHash: text('token_hash').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    acceptedAt: timestamp('accepted_at', { withTimezone: true }),
    acceptedBy: uuid('accepted_by').references(() => users.id, { onDelete: 'set null' }),
    acceptedOrganisationId: uuid('accepted_organisation_id').references(() => organisations.id, {
      onDelete: 'set null',
    }),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('network_invitations_hash_unique').on(t.tokenHash),
    index('network_invitations_network_idx').on(t.networkId),
    check(
      'network_invitations_type_valid',
      sql`${t.organisationType} is null or ${t.organisationType} in ('business', 'public_sector', 'voluntary_community')`,
    ),
    check(
      'network_invitations_size_band_valid',
      sql`${t.sizeBand} is null or ${t.sizeBand} in ('micro', 'small', 'medium', 'large')`,
    ),
  ],
);

/**
 * A network's assessment round, pinned to one framework version. Open from `opensOn` to the end
 * of `closesOn` (Europe/London); a coordinator extends or reopens it by moving `closesOn`.
 */
export const cycles = pgTable(
  'cycles',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    networkId: uuid('network_id')
      .notNull()
      .references(() => networks.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    frameworkId: text('framework_id').notNull(),
    frameworkVersion: integer('framework_version').notNull(),
    opensOn: date('opens_on', { mode: 'string' }).notNull(),
    closesOn: date('closes_on', { mode: 'string' }).notNull(),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('cycles_network_name_unique').on(t.networkId, t.name),
    foreignKey({
      name: 'cycles_framework_fk',
      columns: [t.frameworkId, t.frameworkVersion],
      foreignColumns: [frameworkVersions.frameworkId, frameworkVersions.version],
    }),
    check('cycles_dates_ordered', sql`${t.closesOn} >= ${t.opensOn}`),
  ],
);

/**
 * Which assessment an organisation answers a cycle with. One per organisation per cycle; one
 * assessment may count for several networks' cycles on the same framework version.
 */
export const cycleAssessments = pgTable(
  'cycle_assessments',
  {
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    assessmentId: uuid('assessment_id')
      .notNull()
      .references(() => assessments.id, { onDelete: 'cascade' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.cycleId, t.organisationId] }),
    index('cycle_assessments_assessment_idx').on(t.assessmentId),
  ],
);

/**
 * A reminder sent (or being sent) to one member for one cycle. `key` names the occasion
 * (`auto:7d` for the automatic one, `manual:<batch id>` for a coordinator's): the unique index is
 * what makes the same reminder never go twice, whichever instance's job gets there first.
 */
export const reminders = pgTable(
  'reminders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    cycleId: uuid('cycle_id')
      .notNull()
      .references(() => cycles.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    key: text('key').notNull(),
    requestedBy: uuid('requested_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set once the notice (and email, when SMTP is configured) has gone. */
    sentAt: timestamp('sent_at', { withTimezone: true }),
  },
  (t) => [
    uniqueIndex('reminders_once').on(t.cycleId, t.organisationId, t.key),
    index('reminders_unsent_idx').on(t.createdAt).where(sql`${t.sentAt} is null`),
  ],
);

/** A message for an organisation's people, shown in the app (reminders, network news). */
export const notices = pgTable(
  'notices',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    networkId: uuid('network_id').references(() => networks.id, { onDelete: 'cascade' }),
    cycleId: uuid('cycle_id').references(() => cycles.id, { onDelete: 'cascade' }),
    kind: text('kind').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (t) => [index('notices_org_idx').on(t.organisationId, t.createdAt)],
);

export type NetworkRow = typeof networks.$inferSelect;
export type CycleRow = typeof cycles.$inferSelect;

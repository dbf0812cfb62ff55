/**
 * Keel's relational schema. Migrations in ./migrations are generated from this file
 * with `npm run db:generate` and committed; they run on PGlite and on PostgreSQL alike,
 * so nothing here may need a server newer than PostgreSQL 15.
 *
 * Tenant-owned tables carry `organization_id` and include it in their primary, unique
 * and foreign keys, so one organisation's rows can be distributed together later.
 * Facts are append-only; definitions carry a `version` (optimistic locking) and every
 * change writes a full before/after snapshot to `audit_events` in the same transaction,
 * which is what makes "as of" a query (see docs/ARCHITECTURE.md).
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const createdAt = () => timestamp("created_at", { withTimezone: true }).notNull().defaultNow();
const updatedAt = () => timestamp("updated_at", { withTimezone: true }).notNull().defaultNow();

/** Global person accounts; memberships give them roles inside organisations. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null until the person sets a password through a one-time link. */
    passwordHash: text("password_hash"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("users_email_key").on(sql`lower(${t.email})`)],
);

/** Server-side sessions; the cookie holds a random secret whose SHA-256 is the key. */
export const sessions = pgTable(
  "sessions",
  {
    tokenHash: text("token_hash").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    csrfToken: text("csrf_token").notNull(),
    createdAt: createdAt(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    ip: text("ip"),
    userAgent: text("user_agent"),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** One-time password reset links (issued by an admin or `keel reset-password`). */
export const passwordResets = pgTable("password_resets", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  createdBy: uuid("created_by"),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/** Fixed-window counters for sign-in attempts, shared by every instance. */
export const rateLimits = pgTable("rate_limits", {
  bucket: text("bucket").primaryKey(),
  windowStartedAt: timestamp("window_started_at", { withTimezone: true }).notNull(),
  count: integer("count").notNull(),
});

/** Instance-wide settings, e.g. the hash of the one-time setup code. */
export const instanceSettings = pgTable("instance_settings", {
  key: text("key").primaryKey(),
  value: text("value").notNull(),
  updatedAt: updatedAt(),
});

/** The tenant. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    timeZone: text("time_zone").notNull().default("UTC"),
    /** ISO weekday the week starts on: 1 = Monday … 7 = Sunday. */
    weekStart: smallint("week_start").notNull().default(1),
    /** Month (1–12) the fiscal year starts in. */
    fiscalYearStartMonth: smallint("fiscal_year_start_month").notNull().default(1),
    isDemo: boolean("is_demo").notNull().default(false),
    /** OKR status bands (src/domain/okr/status-settings.ts); null = the documented defaults. */
    okrSettings: jsonb("okr_settings"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("organizations_slug_key").on(t.slug)],
);

export const memberships = pgTable(
  "memberships",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    role: text("role", { enum: ["owner", "admin", "member", "viewer"] }).notNull(),
    /** The person's manager in this organisation (for 1:1s). */
    managerUserId: uuid("manager_user_id"),
    title: text("title"),
    status: text("status", { enum: ["active", "deactivated"] })
      .notNull()
      .default("active"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    foreignKey({
      name: "memberships_manager_fk",
      columns: [t.organizationId, t.managerUserId],
      foreignColumns: [t.organizationId, t.userId],
    }),
    index("memberships_user_idx").on(t.userId),
  ],
);

export const invitations = pgTable(
  "invitations",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    role: text("role", { enum: ["owner", "admin", "member", "viewer"] }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdBy: uuid("created_by"),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by"),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("invitations_token_key").on(t.tokenHash),
  ],
);

export const teams = pgTable(
  "teams",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    parentId: uuid("parent_id"),
    name: text("name").notNull(),
    /** Free label for the level in the tree: company, division, department, squad… */
    kind: text("kind").notNull().default("team"),
    methodology: text("methodology", { enum: ["okr", "kpi", "both"] })
      .notNull()
      .default("both"),
    leadUserId: uuid("lead_user_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "teams_parent_fk",
      columns: [t.organizationId, t.parentId],
      foreignColumns: [t.organizationId, t.id],
    }),
    foreignKey({
      name: "teams_lead_fk",
      columns: [t.organizationId, t.leadUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    index("teams_parent_idx").on(t.organizationId, t.parentId),
  ],
);

export const teamMembers = pgTable(
  "team_members",
  {
    organizationId: uuid("organization_id").notNull(),
    teamId: uuid("team_id").notNull(),
    userId: uuid("user_id").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.teamId, t.userId] }),
    foreignKey({
      name: "team_members_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "team_members_member_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    index("team_members_user_idx").on(t.organizationId, t.userId),
  ],
);

export const cycles = pgTable(
  "cycles",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    kind: text("kind", { enum: ["quarter", "year", "custom"] }).notNull(),
    /** First and last day, inclusive, as dates in the organisation's time zone. */
    startsOn: date("starts_on").notNull(),
    endsOn: date("ends_on").notNull(),
    state: text("state", { enum: ["planning", "active", "grading", "closed"] })
      .notNull()
      .default("planning"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("cycles_dates_idx").on(t.organizationId, t.startsOn),
  ],
);

export const themes = pgTable(
  "themes",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    /** Which Balanced Scorecard perspective a default theme came from; null for custom ones. */
    perspective: text("perspective"),
    position: integer("position").notNull().default(0),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const apiTokens = pgTable(
  "api_tokens",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    kind: text("kind", { enum: ["personal", "service"] }).notNull(),
    /** The person a personal token acts for; null for service tokens. */
    userId: uuid("user_id"),
    name: text("name").notNull(),
    role: text("role", { enum: ["owner", "admin", "member", "viewer"] }).notNull(),
    /** SHA-256 of the secret; the secret itself is shown once and never stored. */
    tokenHash: text("token_hash").notNull(),
    /** First characters of the secret, so people can tell tokens apart. */
    prefix: text("prefix").notNull(),
    createdBy: uuid("created_by"),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("api_tokens_hash_key").on(t.tokenHash),
  ],
);

/**
 * Append-only record of every change: who (person or token), when, what, why, and the
 * full entity before and after. The latest `after` at or before a date is the entity as
 * of that date, so definitions are dated versions without a second copy.
 */
export const auditEvents = pgTable(
  "audit_events",
  {
    id: bigserial("id", { mode: "number" }).primaryKey(),
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
    actorUserId: uuid("actor_user_id"),
    actorTokenId: uuid("actor_token_id"),
    actorLabel: text("actor_label").notNull(),
    action: text("action").notNull(),
    entityType: text("entity_type").notNull(),
    entityId: text("entity_id").notNull(),
    entityLabel: text("entity_label"),
    before: jsonb("before"),
    after: jsonb("after"),
    reason: text("reason"),
    requestId: text("request_id"),
  },
  (t) => [
    index("audit_events_org_idx").on(t.organizationId, t.id),
    index("audit_events_entity_idx").on(t.organizationId, t.entityType, t.entityId, t.at),
  ],
);

/** An Objective: qualitative and ambitious, for one cycle, owned by a team (or a person). */
export const objectives = pgTable(
  "objectives",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    cycleId: uuid("cycle_id").notNull(),
    /** Owning team; null for a personal Objective. */
    teamId: uuid("team_id"),
    /** Accountable person; drafts may have none, activation requires one. */
    ownerUserId: uuid("owner_user_id"),
    title: text("title").notNull(),
    description: text("description").notNull().default(""),
    themeId: uuid("theme_id"),
    state: text("state", { enum: ["draft", "active", "closed"] })
      .notNull()
      .default("draft"),
    /** How a closed Objective ended. */
    outcome: text("outcome", { enum: ["achieved", "missed", "dropped"] }),
    visibility: text("visibility", { enum: ["organization", "team"] })
      .notNull()
      .default("organization"),
    position: integer("position").notNull().default(0),
    /** Final grade 0–1 set in grading, and the retrospective note. */
    grade: doublePrecision("grade"),
    retrospective: text("retrospective"),
    /** The Objective of an earlier cycle this one was rolled over from. */
    rolledOverFromId: uuid("rolled_over_from_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "objectives_cycle_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }),
    foreignKey({
      name: "objectives_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }),
    foreignKey({
      name: "objectives_owner_fk",
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    foreignKey({
      name: "objectives_theme_fk",
      columns: [t.organizationId, t.themeId],
      foreignColumns: [themes.organizationId, themes.id],
    }),
    index("objectives_cycle_team_idx").on(t.organizationId, t.cycleId, t.teamId),
    index("objectives_owner_idx").on(t.organizationId, t.ownerUserId),
  ],
);

/** Alignment: a child Objective contributes to a parent with a weight (≤ 1 in total per child). */
export const objectiveAlignments = pgTable(
  "objective_alignments",
  {
    organizationId: uuid("organization_id").notNull(),
    childId: uuid("child_id").notNull(),
    parentId: uuid("parent_id").notNull(),
    weight: doublePrecision("weight").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.childId, t.parentId] }),
    foreignKey({
      name: "objective_alignments_child_fk",
      columns: [t.organizationId, t.childId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "objective_alignments_parent_fk",
      columns: [t.organizationId, t.parentId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    index("objective_alignments_parent_idx").on(t.organizationId, t.parentId),
  ],
);

/** A Key Result: how we know the Objective was reached. */
export const keyResults = pgTable(
  "key_results",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    objectiveId: uuid("objective_id").notNull(),
    title: text("title").notNull(),
    kind: text("kind", { enum: ["metric", "milestone", "percentage"] }).notNull(),
    ownerUserId: uuid("owner_user_id"),
    /** Metric KRs: start and target; direction follows from them (target below start = decreasing). */
    startValue: doublePrecision("start_value"),
    targetValue: doublePrecision("target_value"),
    unit: text("unit").notNull().default(""),
    weight: doublePrecision("weight").notNull().default(1),
    commitment: text("commitment", { enum: ["committed", "aspirational"] })
      .notNull()
      .default("aspirational"),
    position: integer("position").notNull().default(0),
    /** Latest check-in, denormalised so pages need no scan of the check-in history. */
    currentValue: doublePrecision("current_value"),
    done: boolean("done").notNull().default(false),
    lastConfidence: smallint("last_confidence"),
    lastCheckInAt: timestamp("last_check_in_at", { withTimezone: true }),
    /** Final score 0–1 set in grading, with the owner's comment. */
    finalScore: doublePrecision("final_score"),
    scoreComment: text("score_comment"),
    rolledOverFromId: uuid("rolled_over_from_id"),
    archivedAt: timestamp("archived_at", { withTimezone: true }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "key_results_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }),
    foreignKey({
      name: "key_results_owner_fk",
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    index("key_results_objective_idx").on(t.organizationId, t.objectiveId),
    index("key_results_owner_idx").on(t.organizationId, t.ownerUserId),
  ],
);

export const keyResultContributors = pgTable(
  "key_result_contributors",
  {
    organizationId: uuid("organization_id").notNull(),
    keyResultId: uuid("key_result_id").notNull(),
    userId: uuid("user_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.keyResultId, t.userId] }),
    foreignKey({
      name: "key_result_contributors_kr_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "key_result_contributors_member_fk",
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    index("key_result_contributors_user_idx").on(t.organizationId, t.userId),
  ],
);

/**
 * Check-ins are facts: append-only. Editing one (its author, within 24 h) writes a new
 * row that supersedes it; the old row keeps its values and gets `superseded_at`.
 */
export const checkIns = pgTable(
  "check_ins",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    keyResultId: uuid("key_result_id").notNull(),
    authorUserId: uuid("author_user_id"),
    value: doublePrecision("value"),
    done: boolean("done"),
    confidence: smallint("confidence").notNull(),
    note: text("note").notNull().default(""),
    createdAt: createdAt(),
    /** For an edit: the check-in it replaces, and when the replaced one was superseded. */
    supersedesId: uuid("supersedes_id"),
    supersededAt: timestamp("superseded_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "check_ins_kr_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }),
    index("check_ins_kr_time_idx").on(t.organizationId, t.keyResultId, t.createdAt),
  ],
);

export * from "./schema-kpis.ts";

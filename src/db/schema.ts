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

/**
 * A KPI: a standing health metric. `key` is stable and unique in the organisation;
 * formulas and the API refer to KPIs by it. Thresholds live in `kpi_bands` (a series
 * over time), values in `kpi_measurements`.
 */
export const kpis = pgTable(
  "kpis",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    key: text("key").notNull(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    ownerUserId: uuid("owner_user_id").notNull(),
    teamId: uuid("team_id").notNull(),
    unit: text("unit", { enum: ["number", "currency", "percent", "duration", "count"] }).notNull(),
    /** Display format: decimals shown, and the ISO currency code for currency KPIs. */
    decimals: smallint("decimals").notNull().default(0),
    currency: text("currency"),
    direction: text("direction", { enum: ["higher_is_better", "lower_is_better", "within_range"] }).notNull(),
    frequency: text("frequency", { enum: ["daily", "weekly", "monthly", "quarterly"] }).notNull(),
    aggregation: text("aggregation", { enum: ["sum", "average", "last", "min", "max"] }).notNull(),
    themeId: uuid("theme_id"),
    /** A formula over other KPIs' keys; its values are computed, never entered. */
    formula: text("formula"),
    state: text("state", { enum: ["active", "archived"] })
      .notNull()
      .default("active"),
    /** An open escalation closes itself after this many green periods in a row. */
    closeAfterGreenPeriods: smallint("close_after_green_periods").notNull().default(2),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("kpis_key_key").on(t.organizationId, t.key),
    foreignKey({
      name: "kpis_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }),
    foreignKey({
      name: "kpis_owner_fk",
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    foreignKey({
      name: "kpis_theme_fk",
      columns: [t.organizationId, t.themeId],
      foreignColumns: [themes.organizationId, themes.id],
    }),
    index("kpis_team_idx").on(t.organizationId, t.teamId),
    index("kpis_owner_idx").on(t.organizationId, t.ownerUserId),
  ],
);

/**
 * Target and threshold bands, as a series: each row is in force from `effective_from`
 * until the next one, so a target that steps up each quarter is several rows. Which
 * fields apply depends on the KPI's direction (src/domain/kpi/bands.ts).
 */
export const kpiBands = pgTable(
  "kpi_bands",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    effectiveFrom: date("effective_from").notNull(),
    target: doublePrecision("target"),
    greenMin: doublePrecision("green_min"),
    greenMax: doublePrecision("green_max"),
    redMin: doublePrecision("red_min"),
    redMax: doublePrecision("red_max"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId, t.effectiveFrom] }),
    foreignKey({
      name: "kpi_bands_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
  ],
);

/** Edges of the KPI tree: a formula KPI reads these inputs (kept for cycle checks and recomputes). */
export const kpiFormulaInputs = pgTable(
  "kpi_formula_inputs",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    inputKpiId: uuid("input_kpi_id").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId, t.inputKpiId] }),
    foreignKey({
      name: "kpi_formula_inputs_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "kpi_formula_inputs_input_fk",
      columns: [t.organizationId, t.inputKpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }),
    index("kpi_formula_inputs_input_idx").on(t.organizationId, t.inputKpiId),
  ],
);

const measurementSources = ["manual", "import", "api", "formula", "connector"] as const;

/**
 * The value in force for each KPI period: one row per (KPI, period). A correction moves
 * the row it replaces to `kpi_measurement_history` in the same statement, so reads of
 * current values never filter superseded rows, and nothing is ever lost. Author and
 * token carry no foreign key: bulk ingestion writes thousands of rows per statement and
 * both come from the authenticated caller.
 */
export const kpiMeasurements = pgTable(
  "kpi_measurements",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    periodStart: date("period_start").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source", { enum: measurementSources }).notNull(),
    authorUserId: uuid("author_user_id"),
    tokenId: uuid("token_id"),
    /** For a correction: why the value changed. */
    note: text("note").notNull().default(""),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull().defaultNow(),
    /** 1 for the first value of the period, +1 per correction. */
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId, t.periodStart] }),
    foreignKey({
      name: "kpi_measurements_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
  ],
);

/** Superseded measurements, append-only: the value that was in force until `superseded_at`. */
export const kpiMeasurementHistory = pgTable(
  "kpi_measurement_history",
  {
    organizationId: uuid("organization_id").notNull(),
    id: bigserial("id", { mode: "number" }).notNull(),
    kpiId: uuid("kpi_id").notNull(),
    periodStart: date("period_start").notNull(),
    value: doublePrecision("value").notNull(),
    source: text("source", { enum: measurementSources }).notNull(),
    authorUserId: uuid("author_user_id"),
    tokenId: uuid("token_id"),
    note: text("note").notNull().default(""),
    recordedAt: timestamp("recorded_at", { withTimezone: true }).notNull(),
    revision: integer("revision").notNull(),
    supersededAt: timestamp("superseded_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "kpi_measurement_history_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    index("kpi_measurement_history_period_idx").on(t.organizationId, t.kpiId, t.periodStart),
  ],
);

/**
 * KPIs whose values changed and whose status, escalations and dependent formulas must
 * be brought up to date. Writers add a row per KPI (set-wise, in the writing statement's
 * transaction); the recompute job drains it with `for update skip locked`, so several
 * instances share the work and nothing is lost if one stops.
 */
export const kpiRecomputeQueue = pgTable(
  "kpi_recompute_queue",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    /** The earliest period that changed: formulas are recomputed from here on. */
    fromPeriod: date("from_period").notNull(),
    queuedAt: timestamp("queued_at", { withTimezone: true }).notNull().defaultNow(),
    /** Failed recomputes wait before the next try (backing off), with the last error kept. */
    attempts: integer("attempts").notNull().default(0),
    notBefore: timestamp("not_before", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId] }),
    foreignKey({
      name: "kpi_recompute_queue_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A scheduled source for one KPI: an HTTP JSON endpoint (value picked with a JSON path)
 * or a SQL query against a PostgreSQL database. Credentials (request headers, the
 * connection string) are encrypted at rest and never returned by the API.
 */
export const kpiConnectors = pgTable(
  "kpi_connectors",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    kind: text("kind", { enum: ["http_json", "postgres_sql"] }).notNull(),
    url: text("url"),
    jsonPath: text("json_path"),
    query: text("query"),
    /** AES-256-GCM ciphertext of the credentials (src/server/lib/secret-box.ts). */
    secretCiphertext: text("secret_ciphertext"),
    enabled: boolean("enabled").notNull().default(true),
    nextRunAt: timestamp("next_run_at", { withTimezone: true }).notNull().defaultNow(),
    lastRunAt: timestamp("last_run_at", { withTimezone: true }),
    lastOutcome: text("last_outcome", { enum: ["succeeded", "failed"] }),
    lastError: text("last_error"),
    lastValue: doublePrecision("last_value"),
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId] }),
    foreignKey({
      name: "kpi_connectors_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    index("kpi_connectors_due_idx").on(t.nextRunAt),
  ],
);

/**
 * The KPI floor: for a team and a cycle, KPIs that must not fall while the cycle runs,
 * each with an owner and the threshold at which an escalation opens.
 */
export const kpiFloors = pgTable(
  "kpi_floors",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    teamId: uuid("team_id").notNull(),
    cycleId: uuid("cycle_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    ownerUserId: uuid("owner_user_id").notNull(),
    threshold: doublePrecision("threshold").notNull(),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("kpi_floors_team_cycle_kpi_key").on(t.organizationId, t.teamId, t.cycleId, t.kpiId),
    foreignKey({
      name: "kpi_floors_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }),
    foreignKey({
      name: "kpi_floors_cycle_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }),
    foreignKey({
      name: "kpi_floors_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }),
    foreignKey({
      name: "kpi_floors_owner_fk",
      columns: [t.organizationId, t.ownerUserId],
      foreignColumns: [memberships.organizationId, memberships.userId],
    }),
    index("kpi_floors_kpi_idx").on(t.organizationId, t.kpiId),
  ],
);

/**
 * An escalation: a KPI turned red or fell through its floor. At most one is unresolved
 * per KPI (a partial unique index), so a KPI that stays red does not open one a minute.
 */
export const escalations = pgTable(
  "escalations",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    kpiId: uuid("kpi_id").notNull(),
    reason: text("reason", { enum: ["red", "floor"] }).notNull(),
    floorId: uuid("floor_id"),
    state: text("state", { enum: ["open", "acknowledged", "resolved"] })
      .notNull()
      .default("open"),
    periodStart: date("period_start").notNull(),
    value: doublePrecision("value").notNull(),
    openedAt: timestamp("opened_at", { withTimezone: true }).notNull().defaultNow(),
    acknowledgedAt: timestamp("acknowledged_at", { withTimezone: true }),
    acknowledgedByUserId: uuid("acknowledged_by_user_id"),
    resolvedAt: timestamp("resolved_at", { withTimezone: true }),
    /** Null when the escalation closed itself after enough green periods. */
    resolvedByUserId: uuid("resolved_by_user_id"),
    resolution: text("resolution"),
    version: integer("version").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "escalations_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    uniqueIndex("escalations_one_unresolved_key")
      .on(t.organizationId, t.kpiId)
      .where(sql`state <> 'resolved'`),
    index("escalations_state_idx").on(t.organizationId, t.state),
  ],
);

/** Who an escalation goes to: the KPI's owner and the team lead (or the nearest lead above, or the admins). */
export const escalationRecipients = pgTable(
  "escalation_recipients",
  {
    organizationId: uuid("organization_id").notNull(),
    escalationId: uuid("escalation_id").notNull(),
    userId: uuid("user_id").notNull(),
    role: text("role", { enum: ["owner", "lead", "admin", "floor_owner"] }).notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.escalationId, t.userId] }),
    foreignKey({
      name: "escalation_recipients_escalation_fk",
      columns: [t.organizationId, t.escalationId],
      foreignColumns: [escalations.organizationId, escalations.id],
    }).onDelete("cascade"),
    index("escalation_recipients_user_idx").on(t.organizationId, t.userId),
  ],
);

/** An escalation's timeline: notes and actions people add, and each change of state. */
export const escalationEntries = pgTable(
  "escalation_entries",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    escalationId: uuid("escalation_id").notNull(),
    kind: text("kind", { enum: ["opened", "note", "action", "acknowledged", "resolved"] }).notNull(),
    authorUserId: uuid("author_user_id"),
    text: text("text").notNull().default(""),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "escalation_entries_escalation_fk",
      columns: [t.organizationId, t.escalationId],
      foreignColumns: [escalations.organizationId, escalations.id],
    }).onDelete("cascade"),
    index("escalation_entries_escalation_idx").on(t.organizationId, t.escalationId, t.createdAt),
  ],
);

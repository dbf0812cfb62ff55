/**
 * Who is who in Keel's schema (re-exported by schema.ts, which drizzle-kit reads): global
 * accounts and their sessions, instance settings, organisations with their memberships,
 * invitations, team tree and API tokens, and the audit log every change writes to.
 * Conventions in schema.ts.
 */
import { sql } from "drizzle-orm";
import {
  bigserial,
  boolean,
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
import { createdAt, updatedAt } from "./schema-columns.ts";

/** Global person accounts; memberships give them roles inside organisations. */
export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    /** argon2id; null until the person sets a password through a one-time link. */
    passwordHash: text("password_hash"),
    /**
     * An operator of this Keel instance (not of an organisation): may create organisations
     * and name other operators. The account that set Keel up is the first.
     */
    isOperator: boolean("is_operator").notNull().default(false),
    /**
     * When the person proved the address (an emailed link). Accounts made any other way
     * (setup, an admin, an invitation) count as proved when created, hence the default;
     * a self sign-up writes null and cannot sign in until the link is opened.
     */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }).defaultNow(),
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
    /**
     * A demo organisation's owner viewing Keel as one of its people: while set, requests
     * act as that person inside that organisation only (see docs/ARCHITECTURE.md).
     */
    viewAsUserId: uuid("view_as_user_id").references(() => users.id, { onDelete: "set null" }),
    viewAsOrganizationId: uuid("view_as_organization_id"),
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
    /** Local hour (0–23, in `timeZone`) at which check-in reminders and digests go out. */
    reminderHour: smallint("reminder_hour").notNull().default(9),
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
    /** The person receives the weekly digest email (their own opt-out). */
    weeklyDigest: boolean("weekly_digest").notNull().default(true),
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
    /** The name the admin gave when adding the person: offered to a new account, never applied to an existing one. */
    name: text("name"),
    /** Title and manager the membership starts with (adding a person through People). */
    title: text("title"),
    managerUserId: uuid("manager_user_id"),
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

/**
 * How Keel carries things out of itself (re-exported by schema.ts): the email outbox,
 * address proofs for self sign-up, once-per-slot claims for scheduled work, outgoing
 * webhooks with their delivery log, and scheduled reports. Everything that leaves Keel
 * is first written as a row in the same transaction as the change that caused it, so a
 * mail server or webhook target that is down delays delivery and loses nothing.
 * Same conventions as schema.ts.
 */
import { sql } from "drizzle-orm";
import {
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
import { organizations, teams, users } from "./schema-identity.ts";

/**
 * One email to send. `dedupeKey` (when set) makes a scheduled mail idempotent: a
 * reminder for one person and one week is written once, however many instances try.
 * A failed attempt sets `nextAttemptAt` later (back-off) and keeps `lastError` for admins.
 */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Null for mail that belongs to no organisation (an address proof, a reset link). */
    organizationId: uuid("organization_id").references(() => organizations.id, { onDelete: "cascade" }),
    toAddress: text("to_address").notNull(),
    /** What the mail is: invitation, password_reset, check_in_reminder, escalation, digest, report, verify_email. */
    kind: text("kind").notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body"),
    /** [{ filename, contentType, contentBase64 }] for reports. */
    attachments: jsonb("attachments"),
    dedupeKey: text("dedupe_key"),
    status: text("status", { enum: ["pending", "sent", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    lastError: text("last_error"),
    sentAt: timestamp("sent_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("email_outbox_dedupe_key").on(t.dedupeKey).where(sql`dedupe_key is not null`),
    index("email_outbox_due_idx").on(t.status, t.nextAttemptAt),
    index("email_outbox_org_idx").on(t.organizationId, t.createdAt),
  ],
);

/** One-time links that prove a new account's address (self sign-up). */
export const emailVerifications = pgTable("email_verifications", {
  tokenHash: text("token_hash").primaryKey(),
  userId: uuid("user_id")
    .notNull()
    .references(() => users.id, { onDelete: "cascade" }),
  expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
  usedAt: timestamp("used_at", { withTimezone: true }),
  createdAt: createdAt(),
});

/**
 * A claimed slot of scheduled work ("check-in-reminders:<org>:<date>", …). The first
 * instance to insert the key does the work; the others see the conflict and skip it.
 */
export const scheduledSlots = pgTable("scheduled_slots", {
  slotKey: text("slot_key").primaryKey(),
  claimedBy: text("claimed_by").notNull(),
  claimedAt: timestamp("claimed_at", { withTimezone: true }).notNull().defaultNow(),
  finishedAt: timestamp("finished_at", { withTimezone: true }),
});

/**
 * An organisation's outgoing webhook. The signing secret is encrypted at rest
 * (src/server/lib/secret-box.ts), shown once when created or rotated; changing the URL
 * rotates it. `events` lists the event types it receives.
 */
export const webhooks = pgTable(
  "webhooks",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    url: text("url").notNull(),
    description: text("description").notNull().default(""),
    events: jsonb("events").$type<string[]>().notNull(),
    /** generic: Keel's JSON event; slack: a Slack/Teams-compatible `{ text }` message. */
    format: text("format", { enum: ["generic", "slack"] })
      .notNull()
      .default("generic"),
    secretCiphertext: text("secret_ciphertext").notNull(),
    enabled: boolean("enabled").notNull().default(true),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

/** One event for one webhook: written with the change, sent (and retried) after it. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    webhookId: uuid("webhook_id").notNull(),
    eventType: text("event_type").notNull(),
    payload: jsonb("payload").notNull(),
    status: text("status", { enum: ["pending", "succeeded", "failed"] })
      .notNull()
      .default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: timestamp("next_attempt_at", { withTimezone: true }).notNull().defaultNow(),
    responseStatus: smallint("response_status"),
    /** The first few kilobytes of the target's answer, for the delivery log. */
    responseBody: text("response_body"),
    error: text("error"),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "webhook_deliveries_webhook_fk",
      columns: [t.organizationId, t.webhookId],
      foreignColumns: [webhooks.organizationId, webhooks.id],
    }).onDelete("cascade"),
    index("webhook_deliveries_due_idx").on(t.status, t.nextAttemptAt),
    index("webhook_deliveries_webhook_idx").on(t.organizationId, t.webhookId, t.createdAt),
  ],
);

/**
 * A consolidated report (a team subtree, the active cycle) emailed weekly or monthly to
 * chosen members, each copy rendered with the recipient's own permissions.
 */
export const reportSchedules = pgTable(
  "report_schedules",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    /** The subtree's root; null = the whole organisation. */
    teamId: uuid("team_id"),
    frequency: text("frequency", { enum: ["weekly", "monthly"] }).notNull(),
    format: text("format", { enum: ["pdf", "csv"] })
      .notNull()
      .default("pdf"),
    recipientUserIds: jsonb("recipient_user_ids").$type<string[]>().notNull(),
    createdByUserId: uuid("created_by_user_id"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      name: "report_schedules_team_fk",
      columns: [t.organizationId, t.teamId],
      foreignColumns: [teams.organizationId, teams.id],
    }).onDelete("cascade"),
  ],
);

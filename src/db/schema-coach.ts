/**
 * What the coach keeps (re-exported by schema.ts). The linter's findings are computed on
 * read from the Objective as it stands (whole-organisation views read a stored copy kept
 * current by schema-judgements.ts); a person's decision about one is stored here. The signals Keel read in a check-in's note are a
 * column of check_ins (schema-okrs.ts), written with the check-in.
 * - lint_dismissals: a finding someone dismissed, with their reason;
 * - key_result_flags: a KR whose owner is losing confidence and writing about a blocker;
 * - notifications: something a person should know (an unusual KPI value, …), which the
 *   inbox and email render.
 * Same conventions as schema.ts: organisation ids in every key.
 */
import { sql } from "drizzle-orm";
import {
  foreignKey,
  index,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./schema-columns.ts";
import { organizations, users } from "./schema-identity.ts";
import { checkIns, keyResults, objectives } from "./schema-okrs.ts";

/**
 * A linter finding dismissed with a reason. `subject` names what the finding is on:
 * "objective", or the Key Result's id (a saved KR keeps its id when others move). While
 * the row exists the finding is shown as dismissed, not open; deleting the row reopens it.
 */
export const lintDismissals = pgTable(
  "lint_dismissals",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    objectiveId: uuid("objective_id").notNull(),
    subject: text("subject").notNull(),
    rule: text("rule").notNull(),
    reason: text("reason").notNull(),
    dismissedByUserId: uuid("dismissed_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("lint_dismissals_finding_key").on(t.organizationId, t.objectiveId, t.subject, t.rule),
    foreignKey({
      name: "lint_dismissals_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
  ],
);

/**
 * A risk flag on a Key Result: its confidence fell on two check-ins in a row and a note of
 * the last two surfaced a blocker. At most one open flag per KR. It clears when confidence
 * is back at `confidenceBefore` (the level before the falls) or when the owner's manager
 * resolves it with a note.
 */
export const keyResultFlags = pgTable(
  "key_result_flags",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    keyResultId: uuid("key_result_id").notNull(),
    /** The check-in that raised the flag (the third of the falling three). */
    raisedByCheckInId: uuid("raised_by_check_in_id").notNull(),
    /** The check-in whose note held the quoted sentence (one of the last two). */
    quoteCheckInId: uuid("quote_check_in_id").notNull(),
    quote: text("quote").notNull(),
    cue: text("cue").notNull(),
    confidenceBefore: smallint("confidence_before").notNull(),
    confidenceNow: smallint("confidence_now").notNull(),
    status: text("status", { enum: ["open", "recovered", "resolved"] })
      .notNull()
      .default("open"),
    createdAt: createdAt(),
    closedAt: timestamp("closed_at", { withTimezone: true }),
    /** Set when a person resolved it (status "resolved"); null when confidence recovered. */
    resolvedByUserId: uuid("resolved_by_user_id"),
    resolutionNote: text("resolution_note"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("key_result_flags_one_open_key")
      .on(t.organizationId, t.keyResultId)
      .where(sql`status = 'open'`),
    index("key_result_flags_kr_idx").on(t.organizationId, t.keyResultId, t.createdAt),
    foreignKey({
      name: "key_result_flags_kr_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "key_result_flags_check_in_fk",
      columns: [t.organizationId, t.raisedByCheckInId],
      foreignColumns: [checkIns.organizationId, checkIns.id],
    }),
  ],
);

/**
 * Something one person should know, written by the coach when it notices it (e.g. a KPI
 * value outside the KPI's own control limits). `kind` says what it is; `subjectKind` and
 * `subjectId` what it is about (a KPI, a Key Result); `dedupeKey` keeps the same event
 * from being written twice for one person. Read state is the person's own.
 */
export const notifications = pgTable(
  "notifications",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    kind: text("kind").notNull(),
    subjectKind: text("subject_kind").notNull(),
    subjectId: uuid("subject_id").notNull(),
    title: text("title").notNull(),
    body: text("body").notNull().default(""),
    dedupeKey: text("dedupe_key").notNull(),
    createdAt: createdAt(),
    readAt: timestamp("read_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("notifications_dedupe_key").on(t.organizationId, t.userId, t.dedupeKey),
    index("notifications_user_idx").on(t.organizationId, t.userId, t.createdAt),
  ],
);

/**
 * The OKR half of Keel's schema (re-exported by schema.ts, which drizzle-kit reads):
 * cycles, strategic themes (which KPIs link to as well), Objectives and their alignment,
 * Key Results with their contributors, and the append-only check-ins. Conventions in
 * schema.ts.
 */
import {
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
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./schema-columns.ts";
import { memberships, organizations, teams } from "./schema-identity.ts";
import { kpis } from "./schema-kpis.ts";

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
    /**
     * Set on a roll-over whose last value already reached or passed the target: as copied
     * it would run backwards, so its Objective cannot be activated until a new target is
     * set. Cleared when the target is edited.
     */
    needsNewTarget: boolean("needs_new_target").notNull().default(false),
    /**
     * The day (organisation's time zone) the KR became active: its Objective's first
     * activation, or the day it was added to an active Objective. Pace is measured from
     * here (or from the cycle's start, when later); null while it has never been active.
     */
    activeFrom: date("active_from"),
    /**
     * A metric KR that reads a KPI (a promoted KPI): its current value follows the KPI's
     * measurements, read as the KPI's latest value or as its aggregate over the cycle.
     */
    kpiId: uuid("kpi_id"),
    kpiRead: text("kpi_read", { enum: ["latest", "cycle"] }),
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
    // Lazy: schema-kpis.ts imports this file for cycles and themes.
    foreignKey({
      name: "key_results_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }),
    index("key_results_kpi_idx").on(t.organizationId, t.kpiId),
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
    /**
     * What Keel read in the note when the check-in was written (blockers with their
     * sentence and cue, tone, or "not analysed" for a language it does not read); null
     * for check-ins written before notes were read, until a backfill reaches them.
     */
    noteSignals: jsonb("note_signals"),
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

/**
 * Judgements Keel keeps so that whole-organisation views (the leadership home, the strategy
 * board and map) read them instead of recomputing them per request (re-exported by
 * schema.ts; docs/ARCHITECTURE.md "Stored judgements"). They are derived data, never a
 * definition: no version, no audit. Each is written by the same domain rules the OKR
 * presenter and the linter use, and is kept honest by the database itself: triggers
 * (migration 0016) mark a judgement stale in the very transaction that changes what it was
 * judged from, and a reader re-judges every stale row, and every row judged for an earlier
 * day, in one batch before it aggregates (src/server/services/okr/stored-judgements.ts).
 * - objective_judgements: an Objective's status, progress, expected progress and its KRs'
 *   weekly check-in tallies, as of `judged_on` (the organisation's day);
 * - key_result_judgements: each live KR's status, progress and check-in cadence, written
 *   with its Objective's row;
 * - lint_cycle_judgements: whether a cycle's stored linter findings are current;
 * - lint_findings: the linter's findings on the cycle's live Objectives as an admin sees
 *   them (dismissals stay in lint_dismissals and are joined on read).
 * Same conventions as schema.ts: organisation ids in every key.
 */
import {
  boolean,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  uuid,
} from "drizzle-orm/pg-core";
import { cycles, keyResults, objectives } from "./schema-okrs.ts";

export const objectiveJudgements = pgTable(
  "objective_judgements",
  {
    organizationId: uuid("organization_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    /** The cycle it was judged in; null until first judged. */
    cycleId: uuid("cycle_id"),
    /** The OKR status word (draft, not_started, on_track, at_risk, off_track, stale); null until judged. */
    status: text("status"),
    progress: doublePrecision("progress"),
    expectedProgress: doublePrecision("expected_progress"),
    /** Live KRs expected to check in this week, those that did, and those silent more than 7 days. */
    checkInsExpected: integer("check_ins_expected").notNull().default(0),
    checkInsDone: integer("check_ins_done").notNull().default(0),
    checkInsOverdue: integer("check_ins_overdue").notNull().default(0),
    /** The day (organisation's time zone) the pace was judged for; null until judged. */
    judgedOn: date("judged_on"),
    /** Something it was judged from changed since (set by the triggers). */
    stale: boolean("stale").notNull().default(true),
    /** Bumped by every change; a judgement is written only over the generation it read. */
    generation: integer("generation").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.objectiveId] }),
    foreignKey({
      name: "objective_judgements_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    index("objective_judgements_cycle_idx").on(t.organizationId, t.cycleId),
  ],
);

export const keyResultJudgements = pgTable(
  "key_result_judgements",
  {
    organizationId: uuid("organization_id").notNull(),
    keyResultId: uuid("key_result_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    status: text("status").notNull(),
    progress: doublePrecision("progress"),
    /** Null: no weekly check-in is expected of it today. */
    checkInDue: boolean("check_in_due"),
    checkInOverdue: boolean("check_in_overdue"),
    daysSinceLastCheckIn: integer("days_since_last_check_in"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.keyResultId] }),
    foreignKey({
      name: "key_result_judgements_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectiveJudgements.organizationId, objectiveJudgements.objectiveId],
    }).onDelete("cascade"),
    foreignKey({
      name: "key_result_judgements_key_result_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }).onDelete("cascade"),
    index("key_result_judgements_objective_idx").on(t.organizationId, t.objectiveId),
  ],
);

export const lintCycleJudgements = pgTable(
  "lint_cycle_judgements",
  {
    organizationId: uuid("organization_id").notNull(),
    cycleId: uuid("cycle_id").notNull(),
    /** The day the cycle was last linted (rules reading other cycles and KPI values refresh daily). */
    lintedOn: date("linted_on"),
    stale: boolean("stale").notNull().default(true),
    generation: integer("generation").notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.cycleId] }),
    foreignKey({
      name: "lint_cycle_judgements_cycle_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }).onDelete("cascade"),
  ],
);

export const lintFindings = pgTable(
  "lint_findings",
  {
    organizationId: uuid("organization_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    /** The finding's place in the linter's answer for its Objective. */
    position: integer("position").notNull(),
    cycleId: uuid("cycle_id").notNull(),
    /** The KR it is on; null for the Objective. */
    keyResultId: uuid("key_result_id"),
    rule: text("rule").notNull(),
    severity: text("severity").notNull(),
    message: text("message").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.objectiveId, t.position] }),
    foreignKey({
      name: "lint_findings_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    index("lint_findings_cycle_idx").on(t.organizationId, t.cycleId),
  ],
);

/**
 * Where the OKR half meets the KPI half (re-exported by schema.ts): which KPI a Key
 * Result reads is a column of key_results (schema-okrs.ts); the rest lives here:
 * - kpi_promotions: each time a KPI became a Key Result for a cycle, how that ended and
 *   whether its result became the KPI's new baseline (the coach's `recycled` rule reads it);
 * - objective_health_kpis: the 2–4 KPIs an Objective must not break while it changes
 *   something (guard rails);
 * - kpi_drivers: a KPI driven by others without arithmetic (a driver tree, beside formulas);
 * - strategy_edges: cause → effect between themes or strategic Objectives (the strategy map);
 * - kpi_headlines: the KPIs admins chose for the leadership home's KPI strip.
 * Same conventions as schema.ts: organisation ids in every key.
 */
import {
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt } from "./schema-columns.ts";
import { organizations } from "./schema-identity.ts";
import { kpis } from "./schema-kpis.ts";
import { cycles, keyResults, objectives } from "./schema-okrs.ts";

/**
 * A KPI promoted to a Key Result for one cycle: written when a KR starts reading a KPI
 * (by promotion or by linking it in the KR form) and kept when the link is later removed,
 * so the history survives. One row per KR and KPI: a KR moved to another KPI leaves the
 * first KPI's row (ended "unlinked") in that KPI's history, and moving back reopens it. `outcome` is set when the cycle closes; the baseline decision
 * by a person who may change the KPI's bands, once the KR met its target.
 */
export const kpiPromotions = pgTable(
  "kpi_promotions",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    kpiId: uuid("kpi_id").notNull(),
    cycleId: uuid("cycle_id").notNull(),
    keyResultId: uuid("key_result_id").notNull(),
    promotedByUserId: uuid("promoted_by_user_id"),
    /** How the promotion ended: the KR met its target, missed it, or the link was removed. */
    outcome: text("outcome", { enum: ["met", "missed", "unlinked"] }),
    /** The KR's value when the cycle closed. */
    finalValue: doublePrecision("final_value"),
    baselineDecision: text("baseline_decision", { enum: ["accepted", "declined"] }),
    baselineDecidedByUserId: uuid("baseline_decided_by_user_id"),
    baselineDecidedAt: timestamp("baseline_decided_at", { withTimezone: true }),
    /** The band series entry an accepted baseline wrote (its effective_from). */
    baselineEffectiveFrom: date("baseline_effective_from"),
    createdAt: createdAt(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("kpi_promotions_key_result_kpi_key").on(t.organizationId, t.keyResultId, t.kpiId),
    foreignKey({
      name: "kpi_promotions_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }),
    foreignKey({
      name: "kpi_promotions_cycle_fk",
      columns: [t.organizationId, t.cycleId],
      foreignColumns: [cycles.organizationId, cycles.id],
    }),
    foreignKey({
      name: "kpi_promotions_key_result_fk",
      columns: [t.organizationId, t.keyResultId],
      foreignColumns: [keyResults.organizationId, keyResults.id],
    }),
    index("kpi_promotions_kpi_idx").on(t.organizationId, t.kpiId, t.createdAt),
    index("kpi_promotions_cycle_idx").on(t.organizationId, t.cycleId),
  ],
);

/** An Objective's health KPIs, in the order shown (at most 4, checked by the service). */
export const objectiveHealthKpis = pgTable(
  "objective_health_kpis",
  {
    organizationId: uuid("organization_id").notNull(),
    objectiveId: uuid("objective_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    position: smallint("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.objectiveId, t.kpiId] }),
    foreignKey({
      name: "objective_health_kpis_objective_fk",
      columns: [t.organizationId, t.objectiveId],
      foreignColumns: [objectives.organizationId, objectives.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "objective_health_kpis_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }),
    index("objective_health_kpis_kpi_idx").on(t.organizationId, t.kpiId),
  ],
);

/** A driver edge: `driver_kpi_id` drives `kpi_id` (no arithmetic; loops are refused). */
export const kpiDrivers = pgTable(
  "kpi_drivers",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    driverKpiId: uuid("driver_kpi_id").notNull(),
    position: smallint("position").notNull().default(0),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId, t.driverKpiId] }),
    foreignKey({
      name: "kpi_drivers_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    foreignKey({
      name: "kpi_drivers_driver_fk",
      columns: [t.organizationId, t.driverKpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
    index("kpi_drivers_driver_idx").on(t.organizationId, t.driverKpiId),
  ],
);

/**
 * A cause → effect edge of the strategy map, between two nodes that are each a theme or
 * an Objective (polymorphic, so the service checks both ends exist, belong to the
 * organisation and are not archived).
 */
export const strategyEdges = pgTable(
  "strategy_edges",
  {
    organizationId: uuid("organization_id")
      .notNull()
      .references(() => organizations.id, { onDelete: "cascade" }),
    id: uuid("id").notNull().defaultRandom(),
    fromKind: text("from_kind", { enum: ["theme", "objective"] }).notNull(),
    fromId: uuid("from_id").notNull(),
    toKind: text("to_kind", { enum: ["theme", "objective"] }).notNull(),
    toId: uuid("to_id").notNull(),
    /** Why the cause leads to the effect, in a few words (shown on the edge). */
    label: text("label").notNull().default(""),
    createdByUserId: uuid("created_by_user_id"),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    uniqueIndex("strategy_edges_ends_key").on(t.organizationId, t.fromKind, t.fromId, t.toKind, t.toId),
  ],
);

/**
 * The organisation's headline KPIs, chosen by admins, in the order the leadership home's
 * KPI strip shows them. With none chosen, the strip shows the company-level KPIs and
 * every red KPI in scope.
 */
export const kpiHeadlines = pgTable(
  "kpi_headlines",
  {
    organizationId: uuid("organization_id").notNull(),
    kpiId: uuid("kpi_id").notNull(),
    position: integer("position").notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.kpiId] }),
    foreignKey({
      name: "kpi_headlines_kpi_fk",
      columns: [t.organizationId, t.kpiId],
      foreignColumns: [kpis.organizationId, kpis.id],
    }).onDelete("cascade"),
  ],
);

/**
 * The KPI half of Keel's schema (re-exported by schema.ts, which drizzle-kit reads):
 * definitions, band series, values and their history, the recompute queue, connectors,
 * floors and escalations. Same conventions as schema.ts: organisation ids in every key.
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
  pgTable,
  primaryKey,
  smallint,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { createdAt, updatedAt } from "./schema-columns.ts";
import { memberships, organizations, teams } from "./schema-identity.ts";
import { cycles, themes } from "./schema-okrs.ts";

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
 * The value in force for each KPI period: one row per (KPI, period). Rows are written
 * by one statement per batch (measurement-repository.ts); database triggers (migration
 * 0005) do the per-row bookkeeping set-wise, once per statement:
 * - a row an upsert replaces is copied to `kpi_measurement_history` (superseded now),
 *   so reads of current values never filter superseded rows and nothing is ever lost;
 * - every inserted row must name a KPI of its organisation. This stands in for a
 *   foreign key, whose check runs once per row and took a third of a 10,000-row
 *   load; deleting a KPI deletes its values (the cascade), and writers lock the KPIs
 *   they write, so a KPI cannot vanish under a load.
 * The primary key carries `value` (INCLUDE), so sparklines and series are read from
 * the index alone. Author and token carry no foreign key: both come from the
 * authenticated caller.
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
  (t) => [primaryKey({ columns: [t.organizationId, t.kpiId, t.periodStart] })],
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
    /**
     * The latest period that changed: the KPI is judged again (escalations) when this
     * reaches its newest values. 9999-12-31 asks for judging whatever the values.
     */
    toPeriod: date("to_period").notNull().default("9999-12-31"),
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

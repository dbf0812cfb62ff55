import { z } from "zod";
import { nameSchema, TeamScopeSchema, timestamp, VersionSchema } from "./common.ts";
import { UnusualValueSchema } from "./kpi-anomalies.ts";

/** Finite numbers only: JSON has no NaN or Infinity, and KPI values are stored as doubles. */
export const kpiValue = () =>
  z
    .number()
    .refine((n) => Number.isFinite(n) && Math.abs(n) < 1e15, "must be a finite number below 10^15 in size");

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/**
 * Whether a YYYY-MM-DD string names a day that exists (2026-02-30 does not). Plain
 * arithmetic: a bulk request checks 10,000 of these, and building a Date for each
 * cost more than the rest of its validation.
 */
function isRealDate(s: string): boolean {
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  const d = Number(s.slice(8, 10));
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = m === 2 && y % 4 === 0 && (y % 100 !== 0 || y % 400 === 0);
  return d <= (DAYS_IN_MONTH[m - 1] ?? 0) + (leap ? 1 : 0);
}

/**
 * A calendar date for KPI values and bands: 1900–2999, which covers any real history and
 * keeps two-digit-year quirks of date libraries (years 0–99) out of the rules.
 */
export const calendarDate = () =>
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "must be a date written YYYY-MM-DD")
    .refine(isRealDate, "must be a real calendar date")
    .refine((s) => s >= "1900-01-01" && s <= "2999-12-31", "must lie between 1900-01-01 and 2999-12-31");

export const kpiKeyPattern = /^[a-z][a-z0-9_]{0,62}$/;
export const KpiKeySchema = z
  .string()
  .regex(
    kpiKeyPattern,
    "must start with a lower-case letter and contain only a–z, 0–9 and _ (at most 63 characters)",
  )
  .describe("Stable key, unique in the organisation; formulas and the API refer to the KPI by it");

export const KpiUnitSchema = z
  .enum(["number", "currency", "percent", "duration", "count"])
  .describe("percent values are 0–100; duration values are in hours");
export const DirectionSchema = z.enum(["higher_is_better", "lower_is_better", "within_range"]);
export const FrequencySchema = z
  .enum(["daily", "weekly", "monthly", "quarterly"])
  .describe("One value per period; periods follow the organisation's time zone, week start and fiscal year");
export const AggregationSchema = z
  .enum(["sum", "average", "last", "min", "max"])
  .describe("How this KPI's periods roll up into longer ones (charts, formulas mixing frequencies)");
export const KpiStatusSchema = z
  .enum(["green", "amber", "red", "no_data"])
  .describe("no_data: the latest due period has no value (distinct from red)");
export const MeasurementSourceSchema = z.enum(["manual", "import", "api", "formula", "connector"]);

const bound = () => kpiValue().nullable().default(null);

/** Target and thresholds in force from `effectiveFrom` until the next entry of the series. */
export const BandsSchema = z.strictObject({
  effectiveFrom: calendarDate().describe("First day these bands apply to"),
  target: bound(),
  greenMin: bound().describe("higher_is_better and within_range: green at or above"),
  greenMax: bound().describe("lower_is_better and within_range: green at or below"),
  redMin: bound().describe("higher_is_better and within_range: red below"),
  redMax: bound().describe("lower_is_better and within_range: red above"),
});
export type BandsInput = z.infer<typeof BandsSchema>;

export const BandsOutSchema = z.object({
  effectiveFrom: z.string(),
  target: z.number().nullable(),
  greenMin: z.number().nullable(),
  greenMax: z.number().nullable(),
  redMin: z.number().nullable(),
  redMax: z.number().nullable(),
});

export const PointSchema = z.object({ periodStart: z.string(), value: z.number() });

export const TrendSchema = z.object({
  direction: z.enum(["up", "down", "flat"]),
  slope: z.number().describe("Change per period, least squares over the last periods"),
  improving: z.boolean().nullable().describe("null when flat or for keep-within-range KPIs"),
});

export const EscalationSummarySchema = z.object({
  id: z.uuid(),
  state: z.enum(["open", "acknowledged", "resolved"]),
  reason: z.enum(["red", "floor"]),
  openedAt: timestamp(),
  acknowledgedByName: z.string().nullable().describe("Who acknowledged it; null while open"),
});

export const ConnectorSummarySchema = z.object({
  kind: z.enum(["http_json", "postgres_sql"]),
  enabled: z.boolean(),
  lastRunAt: timestamp().nullable(),
  lastOutcome: z.enum(["succeeded", "failed"]).nullable(),
  lastError: z.string().nullable(),
  nextRunAt: timestamp(),
});

/**
 * What the caller may do with a KPI, judged by the same policies the API applies to the
 * change. It says who may act; the KPI's state can still refuse (an archived KPI takes no
 * values, a formula KPI computes its own).
 */
export const KpiPermissionsSchema = z.object({
  edit: z.boolean().describe("Change the definition and bands (admins and the leads of its team or above)"),
  archive: z.boolean().describe("Archive or restore it"),
  manageConnector: z.boolean().describe("Set up, change or run its connector"),
  enterValues: z.boolean().describe("Enter or correct values (its owner, and those who may edit it)"),
});
export type KpiPermissions = z.infer<typeof KpiPermissionsSchema>;

/** What the caller may do on a team's board: define its KPIs and floors. */
export const TeamKpiPermissionsSchema = z.object({
  manageKpis: z.boolean().describe("Create KPIs for the team and set its floors"),
});

export const KpiSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  description: z.string(),
  ownerUserId: z.uuid(),
  ownerName: z.string(),
  teamId: z.uuid(),
  teamName: z.string(),
  unit: KpiUnitSchema,
  decimals: z.number(),
  currency: z.string().nullable(),
  direction: DirectionSchema,
  frequency: FrequencySchema,
  aggregation: AggregationSchema,
  themeId: z.uuid().nullable(),
  formula: z.string().nullable(),
  formulaInputs: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string() })),
  state: z.enum(["active", "archived"]),
  closeAfterGreenPeriods: z.number(),
  bands: z.array(BandsOutSchema).describe("The whole series, oldest first"),
  bandsInForce: BandsOutSchema.nullable().describe("The entry in force for the current period"),
  current: z
    .object({
      periodStart: z.string().nullable(),
      value: z.number().nullable(),
      status: KpiStatusSchema.nullable().describe("null when the KPI has no bands"),
      unusual: UnusualValueSchema.nullable().describe("null when usual or with too little history"),
    })
    .describe("The latest due period (or a newer one that has a value)"),
  trend: TrendSchema,
  openEscalation: EscalationSummarySchema.nullable(),
  connector: ConnectorSummarySchema.nullable(),
  can: KpiPermissionsSchema,
  version: z.number(),
});
export type Kpi = z.infer<typeof KpiSchema>;

export const KpiCardSchema = KpiSchema.extend({
  sparkline: z.array(PointSchema).describe("The latest periods' values, oldest first (up to 52)"),
});
export type KpiCard = z.infer<typeof KpiCardSchema>;

export const KpiBoardSchema = z.object({
  team: z.object({ id: z.uuid(), name: z.string(), can: TeamKpiPermissionsSchema }),
  scope: TeamScopeSchema,
  kpis: z
    .array(KpiCardSchema)
    .describe("By name; with scope subtree also the KPIs of every team below (each card names its team)"),
  counts: z
    .object({ green: z.number(), amber: z.number(), red: z.number(), noData: z.number() })
    .describe("Statuses of the KPIs on the board, so of the whole subtree unless scope is team"),
});

export const KpiBoardQuerySchema = z.object({ scope: TeamScopeSchema });

const kpiFields = {
  name: nameSchema(160),
  description: z.string().max(4000).default(""),
  ownerUserId: z.uuid(),
  teamId: z.uuid(),
  unit: KpiUnitSchema,
  decimals: z.number().int().min(0).max(6).default(0),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR")
    .nullable()
    .default(null),
  direction: DirectionSchema,
  frequency: FrequencySchema,
  aggregation: AggregationSchema,
  themeId: z.uuid().nullable().default(null),
  formula: z
    .string()
    .trim()
    .max(1000)
    .nullable()
    .default(null)
    .describe(
      "e.g. `leads * conversion_rate * avg_deal_size`: KPI keys, numbers, + - * / ( ), sum/avg/min/max/abs",
    ),
  closeAfterGreenPeriods: z.number().int().min(1).max(52).default(2),
  bands: z.array(BandsSchema).max(200).default([]),
};

export const CreateKpiSchema = z.strictObject({ key: KpiKeySchema, ...kpiFields });
export type CreateKpiInput = z.infer<typeof CreateKpiSchema>;

const archiveReadByKeyResults =
  "When archiving a KPI that Key Results of cycles not yet closed read: unlink them (they keep their last value; their promotions end as unlinked)";

export const UpdateKpiSchema = z.strictObject({
  version: VersionSchema,
  name: kpiFields.name.optional(),
  description: z.string().max(4000).optional(),
  ownerUserId: z.uuid().optional(),
  teamId: z.uuid().optional(),
  unit: KpiUnitSchema.optional(),
  decimals: z.number().int().min(0).max(6).optional(),
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/, "must be an ISO 4217 code such as EUR")
    .nullable()
    .optional(),
  direction: DirectionSchema.optional(),
  aggregation: AggregationSchema.optional(),
  themeId: z.uuid().nullable().optional(),
  formula: kpiFields.formula.optional(),
  closeAfterGreenPeriods: z.number().int().min(1).max(52).optional(),
  bands: z.array(BandsSchema).max(200).optional().describe("Replaces the whole series"),
  state: z.enum(["active", "archived"]).optional(),
  keyResults: z.enum(["unlink"]).optional().describe(archiveReadByKeyResults),
});
export type UpdateKpiInput = z.infer<typeof UpdateKpiSchema>;

export const KpiListQuerySchema = z.object({
  q: z.string().max(200).optional().describe("Case-insensitive search in the name and key"),
  teamId: z.uuid().optional(),
  ownerUserId: z.uuid().optional(),
  state: z.enum(["active", "archived", "all"]).default("active"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export const MeasurementSchema = z.object({
  periodStart: z.string(),
  value: z.number(),
  source: MeasurementSourceSchema,
  authorName: z
    .string()
    .nullable()
    .describe(
      'The person, or the API token ("Transport system feed (API token)"), that wrote the value; null for values Keel wrote itself',
    ),
  note: z.string(),
  recordedAt: timestamp(),
  revision: z.number().describe("1 for the first value of the period; more means it was corrected"),
  status: z.enum(["green", "amber", "red"]).nullable(),
});
export type Measurement = z.infer<typeof MeasurementSchema>;

export const MeasurementVersionSchema = MeasurementSchema.omit({ status: true }).extend({
  supersededAt: timestamp().nullable().describe("null for the value in force"),
});

export const MeasurementListQuerySchema = z.object({
  from: calendarDate().optional().describe("First period start to include"),
  to: calendarDate().optional().describe("Last period start to include"),
  cursor: z.string().max(500).optional(),
  limit: z.coerce.number().int().min(1).max(2000).default(100),
});

export const SeriesQuerySchema = z.object({
  from: calendarDate().optional().describe("Default: five years before `to`"),
  to: calendarDate().optional().describe("Default: today in the organisation's time zone"),
  rollUp: FrequencySchema.optional().describe(
    "Group the values into longer periods with the KPI's aggregation (daily values by month); not finer than the KPI's own",
  ),
});

export const SeriesSchema = z.object({
  points: z.array(PointSchema),
  pointFrequency: FrequencySchema.describe(
    "The periods the points stand for (the roll-up, or the KPI's own)",
  ),
  bands: z.array(BandsOutSchema),
  frequency: FrequencySchema,
});

export const EnterMeasurementSchema = z.strictObject({
  date: calendarDate().describe("Any day of the period; the value is stored for the period containing it"),
  value: kpiValue(),
  note: z.string().max(2000).default("").describe("Required to correct an existing value: say why"),
});

export const WriteOutcomeSchema = z.object({
  received: z.number(),
  created: z.number().describe("Periods that had no value"),
  corrected: z.number().describe("Periods whose value changed; the old value is kept in history"),
  unchanged: z.number().describe("Same value as in force: nothing written (requests are idempotent)"),
});

export const BulkMeasurementsSchema = z.strictObject({
  measurements: z
    .array(
      z.strictObject({
        kpi: z.string().min(1).max(64).describe("The KPI's key (or its id)"),
        date: calendarDate()
          .optional()
          .describe("Any day of the period; default: today in the organisation's time zone"),
        value: kpiValue(),
        note: z.string().max(2000).optional(),
      }),
    )
    .min(1)
    .max(10_000, "at most 10,000 values per request: split larger loads into several requests"),
});

/** The largest CSV file an import takes (about 40,000 rows of kpi,date,value). */
export const MAX_CSV_CHARACTERS = 1_000_000;

export const CsvImportSchema = z.strictObject({
  csv: z
    .string()
    .min(1)
    .max(MAX_CSV_CHARACTERS, "must be at most 1,000,000 characters: split larger files")
    .describe(
      "Header row with kpi,date,value and optionally note; one value per row; at most 1,000,000 characters",
    ),
  dryRun: z
    .boolean()
    .default(true)
    .describe("true: validate and preview only; false: import all rows or none"),
});

export const CsvImportReportSchema = z.object({
  committed: z.boolean(),
  rows: z.array(
    z.object({
      row: z.number().describe("Line number in the file (the header is line 1)"),
      kpiKey: z.string(),
      kpiName: z.string().nullable(),
      periodStart: z.string().nullable(),
      value: z.number().nullable(),
      outcome: z.enum(["create", "correct", "unchanged", "error"]),
      previousValue: z.number().nullable(),
      error: z.string().nullable(),
    }),
  ),
  errors: z.array(z.object({ row: z.number(), field: z.string(), message: z.string() })),
  outcome: WriteOutcomeSchema.nullable(),
});

/** One KPI of a formula tree; the tree is a flat list so clients need no recursive types. */
export const KpiTreeNodeSchema = z.object({
  id: z.uuid(),
  key: z.string(),
  name: z.string(),
  formula: z.string().nullable(),
  value: z.number().nullable(),
  status: KpiStatusSchema.nullable(),
  inputIds: z.array(z.uuid()).describe("The KPIs its formula reads (ids of other nodes)"),
});
export type KpiTreeNode = z.infer<typeof KpiTreeNodeSchema>;

export const KpiTreeSchema = z.object({
  rootId: z.uuid(),
  nodes: z.array(KpiTreeNodeSchema).describe("The KPI and every KPI below it, each once"),
  usedBy: z.array(z.object({ id: z.uuid(), key: z.string(), name: z.string() })),
});

/** GET /kpis/{id}/measurements: one page of the values in force, each judged against the values before it. */
export const MeasurementPageSchema = z.object({
  items: z.array(MeasurementSchema.extend({ unusual: UnusualValueSchema.nullable() })),
  nextCursor: z.string().nullable(),
});

/** POST /kpis/{id}/measurements: the value in force afterwards and what the write did. */
export const EnterMeasurementResultSchema = z.object({
  measurement: MeasurementSchema,
  outcome: z.enum(["created", "corrected", "unchanged"]),
});

export const MeasurementVersionsSchema = z.object({ items: z.array(MeasurementVersionSchema) });

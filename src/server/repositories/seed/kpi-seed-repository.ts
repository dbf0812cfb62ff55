/**
 * KPI definitions and their history for a seeded organisation, written in bulk. Values go
 * in as recorded when they arrived (dates, authors, revisions), which the API's write path
 * (writeMeasurementBatch) does not offer: it records values as of now and queues
 * recomputes that a seed, whose formula values are planned with the rest, does not need.
 */
import { sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import {
  kpiBands,
  kpiConnectors,
  kpiDrivers,
  kpiFormulaInputs,
  kpiMeasurementHistory,
  kpis,
} from "../../../db/schema.ts";
import type { Bands } from "../../../domain/kpi/types.ts";
import type { ConnectorConfig } from "../connector-repository.ts";
import type { MeasurementSource } from "../measurement-repository.ts";
import { dateArray, float8Array, textArray, uuidArray } from "../sql-arrays.ts";

/** A KPI definition as stored; the seed chooses its id and creation date. */
export type SeededKpiRow = typeof kpis.$inferInsert & { id: string };

/** Creates KPI definitions in one statement. */
export async function insertKpis(q: Queryable, rows: SeededKpiRow[]): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(kpis).values(rows);
}

/** Writes the band series of many KPIs in one statement. */
export async function insertBandSeries(
  q: Queryable,
  organizationId: string,
  series: ReadonlyArray<{ kpiId: string; bands: readonly Bands[] }>,
): Promise<void> {
  const rows = series.flatMap((s) => s.bands.map((b) => ({ organizationId, kpiId: s.kpiId, ...b })));
  if (rows.length === 0) return;
  await q.insert(kpiBands).values(rows);
}

/** Records which KPIs each formula reads (the KPI tree's edges), in one statement. */
export async function insertFormulaInputs(
  q: Queryable,
  organizationId: string,
  edges: ReadonlyArray<{ kpiId: string; inputKpiId: string }>,
): Promise<void> {
  if (edges.length === 0) return;
  await q.insert(kpiFormulaInputs).values(edges.map((e) => ({ organizationId, ...e })));
}

/**
 * Creates a connector that has already run: its last run, outcome and value are those of
 * the KPI's newest value, as if it had fetched it.
 */
export async function insertConnectorAfterRuns(
  q: Queryable,
  v: ConnectorConfig & {
    organizationId: string;
    kpiId: string;
    nextRunAt: Date;
    lastRunAt: Date;
    lastOutcome: "succeeded" | "failed";
    lastValue: number;
    createdAt: Date;
  },
): Promise<void> {
  await q.insert(kpiConnectors).values({ ...v, updatedAt: v.createdAt });
}

/** A value as it was recorded: by whom or which token, when, and in which revision. */
export type RecordedMeasurement = {
  kpiId: string;
  periodStart: string;
  value: number;
  source: MeasurementSource;
  authorUserId: string | null;
  tokenId: string | null;
  note: string;
  recordedAt: Date;
  revision: number;
};

/**
 * Writes the values in force, every one in a single INSERT whatever the count: each column
 * is one array parameter, unnested. The KPIs are new in the same transaction, so nothing
 * is replaced and the history trigger has nothing to copy.
 */
export async function insertRecordedMeasurements(
  q: Queryable,
  organizationId: string,
  rows: readonly RecordedMeasurement[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.execute(sql`
    insert into kpi_measurements
      (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)
    select ${organizationId}::uuid, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision
    from unnest(${uuidArray(rows.map((r) => r.kpiId))}, ${dateArray(rows.map((r) => r.periodStart))},
                ${float8Array(rows.map((r) => r.value))}, ${textArray(rows.map((r) => r.source))},
                ${nullableUuidArray(rows.map((r) => r.authorUserId))}, ${nullableUuidArray(rows.map((r) => r.tokenId))},
                ${textArray(rows.map((r) => r.note))},
                ${`{${rows.map((r) => r.recordedAt.toISOString()).join(",")}}`}::timestamptz[],
                ${`{${rows.map((r) => r.revision).join(",")}}`}::int[])
      as m(kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)`);
}

/** A value that a correction replaced, and when it was replaced. */
export type SupersededMeasurement = RecordedMeasurement & { supersededAt: Date };

/** Writes earlier versions of corrected values straight into history, in one statement. */
export async function insertSupersededMeasurements(
  q: Queryable,
  organizationId: string,
  rows: readonly SupersededMeasurement[],
): Promise<void> {
  if (rows.length === 0) return;
  await q.insert(kpiMeasurementHistory).values(rows.map((r) => ({ organizationId, ...r })));
}

/** Ids or nulls as one `uuid[]` parameter (the ids are ours: generated or read back). */
function nullableUuidArray(ids: ReadonlyArray<string | null>) {
  return sql`${`{${ids.map((id) => id ?? "NULL").join(",")}}`}::uuid[]`;
}

/** Records the demo's driver edges (driven KPI ← driver, with its position), in one statement. */
export async function insertDriverEdges(
  q: Queryable,
  organizationId: string,
  edges: ReadonlyArray<{ kpiId: string; driverKpiId: string; position: number }>,
): Promise<void> {
  if (edges.length === 0) return;
  await q.insert(kpiDrivers).values(edges.map((e) => ({ organizationId, ...e })));
}

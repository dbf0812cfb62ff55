import { and, asc, eq, inArray, type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { kpiBands, kpiFormulaInputs, kpis, organizations, teams, users } from "../../db/schema.ts";
import type { Bands } from "../../domain/kpi/types.ts";
import { likePattern, type NameCursor } from "../lib/pagination.ts";
import { uuidArray } from "./sql-arrays.ts";
import { updateAtVersion } from "./versioned-update.ts";

export type PeriodSettings = {
  slug: string;
  name: string;
  timeZone: string;
  weekStart: number;
  fiscalYearStartMonth: number;
};

/** The organisation's calendar: where its days, weeks and fiscal quarters begin. */
export async function periodOptionsOf(q: Queryable, organizationId: string): Promise<PeriodSettings> {
  const [row] = await q
    .select({
      slug: organizations.slug,
      name: organizations.name,
      timeZone: organizations.timeZone,
      weekStart: organizations.weekStart,
      fiscalYearStartMonth: organizations.fiscalYearStartMonth,
    })
    .from(organizations)
    .where(eq(organizations.id, organizationId));
  if (!row) throw new Error(`organisation ${organizationId} does not exist`);
  return row;
}

/** A KPI with its owner's and team's names (`KpiWithNames`); joins users and teams. */
export const kpiColumns = {
  kpi: kpis,
  ownerName: sql<string>`${users.name}`,
  teamName: sql<string>`${teams.name}`,
};

function kpiQuery(q: Queryable, organizationId: string, extra: SQL[]) {
  return q
    .select(kpiColumns)
    .from(kpis)
    .innerJoin(users, eq(users.id, kpis.ownerUserId))
    .innerJoin(teams, and(eq(teams.organizationId, kpis.organizationId), eq(teams.id, kpis.teamId)))
    .where(and(eq(kpis.organizationId, organizationId), ...extra));
}

export type KpiRow = typeof kpis.$inferSelect;
export type KpiWithNames = { kpi: KpiRow; ownerName: string; teamName: string };

export async function findKpi(q: Queryable, organizationId: string, id: string): Promise<KpiRow | undefined> {
  const [row] = await q
    .select()
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, id)));
  return row;
}

/** The row locked for an update, so two saves of one KPI are serialised. */
export async function findKpiForUpdate(q: Queryable, organizationId: string, id: string) {
  const [row] = await q
    .select()
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.id, id)))
    .for("update");
  return row;
}

export async function findKpiWithNames(q: Queryable, organizationId: string, id: string) {
  const [row] = await kpiQuery(q, organizationId, [eq(kpis.id, id)]);
  return row;
}

export function kpisWithNames(q: Queryable, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return Promise.resolve([]);
  return kpiQuery(q, organizationId, [sql`${kpis.id} = any(${uuidArray(ids)})`]);
}

export type KpiListFilter = {
  q?: string | undefined;
  teamId?: string | undefined;
  ownerUserId?: string | undefined;
  state: "active" | "archived" | "all";
  after?: NameCursor | undefined;
  limit: number;
};

/** Sorted by name (collation-independent), then id. */
export function listKpiRows(q: Queryable, organizationId: string, f: KpiListFilter) {
  const extra: SQL[] = [];
  if (f.q) {
    const pattern = likePattern(f.q);
    extra.push(sql`(${kpis.name} ilike ${pattern} or ${kpis.key} ilike ${pattern})`);
  }
  if (f.teamId) extra.push(eq(kpis.teamId, f.teamId));
  if (f.ownerUserId) extra.push(eq(kpis.ownerUserId, f.ownerUserId));
  if (f.state !== "all") extra.push(eq(kpis.state, f.state));
  if (f.after) {
    extra.push(
      sql`(lower(${kpis.name}) collate "C", ${kpis.id}) > (${f.after.k} collate "C", ${f.after.id}::uuid)`,
    );
  }
  return kpiQuery(q, organizationId, extra)
    .orderBy(sql`lower(${kpis.name}) collate "C"`, kpis.id)
    .limit(f.limit + 1);
}

/** A team's active KPIs, for its board. */
/** Active KPIs a person owns whose values are entered (not computed by a formula). */
export function enterableKpisOwnedBy(q: Queryable, organizationId: string, userId: string) {
  return kpiQuery(q, organizationId, [
    eq(kpis.ownerUserId, userId),
    eq(kpis.state, "active"),
    sql`${kpis.formula} is null`,
  ]).orderBy(sql`lower(${kpis.name}) collate "C"`, kpis.id);
}

/** Every active KPI a person owns, formula KPIs included, by name (their home page). */
export function activeKpisOwnedBy(q: Queryable, organizationId: string, userId: string) {
  return kpiQuery(q, organizationId, [eq(kpis.ownerUserId, userId), eq(kpis.state, "active")]).orderBy(
    sql`lower(${kpis.name}) collate "C"`,
    kpis.id,
  );
}

export async function kpisByKeys(q: Queryable, organizationId: string, keys: readonly string[]) {
  if (keys.length === 0) return [];
  return q
    .select()
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), inArray(kpis.key, [...keys])));
}

/** Bands of many KPIs, each series oldest first. */
export async function bandsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
): Promise<Map<string, Bands[]>> {
  const result = new Map<string, Bands[]>();
  if (kpiIds.length === 0) return result;
  const rows = await q
    .select()
    .from(kpiBands)
    .where(
      and(eq(kpiBands.organizationId, organizationId), sql`${kpiBands.kpiId} = any(${uuidArray(kpiIds)})`),
    )
    .orderBy(asc(kpiBands.kpiId), asc(kpiBands.effectiveFrom));
  for (const row of rows) {
    const list = result.get(row.kpiId) ?? [];
    list.push({
      effectiveFrom: row.effectiveFrom,
      target: row.target,
      greenMin: row.greenMin,
      greenMax: row.greenMax,
      redMin: row.redMin,
      redMax: row.redMax,
    });
    result.set(row.kpiId, list);
  }
  return result;
}

export async function replaceBands(q: Queryable, organizationId: string, kpiId: string, series: Bands[]) {
  await q.delete(kpiBands).where(and(eq(kpiBands.organizationId, organizationId), eq(kpiBands.kpiId, kpiId)));
  if (series.length > 0) {
    await q.insert(kpiBands).values(series.map((b) => ({ organizationId, kpiId, ...b })));
  }
}

export type KpiRef = { id: string; key: string; name: string };

/** The inputs of formula KPIs, keyed by the formula KPI's id. */
export async function formulaInputsOf(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
): Promise<Map<string, KpiRef[]>> {
  const result = new Map<string, KpiRef[]>();
  if (kpiIds.length === 0) return result;
  const rows = await q
    .select({ kpiId: kpiFormulaInputs.kpiId, id: kpis.id, key: kpis.key, name: kpis.name })
    .from(kpiFormulaInputs)
    .innerJoin(
      kpis,
      and(eq(kpis.organizationId, kpiFormulaInputs.organizationId), eq(kpis.id, kpiFormulaInputs.inputKpiId)),
    )
    .where(
      and(
        eq(kpiFormulaInputs.organizationId, organizationId),
        sql`${kpiFormulaInputs.kpiId} = any(${uuidArray(kpiIds)})`,
      ),
    )
    .orderBy(kpis.key);
  for (const row of rows) {
    const list = result.get(row.kpiId) ?? [];
    list.push({ id: row.id, key: row.key, name: row.name });
    result.set(row.kpiId, list);
  }
  return result;
}

/** Formula KPIs that read any of these KPIs directly. */
export function formulaUsersOf(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select({ id: kpis.id, key: kpis.key, name: kpis.name })
    .from(kpiFormulaInputs)
    .innerJoin(
      kpis,
      and(eq(kpis.organizationId, kpiFormulaInputs.organizationId), eq(kpis.id, kpiFormulaInputs.kpiId)),
    )
    .where(and(eq(kpiFormulaInputs.organizationId, organizationId), eq(kpiFormulaInputs.inputKpiId, kpiId)))
    .orderBy(kpis.key);
}

export async function replaceFormulaInputs(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  inputIds: readonly string[],
) {
  await q
    .delete(kpiFormulaInputs)
    .where(and(eq(kpiFormulaInputs.organizationId, organizationId), eq(kpiFormulaInputs.kpiId, kpiId)));
  if (inputIds.length > 0) {
    await q
      .insert(kpiFormulaInputs)
      .values(inputIds.map((inputKpiId) => ({ organizationId, kpiId, inputKpiId })));
  }
}

/**
 * The whole KPI tree of the organisation as key → input keys, for cycle checks. One
 * query: formulas are a small part of the KPIs.
 */
export async function formulaGraph(q: Queryable, organizationId: string): Promise<Map<string, string[]>> {
  const result = await q.execute(sql`
    select k.key, coalesce(array_agg(i.key order by i.key) filter (where i.key is not null), '{}') as inputs
    from ${kpis} k
    left join ${kpiFormulaInputs} f on f.organization_id = k.organization_id and f.kpi_id = k.id
    left join ${kpis} i on i.organization_id = f.organization_id and i.id = f.input_kpi_id
    where k.organization_id = ${organizationId} and k.formula is not null
    group by k.key`);
  return new Map(rowsOf<{ key: string; inputs: string[] }>(result).map((r) => [r.key, r.inputs]));
}

/** Serialises edits of one organisation's formulas until the transaction ends (loop checks). */
export async function lockFormulaGraph(q: Queryable, organizationId: string) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`keel:kpi-formulas:${organizationId}`}))`);
}

/** Formula KPIs that (directly) read the given KPIs: what a recompute must revisit. */
export async function directDependents(q: Queryable, organizationId: string, kpiIds: readonly string[]) {
  if (kpiIds.length === 0) return [];
  return q
    .selectDistinct({ kpiId: kpiFormulaInputs.kpiId, inputKpiId: kpiFormulaInputs.inputKpiId })
    .from(kpiFormulaInputs)
    .where(
      and(
        eq(kpiFormulaInputs.organizationId, organizationId),
        sql`${kpiFormulaInputs.inputKpiId} = any(${uuidArray(kpiIds)})`,
      ),
    );
}

export type ConnectorSummaryRow = {
  kpiId: string;
  kind: "http_json" | "postgres_sql";
  enabled: boolean;
  lastRunAt: Date | null;
  lastOutcome: "succeeded" | "failed" | null;
  lastError: string | null;
  nextRunAt: Date;
};

export type NewKpiRow = typeof kpis.$inferInsert;

export async function insertKpi(q: Queryable, row: NewKpiRow): Promise<KpiRow> {
  const [created] = await q.insert(kpis).values(row).returning();
  if (!created) throw new Error("insert into kpis returned nothing");
  return created;
}

/** Applies a patch when the version matches; undefined when someone saved first. */
export async function updateKpiRow(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<NewKpiRow>,
): Promise<KpiRow | undefined> {
  const key = [eq(kpis.organizationId, organizationId), eq(kpis.id, id)];
  const [row] = await updateAtVersion(q, kpis, key, version, patch).returning();
  return row;
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import {
  apiTokens,
  kpiMeasurementHistory,
  kpiMeasurements,
  kpiRecomputeQueue,
  kpis,
  users,
} from "../../db/schema.ts";
import type { MeasuredPeriod } from "../../domain/kpi/types.ts";
import { dateArray, float8Array, textArray, uuidArray } from "./sql-arrays.ts";

export type MeasurementSource = "manual" | "import" | "api" | "formula" | "connector";

export type MeasurementWriter = {
  organizationId: string;
  authorUserId: string | null;
  tokenId: string | null;
  source: MeasurementSource;
};

export type MeasurementInput = { kpiId: string; periodStart: string; value: number; note: string };

export type WriteOutcome = { created: number; corrected: number; unchanged: number };

/**
 * Writes a batch of values in one statement, whatever its size:
 * - a period without a value gets one (revision 1);
 * - a period whose value differs is a correction: the value in force moves to
 *   `kpi_measurement_history` and the new one replaces it (revision + 1);
 * - a period that already holds the same value is left alone, so sending a batch twice
 *   writes nothing the second time;
 * - every KPI that changed is queued for recompute (status, escalations, formulas) with
 *   the earliest period that changed.
 * The move to history is the `kpi_measurements_keep_replaced` trigger (migration 0005):
 * it runs once for the statement over the rows the upsert actually replaced, each in the
 * version it replaced, so racing corrections of one period each keep the value they
 * replaced. Rows must be unique per (KPI, period): callers check that first, with row
 * numbers in the error.
 *
 * Callers hold the rows' KPIs locked (`lockKpisForWrite`, or a locking read of
 * kpi-write-lock-repository.ts) since before they checked them: the lock is what keeps a
 * KPI from being archived or deleted under a load (no per-row foreign key), and taking
 * it here again would only repeat it.
 */
export async function writeMeasurementBatch(
  q: Queryable,
  writer: MeasurementWriter,
  rows: readonly MeasurementInput[],
): Promise<WriteOutcome> {
  if (rows.length === 0) return { created: 0, corrected: 0, unchanged: 0 };
  const org = writer.organizationId;
  const result = await q.execute(sql`
    with input as (
      -- Four typed arrays: PostgreSQL reads them faster than the same rows as JSON records.
      select * from unnest(${uuidArray(rows.map((r) => r.kpiId))}, ${dateArray(rows.map((r) => r.periodStart))},
                           ${float8Array(rows.map((r) => r.value))}, ${textArray(rows.map((r) => r.note))})
        as x(kpi_id, period_start, value, note)
    ),
    written as (
      insert into ${kpiMeasurements}
        (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision)
      select ${org}, kpi_id, period_start, value, ${writer.source}, ${writer.authorUserId}::uuid, ${writer.tokenId}::uuid,
             coalesce(note, ''), now(), 1
      from input
      on conflict (organization_id, kpi_id, period_start) do update
        set value = excluded.value, source = excluded.source, author_user_id = excluded.author_user_id,
            token_id = excluded.token_id, note = excluded.note, recorded_at = excluded.recorded_at,
            revision = ${kpiMeasurements}.revision + 1
        where ${changed(kpiMeasurements, sql`excluded`)}
      returning kpi_id, period_start, revision
    ),
    queued as (
      insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
      select ${org}, kpi_id, min(period_start), max(period_start) from written group by kpi_id
      on conflict (organization_id, kpi_id) do update
        set from_period = least(${kpiRecomputeQueue}.from_period, excluded.from_period),
            to_period = greatest(${kpiRecomputeQueue}.to_period, excluded.to_period), queued_at = now(),
            not_before = now()
      returning 1
    )
    select (select count(*) from written where revision = 1)::int as created,
           (select count(*) from written where revision > 1)::int as corrected,
           (select count(*) from queued)::int as queued`);
  const [counts] = rowsOf<{ created: number; corrected: number }>(result);
  const created = Number(counts?.created ?? 0);
  const corrected = Number(counts?.corrected ?? 0);
  return { created, corrected, unchanged: rows.length - created - corrected };
}

/**
 * Whether an incoming row changes the one in force: another value, or the same value
 * with a new note (a reason added later is worth keeping). A re-sent row without a note
 * changes nothing, which keeps bulk loads idempotent.
 */
function changed(current: unknown, incoming: unknown) {
  return sql`(${current}.value is distinct from ${incoming}.value
    or (coalesce(${incoming}.note, '') <> '' and ${current}.note is distinct from ${incoming}.note))`;
}

/**
 * Locks the KPIs' rows (in id order, so two writers never deadlock) until the
 * transaction ends. Writers of values take it; definition edits take it too (FOR UPDATE
 * conflicts with it), so a KPI cannot be archived halfway through a load.
 */
export async function lockKpisForWrite(q: Queryable, organizationId: string, kpiIds: readonly string[]) {
  if (kpiIds.length === 0) return [];
  return rowsOf<{ id: string; state: string; formula: string | null }>(
    await q.execute(sql`
      select id, state, formula from ${kpis}
      where organization_id = ${organizationId} and id = any(${uuidArray(kpiIds)})
      order by id
      for no key update`),
  );
}

/**
 * Takes values out of force (a formula whose inputs no longer give a number): each moves
 * to history, superseded now, and the KPI is queued to be judged again.
 */
export async function retireMeasurements(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  periods: readonly string[],
): Promise<void> {
  if (periods.length === 0) return;
  await q.execute(sql`
    with retired as (
      delete from ${kpiMeasurements}
      where organization_id = ${organizationId} and kpi_id = ${kpiId}
        and period_start = any(${`{${periods.join(",")}}`}::date[])
      returning *
    ),
    moved as (
      insert into ${kpiMeasurementHistory}
        (organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision, superseded_at)
      select organization_id, kpi_id, period_start, value, source, author_user_id, token_id, note, recorded_at, revision, now()
      from retired
      returning period_start
    )
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
    select ${organizationId}, ${kpiId}, min(period_start), max(period_start) from moved having count(*) > 0
    on conflict (organization_id, kpi_id) do update
      set from_period = least(${kpiRecomputeQueue}.from_period, excluded.from_period),
          to_period = greatest(${kpiRecomputeQueue}.to_period, excluded.to_period), queued_at = now(), not_before = now()`);
}

/** The newest values of each KPI with their source, oldest first per KPI (escalation checks). */
export async function recentMeasurements(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  perKpi: number,
): Promise<Map<string, Array<MeasuredPeriod & { source: MeasurementSource }>>> {
  const result = new Map<string, Array<MeasuredPeriod & { source: MeasurementSource }>>();
  if (kpiIds.length === 0) return result;
  const rows = rowsOf<{ kpi_id: string; period_start: string; value: number; source: MeasurementSource }>(
    await q.execute(sql`
      select k.id as kpi_id, m.period_start::text as period_start, m.value, m.source
      from unnest(${uuidArray(kpiIds)}) as k(id)
      cross join lateral (
        select period_start, value, source from ${kpiMeasurements}
        where organization_id = ${organizationId} and kpi_id = k.id
        order by period_start desc limit ${perKpi}
      ) m`),
  );
  for (const row of rows) {
    const list = result.get(row.kpi_id) ?? [];
    list.push({ periodStart: row.period_start, value: Number(row.value), source: row.source });
    result.set(row.kpi_id, list);
  }
  for (const list of result.values()) list.reverse();
  return result;
}

/** Values of one KPI in a date range, oldest first (charts). */
export async function seriesOf(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  from: string,
  to: string,
): Promise<MeasuredPeriod[]> {
  const rows = rowsOf<{ period_start: string; value: number }>(
    await q.execute(sql`
      select m.period_start::text as period_start, m.value from ${kpiMeasurements} m
      where m.organization_id = ${organizationId} and m.kpi_id = ${kpiId}
        and m.period_start >= ${from}::date and m.period_start <= ${to}::date
      order by m.period_start`),
  );
  return rows.map((r) => ({ periodStart: r.period_start, value: Number(r.value) }));
}

/** Values of several KPIs whose periods start within a date range, oldest first (reports). */
export async function valuesBetween(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, MeasuredPeriod[]>> {
  const result = new Map<string, MeasuredPeriod[]>();
  if (kpiIds.length === 0) return result;
  const rows = rowsOf<{ kpi_id: string; period_start: string; value: number }>(
    await q.execute(sql`
      select m.kpi_id, m.period_start::text as period_start, m.value from ${kpiMeasurements} m
      where m.organization_id = ${organizationId} and m.kpi_id = any(${uuidArray(kpiIds)})
        and m.period_start >= ${from}::date and m.period_start <= ${to}::date
      order by m.kpi_id, m.period_start`),
  );
  for (const row of rows) {
    const list = result.get(row.kpi_id) ?? [];
    list.push({ periodStart: row.period_start, value: Number(row.value) });
    result.set(row.kpi_id, list);
  }
  return result;
}

/** Values of several KPIs from a period on, for formula recomputes. */
export async function valuesSince(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  from: string,
): Promise<Map<string, MeasuredPeriod[]>> {
  const result = new Map<string, MeasuredPeriod[]>();
  if (kpiIds.length === 0) return result;
  const rows = rowsOf<{ kpi_id: string; period_start: string; value: number }>(
    await q.execute(sql`
      select m.kpi_id, m.period_start::text as period_start, m.value from ${kpiMeasurements} m
      where m.organization_id = ${organizationId} and m.kpi_id = any(${uuidArray(kpiIds)})
        and m.period_start >= ${from}::date
      order by m.kpi_id, m.period_start`),
  );
  for (const row of rows) {
    const list = result.get(row.kpi_id) ?? [];
    list.push({ periodStart: row.period_start, value: Number(row.value) });
    result.set(row.kpi_id, list);
  }
  return result;
}

export type MeasurementRow = {
  periodStart: string;
  value: number;
  source: MeasurementSource;
  authorName: string | null;
  note: string;
  recordedAt: Date;
  revision: number;
};

const authorName = sql<
  string | null
>`coalesce(u.name, case when t.name is not null then t.name || ' (API token)' end)`;

/** One page of a KPI's values in force, newest period first. */
export async function measurementPage(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  f: { from?: string | undefined; to?: string | undefined; before?: string | undefined; limit: number },
): Promise<MeasurementRow[]> {
  const rows = rowsOf<{
    period_start: string;
    value: number;
    source: MeasurementSource;
    author_name: string | null;
    note: string;
    recorded_at: string | Date;
    revision: number;
  }>(
    await q.execute(sql`
      select m.period_start::text as period_start, m.value, m.source, ${authorName} as author_name,
             m.note, m.recorded_at, m.revision
      from ${kpiMeasurements} m
      left join ${users} u on u.id = m.author_user_id
      left join ${apiTokens} t on t.organization_id = m.organization_id and t.id = m.token_id
      where m.organization_id = ${organizationId} and m.kpi_id = ${kpiId}
        ${f.from ? sql`and m.period_start >= ${f.from}::date` : sql``}
        ${f.to ? sql`and m.period_start <= ${f.to}::date` : sql``}
        ${f.before ? sql`and m.period_start < ${f.before}::date` : sql``}
      order by m.period_start desc
      limit ${f.limit + 1}`),
  );
  return rows.map(toMeasurementRow);
}

/** Every value a period has had, newest first: the one in force, then what it replaced. */
export async function versionsOfPeriod(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  periodStart: string,
) {
  const rows = rowsOf<{
    period_start: string;
    value: number;
    source: MeasurementSource;
    author_name: string | null;
    note: string;
    recorded_at: string | Date;
    revision: number;
    superseded_at: string | Date | null;
  }>(
    await q.execute(sql`
      select * from (
        select m.period_start::text as period_start, m.value, m.source, ${authorName} as author_name, m.note,
               m.recorded_at, m.revision, null::timestamptz as superseded_at
        from ${kpiMeasurements} m
        left join ${users} u on u.id = m.author_user_id
        left join ${apiTokens} t on t.organization_id = m.organization_id and t.id = m.token_id
        where m.organization_id = ${organizationId} and m.kpi_id = ${kpiId} and m.period_start = ${periodStart}::date
        union all
        select m.period_start::text, m.value, m.source, ${authorName}, m.note, m.recorded_at, m.revision, m.superseded_at
        from ${kpiMeasurementHistory} m
        left join ${users} u on u.id = m.author_user_id
        left join ${apiTokens} t on t.organization_id = m.organization_id and t.id = m.token_id
        where m.organization_id = ${organizationId} and m.kpi_id = ${kpiId} and m.period_start = ${periodStart}::date
      ) v order by revision desc`),
  );
  return rows.map((r) => ({
    ...toMeasurementRow(r),
    supersededAt: r.superseded_at === null ? null : new Date(r.superseded_at),
  }));
}

function toMeasurementRow(r: {
  period_start: string;
  value: number;
  source: MeasurementSource;
  author_name: string | null;
  note: string;
  recorded_at: string | Date;
  revision: number;
}): MeasurementRow {
  return {
    periodStart: r.period_start,
    value: Number(r.value),
    source: r.source,
    authorName: r.author_name,
    note: r.note,
    recordedAt: new Date(r.recorded_at),
    revision: Number(r.revision),
  };
}

/** Values in force for (KPI, period) pairs, keyed "kpiId|periodStart" (import previews). */
export async function valuesAt(
  q: Queryable,
  organizationId: string,
  pairs: ReadonlyArray<{ kpiId: string; periodStart: string }>,
): Promise<Map<string, number>> {
  if (pairs.length === 0) return new Map();
  const payload = JSON.stringify(pairs.map((p) => ({ kpi_id: p.kpiId, period_start: p.periodStart })));
  const rows = rowsOf<{ kpi_id: string; period_start: string; value: number }>(
    await q.execute(sql`
      select m.kpi_id, m.period_start::text as period_start, m.value
      from json_to_recordset(${payload}::json) as p(kpi_id uuid, period_start date)
      join ${kpiMeasurements} m on m.organization_id = ${organizationId} and m.kpi_id = p.kpi_id
        and m.period_start = p.period_start`),
  );
  return new Map(rows.map((r) => [`${r.kpi_id}|${r.period_start}`, Number(r.value)]));
}

/**
 * Of KPIs whose values changed up to a period (the latest changed one), those where the
 * change reaches into their newest values: fewer than `close_after_green_periods +
 * margin` values are newer than that period. A backfill of old history changes nothing
 * an escalation is decided on (the latest value and the run of periods before it), so
 * those KPIs need not be judged again.
 */
export async function kpisChangedNearTheirLatest(
  q: Queryable,
  organizationId: string,
  changedUpTo: ReadonlyMap<string, string>,
  margin: number,
): Promise<string[]> {
  if (changedUpTo.size === 0) return [];
  const rows = rowsOf<{ kpi_id: string }>(
    await q.execute(sql`
      select c.kpi_id
      from unnest(${uuidArray([...changedUpTo.keys()])}, ${dateArray([...changedUpTo.values()])})
        as c(kpi_id, to_period)
      join ${kpis} k on k.organization_id = ${organizationId} and k.id = c.kpi_id
      where (select count(*) from (
               select 1 from ${kpiMeasurements} m
               where m.organization_id = ${organizationId} and m.kpi_id = c.kpi_id and m.period_start > c.to_period
               limit k.close_after_green_periods + ${margin}) newer)
            < k.close_after_green_periods + ${margin}`),
  );
  return rows.map((r) => r.kpi_id);
}

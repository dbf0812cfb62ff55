import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { kpiRecomputeQueue, kpis } from "../../db/schema.ts";
import type { KpiRow } from "./kpi-repository.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * The KPI recompute queue (`kpi_recompute_queue`): one entry per KPI whose values or
 * definition changed, with the range of periods that changed. Writers of values queue
 * their KPIs in the same statement (measurement-repository.ts); the recompute service
 * claims entries here, works them off and puts back the ones that failed.
 */

/** `from_period` of an entry that asks for a status re-judgement only (no formula inputs changed). */
export const STATUS_ONLY = "9999-12-31";
/** `to_period` of an entry that must be judged whatever its values (new bands, a new formula). */
export const JUDGE_ANYWAY = "9999-12-31";
/** `from_period` of a formula KPI to recompute from scratch (created, restored, redefined). */
export const FROM_SCRATCH = "1900-01-01";

/** An entry taken off the queue by this transaction. */
export type ClaimedEntry = { kpi_id: string; from_period: string; to_period: string; attempts: number };

/** Queues a KPI to be judged again (new bands, a new floor) without recomputing formulas. */
export async function requeueForStatus(q: Queryable, organizationId: string, kpiId: string) {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
    values (${organizationId}, ${kpiId}, ${STATUS_ONLY}, ${JUDGE_ANYWAY})
    on conflict (organization_id, kpi_id) do update
      set to_period = ${JUDGE_ANYWAY}, queued_at = now(), not_before = now()`);
}

/** Queues a formula KPI to be recomputed from scratch (a restored or redefined formula). */
export async function requeueFormula(q: Queryable, organizationId: string, kpiId: string) {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period)
    values (${organizationId}, ${kpiId}, ${FROM_SCRATCH}, ${JUDGE_ANYWAY})
    on conflict (organization_id, kpi_id) do update
      set from_period = ${FROM_SCRATCH}, to_period = ${JUDGE_ANYWAY}, queued_at = now(), not_before = now()`);
}

/** Organisations with entries due now (at most 100 per pass; the next pass takes the rest). */
export async function organizationsWithRecomputeWork(q: Queryable): Promise<string[]> {
  const rows = rowsOf<{ organization_id: string }>(
    await q.execute(sql`
      select distinct organization_id from ${kpiRecomputeQueue} where not_before <= now() limit 100`),
  );
  return rows.map((r) => r.organization_id);
}

/**
 * Takes up to `limit` due entries of an organisation off the queue, oldest first, and
 * only those of `focus` when given. Entries another transaction holds are skipped.
 *
 * The KPIs are locked (key share) together with their entries, before anything else:
 * an edit of a KPI holds it for update and then queues it, so taking the entry first
 * and the KPI later (to open an escalation) could deadlock with it. A KPI being edited
 * is skipped; the edit queues it again.
 */
export async function claimRecomputeEntries(
  q: Queryable,
  organizationId: string,
  focus: ReadonlySet<string> | null,
  limit: number,
): Promise<ClaimedEntry[]> {
  return rowsOf<ClaimedEntry>(
    await q.execute(sql`
      delete from ${kpiRecomputeQueue} where (organization_id, kpi_id) in (
        select e.organization_id, e.kpi_id from ${kpiRecomputeQueue} e
        join ${kpis} k on k.organization_id = e.organization_id and k.id = e.kpi_id
        where e.organization_id = ${organizationId} and e.not_before <= now()
          ${focus ? sql`and e.kpi_id = any(${uuidArray([...focus])})` : sql``}
        order by e.queued_at limit ${limit}
        for update of e skip locked
        for key share of k skip locked)
      returning kpi_id, from_period::text as from_period, to_period::text as to_period, attempts`),
  );
}

/**
 * Puts a failed entry back, to be tried again after `delayMinutes`, with its error kept
 * for operators. Merges with an entry queued meanwhile (the wider range of periods wins).
 */
export async function putBackRecomputeEntry(
  q: Queryable,
  organizationId: string,
  entry: ClaimedEntry,
  failure: { attempts: number; delayMinutes: number; error: string },
): Promise<void> {
  await q.execute(sql`
    insert into ${kpiRecomputeQueue} (organization_id, kpi_id, from_period, to_period, attempts, not_before, last_error)
    values (${organizationId}, ${entry.kpi_id}, ${entry.from_period}, ${entry.to_period}, ${failure.attempts},
            now() + make_interval(mins => ${failure.delayMinutes}), ${failure.error})
    on conflict (organization_id, kpi_id) do update
      set from_period = least(${kpiRecomputeQueue}.from_period, excluded.from_period),
          to_period = greatest(${kpiRecomputeQueue}.to_period, excluded.to_period),
          attempts = excluded.attempts, not_before = excluded.not_before, last_error = excluded.last_error`);
}

/** KPI rows by id, unlocked and in no particular order; ids of other organisations find nothing. */
export async function kpisByIds(
  q: Queryable,
  organizationId: string,
  ids: readonly string[],
): Promise<KpiRow[]> {
  if (ids.length === 0) return [];
  return q
    .select()
    .from(kpis)
    .where(sql`${kpis.organizationId} = ${organizationId} and ${kpis.id} = any(${uuidArray(ids)})`);
}

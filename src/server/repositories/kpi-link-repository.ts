import { and, eq, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { cycles, keyResults, kpiMeasurements, kpiPromotions, kpis, objectives } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * Key Results that read a KPI (key_results.kpi_id / kpi_read) and the promotions that
 * record each link (kpi_promotions). Every query is scoped by organisation.
 */

/**
 * The value a KR reading a KPI shows, as SQL over `kr` (key_results), `k` (kpis) and
 * `c` (the KR's cycle): the KPI's latest value up to `today`, or with read "cycle" the
 * KPI's own aggregation over the periods whose start lies in the cycle. Null when the
 * KPI has no such value yet.
 */
function readValue(today: string) {
  return sql`case when kr.kpi_read = 'cycle' then (
      select case k.aggregation
        when 'sum' then sum(m.value) when 'average' then avg(m.value)
        when 'min' then min(m.value) when 'max' then max(m.value)
        else (array_agg(m.value order by m.period_start desc))[1] end
      from ${kpiMeasurements} m
      where m.organization_id = kr.organization_id and m.kpi_id = kr.kpi_id
        and m.period_start between c.starts_on and c.ends_on and m.period_start <= ${today}::date)
    else (
      select m.value from ${kpiMeasurements} m
      where m.organization_id = kr.organization_id and m.kpi_id = kr.kpi_id
        and m.period_start <= ${today}::date
      order by m.period_start desc limit 1) end`;
}

/**
 * Sets the current value of every live KR of a running (not closed) cycle that reads one
 * of `kpiIds` from the KPI's values: one statement for the whole batch, so a bulk load
 * pays once, not per KPI. KRs whose value did not move are left alone. Returns how many
 * KRs moved.
 */
export async function refreshKeyResultsReading(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  today: string,
): Promise<number> {
  if (kpiIds.length === 0) return 0;
  const rows = rowsOf<{ id: string }>(
    await q.execute(sql`
      update ${keyResults} t set current_value = v.value
      from (
        select kr.id, ${readValue(today)} as value
        from ${keyResults} kr
        join ${objectives} o on o.organization_id = kr.organization_id and o.id = kr.objective_id
        join ${cycles} c on c.organization_id = o.organization_id and c.id = o.cycle_id
        join ${kpis} k on k.organization_id = kr.organization_id and k.id = kr.kpi_id
        where kr.organization_id = ${organizationId} and kr.kpi_id = any(${uuidArray(kpiIds)})
          and kr.archived_at is null and c.state <> 'closed' and o.state <> 'closed'
      ) v
      where t.organization_id = ${organizationId} and t.id = v.id and v.value is not null
        and t.current_value is distinct from v.value
      returning t.id`),
  );
  return rows.length;
}

/** The value a KR would read from a KPI now (null without values), for a link being made. */
export async function kpiValueFor(
  q: Queryable,
  organizationId: string,
  input: { kpiId: string; kpiRead: "latest" | "cycle"; cycleId: string },
  today: string,
): Promise<number | null> {
  const [row] = rowsOf<{ value: number | null }>(
    await q.execute(sql`
      select ${readValue(today)} as value
      from (select ${organizationId}::uuid as organization_id, ${input.kpiId}::uuid as kpi_id,
                   ${input.kpiRead}::text as kpi_read) kr
      join ${kpis} k on k.organization_id = kr.organization_id and k.id = kr.kpi_id
      join ${cycles} c on c.organization_id = kr.organization_id and c.id = ${input.cycleId}`),
  );
  return row?.value == null ? null : Number(row.value);
}

/** Other live KRs of an Objective reading a KPI (one KPI is read once per Objective and cycle). */
export async function otherReadersInObjective(
  q: Queryable,
  organizationId: string,
  objectiveId: string,
  kpiId: string,
  exceptKeyResultId: string | null,
): Promise<Array<{ id: string; title: string }>> {
  return q
    .select({ id: keyResults.id, title: keyResults.title })
    .from(keyResults)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(keyResults.objectiveId, objectiveId),
        eq(keyResults.kpiId, kpiId),
        sql`${keyResults.archivedAt} is null`,
        exceptKeyResultId ? sql`${keyResults.id} <> ${exceptKeyResultId}` : sql`true`,
      ),
    );
}

export type PromotionRow = typeof kpiPromotions.$inferSelect;

/**
 * Records that a KR now reads a KPI in a cycle. A KR has one promotion row per KPI (the
 * unique key). Linking the same KPI again after an unlink reopens that row: it runs again
 * and keeps when, and by whom, the KPI was first promoted. Linking another KPI writes that
 * KPI's own row; the first KPI's row stays in its history, ended "unlinked".
 */
export async function upsertPromotion(
  q: Queryable,
  row: { organizationId: string; kpiId: string; cycleId: string; keyResultId: string; userId: string | null },
): Promise<PromotionRow> {
  const [saved] = await q
    .insert(kpiPromotions)
    .values({
      organizationId: row.organizationId,
      kpiId: row.kpiId,
      cycleId: row.cycleId,
      keyResultId: row.keyResultId,
      promotedByUserId: row.userId,
    })
    .onConflictDoUpdate({
      target: [kpiPromotions.organizationId, kpiPromotions.keyResultId, kpiPromotions.kpiId],
      set: {
        cycleId: row.cycleId,
        outcome: null,
        finalValue: null,
        baselineDecision: null,
        baselineDecidedByUserId: null,
        baselineDecidedAt: null,
        baselineEffectiveFrom: null,
        endedAt: null,
      },
    })
    .returning();
  return saved!;
}

/** Ends the running promotions of these KRs as "unlinked" (history kept); returns them. */
export async function endPromotionsUnlinked(
  q: Queryable,
  organizationId: string,
  keyResultIds: readonly string[],
  now: Date,
): Promise<PromotionRow[]> {
  if (keyResultIds.length === 0) return [];
  return q
    .update(kpiPromotions)
    .set({ outcome: "unlinked", endedAt: now })
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        sql`${kpiPromotions.keyResultId} = any(${uuidArray(keyResultIds)})`,
        sql`${kpiPromotions.endedAt} is null`,
      ),
    )
    .returning();
}

/** Sets or clears the KPI a KR reads (no version bump: the KR's definition is audited by the caller). */
export async function setKeyResultKpi(
  q: Queryable,
  organizationId: string,
  keyResultIds: readonly string[],
  link: { kpiId: string | null; kpiRead: "latest" | "cycle" | null; currentValue?: number | null },
): Promise<void> {
  if (keyResultIds.length === 0) return;
  await q
    .update(keyResults)
    .set({
      kpiId: link.kpiId,
      kpiRead: link.kpiRead,
      ...(link.currentValue === undefined ? {} : { currentValue: link.currentValue }),
    })
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        sql`${keyResults.id} = any(${uuidArray(keyResultIds)})`,
      ),
    );
}

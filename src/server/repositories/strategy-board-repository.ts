import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { kpiBands, kpis, teams } from "../../db/schema.ts";
import type { Bands } from "../../domain/kpi/types.ts";

/**
 * Every active KPI of the organisation with what its board row shows: definition, team,
 * band series and the newest `points` values. One statement; each KPI's bands and values
 * come from sub-selects served by their tables' primary keys.
 */
export async function strategyBoardKpiRows(q: Queryable, organizationId: string, points: number) {
  const outerKpiId = sql`${kpis}.id`;
  const rows = await q
    .select({
      id: kpis.id,
      key: kpis.key,
      name: kpis.name,
      themeId: kpis.themeId,
      teamName: teams.name,
      unit: kpis.unit,
      decimals: kpis.decimals,
      currency: kpis.currency,
      direction: kpis.direction,
      frequency: kpis.frequency,
      bands: sql<Bands[]>`(select coalesce(json_agg(json_build_object('effectiveFrom', b.effective_from,
          'target', b.target, 'greenMin', b.green_min, 'greenMax', b.green_max, 'redMin', b.red_min,
          'redMax', b.red_max) order by b.effective_from), '[]'::json)
        from ${kpiBands} b where b.organization_id = ${organizationId} and b.kpi_id = ${outerKpiId})`,
      points: sql<{ p: string[]; v: number[] }>`(select json_build_object(
          'p', coalesce(array_agg(m.period_start order by m.period_start), '{}'),
          'v', coalesce(array_agg(m.value order by m.period_start), '{}'))
        from (select period_start, value from kpi_measurements
              where organization_id = ${organizationId} and kpi_id = ${outerKpiId}
              order by period_start desc limit ${points}) m)`,
    })
    .from(kpis)
    .innerJoin(teams, and(eq(teams.organizationId, kpis.organizationId), eq(teams.id, kpis.teamId)))
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.state, "active")))
    .orderBy(sql`lower(${kpis.name}) collate "C"`, kpis.id);
  return rows.map(({ points: pts, ...row }) => ({
    ...row,
    measured: pts.p.map((periodStart, i) => ({ periodStart, value: Number(pts.v[i]) })),
  }));
}

export type StrategyBoardKpiRow = Awaited<ReturnType<typeof strategyBoardKpiRows>>[number];

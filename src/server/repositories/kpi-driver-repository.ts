/** Driver edges between KPIs (kpi_drivers): reads for trees and loop checks, and the list's replacement. */
import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { kpiDrivers, kpis } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";
import { subtreeTeamIds } from "./team-repository.ts";

export type DriverEdgeRow = { kpiId: string; driverKpiId: string; position: number };

const edgeColumns = {
  kpiId: kpiDrivers.kpiId,
  driverKpiId: kpiDrivers.driverKpiId,
  position: kpiDrivers.position,
};

/** The KPI's drivers, in their order. */
export function driversOf(q: Queryable, organizationId: string, kpiId: string): Promise<DriverEdgeRow[]> {
  return q
    .select(edgeColumns)
    .from(kpiDrivers)
    .where(and(eq(kpiDrivers.organizationId, organizationId), eq(kpiDrivers.kpiId, kpiId)))
    .orderBy(asc(kpiDrivers.position), asc(kpiDrivers.driverKpiId));
}

/**
 * Every edge with one end among `ids`: `side` "driven" follows drivers downwards (edges
 * whose driven KPI is listed), "driver" follows what they drive upwards.
 */
export function edgesAt(
  q: Queryable,
  organizationId: string,
  ids: readonly string[],
  side: "driven" | "driver",
): Promise<DriverEdgeRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  const column = side === "driven" ? kpiDrivers.kpiId : kpiDrivers.driverKpiId;
  return q
    .select(edgeColumns)
    .from(kpiDrivers)
    .where(and(eq(kpiDrivers.organizationId, organizationId), sql`${column} = any(${uuidArray(ids)})`))
    .orderBy(asc(kpiDrivers.kpiId), asc(kpiDrivers.position), asc(kpiDrivers.driverKpiId));
}

/** The organisation's whole driver graph (driven KPI → its drivers, in order), for loop checks. */
export async function driverGraph(q: Queryable, organizationId: string): Promise<Map<string, string[]>> {
  const rows = await q
    .select(edgeColumns)
    .from(kpiDrivers)
    .where(eq(kpiDrivers.organizationId, organizationId))
    .orderBy(asc(kpiDrivers.kpiId), asc(kpiDrivers.position));
  const graph = new Map<string, string[]>();
  for (const row of rows) {
    const list = graph.get(row.kpiId);
    if (list) list.push(row.driverKpiId);
    else graph.set(row.kpiId, [row.driverKpiId]);
  }
  return graph;
}

/**
 * Serialises edits of one organisation's driver lists until the transaction ends: two
 * edits checked at once (A ← B and B ← A) would each pass and together close a loop.
 */
export async function lockDriverGraph(q: Queryable, organizationId: string) {
  await q.execute(sql`select pg_advisory_xact_lock(hashtext(${`keel:kpi-drivers:${organizationId}`}))`);
}

/** Replaces the KPI's drivers with `driverIds`, in that order. */
export async function replaceDrivers(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  driverIds: readonly string[],
) {
  await q
    .delete(kpiDrivers)
    .where(and(eq(kpiDrivers.organizationId, organizationId), eq(kpiDrivers.kpiId, kpiId)));
  if (driverIds.length > 0) {
    await q
      .insert(kpiDrivers)
      .values(driverIds.map((driverKpiId, position) => ({ organizationId, kpiId, driverKpiId, position })));
  }
}

/**
 * Every driver edge with an end on a KPI of the team (with `subtree`, of the team or any
 * team below it), and which KPIs those are.
 */
export async function teamDriverEdges(
  q: Queryable,
  organizationId: string,
  teamId: string,
  subtree: boolean,
): Promise<{ edges: DriverEdgeRow[]; teamKpiIds: string[] }> {
  const teams = subtree ? subtreeTeamIds(organizationId, teamId) : sql`(select ${teamId}::uuid)`;
  const teamKpis = await q
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), sql`${kpis.teamId} in ${teams}`));
  const teamKpiIds = teamKpis.map((k) => k.id);
  if (teamKpiIds.length === 0) return { edges: [], teamKpiIds };
  const edges = await q
    .select(edgeColumns)
    .from(kpiDrivers)
    .where(
      and(
        eq(kpiDrivers.organizationId, organizationId),
        sql`(${kpiDrivers.kpiId} = any(${uuidArray(teamKpiIds)}) or ${kpiDrivers.driverKpiId} = any(${uuidArray(teamKpiIds)}))`,
      ),
    )
    .orderBy(asc(kpiDrivers.kpiId), asc(kpiDrivers.position), asc(kpiDrivers.driverKpiId));
  const touched = new Set(edges.flatMap((e) => [e.kpiId, e.driverKpiId]));
  return { edges, teamKpiIds: teamKpiIds.filter((id) => touched.has(id)) };
}

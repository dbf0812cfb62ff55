import { and, eq, type Placeholder, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { kpiBands, kpiConnectors, kpiFormulaInputs, kpis, teams, users } from "../../db/schema.ts";
import type { Bands } from "../../domain/kpi/types.ts";
import type { TeamScope } from "../../shared/schemas/common.ts";
import { type ConnectorSummaryRow, type KpiRef, type KpiWithNames, kpiColumns } from "./kpi-repository.ts";
import { preparedStatement } from "./prepared.ts";
import { uuidArray } from "./sql-arrays.ts";
import { subtreeTeamIds } from "./team-repository.ts";

export type KpiCardData = {
  bands: Bands[];
  inputs: KpiRef[];
  /** The newest values, oldest first. */
  points: Array<{ periodStart: string; value: number }>;
  escalation: {
    id: string;
    state: "open" | "acknowledged";
    reason: "red" | "floor";
    openedAt: Date;
    acknowledgedByName: string | null;
  } | null;
  connector: Omit<ConnectorSummaryRow, "kpiId"> | null;
};

/** The card's parts as the database sends them (JSON: dates as strings). */
type CardJson = {
  bands: Bands[];
  inputs: KpiRef[];
  points: { p: string[]; v: number[] };
  escalation: {
    id: string;
    state: "open" | "acknowledged";
    reason: "red" | "floor";
    openedAt: string;
    acknowledgedByName: string | null;
  } | null;
  connector:
    | (Omit<ConnectorSummaryRow, "kpiId" | "lastRunAt" | "nextRunAt"> & {
        lastRunAt: string | null;
        nextRunAt: string;
      })
    | null;
};

/**
 * Everything a KPI card shows besides its definition (bands, formula inputs, the newest
 * `points` values, the unresolved escalation, the connector's state) as columns beside
 * the KPI's own: each a JSON sub-select served by its table's primary key, so any number
 * of cards costs one statement.
 */
function cardColumns(organizationId: string | Placeholder, points: number | Placeholder) {
  // Spelled out: drizzle leaves a column unqualified in a one-table select, and inside a
  // sub-select an unqualified "id" would name the sub-select's own table.
  const outerKpiId = sql`${kpis}.id`;
  return {
    bands: sql<
      CardJson["bands"]
    >`(select coalesce(json_agg(json_build_object('effectiveFrom', b.effective_from,
        'target', b.target, 'greenMin', b.green_min, 'greenMax', b.green_max, 'redMin', b.red_min,
        'redMax', b.red_max) order by b.effective_from), '[]'::json)
      from ${kpiBands} b where b.organization_id = ${organizationId} and b.kpi_id = ${outerKpiId})`,
    inputs: sql<
      CardJson["inputs"]
    >`(select coalesce(json_agg(json_build_object('id', i.id, 'key', i.key, 'name', i.name)
        order by i.key), '[]'::json)
      from ${kpiFormulaInputs} f
      join ${kpis} i on i.organization_id = f.organization_id and i.id = f.input_kpi_id
      where f.organization_id = ${organizationId} and f.kpi_id = ${outerKpiId})`,
    // Two parallel arrays rather than an object per value: a third less work for both
    // sides on a board of 20 sparklines. Read from the primary key's index alone (it
    // carries the value).
    points: sql<CardJson["points"]>`(select json_build_object(
        'p', coalesce(array_agg(m.period_start order by m.period_start), '{}'),
        'v', coalesce(array_agg(m.value order by m.period_start), '{}'))
      from (select period_start, value from kpi_measurements
            where organization_id = ${organizationId} and kpi_id = ${outerKpiId}
            order by period_start desc limit ${points}) m)`,
    escalation: sql<CardJson["escalation"]>`(select json_build_object('id', e.id, 'state', e.state,
        'reason', e.reason, 'openedAt', e.opened_at,
        'acknowledgedByName', (select u.name from ${users} u where u.id = e.acknowledged_by_user_id))
      from escalations e
      where e.organization_id = ${organizationId} and e.kpi_id = ${outerKpiId} and e.state <> 'resolved' limit 1)`,
    connector: sql<CardJson["connector"]>`(select json_build_object('kind', c.kind, 'enabled', c.enabled,
        'lastRunAt', c.last_run_at, 'lastOutcome', c.last_outcome, 'lastError', c.last_error,
        'nextRunAt', c.next_run_at)
      from ${kpiConnectors} c where c.organization_id = ${organizationId} and c.kpi_id = ${outerKpiId})`,
  };
}

function cardOf(row: CardJson): KpiCardData {
  return {
    bands: row.bands,
    inputs: row.inputs,
    points: row.points.p.map((periodStart, i) => ({ periodStart, value: Number(row.points.v[i]) })),
    escalation: row.escalation ? { ...row.escalation, openedAt: new Date(row.escalation.openedAt) } : null,
    connector: row.connector
      ? {
          ...row.connector,
          lastRunAt: row.connector.lastRunAt ? new Date(row.connector.lastRunAt) : null,
          nextRunAt: new Date(row.connector.nextRunAt),
        }
      : null,
  };
}

/** Card data of KPIs already read, by id. */
export async function kpiCardData(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
  points: number,
): Promise<Map<string, KpiCardData>> {
  const result = new Map<string, KpiCardData>();
  if (kpiIds.length === 0) return result;
  const rows = await q
    .select({ id: kpis.id, ...cardColumns(organizationId, points) })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), sql`${kpis.id} = any(${uuidArray(kpiIds)})`));
  for (const row of rows) result.set(row.id, cardOf(row));
  return result;
}

/** The board's statement: one team's KPIs, or with `subtree` also those of every team below it. */
function boardQuery(q: Queryable, subtree: boolean) {
  const organizationId = sql.placeholder("organizationId");
  const teamId = sql.placeholder("teamId");
  return q
    .select({ ...kpiColumns, ...cardColumns(organizationId, sql.placeholder("points")) })
    .from(kpis)
    .innerJoin(users, eq(users.id, kpis.ownerUserId))
    .innerJoin(teams, and(eq(teams.organizationId, kpis.organizationId), eq(teams.id, kpis.teamId)))
    .where(
      and(
        eq(kpis.organizationId, organizationId),
        subtree ? sql`${kpis.teamId} in ${subtreeTeamIds(organizationId, teamId)}` : eq(kpis.teamId, teamId),
        eq(kpis.state, "active"),
      ),
    )
    .orderBy(sql`lower(${kpis.name}) collate "C"`, kpis.id);
}

const teamBoardStatement = preparedStatement((q) => boardQuery(q, false).prepare("kpi_board"));
const subtreeBoardStatement = preparedStatement((q) => boardQuery(q, true).prepare("kpi_board_subtree"));

/**
 * A team's active KPIs (with `scope` subtree, also those of every team below it) with
 * their names and card data, by name: a whole board in one statement.
 */
export async function activeKpiCardsOfTeam(
  q: Queryable,
  organizationId: string,
  teamId: string,
  points: number,
  scope: TeamScope = "team",
): Promise<Array<KpiWithNames & { card: KpiCardData }>> {
  const statement = scope === "subtree" ? subtreeBoardStatement(q) : teamBoardStatement(q);
  const rows = await statement.execute({ organizationId, teamId, points });
  return rows.map((row) => ({
    kpi: row.kpi,
    ownerName: row.ownerName,
    teamName: row.teamName,
    card: cardOf(row),
  }));
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import type { Bands, Direction, Frequency } from "../../domain/kpi/types.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * The set-wise reads of the leadership home: a whole cycle's Objectives and KRs, and the
 * open escalations, flags and headline KPIs of a set of teams, each in one statement
 * whatever the organisation's size. The service narrows to the scope and theme.
 */

/** The active cycle to show by default: running today, the shortest first (a quarter before its year). */
export async function defaultCycleOf(q: Queryable, organizationId: string, today: string) {
  const rows = rowsOf<{ id: string }>(
    await q.execute(sql`select id from cycles
      where organization_id = ${organizationId} and state = 'active'
      order by (starts_on <= ${today}::date and ends_on >= ${today}::date) desc,
        ends_on - starts_on, starts_on desc, id
      limit 1`),
  );
  return rows[0]?.id ?? null;
}

export type LeadershipObjectiveRow = {
  id: string;
  title: string;
  teamId: string | null;
  themeId: string | null;
  ownerUserId: string | null;
  visibility: "organization" | "team";
  state: "draft" | "active" | "closed";
};

/** The cycle's live (not archived) Objectives, drafts included (the linter reads them). */
export async function cycleObjectives(q: Queryable, organizationId: string, cycleId: string) {
  return rowsOf<LeadershipObjectiveRow>(
    await q.execute(sql`select o.id, o.title, o.team_id as "teamId", o.theme_id as "themeId",
        o.owner_user_id as "ownerUserId", o.visibility, o.state
      from objectives o
      where o.organization_id = ${organizationId} and o.cycle_id = ${cycleId} and o.archived_at is null`),
  );
}

export type LeadershipKeyResultRow = {
  id: string;
  objectiveId: string;
  title: string;
  ownerName: string | null;
  kind: "metric" | "milestone" | "percentage";
  startValue: number | null;
  targetValue: number | null;
  currentValue: number | null;
  done: boolean;
  lastConfidence: number | null;
  lastCheckInAt: Date | null;
  createdAt: Date;
  activeFrom: string | null;
  weight: number;
  commitment: "committed" | "aspirational";
};

/** The live KRs of these Objectives with what progress, status and check-in cadence read. */
export async function keyResultFactsOf(
  q: Queryable,
  organizationId: string,
  objectiveIds: readonly string[],
) {
  if (objectiveIds.length === 0) return [];
  const rows = rowsOf<
    Omit<LeadershipKeyResultRow, "lastCheckInAt" | "createdAt"> & {
      lastCheckInAt: string | null;
      createdAt: string;
    }
  >(
    await q.execute(sql`select k.id, k.objective_id as "objectiveId", k.title, u.name as "ownerName", k.kind,
        k.start_value as "startValue", k.target_value as "targetValue", k.current_value as "currentValue",
        k.done, k.last_confidence as "lastConfidence", k.last_check_in_at as "lastCheckInAt",
        k.created_at as "createdAt", k.active_from::text as "activeFrom", k.weight, k.commitment
      from key_results k left join users u on u.id = k.owner_user_id
      where k.organization_id = ${organizationId} and k.objective_id = any(${uuidArray(objectiveIds)})
        and k.archived_at is null`),
  );
  // Raw statements leave timestamps as text on one driver and dates on the other.
  return rows.map((r) => ({
    ...r,
    lastCheckInAt: r.lastCheckInAt === null ? null : new Date(r.lastCheckInAt),
    createdAt: new Date(r.createdAt),
    startValue: r.startValue === null ? null : Number(r.startValue),
    targetValue: r.targetValue === null ? null : Number(r.targetValue),
    currentValue: r.currentValue === null ? null : Number(r.currentValue),
    weight: Number(r.weight),
  }));
}

/** Null team ids: the whole organisation. */
type TeamSet = readonly string[] | null;

function inTeams(column: ReturnType<typeof sql.raw>, teamIds: TeamSet) {
  return teamIds === null ? sql`true` : sql`${column} = any(${uuidArray(teamIds)})`;
}

/** Unresolved escalations of the KPIs of these teams (and theme), newest first. */
export async function unresolvedEscalationsIn(
  q: Queryable,
  organizationId: string,
  teamIds: TeamSet,
  themeId: string | null,
) {
  return rowsOf<{
    id: string;
    kpiId: string;
    kpiName: string;
    state: "open" | "acknowledged";
    reason: "red" | "floor";
    openedAt: string;
    teamId: string;
    teamName: string;
  }>(
    await q.execute(sql`select e.id, e.kpi_id as "kpiId", k.name as "kpiName", e.state, e.reason,
        e.opened_at as "openedAt", k.team_id as "teamId", t.name as "teamName"
      from escalations e
      join kpis k on k.organization_id = e.organization_id and k.id = e.kpi_id
      join teams t on t.organization_id = k.organization_id and t.id = k.team_id
      where e.organization_id = ${organizationId} and e.state <> 'resolved'
        and ${inTeams(sql.raw("k.team_id"), teamIds)}
        and ${themeId === null ? sql`true` : sql`k.theme_id = ${themeId}`}
      order by e.opened_at desc, e.id desc`),
  );
}

/** The open flags on live KRs of these Objectives, newest first. */
export async function openFlagsOn(q: Queryable, organizationId: string, objectiveIds: readonly string[]) {
  if (objectiveIds.length === 0) return [];
  return rowsOf<{ flagId: string; keyResultId: string; objectiveId: string; raisedAt: string }>(
    await q.execute(sql`select f.id as "flagId", f.key_result_id as "keyResultId",
        k.objective_id as "objectiveId", f.created_at as "raisedAt"
      from key_result_flags f
      join key_results k on k.organization_id = f.organization_id and k.id = f.key_result_id
      where f.organization_id = ${organizationId} and f.status = 'open' and k.archived_at is null
        and k.objective_id = any(${uuidArray(objectiveIds)})
      order by f.created_at desc, f.id desc`),
  );
}

/** Active KPIs of these teams (and theme), for the default strip: the service picks the red ones. */
export async function activeKpiIdsIn(
  q: Queryable,
  organizationId: string,
  teamIds: TeamSet,
  themeId: string | null,
) {
  return rowsOf<{ id: string; teamId: string }>(
    await q.execute(sql`select k.id, k.team_id as "teamId" from kpis k
      where k.organization_id = ${organizationId} and k.state = 'active'
        and ${inTeams(sql.raw("k.team_id"), teamIds)}
        and ${themeId === null ? sql`true` : sql`k.theme_id = ${themeId}`}`),
  );
}

/**
 * What a KPI's current status is judged from (src/domain/kpi/status.ts currentStatus): its
 * direction, frequency, band series, and its newest values up to today (the current status
 * reads at most the latest due period and the one in progress after it). One statement,
 * each KPI's bands and values from sub-selects served by their primary keys.
 */
export async function kpiStatusFacts(
  q: Queryable,
  organizationId: string,
  ids: readonly string[],
  today: string,
) {
  if (ids.length === 0) return [];
  const rows = rowsOf<{
    id: string;
    direction: Direction;
    frequency: Frequency;
    bands: Bands[];
    points: { p: string[]; v: number[] };
  }>(
    await q.execute(sql`select k.id, k.direction, k.frequency,
        (select coalesce(json_agg(json_build_object('effectiveFrom', b.effective_from,
            'target', b.target, 'greenMin', b.green_min, 'greenMax', b.green_max, 'redMin', b.red_min,
            'redMax', b.red_max) order by b.effective_from), '[]'::json)
          from kpi_bands b where b.organization_id = k.organization_id and b.kpi_id = k.id) as bands,
        (select json_build_object('p', coalesce(array_agg(m.period_start order by m.period_start), '{}'),
            'v', coalesce(array_agg(m.value order by m.period_start), '{}'))
          from (select period_start, value from kpi_measurements
                where organization_id = k.organization_id and kpi_id = k.id and period_start <= ${today}::date
                order by period_start desc limit 3) m) as points
      from kpis k
      where k.organization_id = ${organizationId} and k.id = any(${uuidArray(ids)})`),
  );
  return rows.map(({ points, ...row }) => ({
    ...row,
    measured: points.p.map((periodStart, i) => ({ periodStart, value: Number(points.v[i]) })),
  }));
}

/** The chosen headline KPIs in their order, with what the admin page names them by. */
export async function headlineKpis(q: Queryable, organizationId: string) {
  return rowsOf<{
    id: string;
    key: string;
    name: string;
    teamName: string;
    state: string;
    themeId: string | null;
  }>(
    await q.execute(sql`select k.id, k.key, k.name, t.name as "teamName", k.state, k.theme_id as "themeId"
      from kpi_headlines h
      join kpis k on k.organization_id = h.organization_id and k.id = h.kpi_id
      join teams t on t.organization_id = k.organization_id and t.id = k.team_id
      where h.organization_id = ${organizationId}
      order by h.position, k.id`),
  );
}

/** Which of these ids are active KPIs of the organisation. */
export async function activeKpisAmong(q: Queryable, organizationId: string, ids: readonly string[]) {
  if (ids.length === 0) return new Set<string>();
  const rows = rowsOf<{ id: string }>(
    await q.execute(sql`select id from kpis where organization_id = ${organizationId}
      and state = 'active' and id = any(${uuidArray(ids)})`),
  );
  return new Set(rows.map((r) => r.id));
}

/** Replaces the organisation's headline list by these KPIs in this order. */
export async function replaceHeadlines(q: Queryable, organizationId: string, ids: readonly string[]) {
  await q.execute(sql`delete from kpi_headlines where organization_id = ${organizationId}`);
  if (ids.length === 0) return;
  await q.execute(sql`insert into kpi_headlines (organization_id, kpi_id, position)
    select ${organizationId}, id, ord::int - 1 from unnest(${uuidArray(ids)}) with ordinality as u(id, ord)`);
}

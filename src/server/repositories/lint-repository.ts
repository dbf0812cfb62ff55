import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * What the OKR linter reads about the world around Objectives, in one statement, for one
 * draft or a whole cycle alike: the cycle, the teams (root or not, KPIs in the subtree, a
 * floor), the linked KPIs' last 12 values, the previous cycle's KRs of the same teams or
 * people (with the KPI each read, from the promotion history when the link was removed),
 * the parents' KRs, and the teams' last two scored closed cycles. Every part is scoped by
 * organisation, so ids of another organisation simply find nothing.
 */

export type LintWorldRow = {
  cycle: { id: string; name: string } | null;
  companyObjectiveIds: string[] | null;
  teams: Array<{
    id: string;
    parentId: string | null;
    subtreeHasKpis: boolean;
    hasFloor: boolean;
    kpis: Array<{ id: string; name: string }> | null;
    history: Array<{ cycleName: string; scores: number[] }> | null;
  }> | null;
  kpis: Array<{
    id: string;
    name: string;
    unit: string;
    direction: "higher_is_better" | "lower_is_better" | "within_range";
    latestFirst: number[] | null;
  }> | null;
  previousCycle: { name: string } | null;
  previous: Array<{
    teamId: string | null;
    ownerUserId: string | null;
    visibility: "organization" | "team";
    objectiveId: string;
    keyResultId: string;
    title: string;
    kpiId: string | null;
    targetValue: number | null;
    outcome: string | null;
    finalScore: number | null;
  }> | null;
  parents: Array<{
    objectiveId: string;
    objectiveTitle: string;
    teamId: string | null;
    ownerUserId: string | null;
    visibility: "organization" | "team";
    keyResultId: string;
    title: string;
    kpiId: string | null;
    targetValue: number | null;
  }> | null;
  alignments: Array<{ childId: string; parentId: string }> | null;
  /** Which of the ids a draft named exist in this organisation (for its 400s). */
  found: {
    memberIds: string[] | null;
    themeIds: string[] | null;
    kpiIds: string[] | null;
    objectiveIds: string[] | null;
  };
};

export type LintWorldQuery = {
  cycleId: string | null;
  teamIds: readonly string[];
  ownerUserIds: readonly string[];
  kpiIds: readonly string[];
  /** Parents named by a draft; saved Objectives' parents come from their alignments. */
  parentIds: readonly string[];
  /** Saved Objectives whose alignments to read. */
  objectiveIds: readonly string[];
  /** Ids a draft names whose existence is only checked: people, themes, health KPIs. */
  check?: { userIds: readonly string[]; themeIds: readonly string[]; kpiIds: readonly string[] };
};

/** How many of the team's KPIs the linter offers (link a KPI, health KPIs). */
const TEAM_KPI_SUGGESTIONS = 20;

export async function loadLintWorld(
  q: Queryable,
  organizationId: string,
  w: LintWorldQuery,
): Promise<LintWorldRow> {
  const org = organizationId;
  const check = w.check ?? { userIds: [], themeIds: [], kpiIds: [] };
  const result = await q.execute(sql`
    with recursive this_cycle as (
      select id, name, kind, starts_on from cycles where organization_id = ${org} and id = ${w.cycleId}
    ),
    prev_cycle as (
      select c.id, c.name from cycles c, this_cycle t
      where c.organization_id = ${org} and c.ends_on < t.starts_on
      order by (c.kind = t.kind) desc, c.ends_on desc, c.id limit 1
    ),
    chosen_teams as (
      select id, parent_id from teams where organization_id = ${org} and id = any(${uuidArray(w.teamIds)})
    ),
    subtree(root, id, depth) as (
      select id, id, 0 from chosen_teams
      union all
      select s.root, t.id, s.depth + 1 from teams t join subtree s on t.parent_id = s.id
      where t.organization_id = ${org} and s.depth < 50
    ),
    -- Each chosen team's subtree KPIs and closed-cycle scores, computed once for all teams
    -- and joined (not looked up per team: a cycle's health check names 1,500 teams).
    team_kpis as (
      select s.root, k.id, k.name,
        row_number() over (partition by s.root order by s.depth, k.created_at, k.id) as rn
      from subtree s join kpis k on k.organization_id = ${org} and k.team_id = s.id and k.state = 'active'
    ),
    team_history as (
      select o.team_id, c.name, c.ends_on, array_agg(k.final_score) as scores,
        row_number() over (partition by o.team_id order by c.ends_on desc, c.id) as rn
      from cycles c
      join objectives o on o.organization_id = c.organization_id and o.cycle_id = c.id
      join key_results k on k.organization_id = o.organization_id and k.objective_id = o.id
      where c.organization_id = ${org} and c.state = 'closed' and o.team_id in (select id from chosen_teams)
        and o.archived_at is null and k.archived_at is null and k.final_score is not null
      group by o.team_id, c.id, c.name, c.ends_on
    ),
    team_facts as (
      select ct.id, ct.parent_id, tk.kpis, th.history, f.team_id is not null as has_floor
      from chosen_teams ct
      left join (select root, json_agg(json_build_object('id', id, 'name', name) order by rn) as kpis
        from team_kpis where rn <= ${TEAM_KPI_SUGGESTIONS} group by root) tk on tk.root = ct.id
      left join (select team_id, json_agg(json_build_object('cycleName', name, 'scores', scores)
          order by ends_on desc) as history
        from team_history where rn <= 2 group by team_id) th on th.team_id = ct.id
      left join (select distinct team_id from kpi_floors where organization_id = ${org}
        and cycle_id = (select id from this_cycle)) f on f.team_id = ct.id
    ),
    parent_ids as (
      select unnest(${uuidArray(w.parentIds)}) as id
      union
      select a.parent_id from objective_alignments a
      where a.organization_id = ${org} and a.child_id = any(${uuidArray(w.objectiveIds)})
    )
    select
      (select json_build_object('id', id, 'name', name) from this_cycle) as "cycle",
      (select array_agg(o.id) from objectives o
        join teams t on t.organization_id = o.organization_id and t.id = o.team_id
        where o.organization_id = ${org} and o.cycle_id = (select id from this_cycle)
          and o.archived_at is null and t.parent_id is null) as "companyObjectiveIds",
      (select json_agg(json_build_object('id', id, 'parentId', parent_id,
          'subtreeHasKpis', kpis is not null, 'hasFloor', has_floor, 'kpis', kpis, 'history', history))
        from team_facts) as "teams",
      (select json_agg(json_build_object('id', k.id, 'name', k.name, 'unit', k.unit,
          'direction', k.direction,
          'latestFirst', array(select m.value from kpi_measurements m
            where m.organization_id = ${org} and m.kpi_id = k.id order by m.period_start desc limit 12)))
        from kpis k where k.organization_id = ${org} and k.id = any(${uuidArray(w.kpiIds)})) as "kpis",
      (select json_build_object('name', name) from prev_cycle) as "previousCycle",
      (select json_agg(json_build_object('teamId', o.team_id, 'ownerUserId', o.owner_user_id,
          'visibility', o.visibility, 'objectiveId', o.id, 'keyResultId', k.id, 'title', k.title,
          'kpiId', coalesce(k.kpi_id, p.kpi_id), 'targetValue', k.target_value,
          'outcome', p.outcome, 'finalScore', k.final_score))
        from objectives o
        join key_results k on k.organization_id = o.organization_id and k.objective_id = o.id
        left join kpi_promotions p on p.organization_id = k.organization_id and p.key_result_id = k.id
        where o.organization_id = ${org} and o.cycle_id = (select id from prev_cycle)
          and o.archived_at is null and k.archived_at is null
          and (o.team_id = any(${uuidArray(w.teamIds)})
            or (o.team_id is null and o.owner_user_id = any(${uuidArray(w.ownerUserIds)})))) as "previous",
      (select json_agg(json_build_object('objectiveId', o.id, 'objectiveTitle', o.title,
          'teamId', o.team_id, 'ownerUserId', o.owner_user_id, 'visibility', o.visibility,
          'keyResultId', k.id, 'title', k.title, 'kpiId', k.kpi_id, 'targetValue', k.target_value))
        from objectives o
        join key_results k on k.organization_id = o.organization_id and k.objective_id = o.id
        where o.organization_id = ${org} and o.id in (select id from parent_ids)
          and o.archived_at is null and k.archived_at is null) as "parents",
      (select json_agg(json_build_object('childId', a.child_id, 'parentId', a.parent_id))
        from objective_alignments a
        where a.organization_id = ${org} and a.child_id = any(${uuidArray(w.objectiveIds)})) as "alignments",
      json_build_object(
        'memberIds', (select array_agg(m.user_id) from memberships m where m.organization_id = ${org}
          and m.status = 'active' and m.user_id = any(${uuidArray(check.userIds)})),
        'themeIds', (select array_agg(t.id) from themes t where t.organization_id = ${org}
          and t.id = any(${uuidArray(check.themeIds)})),
        'kpiIds', (select array_agg(k.id) from kpis k where k.organization_id = ${org}
          and k.id = any(${uuidArray(check.kpiIds)})),
        'objectiveIds', (select array_agg(o.id) from objectives o where o.organization_id = ${org}
          and (o.id = any(${uuidArray(w.parentIds)}) or o.id = any(${uuidArray(w.objectiveIds)})))
      ) as "found"
  `);
  return rowsOf<LintWorldRow>(result)[0] as LintWorldRow;
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { memberships, teams } from "../../db/schema.ts";

/** Whether the person leads the team or any team above it. */
export async function leadsTeamOrAbove(
  q: Queryable,
  organizationId: string,
  teamId: string,
  userId: string,
): Promise<boolean> {
  const result = await q.execute(sql`
    with recursive up(id, parent_id, lead_user_id, depth) as (
      select id, parent_id, lead_user_id, 0 from ${teams} where organization_id = ${organizationId} and id = ${teamId}
      union all
      select t.id, t.parent_id, t.lead_user_id, up.depth + 1 from ${teams} t join up on t.id = up.parent_id
      where t.organization_id = ${organizationId} and up.depth < 50
    )
    select exists (select 1 from up where lead_user_id = ${userId}) as allowed`);
  return Boolean(rowsOf<{ allowed: boolean }>(result)[0]?.allowed);
}

/**
 * Who hears about a team's escalations: its lead, or the nearest active lead above (a
 * deactivated lead is skipped); null when no team up the tree has one (the
 * organisation's admins then).
 */
export async function nearestLead(
  q: Queryable,
  organizationId: string,
  teamId: string,
): Promise<string | null> {
  const result = await q.execute(sql`
    with recursive up(id, parent_id, lead_user_id, depth) as (
      select id, parent_id, lead_user_id, 0 from ${teams} where organization_id = ${organizationId} and id = ${teamId}
      union all
      select t.id, t.parent_id, t.lead_user_id, up.depth + 1 from ${teams} t join up on t.id = up.parent_id
      where t.organization_id = ${organizationId} and up.depth < 50
    )
    select up.lead_user_id from up
    join ${memberships} m on m.organization_id = ${organizationId} and m.user_id = up.lead_user_id and m.status = 'active'
    order by up.depth limit 1`);
  return rowsOf<{ lead_user_id: string }>(result)[0]?.lead_user_id ?? null;
}

/** Every team a person leads, with all the teams below them: where they may manage KPIs. */
export async function teamsLedBy(q: Queryable, organizationId: string, userId: string): Promise<Set<string>> {
  const result = await q.execute(sql`
    with recursive down(id, depth) as (
      select id, 0 from ${teams} where organization_id = ${organizationId} and lead_user_id = ${userId}
      union
      select t.id, down.depth + 1 from ${teams} t join down on t.parent_id = down.id
      where t.organization_id = ${organizationId} and down.depth < 50
    )
    select distinct id from down`);
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

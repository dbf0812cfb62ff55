import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { teams } from "../../db/schema.ts";

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
 * Who hears about a team's escalations: its lead, or the nearest lead above; null when
 * no team up the tree has one (the organisation's admins then).
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
    select lead_user_id from up where lead_user_id is not null order by depth limit 1`);
  return rowsOf<{ lead_user_id: string }>(result)[0]?.lead_user_id ?? null;
}

import { sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { memberships } from "../../db/schema.ts";
import { ledSubtreeTeamIds, withTeamAncestors } from "./team-repository.ts";

/** Whether the person leads the team or any team above it. */
export async function leadsTeamOrAbove(
  q: Queryable,
  organizationId: string,
  teamId: string,
  userId: string,
): Promise<boolean> {
  const result = await q.execute(sql`
    ${withTeamAncestors(organizationId, teamId)}
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
    ${withTeamAncestors(organizationId, teamId)}
    select up.lead_user_id from up
    join ${memberships} m on m.organization_id = ${organizationId} and m.user_id = up.lead_user_id and m.status = 'active'
    order by up.depth limit 1`);
  return rowsOf<{ lead_user_id: string }>(result)[0]?.lead_user_id ?? null;
}

/** Every team a person leads, with all the teams below them: where they may manage KPIs. */
export async function teamsLedBy(q: Queryable, organizationId: string, userId: string): Promise<Set<string>> {
  const result = await q.execute(
    sql`select distinct id from ${ledSubtreeTeamIds(organizationId, userId)} as led`,
  );
  return new Set(rowsOf<{ id: string }>(result).map((r) => r.id));
}

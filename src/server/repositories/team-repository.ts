import { and, eq, isNull, type Placeholder, type SQL, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { memberships, teamMembers, teams, users } from "../../db/schema.ts";
import { likePattern, type NameCursor, type PageFilter } from "../lib/pagination.ts";
import { updateAtVersion } from "./versioned-update.ts";

const teamColumns = {
  id: teams.id,
  parentId: teams.parentId,
  name: teams.name,
  kind: teams.kind,
  methodology: teams.methodology,
  leadUserId: teams.leadUserId,
  leadName: users.name,
  archivedAt: teams.archivedAt,
  version: teams.version,
  memberCount: sql<number>`(select count(*)::int from ${teamMembers} tm where tm.organization_id = ${teams.organizationId} and tm.team_id = ${teams.id})`,
  sortKey: sql<string>`lower(${teams.name}) collate "C"`,
};

function teamQuery(q: Queryable, organizationId: string, extra: SQL[]) {
  return q
    .select(teamColumns)
    .from(teams)
    .leftJoin(users, eq(users.id, teams.leadUserId))
    .where(and(eq(teams.organizationId, organizationId), ...extra));
}

export type TeamRow = Awaited<ReturnType<typeof findTeam>> & {};

export function listTeams(
  q: Queryable,
  organizationId: string,
  f: { q?: string; includeArchived: boolean; after?: NameCursor; limit: number },
) {
  const extra: SQL[] = [];
  if (f.q) extra.push(sql`${teams.name} ilike ${likePattern(f.q)}`);
  if (!f.includeArchived) extra.push(isNull(teams.archivedAt));
  if (f.after)
    extra.push(
      sql`(lower(${teams.name}) collate "C", ${teams.id}) > (${f.after.k} collate "C", ${f.after.id}::uuid)`,
    );
  return teamQuery(q, organizationId, extra)
    .orderBy(sql`lower(${teams.name}) collate "C"`, teams.id)
    .limit(f.limit + 1);
}

/** Every team of the organisation, for the tree (a few thousand rows at most). */
export function allTeams(q: Queryable, organizationId: string, includeArchived: boolean) {
  return teamQuery(q, organizationId, includeArchived ? [] : [isNull(teams.archivedAt)]).orderBy(
    sql`lower(${teams.name}) collate "C"`,
    teams.id,
  );
}

export function findTeam(q: Queryable, organizationId: string, id: string) {
  return teamQuery(q, organizationId, [eq(teams.id, id)]).then((r) => r[0]);
}

export async function parentMap(q: Queryable, organizationId: string): Promise<Map<string, string | null>> {
  const rows = await q
    .select({ id: teams.id, parentId: teams.parentId })
    .from(teams)
    .where(eq(teams.organizationId, organizationId));
  return new Map(rows.map((r) => [r.id, r.parentId]));
}

export async function insertTeam(
  q: Queryable,
  v: {
    organizationId: string;
    name: string;
    parentId: string | null;
    kind: string;
    methodology: "okr" | "kpi" | "both";
    leadUserId: string | null;
  },
) {
  const [row] = await q.insert(teams).values(v).returning({ id: teams.id });
  return row!.id;
}

export async function updateTeam(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<{
    name: string;
    kind: string;
    methodology: "okr" | "kpi" | "both";
    leadUserId: string | null;
    parentId: string | null;
    archivedAt: Date | null;
  }>,
) {
  const key = [eq(teams.organizationId, organizationId), eq(teams.id, id)];
  const [row] = await updateAtVersion(q, teams, key, version, patch).returning({ id: teams.id });
  return row;
}

/** A page of a team's members by name. */
export function listTeamMembers(q: Queryable, organizationId: string, teamId: string, f: PageFilter) {
  const conditions: SQL[] = [eq(teamMembers.organizationId, organizationId), eq(teamMembers.teamId, teamId)];
  if (f.q) conditions.push(sql`${users.name} ilike ${likePattern(f.q)}`);
  if (f.after) {
    conditions.push(
      sql`(lower(${users.name}) collate "C", ${users.id}) > (${f.after.k} collate "C", ${f.after.id}::uuid)`,
    );
  }
  return q
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      sortKey: sql<string>`lower(${users.name}) collate "C"`,
    })
    .from(teamMembers)
    .innerJoin(users, eq(users.id, teamMembers.userId))
    .where(and(...conditions))
    .orderBy(sql`lower(${users.name}) collate "C"`, users.id)
    .limit(f.limit + 1);
}

/** Adds a member; returns false when they already were one. */
export async function addTeamMember(q: Queryable, organizationId: string, teamId: string, userId: string) {
  const rows = await q
    .insert(teamMembers)
    .values({ organizationId, teamId, userId })
    .onConflictDoNothing()
    .returning({ userId: teamMembers.userId });
  return rows.length > 0;
}

export async function removeTeamMember(q: Queryable, organizationId: string, teamId: string, userId: string) {
  const rows = await q
    .delete(teamMembers)
    .where(
      and(
        eq(teamMembers.organizationId, organizationId),
        eq(teamMembers.teamId, teamId),
        eq(teamMembers.userId, userId),
      ),
    )
    .returning({ userId: teamMembers.userId });
  return rows.length > 0;
}

export async function isActiveMember(q: Queryable, organizationId: string, userId: string): Promise<boolean> {
  const rows = await q
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(
      and(
        eq(memberships.organizationId, organizationId),
        eq(memberships.userId, userId),
        eq(memberships.status, "active"),
      ),
    );
  return rows.length > 0;
}

/**
 * The ids of a team and every team below it, as a sub-select to use with `in`: boards,
 * floors and escalations reach a team's whole subtree in the statement that reads them,
 * set-based (one recursive walk down `teams_parent_idx`), whatever the tree's size.
 */
export function subtreeTeamIds(
  organizationId: string | Placeholder,
  teamId: string | Placeholder,
): SQL<string> {
  return sql`(with recursive down(id, depth) as (
      select s.id, 0 from ${teams} s where s.organization_id = ${organizationId} and s.id = ${teamId}
      union all
      select t.id, down.depth + 1 from ${teams} t join down on t.parent_id = down.id
      where t.organization_id = ${organizationId} and down.depth < 50
    ) select id from down)`;
}

/**
 * `with recursive up(id, parent_id, lead_user_id, depth) as (…)`: the team (depth 0) and
 * every team above it, nearest first, for the statement that follows to ask about them.
 * The walk stops 50 levels up, so a damaged tree cannot make it run away.
 */
export function withTeamAncestors(organizationId: string, teamId: string): SQL {
  return sql`with recursive up(id, parent_id, lead_user_id, depth) as (
      select id, parent_id, lead_user_id, 0 from ${teams} where organization_id = ${organizationId} and id = ${teamId}
      union all
      select t.id, t.parent_id, t.lead_user_id, up.depth + 1 from ${teams} t join up on t.id = up.parent_id
      where t.organization_id = ${organizationId} and up.depth < 50
    )`;
}

/**
 * The ids of every team a person leads and of all the teams below them, as a sub-select:
 * what "in my scope" covers for a lead.
 */
export function ledSubtreeTeamIds(organizationId: string, userId: string): SQL<string> {
  return sql`(with recursive down(id, depth) as (
      select s.id, 0 from ${teams} s where s.organization_id = ${organizationId} and s.lead_user_id = ${userId}
      union
      select t.id, down.depth + 1 from ${teams} t join down on t.parent_id = down.id
      where t.organization_id = ${organizationId} and down.depth < 50
    ) select id from down)`;
}

/** First half of the advisory lock key for team trees (setup uses the single key 7040001). */
const TREE_LOCK_CLASS = 7040002;

/**
 * Serialises changes to one organisation's tree until the transaction ends. A loop check
 * reads the whole tree: two moves checked at once (A under B, B under A) would each pass
 * against the tree before the other and together make a loop. Other organisations'
 * trees are not held up (the key is derived from the organisation id).
 */
export async function lockTeamTree(q: Queryable, organizationId: string): Promise<void> {
  await q.execute(sql`select pg_advisory_xact_lock(${TREE_LOCK_CLASS}, hashtext(${organizationId}))`);
}

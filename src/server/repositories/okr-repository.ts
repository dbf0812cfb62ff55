import { and, asc, eq, inArray, isNull, type SQL, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import type { Queryable } from "../../db/client.ts";
import {
  cycles,
  keyResultContributors,
  keyResults,
  objectiveAlignments,
  objectives,
  teamMembers,
  teams,
  users,
} from "../../db/schema.ts";
import { likePattern } from "../lib/pagination.ts";
import { cycleOfObjective } from "./okr-joins.ts";
import { uuidArray } from "./sql-arrays.ts";
import { withTeamAncestors } from "./team-repository.ts";
import { updateAtVersion } from "./versioned-update.ts";

/** Objectives, Key Results, alignment and check-ins; every query scoped by organisation. */

const owner = alias(users, "owner");

export type ObjectiveRow = Awaited<ReturnType<typeof selectObjectives>>[number];
export type KeyResultRow = Awaited<ReturnType<typeof selectKeyResults>>[number];

/** What an Objective contributes to, with what deciding whether a reader may see the title needs. */
export type ParentRef = {
  parentId: string;
  weight: number;
  title: string;
  visibility: "organization" | "team";
  teamId: string | null;
  ownerUserId: string | null;
};

/**
 * Objectives with their team, owner and cycle, and their parents (as JSON: one query
 * instead of a second round trip for every page that shows Objectives).
 */
/** Which Objectives to read; every field narrows, none reads the whole organisation. */
export type ObjectiveFilter = {
  ids?: string[];
  cycleId?: string;
  teamId?: string;
  /** Objectives of any of these teams (a report's subtree). */
  teamIds?: string[];
  ownerUserId?: string;
  /** Case-insensitive substring of the title. */
  titleContains?: string;
  /** Leaves archived Objectives out. */
  liveOnly?: boolean;
  states?: Array<"draft" | "active" | "closed">;
  cycleStates?: Array<"planning" | "active" | "grading" | "closed">;
};

function objectiveConditions(f: ObjectiveFilter): SQL[] {
  const where: SQL[] = [];
  if (f.ids) where.push(sql`${objectives.id} = any(${uuidArray(f.ids)})`);
  if (f.cycleId) where.push(eq(objectives.cycleId, f.cycleId));
  if (f.teamId) where.push(eq(objectives.teamId, f.teamId));
  if (f.teamIds) where.push(sql`${objectives.teamId} = any(${uuidArray(f.teamIds)})`);
  if (f.ownerUserId) where.push(eq(objectives.ownerUserId, f.ownerUserId));
  if (f.titleContains) where.push(sql`${objectives.title} ilike ${likePattern(f.titleContains)}`);
  if (f.liveOnly) where.push(isNull(objectives.archivedAt));
  if (f.states) where.push(inArray(objectives.state, f.states));
  if (f.cycleStates) where.push(inArray(cycles.state, f.cycleStates));
  return where;
}

export function selectObjectives(
  q: Queryable,
  organizationId: string,
  filter: ObjectiveFilter,
  page?: ObjectivePage,
) {
  const where = objectiveConditions(filter);
  // Creation times are compared at millisecond precision, the precision a cursor carries.
  const created = sql`date_trunc('milliseconds', ${objectives.createdAt})`;
  const after = page?.after
    ? [
        sql`(${objectives.position}, ${created}, ${objectives.id}) > (${page.after.position}::int, ${page.after.createdAt}::timestamptz, ${page.after.id}::uuid)`,
      ]
    : [];
  const query = q
    .select({
      objective: objectives,
      teamName: teams.name,
      ownerName: owner.name,
      cycleStartsOn: cycles.startsOn,
      cycleEndsOn: cycles.endsOn,
      cycleState: cycles.state,
      cycleName: cycles.name,
      parents: sql<ParentRef[]>`coalesce((
        select json_agg(json_build_object('parentId', a.parent_id, 'weight', a.weight, 'title', p.title,
          'visibility', p.visibility, 'teamId', p.team_id, 'ownerUserId', p.owner_user_id)
          order by a.weight desc, a.parent_id)
        from ${objectiveAlignments} a
        join ${objectives} p on p.organization_id = a.organization_id and p.id = a.parent_id
        where a.organization_id = ${objectives.organizationId} and a.child_id = ${objectives.id}), '[]'::json)`,
    })
    .from(objectives)
    .innerJoin(cycles, cycleOfObjective)
    .leftJoin(
      teams,
      and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)),
    )
    .leftJoin(owner, eq(owner.id, objectives.ownerUserId))
    .where(and(eq(objectives.organizationId, organizationId), ...where, ...after))
    .orderBy(asc(objectives.position), asc(created), asc(objectives.id));
  return page ? query.limit(page.limit + 1) : query;
}

/** One page of Objectives: after the row a cursor names, `limit` rows (plus one to see more). */
export type ObjectivePage = {
  after?: { position: number; createdAt: string; id: string } | undefined;
  limit: number;
};

export function findObjectiveRow(q: Queryable, organizationId: string, id: string) {
  return selectObjectives(q, organizationId, { ids: [id] }).then((r) => r[0]);
}

export function selectKeyResults(q: Queryable, organizationId: string, objectiveIds: string[]) {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  return q
    .select({ keyResult: keyResults, ownerName: owner.name })
    .from(keyResults)
    .leftJoin(owner, eq(owner.id, keyResults.ownerUserId))
    .where(and(eq(keyResults.organizationId, organizationId), inArray(keyResults.objectiveId, objectiveIds)))
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
}

/**
 * KRs of the given Objectives, each with the ids of its contributors (in one query: the
 * contributors come from an array subquery on their primary key, in id order).
 */
export function selectKeyResultsWithContributors(
  q: Queryable,
  organizationId: string,
  objectiveIds: string[],
) {
  if (objectiveIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      keyResult: keyResults,
      ownerName: owner.name,
      contributorUserIds: sql<string[]>`array(
        select c.user_id from ${keyResultContributors} c
        where c.organization_id = ${keyResults.organizationId} and c.key_result_id = ${keyResults.id}
        order by c.user_id)`,
    })
    .from(keyResults)
    .leftJoin(owner, eq(owner.id, keyResults.ownerUserId))
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        sql`${keyResults.objectiveId} = any(${uuidArray(objectiveIds)})`,
      ),
    )
    .orderBy(asc(keyResults.position), asc(keyResults.createdAt), asc(keyResults.id));
}

export function findKeyResult(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(keyResults)
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.id, id)))
    .then((r) => r[0]);
}

export async function contributorsOf(q: Queryable, organizationId: string, keyResultIds: string[]) {
  if (keyResultIds.length === 0) return new Map<string, string[]>();
  const rows = await q
    .select()
    .from(keyResultContributors)
    .where(
      and(
        eq(keyResultContributors.organizationId, organizationId),
        inArray(keyResultContributors.keyResultId, keyResultIds),
      ),
    );
  const map = new Map<string, string[]>();
  for (const r of rows) map.set(r.keyResultId, [...(map.get(r.keyResultId) ?? []), r.userId]);
  return map;
}

export async function replaceContributors(
  q: Queryable,
  organizationId: string,
  keyResultId: string,
  userIds: string[],
) {
  await q
    .delete(keyResultContributors)
    .where(
      and(
        eq(keyResultContributors.organizationId, organizationId),
        eq(keyResultContributors.keyResultId, keyResultId),
      ),
    );
  const unique = [...new Set(userIds)];
  if (unique.length > 0) {
    await q
      .insert(keyResultContributors)
      .values(unique.map((userId) => ({ organizationId, keyResultId, userId })));
  }
}

/** Bumps an Objective's version if it is still `version`; false when someone saved first. */
export async function bumpObjectiveVersion(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
) {
  const key = [eq(objectives.organizationId, organizationId), eq(objectives.id, id)];
  const rows = await updateAtVersion(q, objectives, key, version, {}).returning({ id: objectives.id });
  return rows.length > 0;
}

export async function updateObjectiveRow(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<typeof objectives.$inferInsert>,
) {
  const key = [eq(objectives.organizationId, organizationId), eq(objectives.id, id)];
  const [row] = await updateAtVersion(q, objectives, key, version, patch).returning({ id: objectives.id });
  return row;
}

export async function updateKeyResultRow(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: Partial<typeof keyResults.$inferInsert>,
) {
  const key = [eq(keyResults.organizationId, organizationId), eq(keyResults.id, id)];
  const [row] = await updateAtVersion(q, keyResults, key, version, patch).returning({ id: keyResults.id });
  return row;
}

/**
 * Marks the KRs of an Objective being activated as active from `day`: KRs that were
 * active before (the Objective went back to draft and is activated again) keep their
 * day, so a detour through draft does not restart their pace.
 */
export async function markKeyResultsActive(
  q: Queryable,
  organizationId: string,
  objectiveId: string,
  day: string,
) {
  await q
    .update(keyResults)
    .set({ activeFrom: sql`coalesce(${keyResults.activeFrom}, ${day}::date)` })
    .where(and(eq(keyResults.organizationId, organizationId), eq(keyResults.objectiveId, objectiveId)));
}

/** Whether a person belongs to a team or leads it or one of its ancestors. */
export async function canWorkOnTeam(q: Queryable, organizationId: string, teamId: string, userId: string) {
  const result = await q.execute(sql`
    ${withTeamAncestors(organizationId, teamId)}
    select exists (select 1 from up where lead_user_id = ${userId})
        or exists (select 1 from ${teamMembers} where organization_id = ${organizationId} and team_id = ${teamId} and user_id = ${userId})
        as allowed`);
  return Boolean((result as unknown as { rows: Array<{ allowed: boolean }> }).rows[0]?.allowed);
}

/** Ids of the teams a person is a member of (for team-visible Objectives). */
export async function teamIdsOf(q: Queryable, organizationId: string, userId: string) {
  const rows = await q
    .select({ teamId: teamMembers.teamId })
    .from(teamMembers)
    .where(and(eq(teamMembers.organizationId, organizationId), eq(teamMembers.userId, userId)));
  return new Set(rows.map((r) => r.teamId));
}

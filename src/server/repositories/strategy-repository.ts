import { and, asc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { keyResults, objectives, strategyEdges, teamMembers, teams } from "../../db/schema.ts";
import { ledSubtreeTeamIds } from "./team-repository.ts";

/** The strategy map's cause → effect edges and the set-wise reads of the map and the board. */

export type StrategyEdgeRow = typeof strategyEdges.$inferSelect;
type NodeKind = StrategyEdgeRow["fromKind"];

export function listStrategyEdges(q: Queryable, organizationId: string) {
  return q
    .select()
    .from(strategyEdges)
    .where(eq(strategyEdges.organizationId, organizationId))
    .orderBy(asc(strategyEdges.createdAt), asc(strategyEdges.id));
}

export function findStrategyEdge(q: Queryable, organizationId: string, id: string) {
  return q
    .select()
    .from(strategyEdges)
    .where(and(eq(strategyEdges.organizationId, organizationId), eq(strategyEdges.id, id)))
    .then((rows) => rows[0]);
}

export function findStrategyEdgeByEnds(
  q: Queryable,
  organizationId: string,
  from: { kind: NodeKind; id: string },
  to: { kind: NodeKind; id: string },
) {
  return q
    .select({ id: strategyEdges.id })
    .from(strategyEdges)
    .where(
      and(
        eq(strategyEdges.organizationId, organizationId),
        eq(strategyEdges.fromKind, from.kind),
        eq(strategyEdges.fromId, from.id),
        eq(strategyEdges.toKind, to.kind),
        eq(strategyEdges.toId, to.id),
      ),
    )
    .then((rows) => rows[0]);
}

export async function insertStrategyEdge(q: Queryable, row: typeof strategyEdges.$inferInsert) {
  const [inserted] = await q.insert(strategyEdges).values(row).returning();
  return inserted as StrategyEdgeRow;
}

export async function updateStrategyEdgeLabel(
  q: Queryable,
  organizationId: string,
  id: string,
  label: string,
) {
  const [updated] = await q
    .update(strategyEdges)
    .set({ label })
    .where(and(eq(strategyEdges.organizationId, organizationId), eq(strategyEdges.id, id)))
    .returning();
  return updated;
}

export async function deleteStrategyEdge(q: Queryable, organizationId: string, id: string) {
  await q
    .delete(strategyEdges)
    .where(and(eq(strategyEdges.organizationId, organizationId), eq(strategyEdges.id, id)));
}

/** An Objective as an edge's end: whether it exists here and is archived. */
export async function findObjectiveEnd(q: Queryable, organizationId: string, id: string) {
  const [row] = await q
    .select({
      id: objectives.id,
      title: objectives.title,
      themeId: objectives.themeId,
      archivedAt: objectives.archivedAt,
    })
    .from(objectives)
    .where(and(eq(objectives.organizationId, organizationId), eq(objectives.id, id)));
  return row;
}

/**
 * The live Objectives of a cycle (only those with a theme for the map) with their team's
 * name: one index scan over the cycle.
 */
export function strategyObjectiveRows(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  options: { themedOnly: boolean },
) {
  return q
    .select({
      id: objectives.id,
      title: objectives.title,
      themeId: objectives.themeId,
      teamId: objectives.teamId,
      teamName: teams.name,
      ownerUserId: objectives.ownerUserId,
      visibility: objectives.visibility,
      state: objectives.state,
      position: objectives.position,
    })
    .from(objectives)
    .leftJoin(
      teams,
      and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)),
    )
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.cycleId, cycleId),
        sql`${objectives.archivedAt} is null`,
        options.themedOnly ? sql`${objectives.themeId} is not null` : undefined,
      ),
    )
    .orderBy(sql`${teams.name} nulls first`, asc(objectives.position), asc(objectives.id));
}

export type StrategyObjectiveRow = Awaited<ReturnType<typeof strategyObjectiveRows>>[number];

/**
 * The live KRs of a cycle's live Objectives with the columns progress and status are
 * computed from: one join over the cycle, whatever the number of Objectives.
 */
export function strategyKeyResultRows(q: Queryable, organizationId: string, cycleId: string) {
  return q
    .select({
      objectiveId: keyResults.objectiveId,
      kind: keyResults.kind,
      startValue: keyResults.startValue,
      targetValue: keyResults.targetValue,
      currentValue: keyResults.currentValue,
      done: keyResults.done,
      lastConfidence: keyResults.lastConfidence,
      lastCheckInAt: keyResults.lastCheckInAt,
      createdAt: keyResults.createdAt,
      activeFrom: keyResults.activeFrom,
      weight: keyResults.weight,
      commitment: keyResults.commitment,
    })
    .from(keyResults)
    .innerJoin(
      objectives,
      and(
        eq(objectives.organizationId, keyResults.organizationId),
        eq(objectives.id, keyResults.objectiveId),
      ),
    )
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(objectives.cycleId, cycleId),
        sql`${objectives.archivedAt} is null`,
        sql`${keyResults.archivedAt} is null`,
      ),
    );
}

export type StrategyKeyResultRow = Awaited<ReturnType<typeof strategyKeyResultRows>>[number];

/**
 * Every team a person works on in the sense of the OKR policies: those they belong to, and
 * those they lead or lie below a team they lead. One statement, for reading rights over a
 * whole cycle at once.
 */
export async function teamsWorkedOnBy(q: Queryable, organizationId: string, userId: string) {
  const rows = await q
    .select({ teamId: teams.id })
    .from(teams)
    .where(
      and(
        eq(teams.organizationId, organizationId),
        sql`(${teams.id} in ${ledSubtreeTeamIds(organizationId, userId)}
          or exists (select 1 from ${teamMembers} m where m.organization_id = ${organizationId}
                     and m.team_id = ${teams.id} and m.user_id = ${userId}))`,
      ),
    );
  return new Set(rows.map((r) => r.teamId));
}

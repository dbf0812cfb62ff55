import { and, asc, desc, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { cycles, kpis, objectiveHealthKpis, objectives, teams } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";
import { subtreeTeamIds } from "./team-repository.ts";

/** An Objective's health KPIs and the KPIs it could carry; every query scoped by organisation. */

/** The health KPI ids of many Objectives at once, each list in its order. */
export async function healthKpiIdsOf(
  q: Queryable,
  organizationId: string,
  objectiveIds: readonly string[],
): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (objectiveIds.length === 0) return out;
  const rows = await q
    .select({ objectiveId: objectiveHealthKpis.objectiveId, kpiId: objectiveHealthKpis.kpiId })
    .from(objectiveHealthKpis)
    .where(
      and(
        eq(objectiveHealthKpis.organizationId, organizationId),
        sql`${objectiveHealthKpis.objectiveId} = any(${uuidArray(objectiveIds)})`,
      ),
    )
    .orderBy(objectiveHealthKpis.objectiveId, asc(objectiveHealthKpis.position));
  for (const row of rows) {
    const list = out.get(row.objectiveId);
    if (list) list.push(row.kpiId);
    else out.set(row.objectiveId, [row.kpiId]);
  }
  return out;
}

/** Replaces an Objective's health KPIs with `kpiIds`, in that order. */
export async function replaceHealthKpis(
  q: Queryable,
  organizationId: string,
  objectiveId: string,
  kpiIds: readonly string[],
): Promise<void> {
  await q
    .delete(objectiveHealthKpis)
    .where(
      and(
        eq(objectiveHealthKpis.organizationId, organizationId),
        eq(objectiveHealthKpis.objectiveId, objectiveId),
      ),
    );
  if (kpiIds.length === 0) return;
  await q
    .insert(objectiveHealthKpis)
    .values(kpiIds.map((kpiId, position) => ({ organizationId, objectiveId, kpiId, position })));
}

/** The states of the given KPIs of this organisation (ids of other organisations are absent). */
export async function kpiStatesOf(
  q: Queryable,
  organizationId: string,
  kpiIds: readonly string[],
): Promise<Map<string, "active" | "archived">> {
  if (kpiIds.length === 0) return new Map();
  const rows = await q
    .select({ id: kpis.id, state: kpis.state })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), sql`${kpis.id} = any(${uuidArray(kpiIds)})`));
  return new Map(rows.map((r) => [r.id, r.state]));
}

export type SuggestionCandidate = { id: string; reason: "team" | "subtree" | "theme" };

/**
 * Active KPIs an Objective of `teamId` and `themeId` could carry: the team's own, those
 * of the teams below it, then those of the same theme, each KPI once under its best
 * reason. At most `limit` per reason: the caller ranks by status within a reason.
 */
export async function healthKpiCandidates(
  q: Queryable,
  organizationId: string,
  scope: { teamId: string | null; themeId: string | null },
  limit: number,
): Promise<SuggestionCandidate[]> {
  const out: SuggestionCandidate[] = [];
  const seen = new Set<string>();
  const add = (ids: Array<{ id: string }>, reason: SuggestionCandidate["reason"]) => {
    for (const { id } of ids) {
      if (!seen.has(id)) out.push({ id, reason });
      seen.add(id);
    }
  };
  const active = [eq(kpis.organizationId, organizationId), eq(kpis.state, "active")];
  if (scope.teamId) {
    const own = await q
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(...active, eq(kpis.teamId, scope.teamId)))
      .orderBy(kpis.name, kpis.id)
      .limit(limit * 3);
    add(own, "team");
    const below = await q
      .select({ id: kpis.id })
      .from(kpis)
      .where(
        and(
          ...active,
          sql`${kpis.teamId} in ${subtreeTeamIds(organizationId, scope.teamId)}`,
          sql`${kpis.teamId} <> ${scope.teamId}`,
        ),
      )
      .orderBy(kpis.name, kpis.id)
      .limit(limit * 3);
    add(below, "subtree");
  }
  if (scope.themeId) {
    const themed = await q
      .select({ id: kpis.id })
      .from(kpis)
      .where(and(...active, eq(kpis.themeId, scope.themeId)))
      .orderBy(kpis.name, kpis.id)
      .limit(limit * 3);
    add(themed, "theme");
  }
  return out;
}

/** Live Objectives that carry a KPI as a health KPI, newest cycle first. */
export function objectivesGuardedBy(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select({
      id: objectives.id,
      title: objectives.title,
      visibility: objectives.visibility,
      teamId: objectives.teamId,
      ownerUserId: objectives.ownerUserId,
      state: objectives.state,
      teamName: teams.name,
      cycleId: cycles.id,
      cycleName: cycles.name,
    })
    .from(objectiveHealthKpis)
    .innerJoin(
      objectives,
      and(
        eq(objectives.organizationId, objectiveHealthKpis.organizationId),
        eq(objectives.id, objectiveHealthKpis.objectiveId),
      ),
    )
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, objectives.organizationId), eq(cycles.id, objectives.cycleId)),
    )
    .leftJoin(
      teams,
      and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)),
    )
    .where(
      and(
        eq(objectiveHealthKpis.organizationId, organizationId),
        eq(objectiveHealthKpis.kpiId, kpiId),
        isNull(objectives.archivedAt),
      ),
    )
    .orderBy(desc(cycles.startsOn), objectives.title, objectives.id)
    .limit(100);
}

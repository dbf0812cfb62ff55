import { and, asc, eq, inArray, lte, ne, type SQL, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { cycles, kpiFloors, kpis, teams, users } from "../../db/schema.ts";
import type { TeamScope } from "../../shared/schemas/common.ts";
import { uuidArray } from "./sql-arrays.ts";
import { subtreeTeamIds, withTeamAncestors } from "./team-repository.ts";
import { updateAtVersion } from "./versioned-update.ts";

/** KPI floors and what showing them needs (latest values, bands); scoped by organisation. */

function selectFloors(q: Queryable, organizationId: string, where: SQL[]) {
  return q
    .select({
      floor: kpiFloors,
      kpi: {
        id: kpis.id,
        key: kpis.key,
        name: kpis.name,
        unit: kpis.unit,
        decimals: kpis.decimals,
        currency: kpis.currency,
        direction: kpis.direction,
        frequency: kpis.frequency,
        teamId: kpis.teamId,
        teamName: teams.name,
      },
      ownerName: users.name,
      cycleState: cycles.state,
    })
    .from(kpiFloors)
    .innerJoin(kpis, and(eq(kpis.organizationId, kpiFloors.organizationId), eq(kpis.id, kpiFloors.kpiId)))
    .innerJoin(teams, and(eq(teams.organizationId, kpis.organizationId), eq(teams.id, kpis.teamId)))
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, kpiFloors.organizationId), eq(cycles.id, kpiFloors.cycleId)),
    )
    .innerJoin(users, eq(users.id, kpiFloors.ownerUserId))
    .where(and(eq(kpiFloors.organizationId, organizationId), ...where));
}

export type FloorRow = Awaited<ReturnType<typeof selectFloors>>[number];

/**
 * A team's floor for one cycle (with `scope` subtree, also the floors of every team
 * below it), in the order of the KPIs' names.
 */
export function listFloors(
  q: Queryable,
  organizationId: string,
  teamId: string,
  cycleId: string,
  scope: TeamScope = "team",
) {
  return selectFloors(q, organizationId, [
    scope === "subtree"
      ? sql`${kpiFloors.teamId} in ${subtreeTeamIds(organizationId, teamId)}`
      : eq(kpiFloors.teamId, teamId),
    eq(kpiFloors.cycleId, cycleId),
  ]).orderBy(sql`lower(${kpis.name}) collate "C"`, asc(kpiFloors.id));
}

export function findFloor(q: Queryable, organizationId: string, id: string) {
  return selectFloors(q, organizationId, [eq(kpiFloors.id, id)]).then((r) => r[0]);
}

/** The floor of this KPI for this team and cycle, if it has one. */
export function findFloorOf(
  q: Queryable,
  organizationId: string,
  teamId: string,
  cycleId: string,
  kpiId: string,
) {
  return q
    .select({ id: kpiFloors.id })
    .from(kpiFloors)
    .where(
      and(
        eq(kpiFloors.organizationId, organizationId),
        eq(kpiFloors.teamId, teamId),
        eq(kpiFloors.cycleId, cycleId),
        eq(kpiFloors.kpiId, kpiId),
      ),
    )
    .then((r) => r[0]);
}

/** Inserts a floor unless the KPI is already on that team's floor for the cycle (undefined then). */
export async function insertFloor(
  q: Queryable,
  v: {
    organizationId: string;
    teamId: string;
    cycleId: string;
    kpiId: string;
    ownerUserId: string;
    threshold: number;
    createdAt: Date;
  },
) {
  const [row] = await q
    .insert(kpiFloors)
    .values({ ...v, updatedAt: v.createdAt })
    .onConflictDoNothing({
      target: [kpiFloors.organizationId, kpiFloors.teamId, kpiFloors.cycleId, kpiFloors.kpiId],
    })
    .returning({ id: kpiFloors.id });
  return row;
}

/** Updates a floor if it is still `version`; undefined when someone saved first. */
export async function updateFloor(
  q: Queryable,
  organizationId: string,
  id: string,
  version: number,
  patch: { ownerUserId?: string; threshold?: number; updatedAt: Date },
) {
  const key = [eq(kpiFloors.organizationId, organizationId), eq(kpiFloors.id, id)];
  const [row] = await updateAtVersion(q, kpiFloors, key, version, patch).returning({ id: kpiFloors.id });
  return row;
}

export async function deleteFloor(q: Queryable, organizationId: string, id: string) {
  const rows = await q
    .delete(kpiFloors)
    .where(and(eq(kpiFloors.organizationId, organizationId), eq(kpiFloors.id, id)))
    .returning({ id: kpiFloors.id });
  return rows.length > 0;
}

/**
 * Floors of these KPIs whose cycle runs on `today` (a date in the organisation's time
 * zone) and is not closed: a cycle whose dates have begun is watched even while it is
 * still in planning (nobody pressed "start"), and while it is being graded.
 */
export function activeFloorRows(q: Queryable, organizationId: string, kpiIds: string[], today: string) {
  if (kpiIds.length === 0) return Promise.resolve([]);
  return q
    .select({
      id: kpiFloors.id,
      kpiId: kpiFloors.kpiId,
      teamId: kpiFloors.teamId,
      cycleId: kpiFloors.cycleId,
      threshold: kpiFloors.threshold,
      ownerUserId: kpiFloors.ownerUserId,
    })
    .from(kpiFloors)
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, kpiFloors.organizationId), eq(cycles.id, kpiFloors.cycleId)),
    )
    .where(
      and(
        eq(kpiFloors.organizationId, organizationId),
        sql`${kpiFloors.kpiId} = any(${uuidArray(kpiIds)})`,
        ne(cycles.state, "closed"),
        lte(cycles.startsOn, today),
        sql`${cycles.endsOn} >= ${today}`,
      ),
    )
    .orderBy(asc(kpiFloors.kpiId), asc(kpiFloors.id));
}

/** The thresholds of these floors by id (floors deleted since are missing). */
export async function floorThresholds(
  q: Queryable,
  organizationId: string,
  ids: readonly string[],
): Promise<Map<string, number>> {
  if (ids.length === 0) return new Map();
  const rows = await q
    .select({ id: kpiFloors.id, threshold: kpiFloors.threshold })
    .from(kpiFloors)
    .where(and(eq(kpiFloors.organizationId, organizationId), inArray(kpiFloors.id, [...ids])));
  return new Map(rows.map((r) => [r.id, r.threshold]));
}

/**
 * Whether `teamId` is `ancestorId` or a team below it in the tree: a team's floor holds
 * its own KPIs and its sub-teams', never another branch's.
 */
export async function teamIsWithin(
  q: Queryable,
  organizationId: string,
  teamId: string,
  ancestorId: string,
): Promise<boolean> {
  const result = await q.execute(sql`
    ${withTeamAncestors(organizationId, teamId)}
    select exists (select 1 from up where id = ${ancestorId}) as within`);
  return Boolean(rowsOf<{ within: boolean }>(result)[0]?.within);
}

import { and, eq, sql } from "drizzle-orm";
import { type Queryable, rowsOf } from "../../db/client.ts";
import { lintDismissals } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";

/** Saved Objectives as the linter reads them, and the findings people dismissed. */

export type LintedObjectiveRow = {
  id: string;
  cycleId: string;
  teamId: string | null;
  ownerUserId: string | null;
  title: string;
  description: string;
  state: "draft" | "active" | "closed";
  visibility: "organization" | "team";
  healthKpiIds: string[];
  keyResults: Array<{
    id: string;
    title: string;
    kind: "metric" | "milestone" | "percentage";
    ownerUserId: string | null;
    startValue: number | null;
    targetValue: number | null;
    unit: string;
    kpiId: string | null;
  }>;
};

/**
 * Live Objectives with their live KRs (in order) and health KPIs: the ones named, or a
 * cycle's (optionally one team's), in the order pages show them.
 */
export async function selectObjectivesForLint(
  q: Queryable,
  organizationId: string,
  which:
    | { objectiveIds: readonly string[] }
    | { cycleId: string; teamId: string | null }
    | { cycleId: string; teamIds: readonly string[] },
): Promise<LintedObjectiveRow[]> {
  const chosen =
    "objectiveIds" in which
      ? sql`o.id = any(${uuidArray(which.objectiveIds)})`
      : "teamIds" in which
        ? sql`o.cycle_id = ${which.cycleId} and o.team_id = any(${uuidArray(which.teamIds)}) and o.archived_at is null`
        : which.teamId
          ? sql`o.cycle_id = ${which.cycleId} and o.team_id = ${which.teamId} and o.archived_at is null`
          : sql`o.cycle_id = ${which.cycleId} and o.archived_at is null`;
  const result = await q.execute(sql`
    select o.id, o.cycle_id as "cycleId", o.team_id as "teamId", o.owner_user_id as "ownerUserId",
      o.title, o.description, o.state, o.visibility,
      array(select h.kpi_id from objective_health_kpis h
        where h.organization_id = o.organization_id and h.objective_id = o.id order by h.position) as "healthKpiIds",
      (select coalesce(json_agg(json_build_object('id', k.id, 'title', k.title, 'kind', k.kind,
          'ownerUserId', k.owner_user_id, 'startValue', k.start_value, 'targetValue', k.target_value,
          'unit', k.unit, 'kpiId', k.kpi_id) order by k.position, k.created_at, k.id), '[]')
        from key_results k
        where k.organization_id = o.organization_id and k.objective_id = o.id and k.archived_at is null
      ) as "keyResults"
    from objectives o
    where o.organization_id = ${organizationId} and ${chosen}
    order by o.position, o.created_at, o.id`);
  return rowsOf<LintedObjectiveRow>(result);
}

export type DismissalRow = typeof lintDismissals.$inferSelect;

/** The dismissals on these Objectives. */
export function dismissalsOf(q: Queryable, organizationId: string, objectiveIds: readonly string[]) {
  if (objectiveIds.length === 0) return Promise.resolve([] as DismissalRow[]);
  return q
    .select()
    .from(lintDismissals)
    .where(
      and(
        eq(lintDismissals.organizationId, organizationId),
        sql`${lintDismissals.objectiveId} = any(${uuidArray(objectiveIds)})`,
      ),
    );
}

/** Records a dismissal; null when that finding was already dismissed. */
export async function insertDismissal(
  q: Queryable,
  row: {
    organizationId: string;
    objectiveId: string;
    subject: string;
    rule: string;
    reason: string;
    dismissedByUserId: string | null;
  },
): Promise<DismissalRow | null> {
  const [inserted] = await q.insert(lintDismissals).values(row).onConflictDoNothing().returning();
  return inserted ?? null;
}

/** Removes a dismissal (the finding reopens); the removed row, or null when there was none. */
export async function deleteDismissal(
  q: Queryable,
  organizationId: string,
  key: { objectiveId: string; subject: string; rule: string },
): Promise<DismissalRow | null> {
  const [deleted] = await q
    .delete(lintDismissals)
    .where(
      and(
        eq(lintDismissals.organizationId, organizationId),
        eq(lintDismissals.objectiveId, key.objectiveId),
        eq(lintDismissals.subject, key.subject),
        eq(lintDismissals.rule, key.rule),
      ),
    )
    .returning();
  return deleted ?? null;
}

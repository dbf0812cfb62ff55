import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import { cycles, keyResults, kpis, objectives } from "../../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "../okr-joins.ts";

/** What the demo's promotions are made from: a KR found by its title in a cycle, a KPI by its key. */

export async function demoKeyResult(q: Queryable, organizationId: string, cycleState: string, title: string) {
  const [row] = await q
    .select({ id: keyResults.id, objectiveId: objectives.id, cycleId: cycles.id })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(keyResults.title, title),
        eq(cycles.state, cycleState as "active"),
        isNull(keyResults.archivedAt),
      ),
    );
  return row;
}

export async function demoKpi(q: Queryable, organizationId: string, key: string) {
  const [row] = await q
    .select({ id: kpis.id })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.key, key)));
  return row;
}

/** The demo's strategy map: its edges in one INSERT, and the nodes they join. */
import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import { cycles, objectives, strategyEdges } from "../../../db/schema.ts";

export type SeededStrategyEdgeRow = typeof strategyEdges.$inferInsert & { id: string; createdAt: Date };

export async function insertStrategyEdges(q: Queryable, rows: SeededStrategyEdgeRow[]): Promise<void> {
  if (rows.length > 0) await q.insert(strategyEdges).values(rows);
}

/** The live Objectives of the organisation's active cycle, by title (the demo names its own). */
export function activeCycleObjectiveTitles(q: Queryable, organizationId: string) {
  return q
    .select({ id: objectives.id, title: objectives.title })
    .from(objectives)
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, objectives.organizationId), eq(cycles.id, objectives.cycleId)),
    )
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(cycles.state, "active"),
        isNull(objectives.archivedAt),
      ),
    );
}

import { and, eq, isNull } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { keyResults, objectives } from "../../db/schema.ts";

/** New Objectives and Key Results (created, or rolled over into another cycle). */

export type NewObjectiveRow = typeof objectives.$inferInsert;
export type NewKeyResultRow = typeof keyResults.$inferInsert;

/** Inserts an Objective; returns its id. */
export async function insertObjective(q: Queryable, row: NewObjectiveRow): Promise<string> {
  const [created] = await q.insert(objectives).values(row).returning({ id: objectives.id });
  return created!.id;
}

/** Inserts a Key Result; returns it as stored. */
export async function insertKeyResult(q: Queryable, row: NewKeyResultRow) {
  const [created] = await q.insert(keyResults).values(row).returning();
  return created!;
}

/** The live (not archived) roll-over of an Objective into a cycle, if there is one. */
export async function findLiveRollOver(
  q: Queryable,
  organizationId: string,
  objectiveId: string,
  cycleId: string,
): Promise<{ id: string } | undefined> {
  const [row] = await q
    .select({ id: objectives.id })
    .from(objectives)
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.cycleId, cycleId),
        eq(objectives.rolledOverFromId, objectiveId),
        isNull(objectives.archivedAt),
      ),
    );
  return row;
}

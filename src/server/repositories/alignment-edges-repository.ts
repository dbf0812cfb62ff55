import { and, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { objectiveAlignments, objectives } from "../../db/schema.ts";
import { uuidArray } from "./sql-arrays.ts";

/** The alignment edges between Objectives (child contributes to parent); scoped by organisation. */

/** Parents of the given Objectives (what they contribute to), with titles. */
export async function parentsOf(q: Queryable, organizationId: string, childIds: string[]) {
  if (childIds.length === 0) return [];
  return q
    .select({
      childId: objectiveAlignments.childId,
      parentId: objectiveAlignments.parentId,
      weight: objectiveAlignments.weight,
      title: objectives.title,
      // What deciding whether the reader may see the parent's title needs.
      visibility: objectives.visibility,
      teamId: objectives.teamId,
      ownerUserId: objectives.ownerUserId,
    })
    .from(objectiveAlignments)
    .innerJoin(
      objectives,
      and(
        eq(objectives.organizationId, objectiveAlignments.organizationId),
        eq(objectives.id, objectiveAlignments.parentId),
      ),
    )
    .where(
      and(
        eq(objectiveAlignments.organizationId, organizationId),
        sql`${objectiveAlignments.childId} = any(${uuidArray(childIds)})`,
      ),
    );
}

/** Every alignment edge of the organisation: the graph is small (one row per link). */
export function allAlignments(q: Queryable, organizationId: string) {
  return q
    .select({
      childId: objectiveAlignments.childId,
      parentId: objectiveAlignments.parentId,
      weight: objectiveAlignments.weight,
    })
    .from(objectiveAlignments)
    .where(eq(objectiveAlignments.organizationId, organizationId));
}

export async function replaceParents(
  q: Queryable,
  organizationId: string,
  childId: string,
  parents: Array<{ objectiveId: string; weight: number }>,
) {
  await q
    .delete(objectiveAlignments)
    .where(
      and(eq(objectiveAlignments.organizationId, organizationId), eq(objectiveAlignments.childId, childId)),
    );
  if (parents.length > 0) {
    await q
      .insert(objectiveAlignments)
      .values(parents.map((p) => ({ organizationId, childId, parentId: p.objectiveId, weight: p.weight })));
  }
}

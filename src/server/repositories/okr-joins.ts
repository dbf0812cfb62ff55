import { and, eq } from "drizzle-orm";
import { cycles, keyResults, objectives } from "../../db/schema.ts";

/**
 * The joins from a KR to its Objective and from an Objective to its cycle, each within
 * one organisation (the composite keys), for the reads that need a KR's context.
 */
export const objectiveOfKeyResult = and(
  eq(objectives.organizationId, keyResults.organizationId),
  eq(objectives.id, keyResults.objectiveId),
)!;

export const cycleOfObjective = and(
  eq(cycles.organizationId, objectives.organizationId),
  eq(cycles.id, objectives.cycleId),
)!;

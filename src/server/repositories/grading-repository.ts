import { and, eq, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { cycles, keyResults, objectives, teams } from "../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";
import { nextVersion } from "./versioned-update.ts";

/** What grading and closing a cycle read and write; scoped by organisation. */

/** The cycle's live Objectives, each with each of its live KRs (or none: a null KR). */
export function objectivesWithKeyResultsOfCycle(q: Queryable, organizationId: string, cycleId: string) {
  return q
    .select({ objective: objectives, keyResult: keyResults })
    .from(objectives)
    .leftJoin(
      keyResults,
      and(
        eq(keyResults.organizationId, objectives.organizationId),
        eq(keyResults.objectiveId, objectives.id),
        isNull(keyResults.archivedAt),
      ),
    )
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.cycleId, cycleId),
        isNull(objectives.archivedAt),
      ),
    );
}

/**
 * Moves the cycle's Objectives in state `from` to `to` (closing a cycle freezes its
 * active ones, reopening thaws them), each to its next version.
 */
export async function moveObjectivesOfCycle(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  from: "active" | "closed",
  to: "active" | "closed",
): Promise<void> {
  await q
    .update(objectives)
    .set({ state: to, version: nextVersion(objectives), updatedAt: sql`now()` })
    .where(
      and(
        eq(objectives.organizationId, organizationId),
        eq(objectives.cycleId, cycleId),
        eq(objectives.state, from),
      ),
    );
}

/**
 * The live KRs of a cycle and of every closed cycle that ended by `endsOn`, with their
 * Objective's team and cycle: a grade report compares a team's scores with its history.
 */
export function keyResultsForGradeReport(
  q: Queryable,
  organizationId: string,
  cycleId: string,
  endsOn: string,
) {
  return q
    .select({
      teamId: objectives.teamId,
      teamName: teams.name,
      cycleId: objectives.cycleId,
      score: keyResults.finalScore,
      suggestedInput: keyResults,
    })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .leftJoin(
      teams,
      and(eq(teams.organizationId, objectives.organizationId), eq(teams.id, objectives.teamId)),
    )
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        sql`(${objectives.cycleId} = ${cycleId} or (${cycles.state} = 'closed' and ${cycles.endsOn} <= ${endsOn}))`,
      ),
    );
}

/** The organisation's closed cycles with their end days. */
export function closedCycles(q: Queryable, organizationId: string) {
  return q
    .select({ id: cycles.id, endsOn: cycles.endsOn })
    .from(cycles)
    .where(and(eq(cycles.organizationId, organizationId), eq(cycles.state, "closed")));
}

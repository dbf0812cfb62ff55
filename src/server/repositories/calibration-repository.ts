import { and, avg, eq, isNotNull, isNull, type SQL } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import { checkIns, cycles, keyResults, memberships, objectives } from "../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";

/**
 * Graded KRs of closed cycles with the mean confidence of their check-ins (latest
 * versions), one row per KR, for confidence calibration; `where` picks whose.
 */
function gradedPredictions(q: Queryable, organizationId: string, where: SQL) {
  return q
    .select({
      keyResultId: keyResults.id,
      finalScore: keyResults.finalScore,
      meanConfidence: avg(checkIns.confidence).mapWith(Number),
    })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .innerJoin(
      checkIns,
      and(
        eq(checkIns.organizationId, keyResults.organizationId),
        eq(checkIns.keyResultId, keyResults.id),
        isNull(checkIns.supersededAt),
      ),
    )
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        isNotNull(keyResults.finalScore),
        eq(cycles.state, "closed"),
        where,
      ),
    )
    .groupBy(keyResults.id, keyResults.finalScore);
}

/** The person's own graded KRs (they owned them). */
export function gradedPredictionsOfOwner(q: Queryable, organizationId: string, userId: string) {
  return gradedPredictions(q, organizationId, eq(keyResults.ownerUserId, userId));
}

/** The graded KRs of the team's own Objectives (not of the teams below it). */
export function gradedPredictionsOfTeam(q: Queryable, organizationId: string, teamId: string) {
  return gradedPredictions(q, organizationId, eq(objectives.teamId, teamId));
}

/** The person's membership: whether they belong to the organisation, and their manager. */
export function membershipOf(q: Queryable, organizationId: string, userId: string) {
  return q
    .select({ managerUserId: memberships.managerUserId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.userId, userId)))
    .then((r) => r[0]);
}

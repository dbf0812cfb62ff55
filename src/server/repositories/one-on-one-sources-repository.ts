import { and, asc, eq, isNull, ne, or, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  cycles,
  escalationRecipients,
  escalations,
  keyResultFlags,
  keyResults,
  kpis,
  objectives,
} from "../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";
import { uuidArray } from "./sql-arrays.ts";

/**
 * What a 1:1 agenda's generated items are made from, for one report; scoped by
 * organisation. Only live KRs of live Objectives count, as on the team page.
 */

const objectiveFacts = {
  id: objectives.id,
  teamId: objectives.teamId,
  ownerUserId: objectives.ownerUserId,
  visibility: objectives.visibility,
};

/** Open risk flags on KRs the report owns, in cycles not closed (a closed cycle's flags are history). */
export function openFlagsOwnedBy(q: Queryable, organizationId: string, userId: string) {
  return q
    .select({
      flagId: keyResultFlags.id,
      quote: keyResultFlags.quote,
      confidenceBefore: keyResultFlags.confidenceBefore,
      confidenceNow: keyResultFlags.confidenceNow,
      keyResult: { id: keyResults.id, title: keyResults.title },
      objective: objectiveFacts,
    })
    .from(keyResultFlags)
    .innerJoin(
      keyResults,
      and(
        eq(keyResults.organizationId, keyResultFlags.organizationId),
        eq(keyResults.id, keyResultFlags.keyResultId),
      ),
    )
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .where(
      and(
        eq(keyResultFlags.organizationId, organizationId),
        eq(keyResultFlags.status, "open"),
        eq(keyResults.ownerUserId, userId),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        ne(cycles.state, "closed"),
      ),
    )
    .orderBy(asc(keyResultFlags.createdAt), asc(keyResultFlags.id));
}

/** The report's KRs that take weekly check-ins now: active Objectives in active cycles. */
export function runningKeyResultsOwnedBy(q: Queryable, organizationId: string, userId: string) {
  return q
    .select({
      id: keyResults.id,
      title: keyResults.title,
      kind: keyResults.kind,
      startValue: keyResults.startValue,
      targetValue: keyResults.targetValue,
      lastCheckInAt: keyResults.lastCheckInAt,
      activeFrom: keyResults.activeFrom,
      createdAt: keyResults.createdAt,
      cycleStartsOn: cycles.startsOn,
      cycleEndsOn: cycles.endsOn,
    })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(keyResults.ownerUserId, userId),
        isNull(keyResults.archivedAt),
        isNull(objectives.archivedAt),
        eq(objectives.state, "active"),
        eq(cycles.state, "active"),
      ),
    )
    .orderBy(asc(keyResults.createdAt), asc(keyResults.id));
}

/** Unresolved escalations of KPIs the report owns or that went to them as owner of the KPI or its floor. */
export function openEscalationsOf(q: Queryable, organizationId: string, userId: string) {
  return q
    .selectDistinct({
      id: escalations.id,
      reason: escalations.reason,
      value: escalations.value,
      periodStart: escalations.periodStart,
      openedAt: escalations.openedAt,
      kpi: { id: kpis.id, name: kpis.name },
    })
    .from(escalations)
    .innerJoin(kpis, and(eq(kpis.organizationId, escalations.organizationId), eq(kpis.id, escalations.kpiId)))
    .leftJoin(
      escalationRecipients,
      and(
        eq(escalationRecipients.organizationId, escalations.organizationId),
        eq(escalationRecipients.escalationId, escalations.id),
        eq(escalationRecipients.userId, userId),
        sql`${escalationRecipients.role} in ('owner', 'floor_owner')`,
      ),
    )
    .where(
      and(
        eq(escalations.organizationId, organizationId),
        ne(escalations.state, "resolved"),
        or(eq(kpis.ownerUserId, userId), sql`${escalationRecipients.userId} is not null`),
      ),
    )
    .orderBy(asc(escalations.openedAt), asc(escalations.id));
}

/** The Objective each KR sits in (who may read its text), for showing quotes. */
export function objectivesOfKeyResults(q: Queryable, organizationId: string, keyResultIds: string[]) {
  if (keyResultIds.length === 0) return Promise.resolve([]);
  return q
    .select({ keyResultId: keyResults.id, objective: objectiveFacts })
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        sql`${keyResults.id} = any(${uuidArray(keyResultIds)})`,
      ),
    );
}

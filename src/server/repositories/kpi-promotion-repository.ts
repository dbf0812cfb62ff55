import { and, asc, desc, eq, sql } from "drizzle-orm";
import type { Queryable } from "../../db/client.ts";
import {
  cycles,
  keyResults,
  kpiBands,
  kpiDrivers,
  kpiPromotions,
  kpis,
  objectives,
} from "../../db/schema.ts";
import type { Bands } from "../../domain/kpi/types.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "./okr-joins.ts";

/**
 * Reads around promotions: the KRs that read a KPI, a KPI's promotion history, a
 * cycle's promotions at close, baseline decisions, and a KPI's drivers (read only here;
 * the driver tree writes them). Every query is scoped by organisation.
 */

const readerColumns = {
  keyResult: keyResults,
  objective: {
    id: objectives.id,
    title: objectives.title,
    state: objectives.state,
    teamId: objectives.teamId,
    ownerUserId: objectives.ownerUserId,
    visibility: objectives.visibility,
  },
  cycle: {
    id: cycles.id,
    name: cycles.name,
    state: cycles.state,
    startsOn: cycles.startsOn,
    endsOn: cycles.endsOn,
  },
};

/** Live KRs reading a KPI (with `openOnly`, only those of cycles not closed), newest cycle first. */
export function keyResultsReadingKpi(q: Queryable, organizationId: string, kpiId: string, openOnly: boolean) {
  return q
    .select(readerColumns)
    .from(keyResults)
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(cycles, cycleOfObjective)
    .where(
      and(
        eq(keyResults.organizationId, organizationId),
        eq(keyResults.kpiId, kpiId),
        sql`${keyResults.archivedAt} is null`,
        openOnly ? sql`${cycles.state} <> 'closed'` : sql`true`,
      ),
    )
    .orderBy(desc(cycles.startsOn), asc(keyResults.title));
}
export type KpiReaderRow = Awaited<ReturnType<typeof keyResultsReadingKpi>>[number];

/** A KPI's promotions, newest first, with their KR, Objective and cycle. */
export function promotionsOfKpi(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select({
      promotion: kpiPromotions,
      keyResultTitle: keyResults.title,
      keyResultOwnerUserId: keyResults.ownerUserId,
      targetValue: keyResults.targetValue,
      objective: readerColumns.objective,
      cycle: readerColumns.cycle,
    })
    .from(kpiPromotions)
    .innerJoin(
      keyResults,
      and(
        eq(keyResults.organizationId, kpiPromotions.organizationId),
        eq(keyResults.id, kpiPromotions.keyResultId),
      ),
    )
    .innerJoin(objectives, objectiveOfKeyResult)
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, kpiPromotions.organizationId), eq(cycles.id, kpiPromotions.cycleId)),
    )
    .where(and(eq(kpiPromotions.organizationId, organizationId), eq(kpiPromotions.kpiId, kpiId)))
    .orderBy(desc(kpiPromotions.createdAt), desc(kpiPromotions.id));
}
export type PromotionWithContext = Awaited<ReturnType<typeof promotionsOfKpi>>[number];

/** One promotion of a KPI, locked for a decision. */
export async function findPromotionForUpdate(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  promotionId: string,
) {
  const [row] = await q
    .select()
    .from(kpiPromotions)
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.kpiId, kpiId),
        eq(kpiPromotions.id, promotionId),
      ),
    )
    .for("update");
  return row;
}

/**
 * Ends every running promotion of a cycle being closed: "met" when its KR reached its
 * target in the KR's direction (target below start: at or below it), else "missed", with
 * the KR's value then. One statement; returns the promotions ended.
 */
export async function endPromotionsOfCycle(q: Queryable, organizationId: string, cycleId: string, now: Date) {
  return q
    .update(kpiPromotions)
    .set({
      finalValue: sql`kr.current_value`,
      endedAt: now,
      outcome: sql`case when kr.current_value is not null and kr.target_value is not null and (
          (kr.target_value >= coalesce(kr.start_value, kr.target_value) and kr.current_value >= kr.target_value)
          or (kr.target_value < coalesce(kr.start_value, kr.target_value) and kr.current_value <= kr.target_value))
        then 'met' else 'missed' end`,
    })
    .from(sql`${keyResults} kr`)
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.cycleId, cycleId),
        sql`${kpiPromotions.endedAt} is null`,
        sql`kr.organization_id = ${kpiPromotions.organizationId} and kr.id = ${kpiPromotions.keyResultId}`,
      ),
    )
    .returning();
}

/** Records a baseline decision unless one was made already; returns the row, or nothing. */
export async function recordBaselineDecision(
  q: Queryable,
  organizationId: string,
  promotionId: string,
  decision: {
    baselineDecision: "accepted" | "declined";
    userId: string | null;
    now: Date;
    effectiveFrom: string | null;
  },
) {
  const [row] = await q
    .update(kpiPromotions)
    .set({
      baselineDecision: decision.baselineDecision,
      baselineDecidedByUserId: decision.userId,
      baselineDecidedAt: decision.now,
      baselineEffectiveFrom: decision.effectiveFrom,
    })
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.id, promotionId),
        sql`${kpiPromotions.baselineDecision} is null`,
      ),
    )
    .returning();
  return row;
}

/** Met promotions still waiting for a baseline decision, with their KPI and KR. */
export function openBaselineOffers(q: Queryable, organizationId: string) {
  return q
    .select({
      promotion: kpiPromotions,
      kpi: {
        id: kpis.id,
        key: kpis.key,
        name: kpis.name,
        teamId: kpis.teamId,
        ownerUserId: kpis.ownerUserId,
        direction: kpis.direction,
        frequency: kpis.frequency,
      },
      keyResultTitle: keyResults.title,
      keyResultOwnerUserId: keyResults.ownerUserId,
      objectiveId: keyResults.objectiveId,
      targetValue: keyResults.targetValue,
      cycleName: cycles.name,
      cycleEndsOn: cycles.endsOn,
    })
    .from(kpiPromotions)
    .innerJoin(
      kpis,
      and(eq(kpis.organizationId, kpiPromotions.organizationId), eq(kpis.id, kpiPromotions.kpiId)),
    )
    .innerJoin(
      keyResults,
      and(
        eq(keyResults.organizationId, kpiPromotions.organizationId),
        eq(keyResults.id, kpiPromotions.keyResultId),
      ),
    )
    .innerJoin(
      cycles,
      and(eq(cycles.organizationId, kpiPromotions.organizationId), eq(cycles.id, kpiPromotions.cycleId)),
    )
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.outcome, "met"),
        sql`${kpiPromotions.baselineDecision} is null`,
        eq(kpis.state, "active"),
      ),
    )
    .orderBy(desc(kpiPromotions.endedAt));
}

/** The KPIs that drive a KPI (the driver tree's edges into it), in their order. */
export function driversOf(q: Queryable, organizationId: string, kpiId: string) {
  return q
    .select({ id: kpis.id, key: kpis.key, name: kpis.name, state: kpis.state })
    .from(kpiDrivers)
    .innerJoin(
      kpis,
      and(eq(kpis.organizationId, kpiDrivers.organizationId), eq(kpis.id, kpiDrivers.driverKpiId)),
    )
    .where(and(eq(kpiDrivers.organizationId, organizationId), eq(kpiDrivers.kpiId, kpiId)))
    .orderBy(asc(kpiDrivers.position), asc(kpis.name));
}

/** A cycle reopened: its promotions ended at close run again, unless a baseline was decided. */
export function reopenPromotionsOfCycle(q: Queryable, organizationId: string, cycleId: string) {
  return q
    .update(kpiPromotions)
    .set({ outcome: null, finalValue: null, endedAt: null })
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.cycleId, cycleId),
        sql`${kpiPromotions.outcome} in ('met', 'missed') and ${kpiPromotions.baselineDecision} is null`,
      ),
    )
    .returning();
}

/** A KR's promotion of one KPI (at most one: the unique key). */
export async function promotionOfKeyResult(
  q: Queryable,
  organizationId: string,
  keyResultId: string,
  kpiId: string,
) {
  const [row] = await q
    .select()
    .from(kpiPromotions)
    .where(
      and(
        eq(kpiPromotions.organizationId, organizationId),
        eq(kpiPromotions.keyResultId, keyResultId),
        eq(kpiPromotions.kpiId, kpiId),
      ),
    );
  return row;
}

/** Adds (or replaces, same day) one dated entry of a KPI's band series. */
export async function upsertBandEntry(q: Queryable, organizationId: string, kpiId: string, entry: Bands) {
  const values = {
    target: entry.target,
    greenMin: entry.greenMin,
    greenMax: entry.greenMax,
    redMin: entry.redMin,
    redMax: entry.redMax,
  };
  await q
    .insert(kpiBands)
    .values({ organizationId, kpiId, effectiveFrom: entry.effectiveFrom, ...values })
    .onConflictDoUpdate({
      target: [kpiBands.organizationId, kpiBands.kpiId, kpiBands.effectiveFrom],
      set: values,
    });
}

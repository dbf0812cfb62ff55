import { and, asc, eq, isNotNull, isNull, sql } from "drizzle-orm";
import type { Queryable } from "../../../db/client.ts";
import {
  checkIns,
  cycles,
  keyResults,
  kpiMeasurements,
  kpiPromotions,
  kpis,
  objectives,
} from "../../../db/schema.ts";
import { cycleOfObjective, objectiveOfKeyResult } from "../okr-joins.ts";

/** What the demo's promotions are made from: a KR found by its title in a cycle, a KPI by its key. */

export async function demoKeyResult(q: Queryable, organizationId: string, cycleState: string, title: string) {
  const [row] = await q
    .select({
      id: keyResults.id,
      objectiveId: objectives.id,
      cycleId: cycles.id,
      cycleStartsOn: cycles.startsOn,
      cycleEndsOn: cycles.endsOn,
      currentValue: keyResults.currentValue,
      startValue: keyResults.startValue,
      targetValue: keyResults.targetValue,
    })
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
    .select({ id: kpis.id, name: kpis.name, direction: kpis.direction, frequency: kpis.frequency })
    .from(kpis)
    .where(and(eq(kpis.organizationId, organizationId), eq(kpis.key, key)));
  return row;
}

/** A KR's check-in values in the order they were written (edits' replaced ones left out). */
export function demoCheckInValues(q: Queryable, organizationId: string, keyResultId: string) {
  return q
    .select({ value: checkIns.value, createdAt: checkIns.createdAt })
    .from(checkIns)
    .where(
      and(
        eq(checkIns.organizationId, organizationId),
        eq(checkIns.keyResultId, keyResultId),
        isNull(checkIns.supersededAt),
        isNotNull(checkIns.value),
      ),
    )
    .orderBy(asc(checkIns.createdAt));
}

/** Sets a seeded KPI's values for these periods (first values, not corrections). */
export async function setDemoMeasurements(
  q: Queryable,
  organizationId: string,
  kpiId: string,
  rows: ReadonlyArray<{ periodStart: string; value: number; recordedAt: Date }>,
): Promise<void> {
  if (rows.length === 0) return;
  await q
    .insert(kpiMeasurements)
    .values(rows.map((r) => ({ organizationId, kpiId, source: "manual" as const, ...r })))
    .onConflictDoUpdate({
      target: [kpiMeasurements.organizationId, kpiMeasurements.kpiId, kpiMeasurements.periodStart],
      set: { value: sql`excluded.value`, recordedAt: sql`excluded.recorded_at` },
    });
}

/** A promotion that already ran its cycle, as the demo's history tells it. */
export async function insertDemoPromotion(q: Queryable, row: typeof kpiPromotions.$inferInsert) {
  const [saved] = await q.insert(kpiPromotions).values(row).returning();
  return saved!;
}

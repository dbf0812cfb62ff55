import type { Queryable } from "../../db/client.ts";
import { addDays, todayIn } from "../../domain/dates.ts";
import { bandsInForce } from "../../domain/kpi/bands.ts";
import { baselineEffectiveFrom, proposedBaseline } from "../../domain/kpi/baseline.ts";
import { nextPeriodStart, periodStartOf } from "../../domain/kpi/periods.ts";
import type { Actor, Deps } from "../context.ts";
import { recordAudit } from "../repositories/audit-repository.ts";
import {
  refreshKeyResultsReading,
  setKeyResultKpi,
  upsertPromotion,
} from "../repositories/kpi-link-repository.ts";
import { upsertBandEntry } from "../repositories/kpi-promotion-repository.ts";
import { bandsOf } from "../repositories/kpi-repository.ts";
import {
  demoCheckInValues,
  demoKeyResult,
  demoKpi,
  insertDemoPromotion,
  setDemoMeasurements,
} from "../repositories/seed/promotion-seed-repository.ts";

/** The company KR the demo links to a KPI this quarter, and the KPI it reads. */
export const demoPromotion = {
  keyResultTitle: "Raise on-time delivery from 91.2% to 96%",
  kpiKey: "on_time_delivery",
} as const;

/** Last quarter's promotion: the Returns squad's KR that met its target and raised its KPI's bar. */
export const demoPastPromotion = {
  keyResultTitle: "Returns processed within 72 hours from 66% to 72%",
  kpiKey: "returns_within_72h",
} as const;

/**
 * The demo's story of OKRs meeting KPIs: the company KR on on-time delivery reads the
 * KPI "On-time delivery, Urban Delivery" this quarter (its promotion), so the KR shows
 * what the KPI shows rather than a hopeful check-in; and last quarter's met promotion
 * whose result became its KPI's new baseline.
 */
export async function seedDemoPromotions(tx: Queryable, deps: Deps, actor: Actor): Promise<void> {
  const organizationId = actor.organizationId;
  const kr = await demoKeyResult(tx, organizationId, "active", demoPromotion.keyResultTitle);
  const kpi = await demoKpi(tx, organizationId, demoPromotion.kpiKey);
  if (!kr || !kpi) throw new Error("demo promotions: the on-time KR or KPI is missing");
  await setKeyResultKpi(tx, organizationId, [kr.id], { kpiId: kpi.id, kpiRead: "latest" });
  await upsertPromotion(tx, {
    organizationId,
    kpiId: kpi.id,
    cycleId: kr.cycleId,
    keyResultId: kr.id,
    userId: actor.userId,
  });
  await refreshKeyResultsReading(tx, organizationId, [kpi.id], todayIn(actor.timeZone, deps.now()));
  await seedPastPromotion(tx, actor);
}

/**
 * Last quarter, closed: the Returns squad's KR read "Returns processed within 72 h" and
 * beat its target. The KPI's values of those weeks are what the KR's check-ins read; the
 * promotion ended "met" with the KR's final value, and its lead accepted the offered
 * baseline, a new entry of the KPI's band series from its first period after the quarter
 * (target and thresholds moved by the same step, as the app offers it).
 */
async function seedPastPromotion(tx: Queryable, actor: Actor): Promise<void> {
  const organizationId = actor.organizationId;
  const kr = await demoKeyResult(tx, organizationId, "closed", demoPastPromotion.keyResultTitle);
  const kpi = await demoKpi(tx, organizationId, demoPastPromotion.kpiKey);
  if (!kr || !kpi || kr.currentValue === null || kr.targetValue === null) {
    throw new Error("demo promotions: last quarter's returns KR or KPI is missing");
  }
  const opts = { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth };
  // The last check-in of each KPI period is the value the KR read from the KPI then; a
  // week without a check-in kept the week before's, up to the quarter's last period.
  const byPeriod = new Map<string, { periodStart: string; value: number; recordedAt: Date }>();
  for (const c of await demoCheckInValues(tx, organizationId, kr.id)) {
    const periodStart = periodStartOf(todayIn(actor.timeZone, c.createdAt), kpi.frequency, opts);
    byPeriod.set(periodStart, { periodStart, value: c.value!, recordedAt: c.createdAt });
  }
  const firstPeriod = [...byPeriod.keys()].sort()[0];
  const lastPeriod = periodStartOf(kr.cycleEndsOn, kpi.frequency, opts);
  let carried = firstPeriod ? byPeriod.get(firstPeriod)! : null;
  for (let p = firstPeriod; p && carried && p <= lastPeriod; p = nextPeriodStart(p, kpi.frequency)) {
    carried = byPeriod.get(p) ?? carried;
    byPeriod.set(p, { ...carried, periodStart: p });
  }
  await setDemoMeasurements(tx, organizationId, kpi.id, [...byPeriod.values()]);
  await setKeyResultKpi(tx, organizationId, [kr.id], { kpiId: kpi.id, kpiRead: "latest" });

  const met =
    kr.targetValue >= (kr.startValue ?? kr.targetValue)
      ? kr.currentValue >= kr.targetValue
      : kr.currentValue <= kr.targetValue;
  if (!met) throw new Error("demo promotions: last quarter's returns KR must have met its target");
  const series = (await bandsOf(tx, organizationId, [kpi.id])).get(kpi.id) ?? [];
  const entry = {
    effectiveFrom: baselineEffectiveFrom(kr.cycleEndsOn, kpi.frequency, opts),
    ...proposedBaseline(bandsInForce(series, kr.cycleEndsOn), kr.currentValue, kpi.direction),
  };
  await upsertBandEntry(tx, organizationId, kpi.id, entry);
  const endedAt = new Date(`${addDays(kr.cycleEndsOn, 1)}T09:00:00Z`);
  const promotion = await insertDemoPromotion(tx, {
    organizationId,
    kpiId: kpi.id,
    cycleId: kr.cycleId,
    keyResultId: kr.id,
    promotedByUserId: actor.userId,
    outcome: "met",
    finalValue: kr.currentValue,
    baselineDecision: "accepted",
    baselineDecidedByUserId: actor.userId,
    baselineDecidedAt: new Date(endedAt.getTime() + 3 * 3_600_000),
    baselineEffectiveFrom: entry.effectiveFrom,
    createdAt: new Date(`${kr.cycleStartsOn}T09:00:00Z`),
    endedAt,
  });
  await recordAudit(tx, actor, {
    action: "kpi_promotion.baseline_accepted",
    entityType: "kpi_promotion",
    entityId: promotion.id,
    entityLabel: kpi.name,
    before: { promotion: { ...promotion, baselineDecision: null }, bands: series },
    after: { promotion, bands: [...series, entry] },
  });
}

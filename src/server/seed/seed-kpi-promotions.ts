import type { Queryable } from "../../db/client.ts";
import { todayIn } from "../../domain/dates.ts";
import type { Actor, Deps } from "../context.ts";
import {
  refreshKeyResultsReading,
  setKeyResultKpi,
  upsertPromotion,
} from "../repositories/kpi-link-repository.ts";
import { demoKeyResult, demoKpi } from "../repositories/seed/promotion-seed-repository.ts";

/** The company KR the demo links to a KPI this quarter, and the KPI it reads. */
export const demoPromotion = {
  keyResultTitle: "Raise on-time delivery from 91.2% to 96%",
  kpiKey: "on_time_delivery",
} as const;

/**
 * The demo's story of OKRs meeting KPIs: the company KR on on-time delivery reads the
 * KPI "On-time delivery, Urban Delivery" this quarter (its promotion), so the KR shows
 * what the KPI shows rather than a hopeful check-in.
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
}

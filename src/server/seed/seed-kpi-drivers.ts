import type { BackdatedAuditEvent } from "../repositories/seed/audit-seed-repository.ts";
import { insertDriverEdges } from "../repositories/seed/kpi-seed-repository.ts";
import { demoKpiDrivers } from "./demo-kpi-drivers.ts";
import type { KpiSeedContext, PlannedKpi } from "./seed-kpis.ts";

/**
 * The demo's driver tree, named a day after the newest KPI of
 * each list was defined; audited as the API audits a change of drivers.
 */
export async function seedDriverTree(
  ctx: KpiSeedContext,
  byKey: ReadonlyMap<string, PlannedKpi>,
): Promise<BackdatedAuditEvent[]> {
  const kpi = (key: string) => {
    const found = byKey.get(key);
    if (!found) throw new Error(`demo KPI drivers: no KPI ${key}`);
    return found;
  };
  await insertDriverEdges(
    ctx.tx,
    ctx.organizationId,
    demoKpiDrivers.flatMap((d) =>
      d.drivers.map((driver, position) => ({ kpiId: kpi(d.kpi).id, driverKpiId: kpi(driver).id, position })),
    ),
  );
  return demoKpiDrivers.map((d) => {
    const driven = kpi(d.kpi);
    const drivers = d.drivers.map(kpi);
    const newest = Math.max(...[driven, ...drivers].map((p) => p.createdAt.getTime()));
    const after = { drivers: drivers.map((p) => ({ id: p.id, key: p.def.key })) };
    return ctx.event(
      new Date(Math.min(newest + 86_400_000, ctx.deps.now().getTime())),
      "kpi.drivers_changed",
      "kpi",
      driven.id,
      driven.def.name,
      {
        drivers: [],
      },
      after,
    );
  });
}

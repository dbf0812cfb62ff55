import type { Queryable } from "../../../db/client.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import type { KeyResult } from "../../../shared/schemas/okrs.ts";
import type { Actor } from "../../context.ts";
import { kpiCardData } from "../../repositories/kpi-card-repository.ts";
import { kpisByIds } from "../../repositories/kpi-recompute-repository.ts";

/** The KPI a KR reads, without the read mode (which is the KR's). */
export type KeyResultKpiInfo = Omit<NonNullable<KeyResult["kpi"]>, "read">;

/** Enough values to find the current one, whatever the KPI's frequency. */
const POINTS = 3;

/**
 * The KPIs some KRs read, with their status word and value today: one read of the KPIs
 * and one of their card data, whatever the number of KRs.
 */
export async function kpisReadByKeyResults(
  q: Queryable,
  actor: Actor,
  today: string,
  kpiIds: ReadonlyArray<string | null>,
): Promise<Map<string, KeyResultKpiInfo>> {
  const ids = [...new Set(kpiIds.filter((id): id is string => id !== null))];
  const out = new Map<string, KeyResultKpiInfo>();
  if (ids.length === 0) return out;
  const rows = await kpisByIds(q, actor.organizationId, ids);
  const cards = await kpiCardData(q, actor.organizationId, ids, POINTS);
  for (const kpi of rows) {
    const card = cards.get(kpi.id);
    const current = currentStatus({
      measurements: card?.points ?? [],
      series: card?.bands ?? [],
      direction: kpi.direction,
      frequency: kpi.frequency,
      today,
      opts: { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth },
    });
    const inForce = bandsInForce(card?.bands ?? [], current.periodStart ?? today);
    out.set(kpi.id, {
      id: kpi.id,
      key: kpi.key,
      name: kpi.name,
      status: current.status,
      value: current.value,
      unit: kpi.unit,
      decimals: kpi.decimals,
      currency: kpi.currency,
      direction: kpi.direction,
      bandsInForce: inForce
        ? {
            target: inForce.target,
            greenMin: inForce.greenMin,
            greenMax: inForce.greenMax,
            redMin: inForce.redMin,
            redMax: inForce.redMax,
          }
        : null,
    });
  }
  return out;
}

import type { Queryable } from "../../../db/client.ts";
import type { KpiCard } from "../../../shared/schemas/kpis.ts";
import { kpiCardData } from "../../repositories/kpi-card-repository.ts";
import type { KpiWithNames } from "../../repositories/kpi-repository.ts";
import { cardPoints, DETAIL_POINTS, type PresentContext, presentCards } from "./kpi-presenter.ts";

/**
 * KPIs as the API shows them, their card data (bands, values, open escalation,
 * connector) read in one query whatever the count.
 */
export async function presentKpis(
  q: Queryable,
  organizationId: string,
  rows: readonly KpiWithNames[],
  ctx: PresentContext,
  points = DETAIL_POINTS,
): Promise<KpiCard[]> {
  const ids = rows.map((r) => r.kpi.id);
  const data = await kpiCardData(q, organizationId, ids, cardPoints(points));
  return presentCards(
    rows.map((row) => ({ ...row, card: data.get(row.kpi.id) })),
    ctx,
    points,
  );
}

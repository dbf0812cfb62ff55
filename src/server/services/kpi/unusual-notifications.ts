import type { Queryable } from "../../../db/client.ts";
import { judgeValue } from "../../../domain/kpi/anomaly.ts";
import type { Frequency, MeasuredPeriod } from "../../../domain/kpi/types.ts";
import { insertNotifications, type NewNotification } from "../../repositories/notification-repository.ts";

/** A KPI just judged by the recompute, with the values it was judged on (oldest first). */
export type JudgedKpi = {
  kpi: { id: string; name: string; ownerUserId: string; frequency: Frequency };
  measured: readonly MeasuredPeriod[];
};

/** The notification kind for an unusual KPI value; the dedupe key adds the KPI and period. */
export const KPI_UNUSUAL = "kpi_unusual";

/**
 * Tells each KPI's owner when its latest judged value is unusual (src/domain/kpi/anomaly.ts),
 * one statement for the batch, inside the recompute's transaction. The dedupe key is the
 * KPI and period, so a correction that keeps the value unusual, or a retried recompute,
 * tells nobody twice; a value that stops being unusual does not take back what was said.
 */
export async function notifyUnusualValues(
  q: Queryable,
  organizationId: string,
  judged: readonly JudgedKpi[],
): Promise<number> {
  const rows: NewNotification[] = [];
  for (const { kpi, measured } of judged) {
    const latest = measured[measured.length - 1];
    if (!latest) continue;
    const verdict = judgeValue(measured.slice(0, -1), latest, kpi.frequency);
    if (!verdict) continue;
    rows.push({
      organizationId,
      userId: kpi.ownerUserId,
      kind: KPI_UNUSUAL,
      subjectKind: "kpi",
      subjectId: kpi.id,
      title: `${kpi.name}: unusual value`,
      body: `The value for the period from ${latest.periodStart}, ${latest.value}, is ${verdict.reason}.`,
      dedupeKey: `${KPI_UNUSUAL}:${kpi.id}:${latest.periodStart}`,
    });
  }
  return insertNotifications(q, rows);
}

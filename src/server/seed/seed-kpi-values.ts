/**
 * The demo's KPI values: every planned value in one INSERT, and the first versions of the
 * corrected ones in history.
 */
import type { MeasurementSource } from "../repositories/measurement-repository.ts";
import {
  insertRecordedMeasurements,
  insertSupersededMeasurements,
  type RecordedMeasurement,
  type SupersededMeasurement,
} from "../repositories/seed/kpi-seed-repository.ts";
import { roundTo } from "./demo-kpi-history.ts";
import { demoCorrections } from "./demo-kpi-stories.ts";
import type { KpiSeedContext, PlannedKpi } from "./seed-kpis.ts";

/**
 * Every value as it arrived, then the superseded first versions of the corrected ones:
 * a corrected value is in force as its second revision, recorded days after the first.
 */
export async function insertMeasurements(
  ctx: KpiSeedContext,
  planned: PlannedKpi[],
  feedTokenId: string | null,
) {
  const corrections = new Map(demoCorrections.map((c) => [c.kpi, c]));
  const values: RecordedMeasurement[] = [];
  const history: SupersededMeasurement[] = [];
  for (const p of planned) {
    const source: MeasurementSource = p.def.formula ? "formula" : (p.def.source ?? "manual");
    const authorUserId = source === "manual" || source === "import" ? p.ownerUserId : null;
    const tokenId = source === "api" ? feedTokenId : null;
    const correction = corrections.get(p.def.key);
    const corrected = correction ? p.periods.length - 1 - correction.periodsAgo : -1;
    p.periods.forEach((periodStart, k) => {
      const value: RecordedMeasurement = {
        kpiId: p.id,
        periodStart,
        value: p.values[k]!,
        source,
        authorUserId,
        tokenId,
        note: "",
        recordedAt: p.recordedAt[k]!,
        revision: 1,
      };
      if (k === corrected && correction) {
        const later = new Date(value.recordedAt.getTime() + correction.daysLater * 86_400_000);
        history.push({
          ...value,
          value: roundTo(value.value + correction.delta, p.def.decimals),
          note: correction.firstNote,
          supersededAt: later,
        });
        value.recordedAt = later;
        value.note = correction.why;
        value.revision = 2;
      }
      values.push(value);
    });
  }
  await insertRecordedMeasurements(ctx.tx, ctx.organizationId, values);
  await insertSupersededMeasurements(ctx.tx, ctx.organizationId, history);
}

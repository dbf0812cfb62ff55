import { type Queryable, readTogether } from "../../../db/client.ts";
import { todayIn } from "../../../domain/dates.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import { trend } from "../../../domain/kpi/trend.ts";
import type { MeasuredPeriod, PeriodOptions } from "../../../domain/kpi/types.ts";
import type { Kpi, KpiCard } from "../../../shared/schemas/kpis.ts";
import {
  bandsOf,
  connectorSummariesOf,
  formulaInputsOf,
  type KpiWithNames,
} from "../../repositories/kpi-repository.ts";
import { latestValues } from "../../repositories/measurement-repository.ts";
import { unresolvedEscalationsOf } from "./escalation-service.ts";

/** Enough periods for the trend window and an escalation's green streak. */
const DETAIL_POINTS = 12;
/** A year of weekly values on a board card. */
export const SPARKLINE_POINTS = 52;

export type PresentContext = { now: Date; timeZone: string; periods: PeriodOptions };

/**
 * KPIs as the API shows them: definition, bands, the current status, trend, open
 * escalation and connector state, in a fixed number of queries whatever the count.
 */
export async function presentKpis(
  q: Queryable,
  organizationId: string,
  rows: readonly KpiWithNames[],
  ctx: PresentContext,
  points = DETAIL_POINTS,
): Promise<KpiCard[]> {
  const ids = rows.map((r) => r.kpi.id);
  const [bands, inputs, values, open, connectors] = await readTogether(q, [
    () => bandsOf(q, organizationId, ids),
    () => formulaInputsOf(q, organizationId, ids),
    () => latestValues(q, organizationId, ids, Math.max(points, DETAIL_POINTS)),
    () => unresolvedEscalationsOf(q, organizationId, ids),
    () => connectorSummariesOf(q, organizationId, ids),
  ] as const);
  const today = todayIn(ctx.timeZone, ctx.now);
  return rows.map((row) => {
    const kpi = row.kpi;
    const series = bands.get(kpi.id) ?? [];
    const measured = values.get(kpi.id) ?? [];
    const current = currentStatus({
      measurements: measured,
      series,
      direction: kpi.direction,
      frequency: kpi.frequency,
      today,
      opts: ctx.periods,
    });
    const { relativeSlope: _relative, ...kpiTrend } = trend(measured, kpi.direction);
    const escalation = open.get(kpi.id);
    const connector = connectors.get(kpi.id);
    return {
      id: kpi.id,
      key: kpi.key,
      name: kpi.name,
      description: kpi.description,
      ownerUserId: kpi.ownerUserId,
      ownerName: row.ownerName,
      teamId: kpi.teamId,
      teamName: row.teamName,
      unit: kpi.unit,
      decimals: kpi.decimals,
      currency: kpi.currency,
      direction: kpi.direction,
      frequency: kpi.frequency,
      aggregation: kpi.aggregation,
      themeId: kpi.themeId,
      formula: kpi.formula,
      formulaInputs: inputs.get(kpi.id) ?? [],
      state: kpi.state,
      closeAfterGreenPeriods: kpi.closeAfterGreenPeriods,
      bands: series,
      bandsInForce: bandsInForce(series, current.periodStart ?? today),
      current,
      trend: kpiTrend,
      openEscalation: escalation
        ? {
            id: escalation.id,
            state: escalation.state,
            reason: escalation.reason,
            openedAt: escalation.openedAt.toISOString(),
          }
        : null,
      connector: connector
        ? {
            kind: connector.kind,
            enabled: connector.enabled,
            lastRunAt: connector.lastRunAt?.toISOString() ?? null,
            lastOutcome: connector.lastOutcome,
            lastError: connector.lastError,
            nextRunAt: connector.nextRunAt.toISOString(),
          }
        : null,
      version: kpi.version,
      sparkline: sparklineOf(measured, points),
    };
  });
}

function sparklineOf(measured: MeasuredPeriod[], points: number): MeasuredPeriod[] {
  return measured.slice(-points);
}

/** Drops the sparkline for answers that are not board cards. */
export function withoutSparkline(card: KpiCard): Kpi {
  const { sparkline: _sparkline, ...kpi } = card;
  return kpi;
}

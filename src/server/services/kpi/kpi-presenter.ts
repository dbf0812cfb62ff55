import { todayIn } from "../../../domain/dates.ts";
import { ANOMALY_POINTS, judgePeriod } from "../../../domain/kpi/anomaly.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import { trend } from "../../../domain/kpi/trend.ts";
import type { MeasuredPeriod, PeriodOptions } from "../../../domain/kpi/types.ts";
import type { Kpi, KpiCard } from "../../../shared/schemas/kpis.ts";
import type { KpiCardData } from "../../repositories/kpi-card-repository.ts";
import type { KpiWithNames } from "../../repositories/kpi-repository.ts";
import type { KpiPermissionJudge } from "./kpi-permissions.ts";

/** Enough periods for the trend window and an escalation's green streak. */
export const DETAIL_POINTS = 12;
/** A year of weekly values on a board card. */
export const SPARKLINE_POINTS = 52;

export type PresentContext = {
  now: Date;
  timeZone: string;
  periods: PeriodOptions;
  permissions: KpiPermissionJudge;
};

/**
 * How many values to read for cards with `points`-long sparklines: status and trend need
 * a few, the unusual-value check a whole window (two months of a daily KPI).
 */
export function cardPoints(points: number) {
  return Math.max(points, DETAIL_POINTS, ANOMALY_POINTS);
}

/**
 * KPIs as the API shows them: definition, bands, the current status, trend, open
 * escalation and connector state, from card data the caller read with them (see
 * `kpi-cards.ts` and `activeKpiCardsOfTeam`).
 */
export function presentCards(
  rows: ReadonlyArray<KpiWithNames & { card: KpiCardData | undefined }>,
  ctx: PresentContext,
  points = DETAIL_POINTS,
): KpiCard[] {
  const today = todayIn(ctx.timeZone, ctx.now);
  return rows.map((row) => {
    const kpi = row.kpi;
    const card = row.card;
    const series = card?.bands ?? [];
    const measured = card?.points ?? [];
    const current = currentStatus({
      measurements: measured,
      series,
      direction: kpi.direction,
      frequency: kpi.frequency,
      today,
      opts: ctx.periods,
    });
    const unusual = current.periodStart ? judgePeriod(measured, current.periodStart, kpi.frequency) : null;
    const { relativeSlope: _relative, ...kpiTrend } = trend(measured, kpi.direction);
    const escalation = card?.escalation;
    const connector = card?.connector;
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
      formulaInputs: card?.inputs ?? [],
      state: kpi.state,
      closeAfterGreenPeriods: kpi.closeAfterGreenPeriods,
      bands: series,
      bandsInForce: bandsInForce(series, current.periodStart ?? today),
      current: { ...current, unusual },
      trend: kpiTrend,
      openEscalation: escalation
        ? {
            id: escalation.id,
            state: escalation.state,
            reason: escalation.reason,
            openedAt: escalation.openedAt.toISOString(),
            acknowledgedByName: escalation.acknowledgedByName,
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
      can: ctx.permissions.forKpi(kpi),
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

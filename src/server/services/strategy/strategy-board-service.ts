import { todayIn } from "../../../domain/dates.ts";
import { bandsInForce } from "../../../domain/kpi/bands.ts";
import { currentStatus } from "../../../domain/kpi/status.ts";
import { trend } from "../../../domain/kpi/trend.ts";
import { countKpis, countObjectives } from "../../../domain/strategy/board-counts.ts";
import type { StrategyBoard } from "../../../shared/schemas/strategy.ts";
import type { Actor, Deps } from "../../context.ts";
import { authorize } from "../../policies/org-policy.ts";
import { listThemes } from "../../repositories/catalog-repository.ts";
import {
  type StrategyBoardKpiRow,
  strategyBoardKpiRows,
} from "../../repositories/strategy-board-repository.ts";
import { strategyObjectiveRows } from "../../repositories/strategy-repository.ts";
import { DETAIL_POINTS } from "../kpi/kpi-presenter.ts";
import { groupBy } from "../okr/okr-presenter.ts";
import { judgeStrategicObjectives } from "./strategic-objectives.ts";
import { chosenCycle, cycleRef } from "./strategy-cycle.ts";
import { presentStrategyTheme } from "./strategy-map-service.ts";

type BoardKpi = StrategyBoard["groups"][number]["kpis"][number];

function presentBoardKpi(row: StrategyBoardKpiRow, actor: Actor, today: string): BoardKpi {
  const current = currentStatus({
    measurements: row.measured,
    series: row.bands,
    direction: row.direction,
    frequency: row.frequency,
    today,
    opts: { weekStart: actor.weekStart, fiscalYearStartMonth: actor.fiscalYearStartMonth },
  });
  const { relativeSlope: _relative, ...kpiTrend } = trend(row.measured, row.direction);
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    teamName: row.teamName,
    unit: row.unit,
    decimals: row.decimals,
    currency: row.currency,
    direction: row.direction,
    frequency: row.frequency,
    status: current.status,
    value: current.value,
    periodStart: current.periodStart,
    target: bandsInForce(row.bands, current.periodStart ?? today)?.target ?? null,
    trend: kpiTrend,
    sparkline: row.measured,
  };
}

/**
 * The scorecard of a cycle: for each active theme (in order) its active KPIs and the
 * cycle's live Objectives, with counts by status, then the group without a theme (which
 * also holds what links to an archived theme). Five statements whatever the size (cycles,
 * themes, KPIs with their bands and newest values, Objectives, their KRs), and a sixth for
 * a reader whose reading rights depend on their teams.
 */
export async function strategyBoard(
  deps: Deps,
  actor: Actor,
  cycleId: string | undefined,
): Promise<StrategyBoard> {
  authorize(actor, "read");
  const cycle = await chosenCycle(deps, actor, cycleId);
  const [themeRows, kpiRows, objectiveRows] = await Promise.all([
    listThemes(deps.db, actor.organizationId),
    strategyBoardKpiRows(deps.db, actor.organizationId, DETAIL_POINTS),
    cycle ? strategyObjectiveRows(deps.db, actor.organizationId, cycle.id, { themedOnly: false }) : [],
  ]);
  const themes = themeRows.filter((t) => t.archivedAt === null).map(presentStrategyTheme);
  const active = new Set(themes.map((t) => t.id));
  const groupOf = (themeId: string | null) => (themeId !== null && active.has(themeId) ? themeId : "");
  const today = todayIn(actor.timeZone, deps.now());
  const kpisByTheme = groupBy(
    kpiRows.map((row) => ({ themeId: row.themeId, kpi: presentBoardKpi(row, actor, today) })),
    (k) => groupOf(k.themeId),
  );
  const objectives = cycle ? await judgeStrategicObjectives(deps, actor, cycle, objectiveRows) : [];
  const objectivesByTheme = groupBy(objectives, (o) => groupOf(o.themeId));
  const group = (theme: (typeof themes)[number] | null) => {
    const kpis = (kpisByTheme.get(theme?.id ?? "") ?? []).map((k) => k.kpi);
    const items = objectivesByTheme.get(theme?.id ?? "") ?? [];
    return {
      theme,
      kpis,
      objectives: items,
      counts: {
        kpis: countKpis(kpis.map((k) => k.status)),
        objectives: countObjectives(items.map((o) => o.status)),
      },
    };
  };
  return { cycle: cycleRef(cycle), groups: [...themes.map(group), group(null)] };
}

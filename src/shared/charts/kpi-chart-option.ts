import type { MarkAreaComponentOption } from "echarts/components";
import { bandsInForce } from "../../domain/kpi/bands.ts";
import { valueStatus } from "../../domain/kpi/status.ts";
import { formatKpiCompact, formatKpiValue, periodName } from "../kpi-format.ts";
import type { Kpi } from "../schemas/kpis.ts";
import type { ChartOption, ChartPalette } from "./chart-option.ts";
import { escapeHtml } from "./chart-option.ts";
import {
  axisTicks,
  bandSegments,
  dayMs,
  domainValues,
  type KpiBands,
  paddedDomain,
  targetSteps,
  timeDomain,
  timeTicks,
  zonesOf,
} from "./kpi-geometry.ts";
import { niceDomain } from "./scale.ts";

export type KpiChartKpi = Pick<Kpi, "name" | "direction" | "frequency" | "unit" | "decimals" | "currency">;

export type KpiChartInput = {
  kpi: KpiChartKpi;
  /** The values (one per period) and every version of the bands, as the series API returns them. */
  series: { points: ReadonlyArray<{ periodStart: string; value: number }>; bands: readonly KpiBands[] };
  /** The range asked for (ms); the chart starts shortly before the first value when that is later. */
  from: number;
  to: number;
  palette: ChartPalette;
  /** A tooltip and crosshair that follow the pointer; off for pictures (server-side SVG). */
  interactive?: boolean;
};

type MarkAreaPair = Extract<NonNullable<MarkAreaComponentOption["data"]>[number], unknown[]>;

const ZONE_OPACITY = { green: 0.1, amber: 0.14, red: 0.12 } as const;
const STATUS_WORDS = { green: "Green", amber: "Amber", red: "Red" } as const;
// Few enough points to dot each one with its status colour.
const DOT_LIMIT = 120;

function sortedPoints(series: KpiChartInput["series"]) {
  return [...series.points]
    .sort((a, b) => a.periodStart.localeCompare(b.periodStart))
    .map((p) => ({ ...p, t: dayMs(p.periodStart) }));
}

/** The chart in one sentence, for its accessible name and a picture's alternative text. */
export function kpiChartSummary(kpi: KpiChartKpi, series: KpiChartInput["series"]): string {
  const points = sortedPoints(series);
  const first = points[0];
  const last = points[points.length - 1];
  if (!first || !last) return `${kpi.name}: no values in this range`;
  return `${kpi.name}: ${points.length} values from ${periodName(first.periodStart, kpi.frequency)} to ${periodName(last.periodStart, kpi.frequency)}, latest ${formatKpiValue(last.value, kpi)}`;
}

/**
 * A KPI over time as an ECharts option: the green, amber and red areas of the bands in
 * force in each period behind the value line (bands change over time, so the areas
 * step), a dotted edge where they changed, the target as a dashed step line, and the
 * values dotted in their status colour. Interactive charts name the nearest period's
 * value, status and target under the pointer.
 */
export function kpiChartOption({
  kpi,
  series,
  from,
  to,
  palette,
  interactive = true,
}: KpiChartInput): ChartOption {
  const points = sortedPoints(series);
  const { x0, x1 } = timeDomain(
    points.map((p) => p.t),
    from,
    to,
  );
  const segments = bandSegments(series.bands, x0, x1 + 1);
  const [lo, hi] = niceDomain(paddedDomain(domainValues(points, segments, kpi.direction)), 4);
  const clamp = (v: number) => Math.min(hi, Math.max(lo, v));
  const statusOf = (p: { periodStart: string; value: number }) =>
    valueStatus(p.value, kpi.direction, bandsInForce(series.bands, p.periodStart));
  const colourOf = (status: ReturnType<typeof statusOf>) =>
    status === "green" || status === "amber" || status === "red" ? palette[status] : palette.dimmed;
  const zoneColour = { green: palette.green, amber: palette.amber, red: palette.red };
  const timeLabels = new Map(timeTicks(x0, x1).map((tick) => [tick.t, tick.label]));
  const dotted = points.length <= DOT_LIMIT;
  const lastIndex = points.length - 1;

  // Each area is a pair of corners: from the version's start at the zone's floor to its
  // end at the zone's ceiling (open-ended zones stop at the axis).
  const zones = segments.flatMap((s) =>
    zonesOf(kpi.direction, s.bands)
      .filter((z) => clamp(z.hi) > clamp(z.lo))
      .map(
        (z): MarkAreaPair => [
          {
            name: `${STATUS_WORDS[z.status]} band`,
            xAxis: s.from,
            yAxis: clamp(z.lo),
            itemStyle: { color: zoneColour[z.status], opacity: ZONE_OPACITY[z.status] },
          },
          { xAxis: s.to, yAxis: clamp(z.hi) },
        ],
      ),
  );

  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, fontSize: 10, color: palette.dimmed },
    grid: {
      left: 4,
      right: 12,
      top: 10,
      bottom: 2,
      outerBoundsMode: "same",
      outerBoundsContain: "axisLabel",
    },
    xAxis: {
      type: "time",
      min: x0,
      max: x1,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: {
        color: palette.dimmed,
        fontSize: 10,
        customValues: [...timeLabels.keys()],
        formatter: (value: number) => timeLabels.get(value) ?? "",
        hideOverlap: true,
      },
    },
    yAxis: {
      type: "value",
      min: lo,
      max: hi,
      axisLine: { show: false },
      axisTick: { show: false, customValues: axisTicks([lo, hi]) },
      splitLine: { show: true, lineStyle: { color: palette.grid, opacity: 0.7 } },
      axisLabel: {
        color: palette.dimmed,
        fontSize: 10,
        customValues: axisTicks([lo, hi]),
        formatter: (value: number) => formatKpiCompact(value, kpi),
      },
    },
    tooltip: interactive
      ? {
          trigger: "axis",
          confine: true,
          axisPointer: { type: "line", lineStyle: { color: palette.text, opacity: 0.35, type: "solid" } },
          backgroundColor: palette.surface,
          borderColor: palette.border,
          textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
          formatter: (params) => {
            const first = (Array.isArray(params) ? params : [params]).find((p) => p.seriesId === "value");
            const p = first ? points[first.dataIndex] : undefined;
            if (!p) return "";
            const status = statusOf(p);
            const target = bandsInForce(series.bands, p.periodStart)?.target;
            const lines = [
              `<div style="color:${palette.dimmed};font-size:11px">${escapeHtml(periodName(p.periodStart, kpi.frequency))}</div>`,
              `<div><b>${escapeHtml(formatKpiValue(p.value, kpi))}</b> <span style="color:${palette.dimmed};font-size:11px">${status ? STATUS_WORDS[status] : "No bands"}</span></div>`,
            ];
            if (target != null)
              lines.push(
                `<div style="color:${palette.dimmed};font-size:11px">Target ${escapeHtml(formatKpiValue(target, kpi))}</div>`,
              );
            return lines.join("");
          },
        }
      : undefined,
    series: [
      {
        id: "target",
        name: "Target",
        type: "line",
        data: targetSteps(segments).map(([t, v]) => [t, v ?? "-"]),
        connectNulls: false,
        showSymbol: false,
        silent: true,
        lineStyle: { color: palette.text, type: [6, 4], width: 1.2, opacity: 0.6 },
        z: 3,
      },
      {
        id: "value",
        name: "Value",
        type: "line",
        data: points.map((p, i) => ({
          value: [p.t, p.value],
          symbol: dotted || i === lastIndex ? "circle" : "none",
          symbolSize: dotted ? 5.6 : 7,
          itemStyle: { color: colourOf(statusOf(p)), borderColor: palette.surface, borderWidth: 1 },
        })),
        showSymbol: true,
        lineStyle: { color: palette.primary, width: 1.8, join: "round" },
        emphasis: { scale: 1.6 },
        markArea: { silent: true, label: { show: false }, data: zones },
        markLine: {
          silent: true,
          symbol: "none",
          label: { show: false },
          lineStyle: { color: palette.dimmed, type: [1, 3], opacity: 0.4, width: 1 },
          data: segments
            .slice(1)
            .map((s) => ({ name: `Thresholds changed on ${s.bands.effectiveFrom}`, xAxis: s.from })),
        },
        z: 4,
      },
    ],
  };
}

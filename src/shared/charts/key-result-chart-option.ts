import { numberFormat } from "../kpi-format.ts";
import type { Forecast } from "../schemas/okr-forecasts.ts";
import type { CheckIn, KeyResult } from "../schemas/okrs.ts";
import type { ChartOption, ChartPalette } from "./chart-option.ts";
import { escapeHtml } from "./chart-option.ts";
import { checkInSeries } from "./key-result-series.ts";
import { niceDomain, ticksOf } from "./scale.ts";

const DAY = 86_400_000;

export type KeyResultChartKr = Pick<
  KeyResult,
  "title" | "kind" | "startValue" | "targetValue" | "unit" | "status"
>;

export type KeyResultChartInput = {
  kr: KeyResultChartKr;
  checkIns: ReadonlyArray<Pick<CheckIn, "createdAt" | "value" | "done" | "confidence" | "note">>;
  /** The KR's cycle; without one the chart spans its check-ins. */
  cycle: { startsOn: string; endsOn: string } | null;
  palette: ChartPalette;
  /** The moment drawn as "today" (ms). */
  now: number;
  /** Tooltips on the dots; off for pictures (server-side SVG). */
  interactive?: boolean;
  /** Where the KR is forecast to end (GET /key-results/{id}/forecast), drawn dashed with its 80 % band. */
  forecast?: Pick<Forecast, "expected" | "low" | "high"> | null;
};

const formatNumber = (v: number) => numberFormat({ maximumFractionDigits: 2 }).format(v);

/** A KR's value in words: "640 parcels", "93.5 %", "done". */
function valueText(kr: KeyResultChartKr, value: number | null | undefined): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return "–";
  if (kr.kind === "milestone") return value === 1 ? "done" : "not done";
  const unit = kr.kind === "percentage" ? "%" : kr.unit;
  return unit ? `${formatNumber(value)} ${unit}` : formatNumber(value);
}

function tickText(kr: KeyResultChartKr, v: number): string {
  if (kr.kind === "milestone") return v === 1 ? "Done" : "Open";
  if (kr.kind === "percentage") return `${v}%`;
  const abs = Math.abs(v);
  if (abs >= 1_000_000) return `${Math.round(v / 100_000) / 10}M`;
  if (abs >= 10_000) return `${Math.round(v / 100) / 10}k`;
  return String(Math.round(v * 100) / 100);
}

const shortDateFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  timeZone: "UTC",
});
const longDateFormat = new Intl.DateTimeFormat(undefined, {
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** The start and end of the pace line: from the KR's start to its target over the cycle. */
function ends(kr: KeyResultChartKr): { start: number | null; target: number | null } {
  return {
    start: kr.kind === "metric" ? kr.startValue : 0,
    target: kr.kind === "metric" ? kr.targetValue : kr.kind === "percentage" ? 100 : 1,
  };
}

/** The status's colour: grey (dimmed) for stale and not started, which stays visible in dark mode. */
function statusColour(status: KeyResult["status"] | undefined, palette: ChartPalette): string {
  if (status === "on_track") return palette.green;
  if (status === "at_risk") return palette.amber;
  if (status === "off_track") return palette.red;
  return status ? palette.dimmed : palette.primary;
}

/** The chart in one sentence, for its accessible name and a picture's alternative text. */
export function keyResultChartSummary(
  kr: KeyResultChartKr,
  checkIns: KeyResultChartInput["checkIns"],
): string {
  if (checkIns.length === 0) return `No check-ins on ${kr.title} yet`;
  const points = checkInSeries(kr, checkIns, null);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const confidences = points.map((p) => p.confidence).filter((c): c is number => c !== null);
  return `${kr.title}: ${checkIns.length} check-ins, latest value ${valueText(kr, values[values.length - 1])}, latest confidence ${confidences[confidences.length - 1] ?? "none"} of 10`;
}

/**
 * A KR over its cycle as an ECharts option: the value line in the status colour, the pace
 * line from the start to the target over the cycle, the target, today, and confidence
 * as a second series on its own 0–10 axis (right).
 */
export function keyResultChartOption({
  kr,
  checkIns,
  cycle,
  palette,
  now,
  interactive = true,
  forecast = null,
}: KeyResultChartInput): ChartOption {
  const cycleStart = cycle ? Date.parse(`${cycle.startsOn}T00:00:00Z`) : null;
  const cycleEnd = cycle ? Date.parse(`${cycle.endsOn}T00:00:00Z`) + DAY : null;
  const points = checkInSeries(kr, checkIns, cycleStart);
  const times = points.map((p) => p.t);
  const x0 = cycleStart ?? Math.min(...times, now);
  const x1 = cycleEnd ?? Math.max(...times, now);
  const { start, target } = ends(kr);
  const values = points.map((p) => p.value).filter((v): v is number => v !== null);
  const projection = forecastSeries(points, cycleEnd, forecast, palette);
  const domain: [number, number] =
    kr.kind === "milestone"
      ? [0, 1]
      : kr.kind === "percentage"
        ? [0, 100]
        : niceDomain([
            ...values,
            ...(start !== null ? [start] : []),
            ...(target !== null ? [target] : []),
            ...projection.extent,
          ]);
  const ticks = kr.kind === "milestone" ? [0, 1] : ticksOf(domain, 3);
  const colour = statusColour(kr.status, palette);
  const edgeLabels = new Map<number, string>(
    cycle
      ? [
          [x0, shortDateFormat.format(new Date(`${cycle.startsOn}T00:00:00Z`))],
          [x1, shortDateFormat.format(new Date(`${cycle.endsOn}T00:00:00Z`))],
        ]
      : [],
  );
  const confidencePoints = points.filter((p) => p.confidence !== null);
  const hasPace =
    cycleStart !== null && cycleEnd !== null && start !== null && target !== null && kr.kind !== "milestone";
  const guides = [
    ...(target !== null
      ? [
          {
            name: kr.kind === "metric" ? `Target ${valueText(kr, target)}` : "Target",
            yAxis: target,
            lineStyle: { color: palette.text, type: [5, 3] as number[], opacity: 0.45 },
          },
        ]
      : []),
    ...(now >= x0 && now <= x1
      ? [
          {
            name: "Today",
            xAxis: now,
            lineStyle: { color: palette.dimmed, type: "solid" as const, opacity: 0.5 },
          },
        ]
      : []),
  ];
  const axisLabel = { color: palette.dimmed, fontSize: 10 };

  return {
    animation: false,
    textStyle: { fontFamily: palette.fontFamily, fontSize: 10, color: palette.dimmed },
    grid: { left: 4, right: 4, top: 10, bottom: 2, outerBoundsMode: "same", outerBoundsContain: "axisLabel" },
    xAxis: {
      type: "time",
      min: x0,
      max: x1,
      axisLine: { show: false },
      axisTick: { show: false },
      splitLine: { show: false },
      axisLabel: {
        ...axisLabel,
        show: edgeLabels.size > 0,
        customValues: [...edgeLabels.keys()],
        formatter: (value: number) => edgeLabels.get(value) ?? "",
        alignMinLabel: "left",
        alignMaxLabel: "right",
      },
    },
    yAxis: [
      {
        type: "value",
        min: domain[0],
        max: domain[1],
        axisLine: { show: false },
        axisTick: { show: false, customValues: ticks },
        splitLine: { show: true, lineStyle: { color: palette.grid } },
        axisLabel: { ...axisLabel, customValues: ticks, formatter: (v: number) => tickText(kr, v) },
      },
      {
        type: "value",
        min: 0,
        max: 10,
        position: "right",
        axisLine: { show: false },
        axisTick: { show: false },
        splitLine: { show: false },
        axisLabel: { ...axisLabel, customValues: [0, 10] },
      },
    ],
    tooltip: interactive
      ? {
          trigger: "item",
          confine: true,
          backgroundColor: palette.surface,
          borderColor: palette.border,
          textStyle: { color: palette.text, fontFamily: palette.fontFamily, fontSize: 12 },
          formatter: (params) => {
            const p = Array.isArray(params) ? params[0] : params;
            if (!p) return "";
            const point = (p.seriesId === "confidence" ? confidencePoints : points)[p.dataIndex];
            if (!point) return "";
            const date = escapeHtml(longDateFormat.format(new Date(point.t)));
            if (p.seriesId === "confidence") return `${date}: confidence ${point.confidence}/10`;
            const note = point.note ? ` · ${escapeHtml(point.note)}` : "";
            return `${date}: ${escapeHtml(valueText(kr, point.value))}${note}`;
          },
        }
      : undefined,
    series: [
      ...(hasPace
        ? [
            {
              id: "pace",
              name: "Pace",
              type: "line" as const,
              data: [
                [cycleStart, start],
                [cycleEnd, target],
              ],
              showSymbol: false,
              silent: true,
              lineStyle: { color: palette.dimmed, type: [2, 3], width: 1, opacity: 0.7 },
            },
          ]
        : []),
      ...projection.series,
      {
        id: "confidence",
        name: "Confidence",
        type: "line",
        yAxisIndex: 1,
        data: confidencePoints.map((p) => [p.t, p.confidence]),
        symbol: "circle",
        symbolSize: 4.4,
        itemStyle: { color: palette.confidence },
        lineStyle: { color: palette.confidence, width: 1, opacity: 0.5 },
        z: 3,
      },
      {
        id: "value",
        name: kr.kind === "milestone" ? "Done or not" : "Value",
        type: "line",
        data: points.map((p) => [p.t, p.value ?? "-"]),
        connectNulls: false,
        symbol: "circle",
        symbolSize: 6,
        itemStyle: { color: palette.surface, borderColor: colour, borderWidth: 1.5 },
        lineStyle: { color: colour, width: 2, join: "round" },
        markLine: { silent: true, symbol: "none", label: { show: false }, data: guides },
        z: 4,
      },
    ],
  };
}

/**
 * The forecast from the latest value to the cycle's end: a dashed line to the expected
 * value over a faint band from the interval's low to its high end (a transparent series
 * for the low end with the band's height stacked on it).
 */
function forecastSeries(
  points: ReadonlyArray<{ t: number; value: number | null }>,
  cycleEnd: number | null,
  forecast: KeyResultChartInput["forecast"],
  palette: ChartPalette,
) {
  const latest = [...points].reverse().find((p) => p.value !== null);
  if (!forecast || cycleEnd === null || !latest || latest.value === null || latest.t >= cycleEnd) {
    return { series: [], extent: [] as number[] };
  }
  const from = latest.value;
  const common = { type: "line" as const, showSymbol: false, silent: true, z: 2 };
  return {
    extent: [forecast.low, forecast.high, forecast.expected],
    series: [
      {
        ...common,
        id: "forecast-low",
        name: "Forecast, low end",
        stack: "forecast-band",
        data: [
          [latest.t, from],
          [cycleEnd, forecast.low],
        ],
        lineStyle: { opacity: 0 },
      },
      {
        ...common,
        id: "forecast-band",
        name: "Forecast, 80 % interval",
        stack: "forecast-band",
        data: [
          [latest.t, 0],
          [cycleEnd, forecast.high - forecast.low],
        ],
        lineStyle: { opacity: 0 },
        areaStyle: { color: palette.primary, opacity: 0.12 },
      },
      {
        ...common,
        id: "forecast",
        name: "Forecast",
        data: [
          [latest.t, from],
          [cycleEnd, forecast.expected],
        ],
        lineStyle: { color: palette.primary, type: [6, 4] as number[], width: 1.5, opacity: 0.9 },
      },
    ],
  };
}

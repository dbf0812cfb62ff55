import type { LineSeriesOption } from "echarts/charts";
import type { TooltipComponentOption } from "echarts/components";
import { describe, expect, it } from "vitest";
import { lightPalette } from "./chart-option.ts";
import { kpiChartOption, kpiChartSummary } from "./kpi-chart-option.ts";

const kpi = {
  name: "Days sales outstanding",
  direction: "lower_is_better" as const,
  frequency: "monthly" as const,
  unit: "number" as const,
  decimals: 0,
  currency: null,
};
const bands = {
  effectiveFrom: "2025-01-01",
  target: 40,
  greenMin: null,
  greenMax: 45,
  redMin: null,
  redMax: 55,
};
const month = (i: number) => `${2024 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`;

function build(values: number[]) {
  return kpiChartOption({
    kpi,
    series: { points: values.map((value, i) => ({ periodStart: month(i + 12), value })), bands: [bands] },
    from: Date.parse("2025-01-01"),
    to: Date.parse("2025-12-31"),
    palette: lightPalette,
  });
}

function valueSeries(option: ReturnType<typeof build>) {
  return (option.series as LineSeriesOption[]).find((s) => s.id === "value")!;
}

describe("a KPI's chart", () => {
  it("dots each value in its status colour", () => {
    const data = valueSeries(build([42, 50, 61])).data as Array<{ itemStyle: { color: string } }>;
    expect(data.map((d) => d.itemStyle.color)).toEqual([
      lightPalette.green,
      lightPalette.amber,
      lightPalette.red,
    ]);
  });

  it("dots only the latest value of a long history", () => {
    const values = Array.from({ length: 150 }, (_, i) => 40 + (i % 10));
    const data = valueSeries(build(values)).data as Array<{ symbol: string }>;
    expect(data.filter((d) => d.symbol === "circle")).toHaveLength(1);
    expect(data[149]?.symbol).toBe("circle");
  });

  it("names the period, value, status and target under the pointer", () => {
    const tooltip = build([42, 50, 61]).tooltip as TooltipComponentOption;
    const text = (tooltip.formatter as (p: unknown) => string)([{ seriesId: "value", dataIndex: 2 }]);
    expect(text).toContain("Mar 2025");
    expect(text).toContain("<b>61</b>");
    expect(text).toContain("Red");
    expect(text).toContain("Target 40");
  });

  it("says what it shows in one sentence", () => {
    const series = {
      points: [42, 50].map((value, i) => ({ periodStart: month(i + 12), value })),
      bands: [bands],
    };
    expect(kpiChartSummary(kpi, series)).toBe(
      "Days sales outstanding: 2 values from Jan 2025 to Feb 2025, latest 50",
    );
    expect(kpiChartSummary(kpi, { points: [], bands: [] })).toBe(
      "Days sales outstanding: no values in this range",
    );
  });
});

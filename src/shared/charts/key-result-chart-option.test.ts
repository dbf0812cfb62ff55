import type { LineSeriesOption } from "echarts/charts";
import type { TooltipComponentOption } from "echarts/components";
import { describe, expect, it } from "vitest";
import { lightPalette } from "./chart-option.ts";
import { keyResultChartOption, keyResultChartSummary } from "./key-result-chart-option.ts";

const kr = {
  title: "Hub Rotterdam throughput",
  kind: "metric" as const,
  startValue: 31_000,
  targetValue: 42_000,
  unit: "parcels a day",
  status: "on_track" as const,
};
const checkIns = [
  {
    createdAt: "2026-07-13T09:00:00Z",
    value: 33_100,
    done: null,
    confidence: 6,
    note: "Second shift <b>started</b>",
  },
  { createdAt: "2026-07-20T09:00:00Z", value: 34_900, done: null, confidence: 7, note: "" },
];
const cycle = { startsOn: "2026-07-01", endsOn: "2026-09-30" };

function seriesById(id: string, option: ReturnType<typeof keyResultChartOption>): LineSeriesOption {
  const found = (option.series as LineSeriesOption[]).find((s) => s.id === id);
  if (!found) throw new Error(`no series ${id}`);
  return found;
}

describe("a key result's chart", () => {
  const option = keyResultChartOption({
    kr,
    checkIns,
    cycle,
    palette: lightPalette,
    now: Date.parse("2026-07-22"),
  });

  it("starts the value line at the baseline and paces it from start to target over the cycle", () => {
    expect(seriesById("value", option).data).toEqual([
      [Date.parse("2026-07-01T00:00:00Z"), 31_000],
      [Date.parse("2026-07-13T09:00:00Z"), 33_100],
      [Date.parse("2026-07-20T09:00:00Z"), 34_900],
    ]);
    expect(seriesById("pace", option).data).toEqual([
      [Date.parse("2026-07-01T00:00:00Z"), 31_000],
      [Date.parse("2026-10-01T00:00:00Z"), 42_000],
    ]);
  });

  it("puts confidence on its own 0–10 axis", () => {
    const confidence = seriesById("confidence", option);
    expect(confidence.yAxisIndex).toBe(1);
    expect(confidence.data).toEqual([
      [Date.parse("2026-07-13T09:00:00Z"), 6],
      [Date.parse("2026-07-20T09:00:00Z"), 7],
    ]);
    expect((option.yAxis as Array<{ min?: number; max?: number }>)[1]).toMatchObject({ min: 0, max: 10 });
  });

  it("names a check-in under the pointer, with its note as text rather than markup", () => {
    const tooltip = option.tooltip as TooltipComponentOption;
    const format = tooltip.formatter as (p: unknown) => string;
    const text = format({ seriesId: "value", dataIndex: 1 });
    expect(text).toContain("33,100 parcels a day");
    expect(text).toContain("Second shift &#60;b&#62;started&#60;/b&#62;");
    expect(format({ seriesId: "confidence", dataIndex: 1 })).toContain("confidence 7/10");
  });

  it("has no pace line for a milestone, and no tooltip in a picture", () => {
    const milestone = keyResultChartOption({
      kr: { ...kr, kind: "milestone", startValue: null, targetValue: null, unit: "" },
      checkIns: [{ ...checkIns[0]!, value: null, done: true }],
      cycle,
      palette: lightPalette,
      now: Date.parse("2026-07-22"),
      interactive: false,
    });
    expect((milestone.series as LineSeriesOption[]).map((s) => s.id)).toEqual(["confidence", "value"]);
    expect(milestone.tooltip).toBeUndefined();
  });

  it("says what it shows in one sentence", () => {
    expect(keyResultChartSummary(kr, checkIns)).toBe(
      "Hub Rotterdam throughput: 2 check-ins, latest value 34,900 parcels a day, latest confidence 7 of 10",
    );
    expect(keyResultChartSummary(kr, [])).toBe("No check-ins on Hub Rotterdam throughput yet");
  });
});

describe("a key result's chart with a forecast", () => {
  const forecast = { expected: 43_500, low: 40_100, high: 47_200 };
  const option = keyResultChartOption({
    kr,
    checkIns,
    cycle,
    palette: lightPalette,
    now: Date.parse("2026-07-22"),
    forecast,
  });
  const end = Date.parse("2026-10-01T00:00:00Z");
  const latest = Date.parse("2026-07-20T09:00:00Z");

  it("draws a dashed line from the latest value to the expected one at the cycle's end", () => {
    const line = seriesById("forecast", option);
    expect(line.data).toEqual([
      [latest, 34_900],
      [end, 43_500],
    ]);
    expect(line.lineStyle?.type).toEqual([6, 4]);
  });

  it("draws the 80 % band as the low end with the band's height stacked on it", () => {
    expect(seriesById("forecast-low", option).data).toEqual([
      [latest, 34_900],
      [end, 40_100],
    ]);
    const band = seriesById("forecast-band", option);
    expect(band.stack).toBe("forecast-band");
    expect(band.data).toEqual([
      [latest, 0],
      [end, 7_100],
    ]);
  });

  it("widens the value axis to hold the band", () => {
    const axes = option.yAxis as Array<{ max: number }>;
    expect(axes[0]!.max).toBeGreaterThanOrEqual(47_200);
  });

  it("draws nothing of a forecast without one, or after the cycle", () => {
    const none = keyResultChartOption({
      kr,
      checkIns,
      cycle,
      palette: lightPalette,
      now: Date.parse("2026-07-22"),
    });
    expect((none.series as LineSeriesOption[]).some((s) => String(s.id).startsWith("forecast"))).toBe(false);
    const after = keyResultChartOption({
      kr,
      checkIns: [
        ...checkIns,
        { createdAt: "2026-10-02T09:00:00Z", value: 41_000, done: null, confidence: 5, note: "" },
      ],
      cycle,
      palette: lightPalette,
      now: Date.parse("2026-10-03"),
      forecast,
    });
    expect((after.series as LineSeriesOption[]).some((s) => String(s.id).startsWith("forecast"))).toBe(false);
  });
});

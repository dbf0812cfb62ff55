import { describe, expect, it } from "vitest";
import { lightPalette } from "../../shared/charts/chart-option.ts";
import { keyResultChartOption } from "../../shared/charts/key-result-chart-option.ts";
import { kpiChartOption } from "../../shared/charts/kpi-chart-option.ts";
import { renderChartSvg } from "./render-chart-svg.ts";

const bands = (effectiveFrom: string, target: number, greenMin: number, redMin: number) => ({
  effectiveFrom,
  target,
  greenMin,
  greenMax: null,
  redMin,
  redMax: null,
});

const onTimeArrivals = {
  name: "On-time arrivals",
  direction: "higher_is_better" as const,
  frequency: "monthly" as const,
  unit: "percent" as const,
  decimals: 1,
  currency: null,
};

const months = ["2026-01-01", "2026-02-01", "2026-03-01", "2026-04-01", "2026-05-01", "2026-06-01"];

describe("rendering a chart to SVG on the server", () => {
  it("draws a KPI's bands, stepped target, values and axes into a standalone SVG", () => {
    const option = kpiChartOption({
      kpi: onTimeArrivals,
      series: {
        points: months.map((periodStart, i) => ({
          periodStart,
          value: [92.1, 93.8, 95.2, 96.1, 94.4, 96.8][i]!,
        })),
        bands: [bands("2025-01-01", 95, 94.5, 92.5), bands("2026-04-01", 96, 95, 93)],
      },
      from: Date.parse("2026-01-01"),
      to: Date.parse("2026-06-30"),
      palette: lightPalette,
      interactive: false,
    });
    const svg = renderChartSvg(option, { width: 640, height: 240 });

    expect(svg).toMatch(/^<svg [^>]*width="640" height="240"/);
    expect(svg).toContain('xmlns="http://www.w3.org/2000/svg"');
    // Green, amber and red areas for each of the two versions of the bands.
    for (const colour of [lightPalette.green, lightPalette.amber, lightPalette.red])
      expect(svg.match(new RegExp(`fill="${colour}" fill-opacity`, "g"))).toHaveLength(2);
    // The target is one dashed line that steps where the bands changed.
    const target = svg.match(
      /<path d="M([\d.]+) ([\d.]+)L([\d.]+) \2L\3 ([\d.]+)L[\d.]+ \4"[^>]*stroke-dasharray="6,4"/,
    );
    expect(target).not.toBeNull();
    expect(Number(target![4])).toBeLessThan(Number(target![2])); // 96 sits above 95
    // A red value's dot is red, a green one green.
    expect(svg).toContain(`fill="${lightPalette.red}" stroke="${lightPalette.surface}"`);
    expect(svg).toContain(`fill="${lightPalette.green}" stroke="${lightPalette.surface}"`);
    expect(svg).toContain(">Apr 26</text>");
    expect(svg).toMatch(/>9\d %<\/text>/);
  });

  it("draws a key result's value, pace and confidence", () => {
    const checkIns = [0, 1, 2, 3].map((week) => ({
      createdAt: new Date(Date.parse("2026-07-06T09:00:00Z") + week * 7 * 86_400_000).toISOString(),
      value: 5.6 - week * 0.2,
      done: null,
      confidence: 6 + (week % 2),
      note: "",
    }));
    const option = keyResultChartOption({
      kr: {
        title: "Damage claims per 1,000 shipments",
        kind: "metric",
        startValue: 5.6,
        targetValue: 4.5,
        unit: "per 1,000",
        status: "at_risk",
      },
      checkIns,
      cycle: { startsOn: "2026-07-01", endsOn: "2026-09-30" },
      palette: lightPalette,
      now: Date.parse("2026-08-10T12:00:00Z"),
      interactive: false,
    });
    const svg = renderChartSvg(option, { width: 360, height: 130 });

    expect(svg).toContain(`stroke="${lightPalette.amber}"`); // at risk
    expect(svg).toContain(`fill="${lightPalette.confidence}"`);
    expect(svg).toContain('stroke-dasharray="2,3"'); // pace
    expect(svg).toContain(">10</text>");
    expect(svg).toContain(">Sep 30</text>");
  });
});

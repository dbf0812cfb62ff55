import { describe, expect, it } from "vitest";
import { buildKpi } from "./kpi-fixtures.ts";
import { formatKpiCompact, formatKpiValue, periodName, targetLabel, trendLabel } from "./kpi-format.ts";

describe("KPI values for people", () => {
  it("formats by unit and decimals", () => {
    expect(formatKpiValue(92.14, { unit: "percent", decimals: 1, currency: null })).toBe("92.1 %");
    expect(formatKpiValue(4.5, { unit: "duration", decimals: 1, currency: null })).toBe("4.5 h");
    expect(formatKpiValue(1204, { unit: "count", decimals: 0, currency: null })).toMatch(/^1.?204$/);
    expect(formatKpiValue(1240000, { unit: "currency", decimals: 0, currency: "EUR" })).toContain("€");
    expect(formatKpiValue(null, { unit: "number", decimals: 0, currency: null })).toBe("–");
  });

  it("keeps an unknown currency code readable instead of failing", () => {
    expect(formatKpiValue(10, { unit: "currency", decimals: 0, currency: "ZZZ" })).toContain("10");
  });

  it("shortens large numbers on axes", () => {
    expect(formatKpiCompact(7_500_000, { unit: "currency", decimals: 0, currency: "EUR" })).toBe("€7.5M");
    expect(formatKpiCompact(45_000, { unit: "count", decimals: 0, currency: null })).toBe("45k");
    expect(formatKpiCompact(93.5, { unit: "percent", decimals: 1, currency: null })).toBe("93.5 %");
  });

  it("names periods by frequency, quarters by their months across a year end", () => {
    expect(periodName("2026-11-09", "weekly")).toBe("Week of 9 Nov 2026");
    expect(periodName("2026-10-01", "monthly")).toBe("Oct 2026");
    expect(periodName("2026-10-01", "quarterly")).toBe("Oct–Dec 2026");
    expect(periodName("2026-11-01", "quarterly")).toBe("Nov 2026–Jan 2027");
  });

  it("says the target, or the green range when there is no target", () => {
    expect(targetLabel(buildKpi())).toBe("Target 97.0 %");
    const noTarget = buildKpi({
      direction: "within_range",
      unit: "count",
      decimals: 0,
      bandsInForce: {
        effectiveFrom: "2025-01-01",
        target: null,
        greenMin: 9,
        greenMax: 12,
        redMin: 8,
        redMax: 14,
      },
    });
    expect(targetLabel(noTarget)).toBe("Green 9–12");
    expect(targetLabel(buildKpi({ bandsInForce: null }))).toBe("No target yet");
  });

  it("names only the green bound the direction uses", () => {
    const bands = {
      effectiveFrom: "2025-01-01",
      target: null,
      greenMin: 9,
      greenMax: 12,
      redMin: 8,
      redMax: 14,
    };
    const count = { unit: "count", decimals: 0 } as const;
    expect(targetLabel(buildKpi({ ...count, direction: "higher_is_better", bandsInForce: bands }))).toBe(
      "Green at 9 or more",
    );
    expect(targetLabel(buildKpi({ ...count, direction: "lower_is_better", bandsInForce: bands }))).toBe(
      "Green at 12 or less",
    );
    const halfRange = { ...bands, greenMax: null };
    expect(targetLabel(buildKpi({ ...count, direction: "within_range", bandsInForce: halfRange }))).toBe(
      "No target yet",
    );
    expect(targetLabel(buildKpi({ ...count, direction: "lower_is_better", bandsInForce: halfRange }))).toBe(
      "No target yet",
    );
  });

  it("puts the trend in words, judged by the direction", () => {
    expect(trendLabel(buildKpi())).toBe("Falling, worsening: −1.2 % per week");
    expect(trendLabel(buildKpi({ trend: { direction: "flat", slope: 0, improving: null } }))).toBe(
      "Flat over the last periods",
    );
  });
});

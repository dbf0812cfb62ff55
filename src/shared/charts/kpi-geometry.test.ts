import { describe, expect, it } from "vitest";
import {
  axisTicks,
  bandSegments,
  dayMs,
  domainValues,
  targetSteps,
  timeDomain,
  timeTicks,
  zonesOf,
} from "./kpi-geometry.ts";

const bands = (effectiveFrom: string, target: number | null, greenMin: number, redMin: number) => ({
  effectiveFrom,
  target,
  greenMin,
  greenMax: null,
  redMin,
  redMax: null,
});

describe("the KPI chart's geometry", () => {
  const series = [bands("2026-07-01", 97, 95.5, 93.5), bands("2025-01-01", 96, 95, 93)];
  const x0 = dayMs("2026-01-01");
  const x1 = dayMs("2026-12-31");

  it("draws each version of the bands from its date to the next one, clipped to the chart", () => {
    const segments = bandSegments(series, x0, x1);
    expect(segments.map((s) => [s.from, s.to, s.bands.target])).toEqual([
      [x0, dayMs("2026-07-01"), 96],
      [dayMs("2026-07-01"), x1, 97],
    ]);
    expect(bandSegments(series, dayMs("2020-01-01"), dayMs("2020-12-31"))).toEqual([]);
  });

  it("colours the value axis the way the status rule does, per direction", () => {
    expect(zonesOf("higher_is_better", series[0]!).map((z) => [z.status, z.lo, z.hi])).toEqual([
      ["red", Number.NEGATIVE_INFINITY, 93.5],
      ["amber", 93.5, 95.5],
      ["green", 95.5, Number.POSITIVE_INFINITY],
    ]);
    const range = {
      effectiveFrom: "2025-01-01",
      target: null,
      greenMin: 9,
      greenMax: 12,
      redMin: 8,
      redMax: 14,
    };
    expect(zonesOf("within_range", range).map((z) => z.status)).toEqual([
      "red",
      "amber",
      "green",
      "amber",
      "red",
    ]);
    expect(zonesOf("lower_is_better", range).map((z) => [z.status, z.hi])).toEqual([
      ["green", 12],
      ["amber", 14],
      ["red", Number.POSITIVE_INFINITY],
    ]);
    // Missing a field the direction needs: no guessed colours.
    expect(zonesOf("lower_is_better", series[0]!)).toEqual([]);
  });

  it("widens the value axis past a red threshold so its red area shows", () => {
    const segments = bandSegments(series, x0, x1);
    const values = domainValues([{ value: 94 }], segments, "higher_is_better");
    expect(Math.min(...values)).toBeLessThan(93);
    expect(values).toContain(97);
  });

  it("steps the target line where the bands change, and breaks it where a version has none", () => {
    const segments = bandSegments(series, x0, x1);
    const mid = dayMs("2026-07-01");
    expect(targetSteps(segments)).toEqual([
      [x0, 96],
      [mid, 96],
      [mid, 97],
      [x1, 97],
    ]);
    const gap = bandSegments([series[1]!, bands("2026-04-01", null, 95, 93), series[0]!], x0, x1);
    expect(targetSteps(gap)).toEqual([
      [x0, 96],
      [dayMs("2026-04-01"), 96],
      [dayMs("2026-04-01"), null],
      [mid, 97],
      [x1, 97],
    ]);
  });

  it("labels years over long spans and months over short ones", () => {
    expect(timeTicks(dayMs("2024-03-01"), dayMs("2026-11-23")).map((t) => t.label)).toEqual(["2025", "2026"]);
    expect(timeTicks(dayMs("2026-09-15"), dayMs("2026-11-23")).map((t) => t.label)).toEqual([
      "Oct 26",
      "Nov 26",
    ]);
  });

  it("starts a young KPI's axis shortly before its first value, not at the range's start", () => {
    const from = dayMs("2024-11-24");
    const to = dayMs("2026-11-23");
    const young = timeDomain([dayMs("2026-11-16"), dayMs("2026-11-23")], from, to);
    expect(young.x0).toBeGreaterThan(dayMs("2026-10-01"));
    expect(young.x0).toBeLessThan(dayMs("2026-11-16"));
    expect(young.x1).toBeGreaterThan(to);
    expect(timeDomain([dayMs("2023-01-02")], from, to).x0).toBe(from);
    expect(timeDomain([], from, to).x0).toBe(from);
  });

  it("puts value ticks on round steps inside the axis", () => {
    expect(axisTicks([6, 16])).toEqual([6, 8, 10, 12, 14, 16]);
    expect(axisTicks([92, 98])).toEqual([92, 94, 96, 98]);
    expect(axisTicks([0, 9_000_000]).every((t) => t >= 0 && t <= 9_000_000)).toBe(true);
  });
});

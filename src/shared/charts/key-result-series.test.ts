import { describe, expect, it } from "vitest";
import { checkInSeries } from "./key-result-series.ts";

function checkIn(createdAt: string, value: number | null, confidence: number, done: boolean | null = null) {
  return { value, done, confidence, note: "", createdAt };
}

describe("a key result's chart points", () => {
  it("starts a metric's line at its baseline on the cycle's first day", () => {
    const start = Date.parse("2026-10-05T00:00:00Z");
    const series = checkInSeries(
      { kind: "metric", startValue: 800 },
      [checkIn("2026-10-23T10:00:00Z", 640, 7), checkIn("2026-10-09T10:00:00Z", 780, 6)],
      start,
    );
    expect(series.map((p) => [p.value, p.confidence])).toEqual([
      [800, null],
      [780, 6],
      [640, 7],
    ]);
    expect(series[0]?.t).toBe(start);
  });

  it("draws milestones as 0 or 1", () => {
    const series = checkInSeries(
      { kind: "milestone", startValue: null },
      [checkIn("2026-10-09T10:00:00Z", null, 8, true)],
      null,
    );
    expect(series.map((p) => p.value)).toEqual([1]);
  });
});

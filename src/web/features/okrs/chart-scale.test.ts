import { describe, expect, it } from "vitest";
import type { CheckIn } from "../../lib/types.ts";
import { checkInSeries, linearScale, linePath, niceDomain, niceStep, ticksOf } from "./chart-scale.ts";

function checkIn(
  createdAt: string,
  value: number | null,
  confidence: number,
  done: boolean | null = null,
): CheckIn {
  return {
    id: createdAt,
    keyResultId: "kr",
    authorUserId: "u",
    authorName: "Ada",
    value,
    done,
    confidence,
    note: "",
    createdAt,
    editedAt: null,
  };
}

describe("chart scaling", () => {
  it("maps a domain linearly onto pixels, upside down for y", () => {
    const y = linearScale([0, 10], [100, 0]);
    expect(y(0)).toBe(100);
    expect(y(10)).toBe(0);
    expect(y(2.5)).toBe(75);
    expect(linearScale([5, 5], [0, 100])(5)).toBe(50);
  });

  it("picks steps of 1, 2 or 5 times a power of ten", () => {
    expect(niceStep(10, 4)).toBe(5);
    expect(niceStep(600, 4)).toBe(200);
    expect(niceStep(0.3, 3)).toBeCloseTo(0.1);
    expect(niceStep(0, 4)).toBe(1);
  });

  it("widens the y-domain to whole steps around every value", () => {
    expect(niceDomain([91, 93.9, 97])).toEqual([90, 98]);
    expect(niceDomain([800, 370, 300])).toEqual([200, 800]);
    expect(niceDomain([])).toEqual([0, 1]);
    const [lo, hi] = niceDomain([5]);
    expect(lo).toBeLessThan(5);
    expect(hi).toBeGreaterThan(5);
    expect(ticksOf([200, 800], 3)).toEqual([200, 400, 600, 800]);
  });

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

  it("draws milestones as 0 or 1 and leaves gaps where a value is missing", () => {
    const series = checkInSeries(
      { kind: "milestone", startValue: null },
      [checkIn("2026-10-09T10:00:00Z", null, 8, true)],
      null,
    );
    expect(series.map((p) => p.value)).toEqual([1]);
    expect(
      linePath([
        { x: 0, y: 10 },
        { x: 5, y: null },
        { x: 10, y: 20 },
        { x: 15, y: 25 },
      ]),
    ).toBe("M0 10 M10 20 L15 25");
  });
});

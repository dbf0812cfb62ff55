import { describe, expect, it } from "vitest";
import { addDays } from "../dates.ts";
import { mulberry32, normal } from "../okr/forecast.ts";
import { judgeLatest, judgePeriod, judgeValue } from "./anomaly.ts";
import type { MeasuredPeriod } from "./types.ts";

/** Weekly points from Monday 5 January 2026. */
const weekly = (values: number[]): MeasuredPeriod[] =>
  values.map((value, i) => ({ periodStart: addDays("2026-01-05", 7 * i), value }));
/** Daily points from Monday 5 January 2026. */
const daily = (values: number[]): MeasuredPeriod[] =>
  values.map((value, i) => ({ periodStart: addDays("2026-01-05", i), value }));

const noise = (seed: number, n: number, sd: number) => {
  const random = mulberry32(seed);
  return Array.from({ length: n }, () => normal(random) * sd);
};

describe("unusual KPI values", () => {
  const flat = noise(7, 26, 5).map((e) => 200 + e);

  it("leaves an ordinary value of a noisy flat series alone", () => {
    expect(judgeLatest(weekly([...flat, 203]), "weekly")).toBeNull();
  });

  it("flags a value far below the level and says by how much", () => {
    const verdict = judgeLatest(weekly([...flat, 160]), "weekly");
    expect(verdict).toMatchObject({ direction: "below" });
    expect(verdict?.score).toBeGreaterThan(5);
    expect(verdict?.reason).toMatch(/^\d+\.\d σ below its 26-week level$/);
  });

  it("flags a spike above the level", () => {
    expect(judgeLatest(weekly([...flat, 250]), "weekly")?.direction).toBe("above");
  });

  it("does not flag the next step of a steady trend, but flags a break from it", () => {
    const rising = noise(11, 27, 2).map((e, i) => 100 + 10 * i + e);
    expect(judgeLatest(weekly(rising), "weekly")).toBeNull();
    const broken = [...rising.slice(0, -1), 100 + 10 * 26 - 40];
    const verdict = judgeLatest(weekly(broken), "weekly");
    expect(verdict).toMatchObject({ direction: "below" });
    expect(verdict?.reason).toContain("26-week trend");
  });

  it("gives no verdict with too little history", () => {
    expect(judgeLatest(weekly([100, 101, 99, 100, 102, 98, 100, 500]), "weekly")).toBeNull();
    expect(judgeLatest(weekly([]), "weekly")).toBeNull();
    expect(judgeLatest(weekly([100]), "weekly")).toBeNull();
  });

  it("flags a jump off a constant series and not a repeat of the constant", () => {
    const constant = Array.from({ length: 12 }, () => 42);
    expect(judgeLatest(weekly([...constant, 42]), "weekly")).toBeNull();
    const verdict = judgeLatest(weekly([...constant, 45]), "weekly");
    expect(verdict).toMatchObject({ direction: "above", score: 99 });
    expect(verdict?.reason).toBe("above its 12-week level, which had not changed before");
  });

  it("treats floating point sums of a constant as constant", () => {
    const constant = Array.from({ length: 12 }, () => 0.1 + 0.2);
    expect(judgeLatest(weekly([...constant, 0.3]), "weekly")).toBeNull();
  });

  it("knows that a busy Monday is normal for a daily KPI but a quiet one is not", () => {
    // Weekdays about 100, weekends about 20; eight weeks of history.
    const shape = (i: number) => ([5, 6].includes(i % 7) ? 20 : 100);
    const history = noise(3, 56, 3).map((e, i) => shape(i) + e);
    // Day 56 is a Monday: 100 is usual there, 20 is not, though 20 is an ordinary Saturday.
    expect(judgeLatest(daily([...history, 101]), "daily")).toBeNull();
    const quiet = judgeLatest(daily([...history, 20]), "daily");
    expect(quiet).toMatchObject({ direction: "below" });
    expect(quiet?.reason).toMatch(/below its 56-day level for a Monday$/);
    // A Saturday at 20 is usual.
    expect(judgeLatest(daily([...history, 100, 100, 100, 100, 100, 20]), "daily")).toBeNull();
  });

  it("is not blinded by an earlier outlier in the window", () => {
    const withOutlier = [...flat];
    withOutlier[10] = 900;
    expect(judgeLatest(weekly([...withOutlier, 150]), "weekly")?.direction).toBe("below");
    expect(judgeLatest(weekly([...withOutlier, 201]), "weekly")).toBeNull();
  });

  it("judges any period against the values before it, in any order", () => {
    const points = weekly([...flat, 140, ...flat.slice(0, 5)]);
    const shuffled = [...points].reverse();
    expect(judgePeriod(shuffled, points[26]?.periodStart ?? "", "weekly")?.direction).toBe("below");
    expect(judgePeriod(shuffled, points[3]?.periodStart ?? "", "weekly")).toBeNull();
    expect(judgePeriod(shuffled, "2030-01-01", "weekly")).toBeNull();
  });

  it("uses only the window: a level from long ago does not decide today", () => {
    const old = Array.from({ length: 40 }, () => 1000);
    const history = weekly([...old, ...flat]);
    const judged = { periodStart: addDays("2026-01-05", 7 * 66), value: 201 };
    expect(judgeValue(history, judged, "weekly")).toBeNull();
  });
});

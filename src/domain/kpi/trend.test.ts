import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { tCritical99, trend } from "./trend.ts";
import type { MeasuredPeriod } from "./types.ts";

/** Monthly points from January 2026 with the given values. */
const series = (values: number[]): MeasuredPeriod[] =>
  values.map((value, i) => ({
    periodStart: `${2026 + Math.floor(i / 12)}-${String((i % 12) + 1).padStart(2, "0")}-01`,
    value,
  }));

describe("KPI trend", () => {
  it("sees a rising revenue as up and improving", () => {
    const result = trend(series([100, 110, 120, 130]), "higher_is_better");
    expect(result.direction).toBe("up");
    expect(result.slope).toBeCloseTo(10);
    expect(result.relativeSlope).toBeCloseTo(10 / 115);
    expect(result.improving).toBe(true);
  });

  it("sees falling churn as down and improving for a lower-is-better KPI", () => {
    const result = trend(series([5, 4.5, 4, 3.5]), "lower_is_better");
    expect(result.direction).toBe("down");
    expect(result.slope).toBeCloseTo(-0.5);
    expect(result.improving).toBe(true);
  });

  it("calls rising churn worsening and falling revenue worsening", () => {
    expect(trend(series([3, 4, 5]), "lower_is_better").improving).toBe(false);
    expect(trend(series([130, 120, 110]), "higher_is_better")).toMatchObject({
      direction: "down",
      improving: false,
    });
  });

  it("gives a range KPI a direction but no verdict", () => {
    expect(trend(series([20, 25, 30]), "within_range")).toMatchObject({ direction: "up", improving: null });
  });

  it("sees a KPI sliding into red after a stable stretch as falling and worsening", () => {
    // Weekly service level: steady around 96, then five weeks down to 92.1. Under 1 % of
    // the level per week, but far beyond the KPI's own week-to-week wobble.
    const values = [96.0, 96.3, 95.9, 96.2, 96.1, 96.0, 96.2, 96.1, 95.3, 94.2, 93.0, 92.1];
    const result = trend(series(values), "higher_is_better");
    expect(result).toMatchObject({ direction: "down", improving: false });
    expect(result.slope).toBeCloseTo(-1.03);
    // The same slide is good news when lower is better (a cost per order falling).
    expect(trend(series(values), "lower_is_better")).toMatchObject({ direction: "down", improving: true });
  });

  it("sees a slide that has only just begun within the last five values", () => {
    const values = [96.0, 96.1, 95.9, 96.0, 96.1, 95.0, 93.8, 92.6];
    expect(trend(series(values), "higher_is_better")).toMatchObject({ direction: "down", improving: false });
  });

  it("keeps noise around a level flat", () => {
    // Week-to-week wobble of about ±1 around 100, and of ±5 % around 2,000 orders.
    expect(trend(series([100, 101, 99, 100.5, 99.5, 100, 101, 99]), "higher_is_better")).toMatchObject({
      direction: "flat",
      improving: null,
    });
    expect(
      trend(series([2010, 1900, 2080, 1970, 2100, 1950, 2040, 1990, 2060, 1930]), "higher_is_better")
        .direction,
    ).toBe("flat");
    // One bad week in a steady run is an outlier for the anomaly check, not a trend.
    expect(
      trend(series([96.1, 96.0, 96.2, 96.1, 96.0, 96.1, 96.2, 90.0]), "higher_is_better").direction,
    ).toBe("flat");
  });

  it("shows an arrow for pure noise rarely", () => {
    // 2,000 series of 12 values: a level of 100 plus normal noise (σ = 1), entered to
    // one decimal, from a seeded generator so the count is the same on every run.
    let seed = 20261207;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return (seed + 1) / 2147483649;
    };
    const normal = () => Math.sqrt(-2 * Math.log(random())) * Math.cos(2 * Math.PI * random());
    let arrows = 0;
    for (let i = 0; i < 2000; i++) {
      const values = Array.from({ length: 12 }, () => Math.round((100 + normal()) * 10) / 10);
      if (trend(series(values), "higher_is_better").direction !== "flat") arrows++;
    }
    // Two lines tested at 99 %: about one series in fifty.
    expect(arrows / 2000).toBeLessThan(0.04);
  });

  it("calls a steady move up however small, since the KPI does not otherwise vary", () => {
    const small = trend(series([99.1, 100, 100.9]), "higher_is_better");
    expect(small).toMatchObject({ direction: "up", improving: true });
    expect(small.slope).toBeCloseTo(0.9);
    // A line with scatter as large as its rise is not significant on three points.
    expect(trend(series([99, 101, 100]), "higher_is_better").direction).toBe("flat");
  });

  it("uses the 99 % critical values of Student's t", () => {
    expect(tCritical99(1)).toBeCloseTo(63.657, 3);
    expect(tCritical99(6)).toBeCloseTo(3.707, 3);
    expect(tCritical99(30)).toBeCloseTo(2.75, 3);
    // Beyond the table: t(0.995, 40) = 2.704, t(0.995, 120) = 2.617.
    expect(tCritical99(40)).toBeCloseTo(2.704, 2);
    expect(tCritical99(120)).toBeCloseTo(2.617, 2);
  });

  it("is flat for a constant KPI", () => {
    expect(trend(series([0.1, 0.1, 0.1, 0.1, 0.1]), "higher_is_better")).toMatchObject({
      direction: "flat",
      improving: null,
    });
    expect(trend(series([0, 0, 0]), "lower_is_better")).toEqual({
      direction: "flat",
      slope: 0,
      relativeSlope: 0,
      improving: null,
    });
  });

  it("needs three values for a direction, but still reports the slope of two", () => {
    expect(trend([], "higher_is_better")).toEqual({
      direction: "flat",
      slope: 0,
      relativeSlope: 0,
      improving: null,
    });
    expect(trend(series([100]), "higher_is_better").direction).toBe("flat");
    const two = trend(series([100, 200]), "higher_is_better");
    expect(two).toMatchObject({ direction: "flat", improving: null });
    expect(two.slope).toBeCloseTo(100);
  });

  it("looks only at the last `window` values, and at the newest five first", () => {
    // A long decline, then eight months of rise.
    const values = [300, 260, 220, 180, 140, 100, 105, 110, 115, 120, 125, 130, 135, 140];
    expect(trend(series(values), "higher_is_better").direction).toBe("up");
    // Over the whole 14, the decline dominates the line, but the newest five rise: up.
    expect(trend(series(values), "higher_is_better", 14).direction).toBe("up");
    // A rise that turned: the whole window rises, the newest five fall.
    const turned = [100, 110, 120, 130, 140, 150, 149, 147, 144, 140];
    expect(trend(series(turned), "higher_is_better", 10)).toMatchObject({
      direction: "down",
      improving: false,
    });
    expect(trend(series([10, 20, 30, 25]), "higher_is_better", 2)).toMatchObject({ direction: "flat" });
  });

  it("reads a negative level by its size, so a shrinking loss is up and improving", () => {
    // Monthly result −100k, −90k, −80k: mean −90k, slope +10k.
    const result = trend(series([-100, -90, -80]), "higher_is_better");
    expect(result.relativeSlope).toBeCloseTo(10 / 90);
    expect(result).toMatchObject({ direction: "up", improving: true });
  });

  it("reports a relative slope of 0 when the values average to 0, and still a direction", () => {
    expect(trend(series([-1, 0, 1]), "higher_is_better")).toMatchObject({
      relativeSlope: 0,
      direction: "up",
    });
  });

  it("refuses a window too small for a line", () => {
    expect(() => trend(series([1, 2, 3]), "higher_is_better", 1)).toThrow(RangeError);
    expect(() => trend(series([1, 2, 3]), "higher_is_better", 2.5)).toThrow(RangeError);
  });

  it("mirrors: negating every value negates the slope", () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: -1000, max: 1000 }), { minLength: 3, maxLength: 12 }),
        (values) => {
          const up = trend(series(values), "higher_is_better");
          const mirrored = trend(series(values.map((v) => -v)), "higher_is_better");
          expect(mirrored.slope).toBeCloseTo(-up.slope, 9);
          expect(mirrored.relativeSlope).toBeCloseTo(-up.relativeSlope, 9);
        },
      ),
    );
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { FLAT_TREND_THRESHOLD, trend } from "./trend.ts";
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

  it("calls moves under 1 % of the level per period flat", () => {
    // Slope 0.9 on a mean of 100: 0.9 % per period.
    const flat = trend(series([99.1, 100, 100.9]), "higher_is_better");
    expect(flat.direction).toBe("flat");
    expect(flat.slope).toBeCloseTo(0.9);
    expect(flat.improving).toBeNull();
    // Slope 1.1 on a mean of 100: 1.1 % per period.
    expect(trend(series([98.9, 100, 101.1]), "higher_is_better").direction).toBe("up");
    expect(FLAT_TREND_THRESHOLD).toBe(0.01);
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

  it("looks only at the last `window` values", () => {
    // A long decline followed by eight rising months.
    const values = [300, 260, 220, 180, 140, 100, 105, 110, 115, 120, 125, 130, 135, 140];
    expect(trend(series(values), "higher_is_better").direction).toBe("up");
    expect(trend(series(values), "higher_is_better", 14).direction).toBe("down");
    expect(trend(series([10, 20, 30, 25]), "higher_is_better", 2)).toMatchObject({ direction: "flat" });
  });

  it("reads a negative level by its size, so a shrinking loss is up and improving", () => {
    // Monthly result −100k, −90k, −80k: mean −90k, slope +10k.
    const result = trend(series([-100, -90, -80]), "higher_is_better");
    expect(result.relativeSlope).toBeCloseTo(10 / 90);
    expect(result).toMatchObject({ direction: "up", improving: true });
  });

  it("reports a relative slope of 0 when the values average to 0", () => {
    expect(trend(series([-1, 0, 1]), "higher_is_better")).toMatchObject({
      relativeSlope: 0,
      direction: "flat",
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

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isMeasurable, type KeyResultInput, keyResultProgress, objectiveProgress } from "./progress.ts";

const metric = (start: number, target: number, current: number | null): KeyResultInput => ({
  kind: "metric",
  start,
  target,
  current,
});

describe("key result progress", () => {
  it("measures an increasing metric from start to target", () => {
    // Weekly active teams 200 → 500, now 320.
    expect(keyResultProgress(metric(200, 500, 320))).toEqual({ raw: 0.4, clamped: 0.4 });
  });

  it("measures a decreasing metric by the same formula", () => {
    // Churn 40 % → 20 %.
    expect(keyResultProgress(metric(40, 20, 30))).toEqual({ raw: 0.5, clamped: 0.5 });
    expect(keyResultProgress(metric(40, 20, 20))).toEqual({ raw: 1, clamped: 1 });
  });

  it("shows moving the wrong way as negative but rolls it up as 0", () => {
    expect(keyResultProgress(metric(40, 20, 45))).toEqual({ raw: -0.25, clamped: 0 });
    expect(keyResultProgress(metric(100, 200, 90))).toEqual({ raw: -0.1, clamped: 0 });
  });

  it("shows overachievement uncapped but rolls it up as 1", () => {
    expect(keyResultProgress(metric(0, 100, 130))).toEqual({ raw: 1.3, clamped: 1 });
    expect(keyResultProgress(metric(40, 20, 14))).toEqual({ raw: 1.3, clamped: 1 });
  });

  it("counts a metric with no check-in yet as at its start", () => {
    expect(keyResultProgress(metric(12, 30, null))).toEqual({ raw: 0, clamped: 0 });
  });

  it("refuses to measure a metric whose target equals its start", () => {
    expect(keyResultProgress(metric(95, 95, 96))).toBeNull();
    expect(isMeasurable(metric(95, 95, 96))).toBe(false);
    expect(isMeasurable(metric(95, 99, null))).toBe(true);
    expect(keyResultProgress(metric(Number.NaN, 10, 5))).toBeNull();
    expect(keyResultProgress(metric(0, 10, Number.POSITIVE_INFINITY))).toBeNull();
  });

  it("gives a milestone 0 or 1", () => {
    expect(keyResultProgress({ kind: "milestone", done: false })).toEqual({ raw: 0, clamped: 0 });
    expect(keyResultProgress({ kind: "milestone", done: true })).toEqual({ raw: 1, clamped: 1 });
  });

  it("reads a percentage KR as a share of 100", () => {
    expect(keyResultProgress({ kind: "percentage", current: 65 })).toEqual({ raw: 0.65, clamped: 0.65 });
    expect(keyResultProgress({ kind: "percentage", current: null })).toEqual({ raw: 0, clamped: 0 });
    expect(keyResultProgress({ kind: "percentage", current: 110 })).toEqual({ raw: 1.1, clamped: 1 });
  });

  it("rounds to 4 decimals so float noise does not show", () => {
    expect(keyResultProgress(metric(0, 3, 1))?.raw).toBe(0.3333);
    expect(keyResultProgress(metric(0.1, 1.1, 0.4))?.raw).toBe(0.3);
    expect(Object.is(keyResultProgress(metric(10, 20, 10 - 1e-9))?.raw, -0)).toBe(false);
  });

  it("keeps clamped progress within [0, 1] whatever the numbers", () => {
    const finite = fc.double({ min: -1e9, max: 1e9, noNaN: true });
    fc.assert(
      fc.property(finite, finite, fc.option(finite), (start, target, current) => {
        const progress = keyResultProgress(metric(start, target, current));
        if (start === target) return progress === null;
        return progress !== null && progress.clamped >= 0 && progress.clamped <= 1;
      }),
    );
  });
});

describe("objective progress", () => {
  it("is the weighted mean of the KRs' clamped progress", () => {
    expect(
      objectiveProgress([
        { progress: 0.5, weight: 2 },
        { progress: 1.3, weight: 1 }, // overachieving KR counts as 1, not 1.3
        { progress: -0.25, weight: 1 }, // backwards KR counts as 0
      ]),
    ).toEqual({ progress: 0.5, reason: null });
  });

  it("weighs KRs equally when no weights are given", () => {
    expect(objectiveProgress([{ progress: 0.2 }, { progress: 0.6 }, { progress: 1 }])).toEqual({
      progress: 0.6,
      reason: null,
    });
  });

  it("ignores a KR with weight 0", () => {
    expect(
      objectiveProgress([
        { progress: 0.8, weight: 1 },
        { progress: 0, weight: 0 },
      ]),
    ).toEqual({ progress: 0.8, reason: null });
  });

  it("leaves not-measurable KRs out instead of counting them as 0", () => {
    expect(objectiveProgress([{ progress: 0.4 }, { progress: null }])).toEqual({
      progress: 0.4,
      reason: null,
    });
  });

  it("says why progress cannot be computed", () => {
    expect(objectiveProgress([])).toEqual({ progress: null, reason: "no_key_results" });
    expect(objectiveProgress([{ progress: null }, { progress: null, weight: 3 }])).toEqual({
      progress: null,
      reason: "no_measurable_key_results",
    });
    expect(
      objectiveProgress([
        { progress: 0.5, weight: 0 },
        { progress: 0.9, weight: 0 },
      ]),
    ).toEqual({ progress: null, reason: "all_weights_zero" });
  });

  it("refuses negative or non-finite weights", () => {
    expect(() => objectiveProgress([{ progress: 0.5, weight: -1 }])).toThrow(RangeError);
    expect(() => objectiveProgress([{ progress: 0.5, weight: Number.NaN }])).toThrow(RangeError);
  });

  it("rounds to 4 decimals", () => {
    expect(objectiveProgress([{ progress: 0.1 }, { progress: 0.2 }, { progress: 0.2 }]).progress).toBe(
      0.1667,
    );
  });

  it("always lies between its lowest and highest counted KR", () => {
    const kr = fc.record({
      progress: fc.double({ min: -2, max: 3, noNaN: true }),
      weight: fc.double({ min: 0, max: 100, noNaN: true }),
    });
    fc.assert(
      fc.property(fc.array(kr, { minLength: 1, maxLength: 8 }), (krs) => {
        const { progress } = objectiveProgress(krs);
        const counted = krs.filter((k) => k.weight > 0).map((k) => Math.min(1, Math.max(0, k.progress)));
        if (counted.length === 0) return progress === null;
        return progress !== null && progress >= Math.min(...counted) && progress <= Math.max(...counted);
      }),
    );
  });
});

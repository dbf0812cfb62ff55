import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GRADE_BAND_LABELS,
  gradeBand,
  gradeDistribution,
  isStretchSweetSpot,
  looksSandbagged,
  normaliseScore,
  suggestedScore,
  validateScore,
} from "./grading.ts";

describe("suggested score", () => {
  it("is clamped progress on the one-decimal grid", () => {
    expect(suggestedScore({ kind: "metric", start: 200, target: 500, current: 398 })).toBe(0.7); // 0.66
    expect(suggestedScore({ kind: "metric", start: 40, target: 20, current: 30 })).toBe(0.5);
    expect(suggestedScore({ kind: "metric", start: 0, target: 100, current: 130 })).toBe(1);
    expect(suggestedScore({ kind: "metric", start: 40, target: 20, current: 45 })).toBe(0);
    expect(suggestedScore({ kind: "percentage", current: 64 })).toBe(0.6);
  });

  it("is 0 or 1 for a milestone", () => {
    expect(suggestedScore({ kind: "milestone", done: true })).toBe(1);
    expect(suggestedScore({ kind: "milestone", done: false })).toBe(0);
  });

  it("leaves a not-measurable KR for its owner to score", () => {
    expect(suggestedScore({ kind: "metric", start: 95, target: 95, current: 97 })).toBeNull();
  });

  it("always suggests a tenth between 0 and 1", () => {
    const n = fc.double({ min: -1e6, max: 1e6, noNaN: true });
    fc.assert(
      fc.property(n, n, n, (start, target, current) => {
        const score = suggestedScore({ kind: "metric", start, target, current });
        return (
          score === null || (score >= 0 && score <= 1 && Number.isInteger(Math.round(score * 10 * 1e6) / 1e6))
        );
      }),
    );
  });
});

describe("final scores", () => {
  it("accepts any number from 0 to 1 and stores two decimals", () => {
    expect(validateScore(0)).toBeNull();
    expect(validateScore(0.65)).toBeNull();
    expect(validateScore(1)).toBeNull();
    expect(normaliseScore(0.654)).toBe(0.65);
    expect(normaliseScore(0.666)).toBe(0.67);
  });

  it("refuses scores outside 0–1 or not numbers", () => {
    expect(validateScore(1.1)).toMatch(/0\.0 to 1\.0/);
    expect(validateScore(-0.1)).toMatch(/0\.0 to 1\.0/);
    expect(validateScore("0.7")).not.toBeNull();
    expect(validateScore(Number.NaN)).not.toBeNull();
    expect(() => normaliseScore(7)).toThrow(RangeError);
  });

  it("puts scores in the customary bands", () => {
    const grid = [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9, 1];
    expect(grid.map(gradeBand)).toEqual([
      ...Array(4).fill("failed"),
      ...Array(3).fill("fell_short"),
      ...Array(4).fill("delivered"),
    ]);
    expect(gradeBand(0.35)).toBe("failed");
    expect(gradeBand(0.69)).toBe("fell_short");
    expect(GRADE_BAND_LABELS[gradeBand(0.2)]).toBe("failed to make real progress");
    expect(GRADE_BAND_LABELS[gradeBand(0.5)]).toBe("progress but fell short");
    expect(GRADE_BAND_LABELS[gradeBand(0.9)]).toBe("delivered");
  });

  it("marks 0.6–0.7 as the healthy spot for stretch goals", () => {
    expect([0.5, 0.59, 0.6, 0.65, 0.7, 0.71, 1].map(isStretchSweetSpot)).toEqual([
      false,
      false,
      true,
      true,
      true,
      false,
      false,
    ]);
  });
});

describe("grade distribution", () => {
  it("counts a team's scores per band and per tenth", () => {
    const distribution = gradeDistribution([0.3, 0.35, 0.6, 0.65, 0.7, 1, 1]);
    expect(distribution).toEqual({
      count: 7,
      mean: 0.66,
      bands: { failed: 2, fell_short: 2, delivered: 3 },
      byTenth: [0, 0, 0, 2, 0, 0, 2, 1, 0, 0, 2],
      sweetSpot: 3,
    });
  });

  it("puts every score of the one-decimal grid in its own bucket", () => {
    const grid = Array.from({ length: 11 }, (_, k) => k / 10);
    expect(gradeDistribution(grid).byTenth).toEqual(Array(11).fill(1));
  });

  it("has no mean without scores", () => {
    expect(gradeDistribution([])).toMatchObject({ count: 0, mean: null, byTenth: Array(11).fill(0) });
  });
});

describe("sandbagging", () => {
  it("flags a team at 1.0 on every KR in each of its last two closed cycles", () => {
    expect(
      looksSandbagged([
        [0.6, 0.7],
        [1, 1, 1],
        [1, 1],
      ]),
    ).toBe(true);
  });

  it("does not flag a single perfect cycle, or a run broken by one KR", () => {
    expect(looksSandbagged([[1, 1]])).toBe(false);
    expect(
      looksSandbagged([
        [1, 1],
        [1, 0.9],
      ]),
    ).toBe(false);
    expect(looksSandbagged([[1, 1], [1, 1], [0.7]])).toBe(false); // the latest cycle decides
    expect(looksSandbagged([])).toBe(false);
  });

  it("does not count a cycle without KRs as perfect", () => {
    expect(looksSandbagged([[1, 1], []])).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { atLeast, atMost, clamp01, roundTo } from "./numbers.ts";

describe("number helpers", () => {
  it("rounds away float noise and never returns -0", () => {
    expect(roundTo(0.1 + 0.2, 4)).toBe(0.3);
    expect(roundTo(2 / 3, 4)).toBe(0.6667);
    expect(Object.is(roundTo(-0.00001, 4), 0)).toBe(true);
  });

  it("clamps to [0, 1]", () => {
    expect([-0.25, 0.4, 1.3].map(clamp01)).toEqual([0, 0.4, 1]);
  });

  it("compares thresholds with a tolerance for float noise only", () => {
    expect(0.6 / 0.75).toBeLessThan(0.8); // 0.7999999999999999
    expect(atLeast(0.6 / 0.75, 0.8)).toBe(true);
    expect(atLeast(0.7999, 0.8)).toBe(false);
    expect(atMost(0.34 + 0.56 + 0.1, 1)).toBe(true);
    expect(atMost(1.0001, 1)).toBe(false);
  });
});

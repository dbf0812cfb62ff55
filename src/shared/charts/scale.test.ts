import { describe, expect, it } from "vitest";
import { niceDomain, niceStep, ticksOf } from "./scale.ts";

describe("chart scaling", () => {
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
});

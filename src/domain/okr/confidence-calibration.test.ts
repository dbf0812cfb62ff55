import { describe, expect, it } from "vitest";
import { calibrate } from "./confidence-calibration.ts";

const kr = (meanConfidence: number, finalScore: number) => ({ meanConfidence, finalScore });

describe("calibrate", () => {
  it("says nothing much with fewer than five graded KRs", () => {
    expect(calibrate([])).toMatchObject({ keyResults: 0, reading: "too_few", meanConfidence: null });
    const few = calibrate([kr(8, 0.9), kr(6, 0.4)]);
    expect(few).toMatchObject({ keyResults: 2, reading: "too_few", delivered: 0.5 });
    expect(few.summary).toContain("5 or more are needed");
  });

  it("calls confidence that matched results well calibrated", () => {
    const c = calibrate([kr(7, 0.8), kr(7, 0.9), kr(7, 0.7), kr(7, 0.5), kr(7, 1), kr(7, 0.6), kr(7, 0.75)]);
    expect(c.reading).toBe("well_calibrated");
    expect(c.delivered).toBe(0.71);
  });

  it("calls high confidence on KRs that were missed overconfident", () => {
    const c = calibrate([kr(9, 0.3), kr(8, 0.5), kr(9, 0.4), kr(8, 0.9), kr(9, 0.2)]);
    expect(c.reading).toBe("overconfident");
    expect(c.summary).toContain("raising a risk earlier");
    expect(c.bands.find((b) => b.from === 7)).toMatchObject({ keyResults: 5, delivered: 0.2 });
  });

  it("calls low confidence on KRs that were delivered underconfident", () => {
    const c = calibrate([kr(4, 0.9), kr(5, 1), kr(3, 0.8), kr(4, 0.7), kr(5, 0.6)]);
    expect(c.reading).toBe("underconfident");
  });

  it("scores each KR's stated chance against its outcome (Brier)", () => {
    // 10 → delivered (0), 0 → missed (0), 5 → delivered (0.25): mean 0.0833.
    expect(calibrate([kr(10, 1), kr(0, 0), kr(5, 0.7)]).brierScore).toBe(0.08);
  });

  it("puts a mean confidence into the band it rounds into, and leaves out what is not a number", () => {
    const c = calibrate([kr(6.5, 0.8), kr(3.4, 0.2), kr(Number.NaN, 1)]);
    expect(c.keyResults).toBe(2);
    expect(c.bands.map((b) => b.keyResults)).toEqual([1, 0, 1]);
  });
});

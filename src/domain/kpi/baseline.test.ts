import { describe, expect, it } from "vitest";
import { baselineEffectiveFrom, proposedBaseline } from "./baseline.ts";

const bands = { target: 96, greenMin: 95, greenMax: null, redMin: 92, redMax: null };

describe("a met promotion's new baseline", () => {
  it("moves target and thresholds up by achieved − old target for a KPI that should rise", () => {
    expect(proposedBaseline(bands, 97.5, "higher_is_better")).toEqual({
      target: 97.5,
      greenMin: 96.5,
      greenMax: null,
      redMin: 93.5,
      redMax: null,
    });
  });

  it("never lowers the bar of a KPI that should rise", () => {
    expect(proposedBaseline(bands, 94, "higher_is_better")).toEqual(bands);
  });

  it("moves bands down for a KPI that should fall", () => {
    const lower = { target: 10, greenMin: null, greenMax: 12, redMin: null, redMax: 15 };
    expect(proposedBaseline(lower, 8, "lower_is_better")).toEqual({
      ...lower,
      target: 8,
      greenMax: 10,
      redMax: 13,
    });
  });

  it("makes the achieved level the target of a KPI without one", () => {
    expect(proposedBaseline(null, 42, "higher_is_better").target).toBe(42);
  });

  it("starts with the KPI's first period after the cycle", () => {
    const opts = { weekStart: 1, fiscalYearStartMonth: 1 };
    expect(baselineEffectiveFrom("2026-09-30", "monthly", opts)).toBe("2026-10-01");
    expect(baselineEffectiveFrom("2026-09-30", "quarterly", opts)).toBe("2026-10-01");
    expect(baselineEffectiveFrom("2026-12-31", "weekly", opts)).toBe("2027-01-04");
  });
});

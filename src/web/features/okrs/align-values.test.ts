import { describe, expect, it } from "vitest";
import { type AlignValues, alignedParents, checkAlignment, weightBudget } from "./align-values.ts";

const values = (over: Partial<AlignValues> = {}): AlignValues => ({
  rows: [{ objectiveId: "a", title: "A", teamName: null, weight: 0.5 }],
  parentId: null,
  weight: "",
  lookIn: "c1",
  ...over,
});

describe("align values", () => {
  it("counts the picked parent's weight only once one is picked", () => {
    expect(weightBudget(values({ weight: 0.3 }))).toEqual({ left: 0.5, tooHigh: false });
    expect(weightBudget(values({ parentId: "b", weight: 0.3 }))).toEqual({ left: 0.2, tooHigh: false });
    expect(weightBudget(values({ parentId: "b", weight: 0.6 })).tooHigh).toBe(true);
  });

  it("saves the kept parents and the picked one", () => {
    expect(alignedParents(values())).toEqual([{ objectiveId: "a", weight: 0.5 }]);
    expect(alignedParents(values({ parentId: "b", weight: 0.25 }))).toEqual([
      { objectiveId: "a", weight: 0.5 },
      { objectiveId: "b", weight: 0.25 },
    ]);
  });

  it("refuses a missing or out-of-range weight, then weights above 1 together", () => {
    expect(checkAlignment([{ weight: "" }]).weights).toMatch(/above 0 and at most 1/);
    expect(checkAlignment([{ weight: 0 }]).weights).toMatch(/above 0 and at most 1/);
    expect(checkAlignment([{ weight: 0.7 }, { weight: 0.4 }]).weights).toMatch(/more than 1/);
    expect(checkAlignment([{ weight: 0.7 }, { weight: 0.3 }])).toEqual({});
    expect(checkAlignment([])).toEqual({});
  });
});

import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  type AlignmentGraph,
  alignedProgress,
  alignedProgressAll,
  type Contribution,
  validateContributionWeights,
  wouldCreateAlignmentLoop,
} from "./alignment.ts";

/**
 * Company "Grow ARR to 12M" ← divisions "Fill the sales pipeline" and "Activate new
 * accounts" ← squads. "Inbound" splits itself 0.5/0.5 over both divisions; "Onboarding"
 * gives 0.6 to activation and 0.4 straight to the company Objective.
 */
const contributions: Contribution[] = [
  { childId: "pipeline", parentId: "arr", weight: 1 },
  { childId: "activation", parentId: "arr", weight: 1 },
  { childId: "outbound", parentId: "pipeline", weight: 1 },
  { childId: "inbound", parentId: "pipeline", weight: 0.5 },
  { childId: "inbound", parentId: "activation", weight: 0.5 },
  { childId: "onboarding", parentId: "activation", weight: 0.6 },
  { childId: "onboarding", parentId: "arr", weight: 0.4 },
];
const ownProgress = new Map<string, number | null>([
  ["arr", 0.3],
  ["pipeline", 0.1], // own KRs; its aligned progress comes from its contributors
  ["activation", 0.9],
  ["outbound", 0.8],
  ["inbound", 0.4],
  ["onboarding", 0.5],
]);
const graph: AlignmentGraph = { contributions, ownProgress };

describe("contribution weights", () => {
  it("accepts a child split 0.6 / 0.4 over two parents, or giving less than all of itself", () => {
    expect(
      validateContributionWeights([
        { parentId: "activation", weight: 0.6 },
        { parentId: "arr", weight: 0.4 },
      ]),
    ).toBeNull();
    expect(validateContributionWeights([{ parentId: "arr", weight: 0.3 }])).toBeNull();
    expect(validateContributionWeights([])).toBeNull();
  });

  it("refuses weights adding up to more than 1, so nothing is counted twice", () => {
    expect(
      validateContributionWeights([
        { parentId: "activation", weight: 0.7 },
        { parentId: "arr", weight: 0.5 },
      ]),
    ).toMatch(/add up to 1\.2.*at most 1/);
  });

  it("forgives float noise in a sum of exactly 1", () => {
    expect(
      validateContributionWeights([
        { parentId: "a", weight: 0.34 },
        { parentId: "b", weight: 0.56 },
        { parentId: "c", weight: 0.1 },
      ]),
    ).toBeNull();
  });

  it("refuses a weight of 0 or less, above 1, or the same parent twice", () => {
    expect(validateContributionWeights([{ parentId: "arr", weight: 0 }])).toMatch(/more than 0/);
    expect(validateContributionWeights([{ parentId: "arr", weight: -0.2 }])).toMatch(/more than 0/);
    expect(validateContributionWeights([{ parentId: "arr", weight: 1.5 }])).toMatch(/at most 1/);
    expect(validateContributionWeights([{ parentId: "arr", weight: Number.NaN }])).not.toBeNull();
    expect(
      validateContributionWeights([
        { parentId: "arr", weight: 0.2 },
        { parentId: "arr", weight: 0.3 },
      ]),
    ).toMatch(/only once/);
  });
});

describe("aligned progress", () => {
  it("is the contribution-weighted mean of the contributors' own progress", () => {
    // (1 × 0.8 + 0.5 × 0.4) / 1.5
    expect(alignedProgress("pipeline", graph)).toBe(0.6667);
    // (0.5 × 0.4 + 0.6 × 0.5) / 1.1
    expect(alignedProgress("activation", graph)).toBe(0.4545);
  });

  it("rolls up through several levels, using a contributor's aligned progress when it has contributors", () => {
    // (1 × 0.6667 + 1 × 0.4545 + 0.4 × 0.5) / 2.4: the divisions' own 0.1 and 0.9 play no part.
    expect(alignedProgress("arr", graph)).toBe(0.5505);
    expect(alignedProgressAll(graph)).toEqual(
      new Map([
        ["arr", 0.5505],
        ["pipeline", 0.6667],
        ["activation", 0.4545],
      ]),
    );
  });

  it("is null for an Objective nobody contributes to", () => {
    expect(alignedProgress("outbound", graph)).toBeNull();
  });

  it("leaves out contributors without progress, falling back to a contributor's own progress", () => {
    const sparse: AlignmentGraph = {
      contributions: [
        { childId: "division", parentId: "company", weight: 1 },
        { childId: "squad-without-krs", parentId: "division", weight: 1 },
        { childId: "other-division", parentId: "company", weight: 1 },
      ],
      ownProgress: new Map([
        ["division", 0.6],
        ["squad-without-krs", null],
        ["other-division", 0.2],
      ]),
    };
    expect(alignedProgress("division", sparse)).toBeNull();
    expect(alignedProgress("company", sparse)).toBe(0.4); // (0.6 + 0.2) / 2
  });

  it("clamps contributors' progress into [0, 1]", () => {
    const overachiever: AlignmentGraph = {
      contributions: [
        { childId: "a", parentId: "p", weight: 1 },
        { childId: "b", parentId: "p", weight: 1 },
      ],
      ownProgress: new Map([
        ["a", 1.4],
        ["b", -0.2],
      ]),
    };
    expect(alignedProgress("p", overachiever)).toBe(0.5);
  });

  it("does not hang on a loop in corrupt data", () => {
    const looped: AlignmentGraph = {
      contributions: [
        { childId: "a", parentId: "b", weight: 1 },
        { childId: "b", parentId: "a", weight: 1 },
        { childId: "c", parentId: "a", weight: 1 },
      ],
      ownProgress: new Map([
        ["a", 0.2],
        ["b", 0.4],
        ["c", 0.6],
      ]),
    };
    expect(alignedProgress("a", looped)).not.toBeNull();
  });

  it("always lies within [0, 1], whatever the graph", () => {
    const id = fc.constantFrom("a", "b", "c", "d", "e", "f");
    const link = fc.record({
      childId: id,
      parentId: id,
      weight: fc.double({ min: -1, max: 2, noNaN: true }),
    });
    const progress = fc.option(fc.double({ min: -3, max: 3, noNaN: true }));
    fc.assert(
      fc.property(fc.array(link, { maxLength: 15 }), fc.array(fc.tuple(id, progress)), (links, own) => {
        const all = alignedProgressAll({ contributions: links, ownProgress: new Map(own) });
        return [...all.values()].every((value) => value === null || (value >= 0 && value <= 1));
      }),
    );
  });
});

describe("alignment loops", () => {
  const parentsOf = new Map<string, string[]>([
    ["pipeline", ["arr"]],
    ["activation", ["arr"]],
    ["inbound", ["pipeline", "activation"]],
    ["onboarding", ["activation", "arr"]],
  ]);

  it("refuses linking an Objective to itself or to one that contributes to it", () => {
    expect(wouldCreateAlignmentLoop("arr", "arr", parentsOf)).toBe(true);
    expect(wouldCreateAlignmentLoop("arr", "inbound", parentsOf)).toBe(true); // two levels down
    expect(wouldCreateAlignmentLoop("activation", "onboarding", parentsOf)).toBe(true);
    expect(wouldCreateAlignmentLoop("pipeline", "inbound", parentsOf)).toBe(true);
  });

  it("allows a second parent elsewhere in the tree", () => {
    expect(wouldCreateAlignmentLoop("inbound", "arr", parentsOf)).toBe(false);
    expect(wouldCreateAlignmentLoop("outbound", "activation", parentsOf)).toBe(false);
    expect(wouldCreateAlignmentLoop("pipeline", "activation", parentsOf)).toBe(false);
  });

  it("terminates on already-looping data", () => {
    const corrupt = new Map([
      ["a", ["b"]],
      ["b", ["a"]],
    ]);
    expect(wouldCreateAlignmentLoop("z", "a", corrupt)).toBe(false);
  });
});

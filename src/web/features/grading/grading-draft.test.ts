import { describe, expect, it } from "vitest";
import { buildKeyResult, buildObjective } from "../okrs/okr-fixtures.ts";
import {
  draftGrade,
  gradingProblems,
  gradingRequests,
  initialGrading,
  isGraded,
  suggestOutcome,
  weightedGrade,
} from "./grading-draft.ts";
import { barHeights } from "./report-utils.ts";

const kr1 = buildKeyResult({ id: "kr-1", progress: 0.66, version: 4 });
const kr2 = buildKeyResult({ id: "kr-2", progress: 1.3, version: 2, weight: 2 });
const objective = buildObjective({ id: "o-1", keyResults: [kr1, kr2], version: 7 });

describe("grading an Objective", () => {
  it("starts from the suggested scores and the outcome they imply", () => {
    const d = initialGrading(objective);
    expect(d.scores["kr-1"]?.score).toBe(0.7);
    expect(d.scores["kr-2"]?.score).toBe(1);
    expect(draftGrade(objective, d)).toBe(0.9);
    expect(d.outcome).toBe("achieved");
    expect(suggestOutcome(0.69)).toBe("missed");
    expect(suggestOutcome(null)).toBe("missed");
  });

  it("keeps saved scores and comments", () => {
    const saved = buildObjective({
      keyResults: [
        buildKeyResult({ id: "kr-9", progress: 0.5, finalScore: 0.3, scoreComment: "Data changed" }),
      ],
      outcome: "missed",
    });
    expect(initialGrading(saved)).toMatchObject({
      scores: { "kr-9": { score: 0.3, comment: "Data changed" } },
      outcome: "missed",
    });
  });

  it("asks for a comment when a score differs from the suggestion, and for a score unless dropped", () => {
    const d = initialGrading(objective);
    d.scores["kr-1"] = { score: 0.2, comment: "" };
    expect(gradingProblems(objective, d)).toEqual({
      "kr-1:comment": "Say why it differs from the suggestion",
    });
    d.scores["kr-1"] = { score: "", comment: "" };
    expect(gradingProblems(objective, d)["kr-1:score"]).toBeTruthy();
    expect(gradingProblems(objective, { ...d, outcome: "dropped" })).toEqual({});
  });

  it("sends new or changed scores with their KR versions, then the grade", () => {
    const req = gradingRequests(objective, initialGrading(objective));
    expect(req.scores).toEqual([
      { keyResultId: "kr-1", version: 4, finalScore: 0.7 },
      { keyResultId: "kr-2", version: 2, finalScore: 1 },
    ]);
    expect(req.grade).toEqual({ objectiveId: "o-1", outcome: "achieved" });
  });

  it("sends nothing for an Objective graded as it stands", () => {
    const graded = buildObjective({
      keyResults: [buildKeyResult({ id: "kr-5", progress: 0.66, finalScore: 0.7 })],
      outcome: "achieved",
      grade: 0.7,
    });
    expect(isGraded(graded)).toBe(true);
    expect(gradingRequests(graded, initialGrading(graded))).toEqual({ scores: [], grade: null });
    expect(isGraded(objective)).toBe(false);
  });

  it("weighs the grade like the server", () => {
    expect(
      weightedGrade([
        { score: 0.7, weight: 1 },
        { score: 1, weight: 2 },
      ]),
    ).toBe(0.9);
    expect(weightedGrade([{ score: null, weight: 1 }])).toBeNull();
    expect(weightedGrade([{ score: 0.5, weight: 0 }])).toBeNull();
  });

  it("scales distribution bars to the tallest bucket", () => {
    expect(barHeights([0, 2, 4, 0])).toEqual([0, 0.5, 1, 0]);
    expect(barHeights([0, 0])).toEqual([0, 0]);
  });
});

import { describe, expect, it } from "vitest";
import { applyFix, fixLabel, type LintFinding, rowKeyOf, toLintBody } from "./lint-draft.ts";
import { emptyKeyResult, type ObjectiveDraft } from "./objective-draft.ts";

function draft(): ObjectiveDraft {
  const kr = (title: string, start: number, target: number) => ({
    ...emptyKeyResult("u1", "Ines"),
    title,
    startValue: start,
    targetValue: target,
  });
  return {
    title: "Make returns effortless",
    description: "",
    teamId: "t1",
    ownerUserId: "u1",
    ownerName: "Ines",
    themeId: null,
    visibility: "organization",
    healthKpiIds: [],
    keyResults: [kr("Refund time 9 → 2 days", 9, 2), emptyKeyResult(), kr("Keep NPS at 60", 60, 60)],
  };
}

const finding = (on: string, fix: LintFinding["fix"]): LintFinding => ({
  rule: "business-as-usual",
  severity: "warning",
  on,
  message: "…",
  ...(fix ? { fix } : {}),
});

describe("toLintBody", () => {
  it("sends the rows that will be saved and remembers which row is keyResults.N", () => {
    const d = draft();
    const { body, keys } = toLintBody(d, { cycleId: "c1", objectiveId: null });
    expect(body.keyResults?.map((k) => k.title)).toEqual(["Refund time 9 → 2 days", "Keep NPS at 60"]);
    expect(keys).toEqual([d.keyResults[0]?.key, d.keyResults[2]?.key]);
    expect(body).toMatchObject({ cycleId: "c1", teamId: "t1" });
    expect(rowKeyOf(finding("keyResults.1", undefined), keys)).toBe(d.keyResults[2]?.key);
    expect(rowKeyOf(finding("objective", undefined), keys)).toBeNull();
  });
});

describe("applyFix", () => {
  it("re-targets the row the finding is on", () => {
    const d = draft();
    const { keys } = toLintBody(d, { cycleId: null, objectiveId: null });
    const fixed = applyFix(d, finding("keyResults.1", { kind: "re-target", targetValue: 72 }), keys);
    expect(fixed.keyResults[2]?.targetValue).toBe(72);
    expect(fixed.keyResults[0]).toEqual(d.keyResults[0]);
  });

  it("moves a new KR to the KPI board by dropping it, and marks a saved one removed", () => {
    const d = draft();
    const { keys } = toLintBody(d, { cycleId: null, objectiveId: null });
    const move = finding("keyResults.1", { kind: "move-to-kpi-board", name: "NPS" });
    expect(applyFix(d, move, keys).keyResults.map((k) => k.title)).toEqual(["Refund time 9 → 2 days", ""]);
    const saved = { ...d, keyResults: d.keyResults.map((k, i) => (i === 2 ? { ...k, id: "kr3" } : k)) };
    expect(applyFix(saved, move, keys).keyResults[2]?.removed).toBe(true);
  });

  it("adds suggested health KPIs once, at most four", () => {
    const d = { ...draft(), healthKpiIds: ["k1", "k2", "k3"] };
    const fixed = applyFix(
      d,
      finding("objective", { kind: "link-health-kpis", kpiIds: ["k3", "k4", "k5"] }),
      [],
    );
    expect(fixed.healthKpiIds).toEqual(["k1", "k2", "k3", "k4"]);
  });

  it("offers no button for a fix made elsewhere", () => {
    expect(fixLabel({ kind: "add-floor", teamId: "t", cycleId: "c" })).toBeNull();
    expect(fixLabel({ kind: "re-target", targetValue: 5 })).toBe("Set the target to 5");
  });
});

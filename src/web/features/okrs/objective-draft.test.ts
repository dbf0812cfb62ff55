import { describe, expect, it } from "vitest";
import {
  diffEdits,
  draftFromObjective,
  emptyKeyResult,
  isBlank,
  keyResultInput,
  mapIssues,
  type ObjectiveDraft,
  toCreateInput,
  validateDraft,
} from "./objective-draft.ts";
import { buildKeyResult, buildObjective } from "./okr-fixtures.ts";

function draft(extra: Partial<ObjectiveDraft> = {}): ObjectiveDraft {
  return {
    title: "Halve parcel damage in the Hamburg hub",
    description: "",
    teamId: "team-ops",
    ownerUserId: "u-ada",
    ownerName: "Ada Admin",
    themeId: null,
    visibility: "organization",
    keyResults: [],
    healthKpiIds: [],
    ...extra,
  };
}

describe("creating an Objective", () => {
  it("drops rows nobody typed into and sends start/target/unit only for metrics", () => {
    const metric = {
      ...emptyKeyResult("u-ada"),
      title: "Damaged parcels per 10,000 from 12 to 6",
      startValue: 12,
      targetValue: 6 as const,
    };
    const milestone = {
      ...emptyKeyResult("u-ada"),
      title: "Packing stations in all lanes",
      kind: "milestone" as const,
      startValue: 1 as const,
    };
    const blank = emptyKeyResult("u-ada");
    expect(isBlank(blank)).toBe(true);
    const input = toCreateInput(draft({ keyResults: [metric, blank, milestone] }), "cycle-q4");
    expect(input.keyResults).toEqual([
      {
        title: "Damaged parcels per 10,000 from 12 to 6",
        kind: "metric",
        ownerUserId: "u-ada",
        weight: 1,
        commitment: "aspirational",
        contributorUserIds: [],
        startValue: 12,
        targetValue: 6,
        unit: "",
      },
      {
        title: "Packing stations in all lanes",
        kind: "milestone",
        ownerUserId: "u-ada",
        weight: 1,
        commitment: "aspirational",
        contributorUserIds: [],
      },
    ]);
    expect(input.cycleId).toBe("cycle-q4");
  });

  it("sends theme, visibility, and each KR's weight, commitment and contributors (never the owner twice)", () => {
    const kr = {
      ...emptyKeyResult("u-ada"),
      title: "Claims paid within 5 days from 60% to 90%",
      weight: 2,
      commitment: "committed" as const,
      contributorUserIds: ["u-ben", "u-ada"],
    };
    const input = toCreateInput(
      draft({ themeId: "theme-customer", visibility: "team", keyResults: [kr] }),
      "cycle-q4",
    );
    expect(input.themeId).toBe("theme-customer");
    expect(input.visibility).toBe("team");
    expect(input.keyResults[0]).toMatchObject({
      weight: 2,
      commitment: "committed",
      contributorUserIds: ["u-ben"],
    });
    // An emptied weight is the default weight, not 0.
    expect(keyResultInput({ ...kr, weight: "" }).weight).toBe(1);
    expect(validateDraft(draft({ keyResults: [{ ...kr, weight: 150 }] }))).toEqual({
      [`kr:${kr.key}:weight`]: "Between 0 and 100",
    });
  });

  it("lets a draft lack owners and targets, but not titles", () => {
    const noTarget = { ...emptyKeyResult(null), title: "Claims handled within 48 h" };
    expect(keyResultInput(noTarget)).toMatchObject({
      startValue: null,
      targetValue: null,
      ownerUserId: null,
    });
    expect(validateDraft(draft({ keyResults: [noTarget] }))).toEqual({});
    const untitled = { ...emptyKeyResult(null), startValue: 3 as const };
    const errors = validateDraft(draft({ title: "  ", keyResults: [untitled] }));
    expect(errors.title).toBeTruthy();
    expect(errors[`kr:${untitled.key}:title`]).toBeTruthy();
  });

  it("puts the API's issues under the row that was sent, not the row's position on screen", () => {
    const a = { ...emptyKeyResult(), title: "A" };
    const b = { ...emptyKeyResult(), title: "B" };
    const { errors, unplaced } = mapIssues(
      [
        { field: "keyResults.1.ownerUserId", message: "is not an active member of this organisation" },
        { field: "teamId", message: "runs KPIs only" },
        { field: "keyResults.0.weight", message: "must be at most 100" },
        { field: "visibility", message: "is not an option" },
        { field: "cycleId", message: "is closed" },
      ],
      [a, b],
    );
    expect(errors[`kr:${b.key}:ownerUserId`]).toBe("Is not an active member of this organisation");
    expect(errors[`kr:${a.key}:weight`]).toBe("Must be at most 100");
    expect(errors.teamId).toBe("Runs KPIs only");
    expect(errors.visibility).toBe("Is not an option");
    expect(unplaced).toEqual([{ field: "cycleId", message: "is closed" }]);
  });
});

describe("editing an Objective", () => {
  const kr1 = buildKeyResult({ id: "kr-1", version: 4 });
  const kr2 = buildKeyResult({
    id: "kr-2",
    title: "Route re-planning in all depots",
    kind: "percentage",
    startValue: null,
    targetValue: null,
    unit: "%",
    version: 2,
  });
  const objective = buildObjective({ keyResults: [kr1, kr2], version: 5 });

  it("sends nothing when nothing changed", () => {
    expect(diffEdits(objective, draftFromObjective(objective))).toEqual({
      patch: null,
      added: [],
      changed: [],
    });
  });

  it("patches changed fields with their versions, archives removed KRs and adds new ones", () => {
    const d = draftFromObjective(objective);
    d.title = "Cut late deliveries everywhere";
    d.keyResults[0] = { ...d.keyResults[0]!, targetValue: 98 };
    d.keyResults[1] = { ...d.keyResults[1]!, removed: true };
    d.keyResults.push({
      ...emptyKeyResult("u-ada"),
      title: "Evening slots in 3 cities",
      startValue: 0,
      targetValue: 3,
    });
    const edits = diffEdits(objective, d);
    expect(edits.patch).toEqual({ version: 5, title: "Cut late deliveries everywhere" });
    expect(edits.changed).toEqual([
      { id: "kr-1", patch: { version: 4, targetValue: 98 } },
      { id: "kr-2", patch: { version: 2, archived: true } },
    ]);
    expect(edits.added).toHaveLength(1);
    expect(edits.added[0]).toMatchObject({ title: "Evening slots in 3 cities", targetValue: 3 });
  });

  it("patches theme, visibility, weight, commitment and contributors only when they changed", () => {
    const d = draftFromObjective(objective);
    d.themeId = "theme-process";
    d.visibility = "team";
    d.keyResults[0] = {
      ...d.keyResults[0]!,
      weight: 3,
      commitment: "committed",
      contributorUserIds: ["u-ben"],
    };
    const edits = diffEdits(objective, d);
    expect(edits.patch).toEqual({ version: 5, themeId: "theme-process", visibility: "team" });
    expect(edits.changed).toEqual([
      {
        id: "kr-1",
        patch: { version: 4, weight: 3, commitment: "committed", contributorUserIds: ["u-ben"] },
      },
    ]);
    // The same contributors in another order change nothing.
    const reordered = buildObjective({
      keyResults: [{ ...kr1, contributorUserIds: ["u-ben", "u-cleo"] }],
      version: 5,
    });
    const same = draftFromObjective(reordered);
    same.keyResults[0] = { ...same.keyResults[0]!, contributorUserIds: ["u-cleo", "u-ben"] };
    expect(diffEdits(reordered, same).changed).toEqual([]);
  });
});

describe("health KPIs in the Objective form", () => {
  it("sends the chosen KPIs in order when creating", () => {
    const input = toCreateInput(draft({ healthKpiIds: ["kpi-on-time", "kpi-damage"] }), "cycle-q4");
    expect(input.healthKpiIds).toEqual(["kpi-on-time", "kpi-damage"]);
  });

  it("patches health KPIs only when the list or its order changed", () => {
    const objective = buildObjective({ version: 2, healthKpiIds: ["kpi-on-time", "kpi-damage"] });
    expect(diffEdits(objective, draftFromObjective(objective)).patch).toBeNull();
    const reordered = { ...draftFromObjective(objective), healthKpiIds: ["kpi-damage", "kpi-on-time"] };
    expect(diffEdits(objective, reordered).patch).toEqual({
      version: 2,
      healthKpiIds: ["kpi-damage", "kpi-on-time"],
    });
    const cleared = { ...draftFromObjective(objective), healthKpiIds: [] };
    expect(diffEdits(objective, cleared).patch).toEqual({ version: 2, healthKpiIds: [] });
  });

  it("puts the API's issue about one health KPI under the field", () => {
    const { errors, unplaced } = mapIssues(
      [{ field: "healthKpiIds.1", message: "is an archived KPI; restore it or pick another" }],
      [],
    );
    expect(errors).toEqual({ healthKpiIds: "Is an archived KPI; restore it or pick another" });
    expect(unplaced).toEqual([]);
  });
});
